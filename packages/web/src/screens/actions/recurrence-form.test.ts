import { describe, expect, it } from 'vitest';
import {
  checkCustomRule,
  describeRecurrence,
  NO_RECURRENCE,
  recurrenceFromRrule,
  recurrenceToRrule,
  weekdayOf,
  type RecurrenceInput,
} from './recurrence-form.ts';

const input = (patch: Partial<RecurrenceInput>): RecurrenceInput => ({ ...NO_RECURRENCE, ...patch });

describe('recurrenceToRrule', () => {
  it('gives no rule when the action does not repeat', () => {
    expect(recurrenceToRrule(input({ kind: 'none', until: '2026-12-01' }), '2026-11-23')).toEqual({ ok: true, rrule: '', until: '' });
  });

  it('builds daily, weekly and monthly rules with an interval only when above one', () => {
    expect(recurrenceToRrule(input({ kind: 'daily' }), '2026-11-23')).toEqual({ ok: true, rrule: 'FREQ=DAILY', until: '' });
    expect(recurrenceToRrule(input({ kind: 'daily', interval: '3' }), '2026-11-23')).toMatchObject({ rrule: 'FREQ=DAILY;INTERVAL=3' });
    expect(recurrenceToRrule(input({ kind: 'monthly', interval: ' 2 ' }), '2026-11-23')).toMatchObject({ rrule: 'FREQ=MONTHLY;INTERVAL=2' });
  });

  it('lists chosen weekdays in calendar order, whatever the order of the clicks', () => {
    const result = recurrenceToRrule(input({ kind: 'weekly', weekdays: ['FR', 'MO', 'WE'], until: '2027-01-31' }), '2026-11-23');
    expect(result).toEqual({ ok: true, rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', until: '2027-01-31' });
  });

  it('refuses a weekly rule without a day, a bad interval and an end before the start', () => {
    const result = recurrenceToRrule(input({ kind: 'weekly', weekdays: [], interval: '0', until: '2026-11-01' }), '2026-11-23');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.weekdays).toMatch(/au moins un jour/);
    expect(result.errors.interval).toMatch(/entre 1 et 999/);
    expect(result.errors.until).toMatch(/après/);
  });

  it('refuses an impossible end date', () => {
    const result = recurrenceToRrule(input({ kind: 'daily', until: '2026-02-30' }), '2026-01-01');
    expect(result).toEqual({ ok: false, errors: { until: 'Veuillez saisir une date valide (jour, mois, année).' } });
  });

  it('normalises a custom rule and passes its errors to the custom field', () => {
    expect(recurrenceToRrule(input({ kind: 'custom', custom: 'rrule:bymonthday=1,15;freq=monthly' }), '2026-11-23')).toEqual({
      ok: true,
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=1,15',
      until: '',
    });
    const bad = recurrenceToRrule(input({ kind: 'custom', custom: 'FREQ=HOURLY' }), '2026-11-23');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.custom).toMatch(/fréquence/);
  });
});

describe('checkCustomRule', () => {
  it('accepts the usual RFC 5545 parts', () => {
    expect(checkCustomRule('FREQ=MONTHLY;BYDAY=1MO,-1FR;INTERVAL=2')).toEqual({ rule: 'FREQ=MONTHLY;BYDAY=1MO,-1FR;INTERVAL=2' });
    expect(checkCustomRule('FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-1;COUNT=5')).toEqual({ rule: 'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=-1;COUNT=5' });
    expect(checkCustomRule(' rrule:count=4;freq=daily; ')).toEqual({ rule: 'FREQ=DAILY;COUNT=4' });
  });

  it.each([
    ['', /forme FREQ=/],
    ['BYDAY=MO', /fréquence/],
    ['FREQ=WEEKLY;UNTIL=20270101', /jusqu'au/],
    ['FREQ=WEEKLY;DTSTART=20270101', /jusqu'au/],
    ['FREQ=WEEKLY;BYHOUR=9', /invalide/],
    ['FREQ=WEEKLY;BYDAY=XX', /invalide/],
    ['FREQ=MONTHLY;BYMONTHDAY=32', /invalide/],
    ['FREQ=DAILY;FREQ=WEEKLY', /forme FREQ=/],
    ['FREQ=DAILY;INTERVAL', /forme FREQ=/],
  ])('refuses %j', (rule, message) => {
    const result = checkCustomRule(rule);
    expect('error' in result && result.error).toMatch(message);
  });
});

describe('recurrenceFromRrule', () => {
  it('shows simple rules with their simple kind, and round-trips them', () => {
    for (const rrule of ['FREQ=DAILY', 'FREQ=DAILY;INTERVAL=2', 'FREQ=WEEKLY;BYDAY=TU,TH', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', 'FREQ=MONTHLY']) {
      const form = recurrenceFromRrule(rrule, '2027-01-01');
      expect(form.kind).not.toBe('custom');
      expect(recurrenceToRrule(form, '2026-11-23')).toEqual({ ok: true, rrule, until: '2027-01-01' });
    }
  });

  it('keeps anything else as a custom rule', () => {
    expect(recurrenceFromRrule('FREQ=MONTHLY;BYDAY=1MO', '')).toMatchObject({ kind: 'custom', custom: 'FREQ=MONTHLY;BYDAY=1MO' });
    expect(recurrenceFromRrule('', '')).toMatchObject({ kind: 'none' });
  });
});

describe('describeRecurrence', () => {
  it('reads in French', () => {
    expect(describeRecurrence('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH,FR', '')).toBe('Toutes les 2 semaines, le lundi, jeudi et vendredi');
    expect(describeRecurrence('FREQ=DAILY', '2027-03-03')).toBe('Tous les jours, jusqu’au 3 mars 2027');
    expect(describeRecurrence('FREQ=MONTHLY;INTERVAL=3', '')).toBe('Tous les 3 mois');
  });
});

describe('weekdayOf', () => {
  it('gives the RFC 5545 code of a date', () => {
    expect(weekdayOf('2026-11-23')).toBe('MO');
    expect(weekdayOf('2026-11-29')).toBe('SU');
  });
});
