import { describe, expect, it } from 'vitest';
import { emptyAction, type ActionFields } from '@relais/core/domain/action';
import type { ActionSeriesFields } from '@relais/core/domain/action-series';
import { occurrenceDates, occurrenceFields } from '@relais/core/domain/recurrence';
import { actionForm, newActionForm } from './action-form.ts';
import { deleteAction, saveAction, type ActionWriter, type Editing, type SaveDeps } from './save-action.ts';

const TEAM = '0190a0b0-0000-7000-8000-000000000001';
const SERIES = '0190a0b0-0000-7000-8000-000000000051';
const NOW = '2026-11-23T14:05:00.000Z';

type Call = [string, ...unknown[]];

function fakeDeps(): { deps: SaveDeps; calls: Call[] } {
  const calls: Call[] = [];
  let n = 0;
  const writer = {
    create: (collection: string, fields: unknown, id?: string) => {
      calls.push(['create', collection, fields, id]);
      return Promise.resolve(id ?? `new-${collection}-${++n}`);
    },
    update: (collection: string, id: string, patch: unknown) => {
      calls.push(['update', collection, id, patch]);
      return Promise.resolve();
    },
    remove: (collection: string, id: string) => {
      calls.push(['remove', collection, id]);
      return Promise.resolve();
    },
  } as ActionWriter;
  return { calls, deps: { writer, occurrenceId: (s, d) => Promise.resolve(`occ:${s}:${d}`), nowIso: () => NOW } };
}

// Every Monday from 2026-11-02.
const series: ActionSeriesFields = {
  title: 'Maraude du lundi',
  description: '',
  dueTime: '20:00',
  urgent: false,
  categories: [],
  personIds: [],
  teamIds: [TEAM],
  rrule: 'FREQ=WEEKLY;BYDAY=MO',
  startDate: '2026-11-02',
  until: '',
};

function occurrence(date: string, id: string | null = null, patch: Partial<ActionFields> = {}): Editing {
  return { id, fields: { ...occurrenceFields(SERIES, series, date), ...patch }, seriesId: SERIES, series, occurrenceDate: date };
}

describe('saveAction: new actions', () => {
  it('creates a single action', async () => {
    const { deps, calls } = fakeDeps();
    const value = { ...newActionForm('2026-11-23', TEAM, ''), title: 'Appeler le SIAO' };
    const result = await saveAction(deps, null, value, []);
    expect(result).toEqual({ ok: true, href: '/actions/new-action-1', message: 'Action enregistrée.' });
    expect(calls).toEqual([['create', 'action', expect.objectContaining({ title: 'Appeler le SIAO', seriesId: '', occurrenceDate: '', teamIds: [TEAM] }), undefined]]);
  });

  it('creates a series for a recurring action and opens its first occurrence', async () => {
    const { deps, calls } = fakeDeps();
    const value = {
      ...newActionForm('2026-11-24', TEAM, ''), // a Tuesday
      title: 'Pansement',
      withTime: true,
      dueTime: '09:00',
      recurrence: { kind: 'weekly' as const, interval: '1', weekdays: ['TH' as const], custom: '', until: '2026-12-31' },
    };
    const result = await saveAction(deps, null, value, []);
    expect(calls).toEqual([
      ['create', 'actionSeries', { title: 'Pansement', description: '', dueTime: '09:00', urgent: false, categories: [], personIds: [], teamIds: [TEAM], rrule: 'FREQ=WEEKLY;BYDAY=TH', startDate: '2026-11-24', until: '2026-12-31' }, undefined],
    ]);
    expect(result).toMatchObject({ ok: true, href: '/actions/serie/new-actionSeries-1/2026-11-26' });
  });

  it('writes nothing when the form is refused', async () => {
    const { deps, calls } = fakeDeps();
    const result = await saveAction(deps, null, { ...newActionForm('2026-11-23', '', ''), title: '' }, []);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['teamIds', 'title']);
    expect(calls).toEqual([]);
  });
});

describe('saveAction: editing', () => {
  it('updates only the changed fields of a single action', async () => {
    const { deps, calls } = fakeDeps();
    const fields = { ...emptyAction('2026-11-23'), title: 'A', teamIds: [TEAM] };
    const editing: Editing = { id: 'a1', fields, seriesId: '', series: null, occurrenceDate: '' };
    await saveAction(deps, editing, { ...actionForm(fields, null), urgent: true }, []);
    expect(calls).toEqual([['update', 'action', 'a1', { urgent: true }]]);
  });

  it('records an untouched occurrence under its derived id when changed alone', async () => {
    const { deps, calls } = fakeDeps();
    const editing = occurrence('2026-11-23');
    const result = await saveAction(deps, editing, { ...actionForm(editing.fields, series), title: 'Maraude (annulée pour travaux ?)' }, []);
    expect(calls).toEqual([
      ['create', 'action', expect.objectContaining({ title: 'Maraude (annulée pour travaux ?)', seriesId: SERIES, occurrenceDate: '2026-11-23', dueTime: '20:00' }), `occ:${SERIES}:2026-11-23`],
    ]);
    expect(result).toMatchObject({ ok: true, href: `/actions/occ:${SERIES}:2026-11-23` });
  });

  it('splits the series for « cette occurrence et les suivantes »', async () => {
    const { deps, calls } = fakeDeps();
    const editing = occurrence('2026-11-23');
    const recorded = [
      { id: 'done-16', summary: { seriesId: SERIES, occurrenceDate: '2026-11-16', status: 'done' as const } },
      { id: 'todo-30', summary: { seriesId: SERIES, occurrenceDate: '2026-11-30', status: 'todo' as const } },
      { id: 'done-07', summary: { seriesId: SERIES, occurrenceDate: '2026-12-07', status: 'done' as const } },
    ];
    const value = { ...actionForm(editing.fields, series), scope: 'following' as const, dueTime: '21:00' };
    const result = await saveAction(deps, editing, value, recorded);
    expect(calls).toEqual([
      ['create', 'actionSeries', { ...series, dueTime: '21:00', startDate: '2026-11-23' }, undefined],
      ['update', 'actionSeries', SERIES, { until: '2026-11-22' }],
      ['update', 'action', 'todo-30', { seriesId: 'new-actionSeries-1', dueTime: '21:00' }],
      ['update', 'action', 'done-07', { seriesId: 'new-actionSeries-1' }],
    ]);
    expect(result).toMatchObject({ ok: true, href: '/actions/serie/new-actionSeries-1/2026-11-23' });
    // The two series together still fall on every Monday.
    const ended = { ...series, until: '2026-11-22' };
    const next = { ...series, startDate: '2026-11-23' };
    expect([...occurrenceDates(ended, '2026-11-01', '2026-12-31'), ...occurrenceDates(next, '2026-11-01', '2026-12-31')]).toEqual(
      occurrenceDates(series, '2026-11-01', '2026-12-31'),
    );
  });

  it('replaces the series when the first occurrence changes with the following ones', async () => {
    const { deps, calls } = fakeDeps();
    const editing = occurrence('2026-11-02');
    const value = { ...actionForm(editing.fields, series), scope: 'following' as const, recurrence: { ...actionForm(editing.fields, series).recurrence, weekdays: ['MO' as const, 'TH' as const] } };
    await saveAction(deps, editing, value, []);
    expect(calls).toEqual([
      ['create', 'actionSeries', { ...series, rrule: 'FREQ=WEEKLY;BYDAY=MO,TH', startDate: '2026-11-02' }, undefined],
      ['remove', 'actionSeries', SERIES],
    ]);
  });

  it('stops the recurrence and keeps this occurrence when « ne se répète pas » is chosen for the following ones', async () => {
    const { deps, calls } = fakeDeps();
    const editing = occurrence('2026-11-23', 'rec-23');
    const value = { ...actionForm(editing.fields, series), scope: 'following' as const, recurrence: { ...actionForm(editing.fields, series).recurrence, kind: 'none' as const } };
    await saveAction(deps, editing, value, []);
    expect(calls).toEqual([['update', 'actionSeries', SERIES, { until: '2026-11-22' }]]);
  });
});

describe('deleteAction', () => {
  it('sends a single action to the corbeille', async () => {
    const { deps, calls } = fakeDeps();
    const editing: Editing = { id: 'a1', fields: emptyAction('2026-11-23'), seriesId: '', series: null, occurrenceDate: '' };
    await deleteAction(deps, editing, 'one', []);
    expect(calls).toEqual([['remove', 'action', 'a1']]);
  });

  it('cancels one occurrence rather than deleting it', async () => {
    const { deps, calls } = fakeDeps();
    await deleteAction(deps, occurrence('2026-11-23'), 'one', []);
    expect(calls).toEqual([
      ['create', 'action', expect.objectContaining({ status: 'cancelled', completedAt: NOW, occurrenceDate: '2026-11-23' }), `occ:${SERIES}:2026-11-23`],
    ]);
  });

  it('ends the series and removes the later recorded occurrences', async () => {
    const { deps, calls } = fakeDeps();
    const recorded = [
      { id: 'r16', summary: { seriesId: SERIES, occurrenceDate: '2026-11-16', status: 'done' as const } },
      { id: 'r30', summary: { seriesId: SERIES, occurrenceDate: '2026-11-30', status: 'todo' as const } },
      { id: 'other', summary: { seriesId: 'x', occurrenceDate: '2026-11-30', status: 'todo' as const } },
    ];
    await deleteAction(deps, occurrence('2026-11-23'), 'following', recorded);
    expect(calls).toEqual([
      ['update', 'actionSeries', SERIES, { until: '2026-11-22' }],
      ['remove', 'action', 'r30'],
    ]);
  });
});
