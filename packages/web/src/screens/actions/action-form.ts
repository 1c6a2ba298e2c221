// The action form's value (what the draft keeps) and how it becomes records: an action, a new
// series, or the changes of an occurrence. Pure: the screen does the writing.
import { setActionStatus, type ActionFields, type ActionStatus } from '@relais/core/domain/action';
import type { ActionSeriesFields } from '@relais/core/domain/action-series';
import { DEFAULT_TIME_ZONE, zonedDateTime } from '@relais/core/domain/calendar';
import { validateFields } from '@relais/core/domain/registry';
import { dateTimeParts, isIsoDate } from '../../ui/dates.ts';
import { NO_RECURRENCE, recurrenceFromRrule, recurrenceToRrule, type RecurrenceInput } from './recurrence-form.ts';

/** For an occurrence of a series: change it alone, or it and every later one (the series is split). */
export type EditScope = 'one' | 'following';

export interface ActionFormValue {
  title: string;
  description: string;
  status: ActionStatus;
  dueDate: string;
  withTime: boolean;
  dueTime: string;
  urgent: boolean;
  categories: string[];
  personIds: string[];
  teamIds: string[];
  /** « Date de réalisation », local day and time; '' while the action is to do. */
  completedDate: string;
  completedTime: string;
  recurrence: RecurrenceInput;
  scope: EditScope;
}

/** Form fields errors are shown under (the schema's names mapped onto the form's). */
export type FormField =
  | 'title'
  | 'description'
  | 'status'
  | 'dueDate'
  | 'dueTime'
  | 'categories'
  | 'personIds'
  | 'teamIds'
  | 'completedDate'
  | 'interval'
  | 'weekdays'
  | 'custom'
  | 'until'
  | '';

export type FormErrors = Partial<Record<FormField, string>>;

export function newActionForm(today: string, teamId: string, personId: string): ActionFormValue {
  return {
    title: '',
    description: '',
    status: 'todo',
    dueDate: today,
    withTime: false,
    dueTime: '',
    urgent: false,
    categories: [],
    personIds: personId ? [personId] : [],
    teamIds: teamId ? [teamId] : [],
    completedDate: '',
    completedTime: '',
    recurrence: NO_RECURRENCE,
    scope: 'one',
  };
}

/** The form showing an action (and, for an occurrence, its series' rule). */
export function actionForm(fields: ActionFields, series: ActionSeriesFields | null): ActionFormValue {
  const completed = fields.completedAt ? dateTimeParts(fields.completedAt) : { date: '', time: '' };
  return {
    title: fields.title,
    description: fields.description,
    status: fields.status,
    dueDate: fields.dueDate,
    withTime: fields.dueTime !== '',
    dueTime: fields.dueTime,
    urgent: fields.urgent,
    categories: [...fields.categories],
    personIds: [...fields.personIds],
    teamIds: [...fields.teamIds],
    completedDate: completed.date,
    completedTime: completed.time,
    recurrence: series ? recurrenceFromRrule(series.rrule, series.until) : NO_RECURRENCE,
    scope: 'one',
  };
}

/**
 * The value after the status changes: becoming done or cancelled fills « date de réalisation »
 * with now (still editable), going back to « à faire » empties it.
 */
export function withStatus(value: ActionFormValue, status: ActionStatus, nowIso: string): ActionFormValue {
  const current = value.completedDate ? 'set' : '';
  const patch = setActionStatus({ status: value.status, completedAt: current }, status, nowIso);
  if (patch.completedAt === undefined) return { ...value, status };
  if (patch.completedAt === '') return { ...value, status, completedDate: '', completedTime: '' };
  const { date, time } = dateTimeParts(patch.completedAt);
  return { ...value, status, completedDate: date, completedTime: time };
}

function completedAtOf(value: ActionFormValue): string | null {
  if (value.status === 'todo' || !value.completedDate) return '';
  if (!isIsoDate(value.completedDate)) return null;
  try {
    return zonedDateTime(value.completedDate, value.completedTime || '00:00', DEFAULT_TIME_ZONE);
  } catch {
    return null;
  }
}

/** The action fields the form stands for (series link left to the caller). */
export function actionFieldsOf(value: ActionFormValue): Omit<ActionFields, 'seriesId' | 'occurrenceDate'> {
  return {
    title: value.title.trim(),
    description: value.description.trim(),
    status: value.status,
    dueDate: value.dueDate,
    dueTime: value.withTime ? value.dueTime : '',
    urgent: value.urgent,
    categories: value.categories,
    personIds: value.personIds,
    teamIds: value.teamIds,
    completedAt: completedAtOf(value) ?? '',
  };
}

/** The template of a series, from the form. */
export function seriesTemplateOf(value: ActionFormValue): Pick<ActionSeriesFields, 'title' | 'description' | 'dueTime' | 'urgent' | 'categories' | 'personIds' | 'teamIds'> {
  const a = actionFieldsOf(value);
  return {
    title: a.title,
    description: a.description,
    dueTime: a.dueTime,
    urgent: a.urgent,
    categories: a.categories,
    personIds: a.personIds,
    teamIds: a.teamIds,
  };
}

const SCHEMA_TO_FORM: Record<string, FormField> = {
  completedAt: 'completedDate',
  startDate: 'dueDate',
  rrule: 'custom',
  seriesId: '',
  occurrenceDate: '',
};

function mapErrors(errors: Record<string, string>, into: FormErrors): void {
  for (const [key, message] of Object.entries(errors)) {
    const field = (SCHEMA_TO_FORM[key] ?? key) as FormField;
    if (into[field] === undefined) into[field] = message;
  }
}

export type Checked =
  | { ok: true; action: Omit<ActionFields, 'seriesId' | 'occurrenceDate'>; rrule: string; until: string }
  | { ok: false; errors: FormErrors };

/**
 * Checks the form with core's schemas (the ones the writer runs again) plus what only the form
 * knows: « avec une heure » without a time, a completion date that is not a date, the rule.
 * `recurring`: the recurrence part is in play (a new action, or « et les suivantes »).
 */
export function checkActionForm(value: ActionFormValue, recurring: boolean): Checked {
  const errors: FormErrors = {};
  const action = actionFieldsOf(value);
  if (value.withTime && !value.dueTime) errors.dueTime = 'Veuillez saisir une heure, ou décocher « avec une heure ».';
  if (completedAtOf(value) === null) errors.completedDate = 'Veuillez saisir une date de réalisation valide.';
  const result = validateFields('action', { ...action, seriesId: '', occurrenceDate: '' });
  if (!result.ok) mapErrors(result.errors, errors);
  let rrule = '';
  let until = '';
  if (recurring && value.recurrence.kind !== 'none') {
    const rule = recurrenceToRrule(value.recurrence, value.dueDate);
    if (rule.ok) {
      rrule = rule.rrule;
      until = rule.until;
    } else {
      Object.assign(errors, rule.errors);
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, action, rrule, until };
}

/** Only what differs from `before`: untouched fields keep their stamps for a later merge. */
export function changedFields<T extends object>(before: T, after: Partial<T>): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) patch[key] = after[key];
  }
  return patch;
}

/** Order of the fields on the screen, to focus the first error. */
export const FIELD_ORDER: readonly FormField[] = [
  'title',
  'description',
  'status',
  'dueDate',
  'dueTime',
  'categories',
  'personIds',
  'teamIds',
  'completedDate',
  'interval',
  'weekdays',
  'custom',
  'until',
];
