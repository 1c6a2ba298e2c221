import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatClock, formatDay, formatInstant, isIsoDate, isOnLocalDay, isTime, localDate, localTime, toInstant } from './time.ts';

// Paris has DST changes, which is where local-day arithmetic goes wrong.
let previousTz: string | undefined;
beforeAll(() => {
  previousTz = process.env.TZ;
  process.env.TZ = 'Europe/Paris';
});
afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

describe('local day and time', () => {
  it('turns a local day and time into a UTC instant and back', () => {
    expect(toInstant('2026-11-23', '10:05')).toBe('2026-11-23T09:05:00.000Z');
    expect(toInstant('2026-07-01', '00:30')).toBe('2026-06-30T22:30:00.000Z');
    const ms = Date.parse('2026-06-30T22:30:00.000Z');
    expect(localDate(ms)).toBe('2026-07-01');
    expect(localTime(ms)).toBe('00:30');
    expect(formatClock('2026-11-23T09:05:00.000Z')).toBe('10:05');
  });

  it('refuses malformed input', () => {
    expect(toInstant('2026-02-30', '10:00')).toBeNull();
    expect(toInstant('2026-02-10', '24:00')).toBeNull();
    expect(toInstant('', '')).toBeNull();
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isTime('7:00')).toBe(false);
    expect(isTime('07:00')).toBe(true);
  });

  it('adds days across month ends and DST changes', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('tells whether an instant falls on a local day', () => {
    expect(isOnLocalDay('2026-11-22T23:30:00.000Z', '2026-11-23')).toBe(true);
    expect(isOnLocalDay('2026-11-22T22:59:59.999Z', '2026-11-23')).toBe(false);
    expect(isOnLocalDay('pas une date', '2026-11-23')).toBe(false);
  });

  it('formats a day in French', () => {
    expect(formatDay('2026-11-23')).toBe('lundi 23 novembre 2026');
  });
});

describe('formatInstant', () => {
  it('says the local day and time', () => {
    expect(formatInstant('2026-11-22T23:30:00.000Z')).toBe('23 novembre 2026 à 00:30');
  });
});
