import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateFromDayNumber,
  dayNumber,
  daysBetween,
  formatDateFr,
  isIsoDate,
  isIsoDateTime,
  isoWeekday,
  isTime,
  localDateOf,
  localTimeOf,
  msFromDateTime,
  zonedDateTime,
} from './calendar.ts';
import { withProcessTimeZone } from './test-support.ts';

describe('calendar days', () => {
  it('accepts real days only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('26-01-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });

  it('counts days across months, years and leap days', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    // A DST change is not a day boundary problem for calendar days.
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });

  it('names weekdays the ISO way', () => {
    expect(isoWeekday('2026-11-23')).toBe(1); // a Monday
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-29')).toBe(1);
  });

  it('round-trips day numbers (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), fc.integer({ min: -5000, max: 5000 }), (n, k) => {
        const date = dateFromDayNumber(n);
        expect(isIsoDate(date)).toBe(true);
        expect(dayNumber(date)).toBe(n);
        expect(addDays(addDays(date, k), -k)).toBe(date);
        expect(daysBetween(date, addDays(date, k))).toBe(k);
      }),
    );
  });

  it('agrees with the platform calendar (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => {
        expect(dateFromDayNumber(n)).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });

  it('formats French dates', () => {
    expect(formatDateFr('2026-11-23')).toBe('23/11/2026');
  });

  it('throws on a non-date', () => {
    expect(() => dayNumber('2026-02-30')).toThrow(RangeError);
  });
});

describe('instants and time zones', () => {
  it('checks the record datetime format', () => {
    expect(isIsoDateTime('2026-11-23T10:00:00.000Z')).toBe(true);
    expect(isIsoDateTime('2026-11-23T10:00:00Z')).toBe(false);
    expect(isIsoDateTime('2026-11-23T24:00:00.000Z')).toBe(false);
    expect(isIsoDateTime('2026-02-30T10:00:00.000Z')).toBe(false);
    expect(isTime('23:59')).toBe(true);
    expect(isTime('24:00')).toBe(false);
    expect(isTime('9:00')).toBe(false);
    expect(msFromDateTime('1970-01-02T00:00:01.500Z')).toBe(86_401_500);
  });

  it('finds local midnight and noon in Paris, summer and winter', () => {
    expect(zonedDateTime('2026-01-15', '00:00')).toBe('2026-01-14T23:00:00.000Z');
    expect(zonedDateTime('2026-07-15', '00:00')).toBe('2026-07-14T22:00:00.000Z');
    expect(zonedDateTime('2026-07-15', '12:00')).toBe('2026-07-15T10:00:00.000Z');
    // The days the clocks change.
    expect(zonedDateTime('2026-03-29', '00:00')).toBe('2026-03-28T23:00:00.000Z');
    expect(zonedDateTime('2026-03-29', '12:00')).toBe('2026-03-29T10:00:00.000Z');
    expect(zonedDateTime('2026-10-25', '00:00')).toBe('2026-10-24T22:00:00.000Z');
    expect(zonedDateTime('2026-10-25', '12:00')).toBe('2026-10-25T11:00:00.000Z');
  });

  it('works in other French time zones', () => {
    expect(zonedDateTime('2026-07-15', '00:00', 'Indian/Reunion')).toBe('2026-07-14T20:00:00.000Z');
    expect(zonedDateTime('2026-07-15', '00:00', 'America/Cayenne')).toBe('2026-07-15T03:00:00.000Z');
  });

  it('reads the local day and time of an instant', () => {
    expect(localDateOf('2026-03-28T23:30:00.000Z')).toBe('2026-03-29');
    expect(localTimeOf('2026-03-28T23:30:00.000Z')).toBe('00:30');
    expect(localDateOf('2026-10-25T21:59:59.999Z')).toBe('2026-10-25');
    expect(localDateOf('2026-10-25T23:00:00.000Z')).toBe('2026-10-26');
    expect(localTimeOf('2026-10-25T00:30:00.000Z')).toBe('02:30');
    expect(localTimeOf('2026-10-25T01:30:00.000Z')).toBe('02:30');
  });

  it('does not depend on the device time zone', () => {
    const inAuckland = withProcessTimeZone('Pacific/Auckland', () => [zonedDateTime('2026-03-29', '00:00'), localDateOf('2026-03-28T23:30:00.000Z')]);
    expect(inAuckland).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29']);
  });
});
