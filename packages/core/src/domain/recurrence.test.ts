import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodiumPrimitives } from '../crypto/test-support.ts';
import type { CryptoPrimitives } from '../ports.ts';
import { ActionFields } from './action.ts';
import { ActionSeriesFields, emptyActionSeries, type ActionSeriesFields as Series } from './action-series.ts';
import { addDays, dateFromDayNumber, dayNumber } from './calendar.ts';
import { derivedId } from './derived-id.ts';
import {
  endSeriesBefore,
  followingOccurrencePatches,
  isOccurrenceDate,
  materialiseOccurrence,
  nextOccurrenceDate,
  occurrenceDates,
  occurrenceKey,
  splitSeries,
  virtualOccurrences,
} from './recurrence.ts';
import { validateFields } from './registry.ts';
import { rruleProblem } from './rrule-text.ts';
import { keyring, PERSON_1, SERIES_1, TEAM_A, TEAM_B, testId, withProcessTimeZone } from './test-support.ts';

let p: CryptoPrimitives;
beforeAll(async () => {
  p = await loadSodiumPrimitives();
});

function series(rrule: string, startDate: string, until = ''): Series {
  return { ...emptyActionSeries(startDate), title: 'Maraude du lundi', teamIds: [TEAM_A], personIds: [PERSON_1], rrule, until, dueTime: '20:00' };
}

describe('occurrences', () => {
  it('weekly on Mondays', () => {
    expect(occurrenceDates(series('FREQ=WEEKLY;BYDAY=MO', '2026-11-02'), '2026-11-01', '2026-11-30')).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
  });

  it('never before the start, and both bounds included', () => {
    const s = series('FREQ=WEEKLY;BYDAY=MO', '2026-11-10');
    expect(occurrenceDates(s, '2026-11-01', '2026-11-23')).toEqual(['2026-11-16', '2026-11-23']);
    expect(occurrenceDates(s, '2026-11-16', '2026-11-16')).toEqual(['2026-11-16']);
    expect(occurrenceDates(s, '2026-11-17', '2026-11-16')).toEqual([]);
  });

  it('monthly on the 31st skips the short months; on the first Monday; on the last day', () => {
    expect(occurrenceDates(series('FREQ=MONTHLY', '2026-01-31'), '2026-01-01', '2026-12-31')).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
      '2026-07-31',
      '2026-08-31',
      '2026-10-31',
      '2026-12-31',
    ]);
    expect(occurrenceDates(series('FREQ=MONTHLY;BYDAY=1MO', '2026-01-01'), '2026-01-01', '2026-06-30')).toEqual([
      '2026-01-05',
      '2026-02-02',
      '2026-03-02',
      '2026-04-06',
      '2026-05-04',
      '2026-06-01',
    ]);
    expect(occurrenceDates(series('FREQ=MONTHLY;BYMONTHDAY=-1', '2028-01-15'), '2028-01-01', '2028-03-31')).toEqual(['2028-01-31', '2028-02-29', '2028-03-31']);
  });

  it('stops at until (included) and at COUNT', () => {
    expect(occurrenceDates(series('FREQ=WEEKLY', '2026-11-02', '2026-11-16'), '2026-10-01', '2027-01-01')).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(occurrenceDates(series('FREQ=DAILY;COUNT=3', '2026-11-02'), '2026-10-01', '2027-01-01')).toEqual(['2026-11-02', '2026-11-03', '2026-11-04']);
    expect(nextOccurrenceDate(series('FREQ=DAILY;COUNT=3', '2026-11-02'), '2026-11-05')).toBeNull();
  });

  it('keeps calendar days across the daylight-saving changes, whatever the device time zone', () => {
    for (const timeZone of ['Europe/Paris', 'Pacific/Auckland', 'America/New_York', 'UTC']) {
      withProcessTimeZone(timeZone, () => {
        if (timeZone === 'Europe/Paris') expect(new Date(2026, 2, 29, 12).getTimezoneOffset()).toBe(-120);
        expect(occurrenceDates(series('FREQ=WEEKLY;BYDAY=SU', '2026-03-01'), '2026-03-20', '2026-04-10')).toEqual(['2026-03-22', '2026-03-29', '2026-04-05']);
        expect(occurrenceDates(series('FREQ=DAILY', '2026-10-23'), '2026-10-23', '2026-10-27')).toEqual([
          '2026-10-23',
          '2026-10-24',
          '2026-10-25',
          '2026-10-26',
          '2026-10-27',
        ]);
        expect(occurrenceDates(series('FREQ=MONTHLY;BYMONTHDAY=29', '2026-01-29'), '2026-03-01', '2026-04-30')).toEqual(['2026-03-29', '2026-04-29']);
        expect(isOccurrenceDate(series('FREQ=WEEKLY;BYDAY=SU', '2026-10-04'), '2026-10-25')).toBe(true);
      });
    }
  });

  it('gives nothing for a malformed series rather than failing', () => {
    expect(occurrenceDates({ rrule: 'FREQ=HOURLY', startDate: '2026-01-01', until: '' }, '2026-01-01', '2026-02-01')).toEqual([]);
    expect(occurrenceDates({ rrule: 'FREQ=DAILY', startDate: 'hier', until: '' }, '2026-01-01', '2026-02-01')).toEqual([]);
  });
});

describe('rule checks', () => {
  it('accepts the calendar-day subset and explains refusals in French', () => {
    for (const ok of ['FREQ=WEEKLY;BYDAY=MO', 'FREQ=MONTHLY;BYDAY=1MO', 'FREQ=MONTHLY;BYDAY=-1FR;INTERVAL=2', 'FREQ=DAILY;COUNT=10', 'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=29']) {
      expect(rruleProblem(ok), ok).toBeNull();
    }
    expect(rruleProblem('')).toBe('Veuillez indiquer la règle de récurrence.');
    expect(rruleProblem('FREQ=HOURLY')).toBe('Veuillez choisir une fréquence : quotidienne, hebdomadaire, mensuelle ou annuelle.');
    expect(rruleProblem('FREQ=WEEKLY;UNTIL=20261231')).toBe("Indiquez la fin de la série dans le champ « jusqu'au », pas dans la règle.");
    for (const bad of ['FREQ=WEEKLY;BYDAY=XX', 'FREQ=WEEKLY;BYDAY=1MO', 'FREQ=WEEKLY;INTERVAL=0', 'FREQ=WEEKLY;FREQ=DAILY', 'FREQ=WEEKLY;BYHOUR=8', 'RRULE:FREQ=DAILY', 'freq=daily']) {
      expect(rruleProblem(bad), bad).toBe('La règle de récurrence est invalide.');
    }
  });

  it('validates a series document', () => {
    expect(ActionSeriesFields.safeParse(series('FREQ=WEEKLY', '2026-11-02')).success).toBe(true);
    expect(validateFields('actionSeries', series('FREQ=SOMETIMES', '2026-11-02'))).toEqual({
      ok: false,
      errors: { rrule: 'Veuillez choisir une fréquence : quotidienne, hebdomadaire, mensuelle ou annuelle.' },
    });
    expect(validateFields('actionSeries', series('FREQ=WEEKLY', '2026-11-02', '2026-11-01'))).toEqual({
      ok: false,
      errors: { until: 'La date de fin doit suivre la date de début.' },
    });
  });
});

describe('materialised occurrences', () => {
  it('get the same id on every device, keep their series and date, and validate as actions', () => {
    const s = series('FREQ=WEEKLY;BYDAY=MO', '2026-11-02');
    const a = materialiseOccurrence(p, keyring(1), SERIES_1, s, '2026-11-16', { status: 'done', completedAt: '2026-11-16T21:00:00.000Z' });
    const b = materialiseOccurrence(p, keyring(1), SERIES_1, s, '2026-11-16', { dueDate: '2026-11-17', seriesId: 'ignored' });
    expect(a.id).toBe(b.id);
    expect(a.id).toBe(derivedId(p, keyring(1), SERIES_1, '2026-11-16'));
    expect(a.id).not.toBe(materialiseOccurrence(p, keyring(1), SERIES_1, s, '2026-11-23').id);
    expect(b.fields).toMatchObject({ seriesId: SERIES_1, occurrenceDate: '2026-11-16', dueDate: '2026-11-17', status: 'todo', title: 'Maraude du lundi', dueTime: '20:00' });
    expect(a.fields).toMatchObject({ status: 'done', dueDate: '2026-11-16' });
    expect(ActionFields.safeParse(a.fields).success).toBe(true);
  });

  it('are not listed again as virtual, whatever their status or new date', () => {
    const s = series('FREQ=WEEKLY;BYDAY=MO', '2026-11-02');
    const moved = { seriesId: SERIES_1, occurrenceDate: '2026-11-09' };
    const virtual = virtualOccurrences([{ id: SERIES_1, summary: s }], '2026-11-01', '2026-11-20', [{ summary: moved }]);
    expect(virtual.map((v) => v.occurrenceDate)).toEqual(['2026-11-02', '2026-11-16']);
    expect(virtual[0]).toMatchObject({
      key: occurrenceKey(SERIES_1, '2026-11-02'),
      seriesId: SERIES_1,
      summary: { status: 'todo', dueDate: '2026-11-02', occurrenceDate: '2026-11-02', seriesId: SERIES_1, title: 'Maraude du lundi' },
    });
  });
});

describe('this occurrence and the following ones', () => {
  it('ends the series the day before and starts a new one at that date with the changes', () => {
    const s = series('FREQ=WEEKLY;BYDAY=MO', '2026-11-02');
    const { ended, next } = splitSeries(s, '2026-11-16', { dueTime: '19:00', teamIds: [TEAM_B] });
    expect(ended).toMatchObject({ startDate: '2026-11-02', until: '2026-11-15', dueTime: '20:00' });
    expect(next).toMatchObject({ startDate: '2026-11-16', until: '', dueTime: '19:00', teamIds: [TEAM_B], rrule: 'FREQ=WEEKLY;BYDAY=MO' });
    expect(occurrenceDates(ended!, '2026-11-01', '2026-12-31')).toEqual(['2026-11-02', '2026-11-09']);
    expect(occurrenceDates(next!, '2026-11-01', '2026-11-30')).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
    expect(ActionSeriesFields.safeParse(ended).success && ActionSeriesFields.safeParse(next).success).toBe(true);
  });

  it('replaces the whole series when split at its first occurrence, and shares out a COUNT', () => {
    expect(splitSeries(series('FREQ=WEEKLY', '2026-11-02'), '2026-11-02').ended).toBeNull();
    const counted = splitSeries(series('FREQ=DAILY;COUNT=10', '2026-11-01'), '2026-11-04');
    expect(counted.next?.rrule).toBe('FREQ=DAILY;COUNT=7');
    expect(endSeriesBefore(series('FREQ=WEEKLY', '2026-11-02', '2026-11-10'), '2026-12-01')?.until).toBe('2026-11-10');
    expect(splitSeries(series('FREQ=WEEKLY', '2026-11-02', '2026-11-10'), '2026-12-01').next).toBeNull();
  });

  it('occurs, split in two, on exactly the original dates (property)', () => {
    const rules = [
      'FREQ=DAILY',
      'FREQ=DAILY;INTERVAL=3',
      'FREQ=WEEKLY',
      'FREQ=WEEKLY;BYDAY=MO,TH',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
      'FREQ=MONTHLY',
      'FREQ=MONTHLY;BYDAY=1MO',
      'FREQ=MONTHLY;BYMONTHDAY=-1',
      'FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR',
      'FREQ=YEARLY',
    ];
    const base = dayNumber('2025-01-01');
    fc.assert(
      fc.property(
        fc.constantFrom(...rules),
        fc.constantFrom('', ';COUNT=5', ';COUNT=20'),
        fc.integer({ min: 0, max: 1000 }),
        fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
        fc.integer({ min: -30, max: 900 }),
        (rule, count, start, untilAfter, splitAfter) => {
          const startDate = dateFromDayNumber(base + start);
          const s = series(rule + count, startDate, untilAfter === null ? '' : addDays(startDate, untilAfter));
          const from = addDays(startDate, splitAfter);
          const [lo, hi] = [addDays(startDate, -40), addDays(startDate, 3000)];
          const { ended, next } = splitSeries(s, from);
          const before = ended === null ? [] : occurrenceDates(ended, lo, hi);
          const after = next === null ? [] : occurrenceDates(next, lo, hi);
          expect([...before, ...after]).toEqual(occurrenceDates(s, lo, hi));
          expect(before.every((d) => d < from) && after.every((d) => d >= from)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('moves the materialised following occurrences to the new series', () => {
    const actions = [
      { id: testId(1), summary: { seriesId: SERIES_1, occurrenceDate: '2026-11-09', status: 'todo' as const } },
      { id: testId(2), summary: { seriesId: SERIES_1, occurrenceDate: '2026-11-16', status: 'todo' as const } },
      { id: testId(3), summary: { seriesId: SERIES_1, occurrenceDate: '2026-11-23', status: 'done' as const } },
      { id: testId(4), summary: { seriesId: testId(99), occurrenceDate: '2026-11-23', status: 'todo' as const } },
    ];
    const newSeries = testId(500);
    expect(followingOccurrencePatches(actions, SERIES_1, newSeries, '2026-11-16', { dueTime: '19:00', rrule: 'FREQ=DAILY' })).toEqual([
      { id: testId(2), patch: { seriesId: newSeries, dueTime: '19:00' } },
      { id: testId(3), patch: { seriesId: newSeries } },
    ]);
  });
});
