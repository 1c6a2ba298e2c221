// An action: something to do for one or more persons, by one or more teams, on a day (with or
// without a time). An action may materialise one occurrence of a recurring series.
import { z } from 'zod';
import {
  choice,
  dateTimeOrEmpty,
  flag,
  idList,
  idOrEmpty,
  isoDate,
  isoDateOrEmpty,
  labelList,
  MESSAGES,
  recordMeta,
  type FieldLabels,
  requiredText,
  text,
  timeOrEmpty,
} from './fields.ts';

export const ACTION_STATUSES = ['todo', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  todo: 'À faire',
  done: 'Faite',
  cancelled: 'Annulée',
};

export const ActionFieldsObject = z.object(
  {
    title: requiredText(300, 'Veuillez saisir un titre.'),
    description: text(10_000),
    status: choice(ACTION_STATUSES, 'Veuillez choisir un statut.'),
    dueDate: isoDate("Veuillez saisir la date d'échéance (AAAA-MM-JJ)."),
    dueTime: timeOrEmpty(),
    urgent: flag(),
    categories: labelList(),
    personIds: idList(),
    teamIds: idList().min(1, { error: 'Veuillez choisir au moins une équipe.' }),
    completedAt: dateTimeOrEmpty(),
    seriesId: idOrEmpty(),
    occurrenceDate: isoDateOrEmpty(),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);

export const ActionFields = ActionFieldsObject.superRefine((action, ctx) => {
  if ((action.seriesId === '') !== (action.occurrenceDate === '')) {
    ctx.addIssue({
      code: 'custom',
      path: [action.seriesId === '' ? 'seriesId' : 'occurrenceDate'],
      message: "L'occurrence d'une action récurrente doit indiquer sa série et sa date.",
    });
  }
});
export type ActionFields = z.infer<typeof ActionFields>;

/** A new action for `dueDate`: to do, no time, not urgent. */
export function emptyAction(dueDate = ''): ActionFields {
  return {
    title: '',
    description: '',
    status: 'todo',
    dueDate,
    dueTime: '',
    urgent: false,
    categories: [],
    personIds: [],
    teamIds: [],
    completedAt: '',
    seriesId: '',
    occurrenceDate: '',
  };
}

export const ACTION_FIELD_LABELS: FieldLabels<ActionFields> = {
  title: 'Titre',
  description: 'Description',
  status: 'Statut',
  dueDate: 'Échéance',
  dueTime: 'Heure',
  urgent: 'Urgente',
  categories: 'Catégories',
  personIds: 'Personnes',
  teamIds: 'Équipes',
  completedAt: 'Date de réalisation',
  seriesId: 'Série',
  occurrenceDate: "Date dans la série",
};

/**
 * The patch that moves an action to `status`: completedAt is set when it becomes done or
 * cancelled (`now`, an IsoDateTime from the injected clock) and cleared when it is to do again.
 */
export function setActionStatus(current: Pick<ActionFields, 'status' | 'completedAt'>, status: ActionStatus, now: string): Partial<ActionFields> {
  if (status === 'todo') return { status, completedAt: '' };
  if (current.status === status && current.completedAt !== '') return { status };
  return { status, completedAt: now };
}

export interface ActionSummary {
  title: string;
  status: ActionStatus;
  dueDate: string;
  dueTime: string;
  urgent: boolean;
  categories: string[];
  personIds: string[];
  teamIds: string[];
  completedAt: string;
  seriesId: string;
  occurrenceDate: string;
  /** When the action was created ('' when unknown): the compte-rendu lists the day's new actions. */
  createdAt: string;
}

export function summariseAction(f: ActionFields): ActionSummary {
  return {
    title: f.title,
    status: f.status,
    dueDate: f.dueDate,
    dueTime: f.dueTime,
    urgent: f.urgent,
    categories: f.categories,
    personIds: f.personIds,
    teamIds: f.teamIds,
    completedAt: f.completedAt,
    seriesId: f.seriesId,
    occurrenceDate: f.occurrenceDate,
    createdAt: f.createdAt ?? '',
  };
}

export function actionLabel(f: ActionFields): string {
  return f.title;
}
