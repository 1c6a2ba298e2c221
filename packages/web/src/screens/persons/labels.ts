// French labels of the person file and the small formatters the person screens share.
import type { Json } from '@relais/core/sync/types';
import { GENDER_LABELS, GENDERS, PERSON_FIELD_LABELS, type Gender } from '@relais/core/domain/person';

export const PERSON_LABELS = PERSON_FIELD_LABELS;

export type LabelledField = keyof typeof PERSON_LABELS;

export { GENDER_LABELS, type Gender };

export const GENDER_OPTIONS = GENDERS.map((value) => ({ value, label: GENDER_LABELS[value] }));


export function fieldLabel(field: string): string {
  return field in PERSON_LABELS ? PERSON_LABELS[field as LabelledField] : field;
}

/** "04/05/1970" from "1970-05-04"; anything else unchanged. */
export function formatIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

const dateTime = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "04/05/2026 14:05" in the device's time zone, from an ISO datetime. */
export function formatIsoDateTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : dateTime.format(ms).replace(',', '');
}

/** "YYYY-MM-DD" of the device's day. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
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
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatIsoDate(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '(vide)';
    return value.map((v) => (typeof v === 'string' ? (field === 'teamIds' ? (teamNames.get(v) ?? 'équipe inconnue') : v) : JSON.stringify(v))).join(', ');
  }
  return JSON.stringify(value);
}
