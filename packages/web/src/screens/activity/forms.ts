// What the activity forms hold while typed (kept as a draft), and how it turns into record fields.
// The core zod schemas validate again when writing; these checks give precise French messages
// for the rules the schemas cannot phrase for a person (a day and an hour typed apart, counts
// typed as text, « at least one person »).
import { dateTimeParts, isIsoDate, isTime, localDate, localTime, toInstant } from '../../ui/dates.ts';

export type FormErrors<K extends string> = Partial<Record<K, string>>;

/** The errors without those of the fields just edited (the message goes once the person acts on it). */
export function withoutKeys<E extends Record<string, string | undefined>>(errors: E, keys: readonly string[]): E {
  const next = { ...errors };
  for (const key of keys) delete next[key];
  return next;
}

/** Date and time as typed; '' for both means « now », resolved when saving. */
export interface When {
  date: string;
  time: string;
}

export const NOW: When = { date: '', time: '' };

/** What the date and time inputs show: the typed values, else the current day and time. */
export function shownWhen(when: When, nowMs: number): When {
  return { date: when.date || localDate(nowMs), time: when.time || localTime(nowMs) };
}

/** Fields to show an existing record's instant in the inputs (« now » when it is not one). */
export function whenOf(iso: string): When {
  return dateTimeParts(iso);
}

function checkWhen(when: When, nowMs: number, errors: FormErrors<'date' | 'time'>): string {
  const shown = shownWhen(when, nowMs);
  if (!isIsoDate(shown.date)) errors.date = 'Veuillez indiquer une date valide.';
  if (!isTime(shown.time)) errors.time = 'Veuillez indiquer une heure valide, par exemple 14:30.';
  return toInstant(shown.date, shown.time) ?? '';
}

function checkTeam(teamId: string, errors: FormErrors<'teamId'>): void {
  if (!teamId) errors.teamId = 'Veuillez choisir une équipe.';
}

function count(text: string, label: string, errors: Record<string, string | undefined>, key: string, min = 0): number {
  const trimmed = text.trim();
  if (trimmed === '') {
    if (min > 0) errors[key] = `Veuillez indiquer ${label}.`;
    return 0;
  }
  const n = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(n)) {
    errors[key] = `Veuillez indiquer ${label} par un nombre entier, sans signe.`;
    return 0;
  }
  if (n < min) errors[key] = `Veuillez indiquer ${label} d'au moins ${min}.`;
  else if (n > 10_000) errors[key] = `Ce nombre semble trop grand : au plus 10 000.`;
  return n;
}

export type Checked<F, K extends string> = { ok: true; fields: F } | { ok: false; errors: FormErrors<K> };

function result<F, K extends string>(fields: F, errors: FormErrors<K>): Checked<F, K> {
  return Object.values(errors).some(Boolean) ? { ok: false, errors } : { ok: true, fields };
}

export const COMMENT_MAX = 10_000;

function checkText(text: string, max: number, key: string, errors: Record<string, string | undefined>): string {
  if (text.length > max) errors[key] = `Ce texte est trop long : au plus ${max.toLocaleString('fr-FR')} caractères.`;
  return text.trim() === '' ? '' : text;
}

// ——— passage ———

export interface PassageInput extends When {
  teamId: string;
  anonymous: boolean;
  personIds: string[];
  anonymousCount: string;
  comment: string;
}

export type PassageKey = 'date' | 'time' | 'teamId' | 'personIds' | 'anonymousCount' | 'comment';

export interface PassageOut {
  date: string;
  teamId: string;
  personIds: string[];
  anonymousCount: number;
  comment: string;
}

export const EMPTY_PASSAGE: PassageInput = { ...NOW, teamId: '', anonymous: false, personIds: [], anonymousCount: '1', comment: '' };

export function checkPassage(input: PassageInput, nowMs: number): Checked<PassageOut, PassageKey> {
  const errors: FormErrors<PassageKey> = {};
  const date = checkWhen(input, nowMs, errors);
  checkTeam(input.teamId, errors);
  let anonymousCount = 0;
  if (input.anonymous) anonymousCount = count(input.anonymousCount, 'le nombre de passages anonymes', errors, 'anonymousCount', 1);
  else if (input.personIds.length === 0) errors.personIds = 'Veuillez choisir au moins une personne, ou indiquer un passage anonyme.';
  const comment = checkText(input.comment, COMMENT_MAX, 'comment', errors);
  return result({ date, teamId: input.teamId, personIds: input.anonymous ? [] : input.personIds, anonymousCount, comment }, errors);
}

// ——— encounter (rencontre) ———

export interface EncounterInput extends When {
  teamId: string;
  personIds: string[];
  territoryId: string;
  comment: string;
}

export type EncounterKey = 'date' | 'time' | 'teamId' | 'personIds' | 'territoryId' | 'comment';

export interface EncounterOut {
  date: string;
  teamId: string;
  personIds: string[];
  territoryId: string;
  comment: string;
}

export const EMPTY_ENCOUNTER: EncounterInput = { ...NOW, teamId: '', personIds: [], territoryId: '', comment: '' };

export function checkEncounter(input: EncounterInput, nowMs: number): Checked<EncounterOut, EncounterKey> {
  const errors: FormErrors<EncounterKey> = {};
  const date = checkWhen(input, nowMs, errors);
  checkTeam(input.teamId, errors);
  if (input.personIds.length === 0) errors.personIds = 'Veuillez choisir au moins une personne rencontrée.';
  const comment = checkText(input.comment, COMMENT_MAX, 'comment', errors);
  return result({ date, teamId: input.teamId, personIds: input.personIds, territoryId: input.territoryId, comment }, errors);
}

// ——— territory ———

export interface TerritoryInput {
  name: string;
  types: string[];
  perimeter: string;
  description: string;
}

export type TerritoryKey = keyof TerritoryInput;

export const EMPTY_TERRITORY: TerritoryInput = { name: '', types: [], perimeter: '', description: '' };

export function checkTerritory(input: TerritoryInput): Checked<TerritoryInput, TerritoryKey> {
  const errors: FormErrors<TerritoryKey> = {};
  const name = input.name.trim();
  if (!name) errors.name = 'Veuillez indiquer le nom du territoire.';
  else if (name.length > 200) errors.name = 'Ce nom est trop long : au plus 200 caractères.';
  const perimeter = checkText(input.perimeter, COMMENT_MAX, 'perimeter', errors);
  const description = checkText(input.description, COMMENT_MAX, 'description', errors);
  return result({ name, types: input.types, perimeter, description }, errors);
}

// ——— observation ———

export interface ObservationInput extends When {
  teamId: string;
  territoryId: string;
  women: string;
  men: string;
  other: string;
  text: string;
}

export type ObservationKey = 'date' | 'time' | 'teamId' | 'territoryId' | 'women' | 'men' | 'other' | 'text';

export interface ObservationOut {
  date: string;
  teamId: string;
  territoryId: string;
  personsMet: { women: number; men: number; other: number };
  text: string;
}

export const EMPTY_OBSERVATION: ObservationInput = { ...NOW, teamId: '', territoryId: '', women: '0', men: '0', other: '0', text: '' };

export function checkObservation(input: ObservationInput, nowMs: number): Checked<ObservationOut, ObservationKey> {
  const errors: FormErrors<ObservationKey> = {};
  const date = checkWhen(input, nowMs, errors);
  checkTeam(input.teamId, errors);
  if (!input.territoryId) errors.territoryId = 'Veuillez choisir un territoire.';
  const personsMet = {
    women: count(input.women, 'le nombre de femmes', errors, 'women'),
    men: count(input.men, "le nombre d'hommes", errors, 'men'),
    other: count(input.other, 'le nombre d’autres personnes', errors, 'other'),
  };
  const text = checkText(input.text, COMMENT_MAX, 'text', errors);
  return result({ date, teamId: input.teamId, territoryId: input.territoryId, personsMet, text }, errors);
}
