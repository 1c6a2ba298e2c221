import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  dateTimeParts,
  formatClock,
  formatDateFr,
  formatDateTime,
  formatDay,
  formatFullDay,
  formatNumericDateTime,
  isIsoDate,
  isTime,
  localDate,
  localTime,
  onLocalDay,
  toInstant,
} from './dates.ts';

// Every screen shows days and times on the organisation's clocks (Europe/Paris by default,
// decision 006), so each check runs with the device set to other zones too: a phone set to UTC or
// to Cayenne must file a passage typed « 23/11 à 00:30 » under the same day as the agenda and the
// compte-rendu do.
const DEVICE_ZONES = ['Europe/Paris', 'UTC', 'America/Cayenne', 'Pacific/Kiritimati'];
const previousTz = process.env.TZ;
afterEach(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

describe.each(DEVICE_ZONES)('days and times on the organisation’s clocks, the device set to %s', (zone) => {
  const onDevice = () => {
    process.env.TZ = zone;
  };

  it('turns a day and time into a UTC instant and back, daylight saving included', () => {
    onDevice();
    expect(toInstant('2026-11-23', '10:05')).toBe('2026-11-23T09:05:00.000Z');
    expect(toInstant('2026-07-01', '00:30')).toBe('2026-06-30T22:30:00.000Z');
    const ms = Date.parse('2026-06-30T22:30:00.000Z');
    expect(localDate(ms)).toBe('2026-07-01');
    expect(localTime(ms)).toBe('00:30');
    expect(formatClock('2026-11-23T09:05:00.000Z')).toBe('10:05');
    expect(dateTimeParts('2026-11-22T23:30:00.000Z')).toEqual({ date: '2026-11-23', time: '00:30' });
  });

  it('tells whether an instant falls on a day, at both ends of the day', () => {
    onDevice();
    const on23 = onLocalDay('2026-11-23');
    expect(on23('2026-11-22T23:00:00.000Z')).toBe(true);
    expect(on23('2026-11-22T22:59:59.999Z')).toBe(false);
    expect(on23('2026-11-23T22:59:59.999Z')).toBe(true);
    expect(on23('2026-11-23T23:00:00.000Z')).toBe(false);
    // The day the clocks go back is 25 hours long.
    const on25Oct = onLocalDay('2026-10-25');
    expect(on25Oct('2026-10-24T22:00:00.000Z')).toBe(true);
    expect(on25Oct('2026-10-25T22:59:59.999Z')).toBe(true);
    expect(on25Oct('2026-10-25T23:00:00.000Z')).toBe(false);
  });

  it('formats instants in French', () => {
    onDevice();
    expect(formatDateTime('2026-11-22T23:30:00.000Z')).toBe('23 novembre 2026 à 00:30');
    expect(formatNumericDateTime('2026-05-04T12:05:00.000Z')).toBe('04/05/2026 14:05');
  });
});

describe('calendar days', () => {
  it('refuses malformed input', () => {
    expect(toInstant('2026-02-30', '10:00')).toBeNull();
    expect(toInstant('2026-02-10', '24:00')).toBeNull();
    expect(toInstant('', '')).toBeNull();
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isTime('7:00')).toBe(false);
    expect(isTime('07:00')).toBe(true);
    expect(onLocalDay('pas une date')('2026-11-23T10:00:00.000Z')).toBe(false);
    expect(onLocalDay('2026-11-23')('pas une date')).toBe(false);
    expect(formatClock('pas une date')).toBe('');
    expect(formatDateTime('pas une date')).toBe('');
    expect(dateTimeParts('')).toEqual({ date: '', time: '' });
    expect(formatNumericDateTime('pas une date')).toBe('pas une date');
  });

  it('adds days across month ends and daylight-saving changes', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('formats days in French, with and without the weekday and the year', () => {
    expect(formatFullDay('2026-11-23')).toBe('lundi 23 novembre 2026');
    expect(formatDay('2026-11-23')).toBe('lundi 23 novembre');
    expect(formatDateFr('2026-05-04')).toBe('04/05/2026');
    expect(formatFullDay('bientôt')).toBe('bientôt');
  });
});
