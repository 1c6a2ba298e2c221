// Building blocks of the document schemas, each with the French message a form shows under the
// field. Empty text and empty dates are '' (never undefined) so a document always has every field.
import { z } from 'zod';
import { isIsoDate, isIsoDateTime, isTime } from './calendar.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const MESSAGES = {
  text: 'Veuillez saisir un texte.',
  boolean: 'Veuillez cocher ou décocher cette case.',
  number: 'Veuillez saisir un nombre entier.',
  list: 'Veuillez choisir dans la liste.',
  date: 'Veuillez saisir une date valide (AAAA-MM-JJ).',
  dateTime: 'Veuillez saisir une date et une heure valides.',
  time: 'Veuillez saisir une heure valide (HH:MM).',
  id: 'Identifiant invalide.',
  email: 'Veuillez saisir une adresse e-mail valide.',
  negative: 'Veuillez saisir un nombre positif ou nul.',
  tooMany: 'Cette liste est trop longue.',
  document: 'Les données de la fiche sont invalides.',
} as const;

export function tooLong(max: number): string {
  return `Ce texte est trop long (${frenchNumber(max)} caractères au maximum).`;
}

/** 10000 → '10 000' with a no-break space, the same on every ICU build. */
export function frenchNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
}

/** Free text, '' allowed. */
export function text(max: number) {
  return z.string({ error: MESSAGES.text }).max(max, { error: tooLong(max) });
}

/** Text that must not be blank (trimmed), with the message saying what is missing. */
export function requiredText(max: number, missing: string) {
  return z.string({ error: missing }).trim().min(1, { error: missing }).max(max, { error: tooLong(max) });
}

export function flag() {
  return z.boolean({ error: MESSAGES.boolean });
}

export function count(max = 1_000_000) {
  return z
    .number({ error: MESSAGES.number })
    .int({ error: MESSAGES.number })
    .min(0, { error: MESSAGES.negative })
    .max(max, { error: `Veuillez saisir un nombre inférieur ou égal à ${frenchNumber(max)}.` });
}

/** 'YYYY-MM-DD', a real calendar day. */
export function isoDate(message: string = MESSAGES.date) {
  return z.string({ error: message }).refine(isIsoDate, { error: message });
}

export function isoDateOrEmpty(message: string = MESSAGES.date) {
  return z.string({ error: message }).refine((s) => s === '' || isIsoDate(s), { error: message });
}

/** ISO-8601 UTC with milliseconds, e.g. '2026-11-23T10:00:00.000Z'. */
export function dateTime(message: string = MESSAGES.dateTime) {
  return z.string({ error: message }).refine(isIsoDateTime, { error: message });
}

export function dateTimeOrEmpty(message: string = MESSAGES.dateTime) {
  return z.string({ error: message }).refine((s) => s === '' || isIsoDateTime(s), { error: message });
}

/** 'HH:MM' or '' (no time). */
export function timeOrEmpty() {
  return z.string({ error: MESSAGES.time }).refine((s) => s === '' || isTime(s), { error: MESSAGES.time });
}

export function id(message: string = MESSAGES.id) {
  return z.string({ error: message }).regex(UUID, { error: message });
}

export function idOrEmpty(message: string = MESSAGES.id) {
  return z.string({ error: message }).refine((s) => s === '' || UUID.test(s), { error: message });
}

export function idList(max = 1000) {
  return z.array(id(), { error: MESSAGES.list }).max(max, { error: MESSAGES.tooMany });
}

/** Names chosen from an organisation's list (categories, motifs, types): kept even once removed from the list. */
export function labelList(max = 500) {
  return z
    .array(requiredText(200, 'Veuillez saisir un libellé.'), { error: MESSAGES.list })
    .max(max, { error: MESSAGES.tooMany });
}

export function choice<const T extends readonly [string, ...string[]]>(values: T, message: string = MESSAGES.list) {
  return z.enum(values, { error: message });
}

/**
 * Set on every record by the writer: creation and corbeille metadata. The record's `deleted` flag
 * is the truth about the corbeille; these only say who and when.
 */
export const recordMeta = {
  createdAt: dateTimeOrEmpty().optional(),
  createdBy: idOrEmpty().optional(),
  deletedAt: dateTimeOrEmpty().optional(),
  deletedBy: idOrEmpty().optional(),
};

export interface RecordMeta {
  createdAt?: string | undefined;
  createdBy?: string | undefined;
  deletedAt?: string | undefined;
  deletedBy?: string | undefined;
}

/** A French label for each field of a document (the record metadata has its own, below). */
export type FieldLabels<F> = Record<Exclude<keyof F, keyof RecordMeta>, string>;

export const META_FIELD_LABELS: Record<keyof RecordMeta, string> = {
  createdAt: 'Créé le',
  createdBy: 'Créé par',
  deletedAt: 'Mis à la corbeille le',
  deletedBy: 'Mis à la corbeille par',
};
