import { describe, expect, it } from 'vitest';
import type { ActionSummary } from './action.ts';
import { emptyActionSeries } from './action-series.ts';
import { agenda, agendaOverdue, agendaToday, agendaUpcoming, agendaWeek, type AgendaEntry, type AgendaInput } from './agenda.ts';
import { occurrenceKey } from './recurrence.ts';
import { SERIES_1, TEAM_A, TEAM_B, testId } from './test-support.ts';

function action(n: number, dueDate: string, extra: Partial<ActionSummary> = {}) {
  const summary: ActionSummary = {
    title: `Action ${n}`,
    status: 'todo',
    dueDate,
    dueTime: '',
    urgent: false,
    categories: [],
    personIds: [],
    teamIds: [TEAM_A],
    completedAt: '',
    seriesId: '',
    occurrenceDate: '',
    createdAt: '',
    ...extra,
  };
  return { id: testId(n), summary };
}

const actions = [
  action(1, '2026-11-23', { dueTime: '10:00', categories: ['CAF'] }),
  action(2, '2026-11-23', { urgent: true, teamIds: [TEAM_B], categories: ['Santé mentale'] }),
  action(3, '2026-11-23', { status: 'done', dueTime: '09:00', completedAt: '2026-11-23T08:00:00.000Z' }),
  action(4, '2026-11-23', { status: 'cancelled' }),
  action(5, '2026-11-20'),
  action(6, '2026-11-10', { urgent: true, teamIds: [TEAM_B] }),
  action(7, '2026-11-19', { status: 'done' }),
  action(8, '2026-11-25'),
  action(9, '2027-03-01'),
  // The series' occurrence of 18 November, materialised and done.
  action(10, '2026-11-18', { status: 'done', seriesId: SERIES_1, occurrenceDate: '2026-11-18', dueTime: '08:00' }),
];
const series = [
  { id: SERIES_1, summary: { ...emptyActionSeries('2026-11-04'), title: 'Tournée du mercredi', teamIds: [TEAM_A], rrule: 'FREQ=WEEKLY;BYDAY=WE', dueTime: '08:00' } },
];
const input: AgendaInput = { today: '2026-11-23', actions, series };

const keys = (entries: AgendaEntry[]) => entries.map((e) => e.key);
const v = (date: string) => occurrenceKey(SERIES_1, date);

describe('agenda', () => {
  it("Aujourd'hui: to do before done, urgent first, then by time; cancelled left out", () => {
    expect(keys(agendaToday(input))).toEqual([testId(2), testId(1), testId(3)]);
  });

  it('En retard: to do and due before today, with the untouched occurrences of the last 30 days', () => {
    expect(keys(agendaOverdue(input))).toEqual([testId(6), v('2026-11-04'), v('2026-11-11'), testId(5)]);
    // A shorter look-back leaves old occurrences out, never old actions.
    expect(keys(agendaOverdue(input, 10))).toEqual([testId(6), testId(5)]);
  });

  it('À venir: to do after today, a timed occurrence before an untimed action of its day', () => {
    const upcoming = agendaUpcoming(input);
    expect(keys(upcoming)).toEqual([
      v('2026-11-25'),
      testId(8),
      v('2026-12-02'),
      v('2026-12-09'),
      v('2026-12-16'),
      v('2026-12-23'),
      testId(9),
    ]);
    expect(upcoming[0]).toMatchObject({ id: null, virtual: true, summary: { dueDate: '2026-11-25', status: 'todo' } });
    expect(upcoming[1]).toMatchObject({ id: testId(8), virtual: false });
  });

  it('Semaine: seven days from today, each grouped and sorted', () => {
    const week = agendaWeek(input);
    expect(week.map((d) => d.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(keys(week[0]!.entries)).toEqual([testId(2), testId(1), testId(3)]);
    expect(week[1]!.entries).toEqual([]);
    expect(keys(week[2]!.entries)).toEqual([v('2026-11-25'), testId(8)]);
    expect(keys(agendaWeek(input, '2026-11-16')[2]!.entries)).toEqual([testId(10)]);
  });

  it('filters by team and by category', () => {
    expect(keys(agendaToday({ ...input, filters: { teamIds: [TEAM_B] } }))).toEqual([testId(2)]);
    expect(keys(agendaToday({ ...input, filters: { categories: ['CAF'] } }))).toEqual([testId(1)]);
    expect(keys(agendaUpcoming({ ...input, filters: { teamIds: [TEAM_B] } }))).toEqual([]);
    expect(keys(agendaToday({ ...input, filters: { teamIds: [], categories: [] } }))).toEqual([testId(2), testId(1), testId(3)]);
  });

  it('gives the four views at once', () => {
    const all = agenda(input);
    expect(keys(all.today)).toEqual(keys(agendaToday(input)));
    expect(all.week).toHaveLength(7);
  });
});
