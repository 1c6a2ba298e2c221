import { describe, expect, it } from 'vitest';
import type { ActionSummary } from './action.ts';
import type { CommentSummary } from './comment.ts';
import { handover } from './handover.ts';
import { NIGHT, PERSON_1, TEAM_A, TEAM_B, testId } from './test-support.ts';

function comment(n: number, teamId: string, date: string, priority = false) {
  const summary: CommentSummary = { personId: PERSON_1, actionId: '', teamId, date, priority };
  return { id: testId(n), summary };
}

function action(n: number, dueDate: string, teamIds = [TEAM_A], status: ActionSummary['status'] = 'todo') {
  const summary: ActionSummary = {
    title: `Action ${n}`,
    status,
    dueDate,
    dueTime: '',
    urgent: false,
    categories: [],
    personIds: [PERSON_1],
    teamIds,
    completedAt: '',
    seriesId: '',
    occurrenceDate: '',
    createdAt: '',
  };
  return { id: testId(n), summary };
}

const comments = [
  comment(1, TEAM_B, '2026-11-22T15:00:00.000Z'),
  comment(2, TEAM_A, '2026-11-22T10:00:00.000Z'),
  comment(3, TEAM_B, '2026-11-23T08:00:00.000Z'),
  comment(4, TEAM_A, '2026-11-23T09:00:00.000Z'),
  comment(5, TEAM_B, '2026-11-20T10:00:00.000Z', true),
  comment(6, TEAM_B, '2026-11-10T10:00:00.000Z', true),
  comment(7, NIGHT, '2026-11-21T22:30:00.000Z'),
  comment(8, NIGHT, '2026-11-23T02:00:00.000Z', true),
];
const actions = [
  action(101, '2026-11-24'),
  action(102, '2026-11-26'),
  action(103, '2026-11-28'),
  action(104, '2026-11-29'),
  action(105, '2026-11-20'),
  action(106, '2026-11-24', [TEAM_B]),
  action(107, '2026-11-24', [TEAM_A], 'done'),
  action(108, '2026-11-23'),
];
const ids = (items: { id: string }[]) => items.map((i) => i.id);
const keys = (items: { key: string }[]) => items.map((i) => i.key);

describe('handover of a day team', () => {
  const h = handover({ teamId: TEAM_A, date: '2026-11-23', settings: { nightTeamIds: [NIGHT] }, comments, actions });

  it('shows what was left: the previous day from every team, and what other teams wrote today, newest first', () => {
    expect(h.previousWindow).toEqual({ date: '2026-11-22', start: '2026-11-21T23:00:00.000Z', end: '2026-11-22T23:00:00.000Z' });
    expect(ids(h.left)).toEqual([testId(3), testId(8), testId(1), testId(2)]);
  });

  it('shows the prioritaire comments of the last days', () => {
    expect(ids(h.priority)).toEqual([testId(8), testId(5)]);
  });

  it("lists the team's actions due tomorrow and in the next days", () => {
    expect(keys(h.dueTomorrow)).toEqual([testId(101)]);
    expect(keys(h.dueSoon)).toEqual([testId(102), testId(103)]);
  });

  it('lists what this team must pass on', () => {
    expect(ids(h.toPassOn.comments)).toEqual([testId(4)]);
    expect(keys(h.toPassOn.actions)).toEqual([testId(105), testId(108), testId(101), testId(102), testId(103)]);
  });
});

describe('handover of a night team', () => {
  it('works noon to noon', () => {
    const h = handover({ teamId: NIGHT, date: '2026-11-22', settings: { nightTeamIds: [NIGHT] }, comments, actions: [] });
    expect(h.window).toEqual({ date: '2026-11-22', start: '2026-11-22T11:00:00.000Z', end: '2026-11-23T11:00:00.000Z' });
    // The previous night (21 noon → 22 noon): its own comment 7 and team A's morning comment 2;
    // and what the day teams wrote since noon.
    expect(ids(h.left)).toEqual([testId(4), testId(3), testId(1), testId(2), testId(7)]);
    expect(ids(h.toPassOn.comments)).toEqual([testId(8)]);
  });
});
