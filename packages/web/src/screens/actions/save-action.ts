// What saving or deleting an action writes. A single action is one record. An occurrence of a
// series is changed alone (its record, created with the id derived from series and date if it
// had none) or with every later one (the series is split: the old one ends the day before, a new
// one starts with the changes, and the later recorded occurrences move to it). Written against a
// small writer interface so it can be tested without the data layer.
import { setActionStatus, type ActionFields, type ActionSummary } from '@relais/core/domain/action';
import type { ActionSeriesFields } from '@relais/core/domain/action-series';
import { endSeriesBefore, followingOccurrencePatches, nextOccurrenceDate, splitSeries } from '@relais/core/domain/recurrence';
import { changedFields, checkActionForm, seriesTemplateOf, type ActionFormValue, type FormErrors } from './action-form.ts';
import { actionPaths } from './paths.ts';

export interface ActionWriter {
  create(collection: 'action', fields: ActionFields, id?: string): Promise<string>;
  create(collection: 'actionSeries', fields: ActionSeriesFields, id?: string): Promise<string>;
  update(collection: 'action', id: string, patch: Partial<ActionFields>): Promise<void>;
  update(collection: 'actionSeries', id: string, patch: Partial<ActionSeriesFields>): Promise<void>;
  remove(collection: 'action' | 'actionSeries', id: string): Promise<void>;
}

export interface SaveDeps {
  writer: ActionWriter;
  /** The id of a series' occurrence record: derivedId(seriesId, date). */
  occurrenceId(seriesId: string, date: string): Promise<string>;
  nowIso(): string;
}

/** The action being edited, as loaded (see load.ts). */
export interface Editing {
  id: string | null;
  fields: ActionFields;
  seriesId: string;
  series: ActionSeriesFields | null;
  occurrenceDate: string;
}

type RecordedAction = { id: string; summary: Pick<ActionSummary, 'seriesId' | 'occurrenceDate' | 'status'> };

export type SaveResult = { ok: true; href: string; message: string } | { ok: false; errors: FormErrors };

/** Does the form show the recurrence part? A new action, or an occurrence changed « et les suivantes ». */
export function recurrenceInPlay(editing: Editing | null, value: ActionFormValue): boolean {
  return editing === null || (editing.series !== null && value.scope === 'following');
}

async function saveOccurrence(deps: SaveDeps, editing: Editing, fields: ActionFields): Promise<string> {
  if (editing.id !== null) {
    const patch = changedFields(editing.fields, fields);
    if (Object.keys(patch).length > 0) await deps.writer.update('action', editing.id, patch);
    return editing.id;
  }
  const id = await deps.occurrenceId(editing.seriesId, editing.occurrenceDate);
  // create() updates the record instead if another device recorded this occurrence first.
  return deps.writer.create('action', fields, id);
}

export async function saveAction(deps: SaveDeps, editing: Editing | null, value: ActionFormValue, recorded: readonly RecordedAction[]): Promise<SaveResult> {
  const checked = checkActionForm(value, recurrenceInPlay(editing, value));
  if (!checked.ok) return checked;
  const { action, rrule, until } = checked;

  if (editing === null) {
    if (rrule) {
      const series: ActionSeriesFields = { ...seriesTemplateOf(value), rrule, startDate: value.dueDate, until };
      const id = await deps.writer.create('actionSeries', series);
      const first = nextOccurrenceDate(series, series.startDate);
      return { ok: true, href: first ? actionPaths.occurrence(id, first) : actionPaths.list, message: 'Action récurrente enregistrée.' };
    }
    const id = await deps.writer.create('action', { ...action, seriesId: '', occurrenceDate: '' });
    return { ok: true, href: actionPaths.action(id), message: 'Action enregistrée.' };
  }

  const own: ActionFields = { ...action, seriesId: editing.seriesId, occurrenceDate: editing.occurrenceDate };
  if (editing.series === null || value.scope === 'one') {
    const id = await saveOccurrence(deps, editing, own);
    return { ok: true, href: actionPaths.action(id), message: 'Modifications enregistrées.' };
  }

  // « Cette occurrence et les suivantes ».
  const series = editing.series;
  const from = editing.occurrenceDate;
  if (!rrule) {
    // No more recurrence from here: the series stops, this occurrence stays as a single action.
    const ended = endSeriesBefore(series, from);
    if (ended === null) await deps.writer.remove('actionSeries', editing.seriesId);
    else await deps.writer.update('actionSeries', editing.seriesId, changedFields(series, ended));
    const id = await saveOccurrence(deps, editing, { ...own, status: editing.fields.status, completedAt: editing.fields.completedAt });
    return { ok: true, href: actionPaths.action(id), message: 'La récurrence s’arrête ici ; cette action est conservée.' };
  }
  const template = seriesTemplateOf(value);
  const changes: Partial<ActionSeriesFields> = changedFields(series, { ...template, rrule, until });
  if (value.dueDate !== from) changes.startDate = value.dueDate;
  const { ended, next } = splitSeries(series, from, changes);
  if (next === null) return { ok: false, errors: { '': 'Cette série ne compte plus aucune occurrence à partir de cette date.' } };
  const nextId = await deps.writer.create('actionSeries', next);
  if (ended === null) await deps.writer.remove('actionSeries', editing.seriesId);
  else await deps.writer.update('actionSeries', editing.seriesId, changedFields(series, ended));
  for (const { id, patch } of followingOccurrencePatches(recorded, editing.seriesId, nextId, from, changes)) {
    await deps.writer.update('action', id, patch);
  }
  return { ok: true, href: actionPaths.occurrence(nextId, next.startDate), message: 'Cette occurrence et les suivantes ont été modifiées.' };
}

export type DeleteScope = 'one' | 'following';

/**
 * To the corbeille. An occurrence alone is cancelled instead (deleting its record would bring the
 * computed occurrence back); « et les suivantes » ends the series and sends the later recorded
 * occurrences to the corbeille.
 */
export async function deleteAction(
  deps: SaveDeps,
  editing: Editing,
  scope: DeleteScope,
  recorded: readonly RecordedAction[],
): Promise<{ href: string; message: string }> {
  if (editing.series === null) {
    if (editing.id !== null) await deps.writer.remove('action', editing.id);
    return { href: actionPaths.list, message: 'Action mise à la corbeille.' };
  }
  if (scope === 'one') {
    const cancelled = { ...editing.fields, ...setActionStatus(editing.fields, 'cancelled', deps.nowIso()) };
    const id = await saveOccurrence(deps, editing, cancelled);
    return { href: actionPaths.action(id), message: 'Cette occurrence est annulée.' };
  }
  const from = editing.occurrenceDate;
  const ended = endSeriesBefore(editing.series, from);
  if (ended === null) await deps.writer.remove('actionSeries', editing.seriesId);
  else await deps.writer.update('actionSeries', editing.seriesId, changedFields(editing.series, ended));
  for (const a of recorded) {
    if (a.summary.seriesId === editing.seriesId && a.summary.occurrenceDate >= from) await deps.writer.remove('action', a.id);
  }
  return { href: actionPaths.list, message: 'Cette occurrence et les suivantes ont été supprimées.' };
}
