import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodiumPrimitives } from '../crypto/test-support.ts';
import type { CryptoPrimitives } from '../ports.ts';
import type { ActionSummary } from './action.ts';
import { dayWindow, inWindow, workingDayOf } from './day-window.ts';
import { derivedId } from './derived-id.ts';
import type { PersonSummary } from './person.ts';
import { validateFields } from './registry.ts';
import { emptyReport, gatherReport, reportId, reportIds, reportLabel, reportWindow, ReportFields, type ReportInputs } from './report.ts';
import { keyring, NIGHT, PERSON_1, PERSON_2, TEAM_A, TEAM_B, testId } from './test-support.ts';

let p: CryptoPrimitives;
beforeAll(async () => {
  p = await loadSodiumPrimitives();
});

describe('day windows', () => {
  it('runs midnight to midnight, 23 or 25 hours on the days the clocks change', () => {
    expect(dayWindow('2026-11-23', false)).toEqual({ date: '2026-11-23', start: '2026-11-22T23:00:00.000Z', end: '2026-11-23T23:00:00.000Z' });
    expect(dayWindow('2026-03-29', false)).toEqual({ date: '2026-03-29', start: '2026-03-28T23:00:00.000Z', end: '2026-03-29T22:00:00.000Z' });
    expect(dayWindow('2026-10-25', false)).toEqual({ date: '2026-10-25', start: '2026-10-24T22:00:00.000Z', end: '2026-10-25T23:00:00.000Z' });
  });

  it('runs noon to noon for night teams, named after the day the shift starts', () => {
    const settings = { nightTeamIds: [NIGHT] };
    expect(reportWindow(NIGHT, '2026-03-28', settings)).toEqual({ date: '2026-03-28', start: '2026-03-28T11:00:00.000Z', end: '2026-03-29T10:00:00.000Z' });
    expect(reportWindow(NIGHT, '2026-10-24', settings)).toEqual({ date: '2026-10-24', start: '2026-10-24T10:00:00.000Z', end: '2026-10-25T11:00:00.000Z' });
    expect(reportWindow(TEAM_A, '2026-10-24', settings).start).toBe('2026-10-23T22:00:00.000Z');
  });

  it('includes its start and excludes its end', () => {
    const w = dayWindow('2026-11-23', false);
    expect(inWindow(w, '2026-11-22T23:00:00.000Z')).toBe(true);
    expect(inWindow(w, '2026-11-23T22:59:59.999Z')).toBe(true);
    expect(inWindow(w, '2026-11-23T23:00:00.000Z')).toBe(false);
  });

  it('puts a night shift morning on the day the shift started', () => {
    expect(workingDayOf('2026-11-24T03:00:00.000Z', true)).toBe('2026-11-23');
    expect(workingDayOf('2026-11-24T03:00:00.000Z', false)).toBe('2026-11-24');
    expect(workingDayOf('2026-11-24T11:00:00.000Z', true)).toBe('2026-11-24');
  });
});

describe('report records', () => {
  it('has one id per team and day, the same on every device', () => {
    const id = reportId(p, keyring(1), TEAM_A, '2026-11-23');
    expect(id).toBe(derivedId(p, keyring(1), 'report', TEAM_A, '2026-11-23'));
    expect(id).not.toBe(reportId(p, keyring(1), TEAM_B, '2026-11-23'));
    expect(id).not.toBe(reportId(p, keyring(1), TEAM_A, '2026-11-24'));
    expect(reportIds(p, keyring(1, [1, 2]), TEAM_A, '2026-11-23')[1]).toBe(id);
  });

  it('validates text and co-interventions', () => {
    const report = { ...emptyReport(TEAM_A, '2026-11-23'), text: 'Nuit calme.', coInterventions: ['SAMU social', 'Police municipale'] };
    expect(ReportFields.safeParse(report).success).toBe(true);
    expect(validateFields('report', { ...report, date: '23/11/2026', coInterventions: [''] })).toEqual({
      ok: false,
      errors: { date: 'Veuillez saisir une date valide (AAAA-MM-JJ).', coInterventions: 'Veuillez saisir un libellé.' },
    });
    expect(reportLabel(report)).toBe('Compte-rendu du 23/11/2026');
  });
});

describe('gatherReport', () => {
  const action = (n: number, extra: Partial<ActionSummary>) => ({
    id: testId(n),
    summary: {
      title: `Action ${n}`,
      status: 'todo',
      dueDate: '2026-11-23',
      dueTime: '',
      urgent: false,
      categories: [],
      personIds: [],
      teamIds: [NIGHT],
      completedAt: '',
      seriesId: '',
      occurrenceDate: '',
      createdAt: '',
      ...extra,
    } satisfies ActionSummary,
  });
  const person = (n: number, createdAt: string, teamIds = [NIGHT]) => ({
    id: testId(n),
    summary: { name: `P${n}`, otherNames: '', phone: '', birthDate: '', teamIds, highlyVulnerable: false, outOfActiveList: false, alerts: false, createdAt } satisfies PersonSummary,
  });
  const inputs: ReportInputs = {
    settings: { nightTeamIds: [NIGHT] },
    actions: [
      action(1, { createdAt: '2026-11-23T21:00:00.000Z' }),
      action(2, { status: 'done', createdAt: '2026-11-20T10:00:00.000Z', completedAt: '2026-11-24T03:00:00.000Z' }),
      action(3, { status: 'cancelled', completedAt: '2026-11-23T12:00:00.000Z' }),
      action(4, { status: 'done', completedAt: '2026-11-23T09:00:00.000Z' }),
      action(5, { createdAt: '2026-11-23T21:00:00.000Z', teamIds: [TEAM_A] }),
    ],
    comments: [
      { id: testId(11), summary: { personId: PERSON_1, actionId: '', teamId: NIGHT, date: '2026-11-24T02:00:00.000Z', priority: false } },
      { id: testId(12), summary: { personId: PERSON_1, actionId: '', teamId: NIGHT, date: '2026-11-23T20:00:00.000Z', priority: true } },
      { id: testId(13), summary: { personId: PERSON_1, actionId: '', teamId: TEAM_A, date: '2026-11-23T20:00:00.000Z', priority: false } },
      { id: testId(14), summary: { personId: PERSON_1, actionId: '', teamId: NIGHT, date: '2026-11-24T11:00:00.000Z', priority: false } },
    ],
    passages: [
      { id: testId(21), summary: { date: '2026-11-23T19:00:00.000Z', teamId: NIGHT, personIds: [PERSON_1, PERSON_2], anonymousCount: 0 } },
      { id: testId(22), summary: { date: '2026-11-23T19:30:00.000Z', teamId: NIGHT, personIds: [], anonymousCount: 3 } },
      { id: testId(23), summary: { date: '2026-11-23T10:59:59.999Z', teamId: NIGHT, personIds: [], anonymousCount: 5 } },
    ],
    encounters: [{ id: testId(31), summary: { date: '2026-11-24T01:00:00.000Z', teamId: NIGHT, personIds: [PERSON_1], territoryId: '' } }],
    observations: [
      { id: testId(41), summary: { date: '2026-11-23T22:00:00.000Z', teamId: NIGHT, territoryId: testId(40) } },
      { id: testId(42), summary: { date: '2026-11-23T22:00:00.000Z', teamId: TEAM_B, territoryId: testId(40) } },
    ],
    persons: [person(51, '2026-11-23T23:30:00.000Z'), person(52, '2026-11-23T23:30:00.000Z', [TEAM_A]), person(53, '2026-11-22T23:30:00.000Z'), person(54, '')],
  };

  it("gathers the night team's activity from noon to noon, in time order", () => {
    const r = gatherReport(NIGHT, '2026-11-23', inputs);
    const ids = (items: { id: string }[]) => items.map((i) => i.id);
    expect(r.window).toEqual({ date: '2026-11-23', start: '2026-11-23T11:00:00.000Z', end: '2026-11-24T11:00:00.000Z' });
    expect(ids(r.actionsCreated)).toEqual([testId(1)]);
    expect(ids(r.actionsCompleted)).toEqual([testId(2)]);
    expect(ids(r.actionsCancelled)).toEqual([testId(3)]);
    expect(ids(r.comments)).toEqual([testId(12), testId(11)]);
    expect(ids(r.passages)).toEqual([testId(21), testId(22)]);
    expect(ids(r.encounters)).toEqual([testId(31)]);
    expect(ids(r.observations)).toEqual([testId(41)]);
    expect(ids(r.newPersons)).toEqual([testId(51)]);
    expect(r.totals).toEqual({ passages: 5, anonymousPassages: 3, encounters: 1, personsMet: 2 });
  });

  it('gathers a day team midnight to midnight', () => {
    const r = gatherReport(NIGHT, '2026-11-23', { ...inputs, settings: { nightTeamIds: [] } });
    expect(r.window.start).toBe('2026-11-22T23:00:00.000Z');
    expect(r.actionsCompleted.map((a) => a.id)).toEqual([testId(4)]);
    expect(r.passages.map((a) => a.id)).toEqual([testId(23), testId(21), testId(22)]);
    expect(r.newPersons.map((a) => a.id)).toEqual([testId(53)]);
  });
});
