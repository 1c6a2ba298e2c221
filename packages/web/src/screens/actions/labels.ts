// French labels of actions and comments (the statuses' are core's).
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from '@relais/core/domain/action';

export const ACTION_LABELS = {
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
  recurrence: 'Récurrence',
} as const;

export const STATUS_LABELS = ACTION_STATUS_LABELS;
export const STATUS_OPTIONS = ACTION_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));

export const COMMENT_LABELS = {
  text: 'Commentaire',
  teamId: 'Équipe',
  priority: 'Prioritaire',
  personId: 'Personne',
} as const;

export const TITLE_MAX = 300;
export const DESCRIPTION_MAX = 10_000;
export const COMMENT_MAX = 10_000;
