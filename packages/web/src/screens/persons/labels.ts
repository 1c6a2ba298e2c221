// French labels of the person file and the small formatters the person screens share.
import type { Json } from '@relais/core/sync/types';
import { GENDER_LABELS, GENDERS, PERSON_FIELD_LABELS, type Gender } from '@relais/core/domain/person';
import { formatDateFr, isIsoDate } from '../../ui/dates.ts';

export const PERSON_LABELS = PERSON_FIELD_LABELS;

export type LabelledField = keyof typeof PERSON_LABELS;

export { GENDER_LABELS, type Gender };

export const GENDER_OPTIONS = GENDERS.map((value) => ({ value, label: GENDER_LABELS[value] }));


export function fieldLabel(field: string): string {
  return field in PERSON_LABELS ? PERSON_LABELS[field as LabelledField] : field;
}

/**
 * A stored value as a person reads it in the history: dates in French order, booleans as Oui/Non,
 * team ids as names.
 */
export function displayValue(field: string, value: Json | undefined, teamNames: ReadonlyMap<string, string>): string {
  if (value === undefined || value === null || value === '') return '(vide)';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (field === 'gender') return value in GENDER_LABELS ? GENDER_LABELS[value as Gender] : value;
    if (isIsoDate(value)) return formatDateFr(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '(vide)';
    return value.map((v) => (typeof v === 'string' ? (field === 'teamIds' ? (teamNames.get(v) ?? 'équipe inconnue') : v) : JSON.stringify(v))).join(', ');
  }
  return JSON.stringify(value);
}
