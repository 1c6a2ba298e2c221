// The custom fields of a form (person, observation): what the inputs hold for each type, their
// conversion to and from stored values, and the draft of what was typed. Pure, tested without
// rendering. The draft keeps only the fields the person touched: an untouched field follows the
// stored record (another device may change it meanwhile) and its value — even one of an older type
// or a removed option — is written back exactly as it was.
import { DEFAULT_TIME_ZONE, isIsoDate, isIsoDateTime, localDateOf, localTimeOf, zonedDateTime } from '@relais/core/domain/calendar';
import {
  fitsType,
  readCustomValues,
  removedOptions,
  validateCustomValues,
  withEditedValues,
  type CustomFieldDefinition,
  type CustomValue,
  type StoredCustomValues,
} from '@relais/core/domain/custom-fields';
import type { Json } from '@relais/core/sync/types';
import { MESSAGES as FIELD_MESSAGES } from '@relais/core/domain/fields';
import { jsonEqual } from '@relais/core/sync/json';

export type DurationInput = { hours: string; minutes: string };
/** What an input holds: text (text, number, dates, oui/non, single choice), ticked options, a box, a duration. */
export type FieldInput = string | string[] | boolean | DurationInput;
/** Typed inputs by definition id, touched fields only. A type alias: drafts must be Json. */
export type CustomDraft = Record<string, FieldInput>;
export type CustomErrors = Record<string, string>;

export const YES = 'yes';
export const NO = 'no';

const NUMBER_MESSAGE = 'Veuillez saisir un nombre (par exemple 12 ou 12,5).';
const DURATION_MESSAGE = 'Veuillez saisir une durée en heures et minutes (nombres entiers).';

/** The input showing a stored value ('' / [] / false when it has none or it does not fit the type). */
export function toInput(definition: CustomFieldDefinition, value: CustomValue | undefined, timeZone: string = DEFAULT_TIME_ZONE): FieldInput {
  switch (definition.type) {
    case 'text':
    case 'longText':
      return typeof value === 'string' ? value : value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value);
    case 'number':
      return typeof value === 'number' ? String(value).replace('.', ',') : '';
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? value : '';
    case 'dateTime':
      return typeof value === 'string' && isIsoDateTime(value) ? `${localDateOf(value, timeZone)}T${localTimeOf(value, timeZone)}` : '';
    case 'duration':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0
        ? { hours: String(Math.floor(value / 60)), minutes: String(value % 60) }
        : { hours: '', minutes: '' };
    case 'yesNo':
      return value === true ? YES : value === false ? NO : '';
    case 'choice':
      return typeof value === 'string' ? value : '';
    case 'multiChoice':
      return Array.isArray(value) ? [...value] : [];
    case 'checkbox':
      return value === true;
  }
}

function textOf(input: FieldInput): string {
  return typeof input === 'string' ? input : '';
}

/** An input as the value to store (null: nothing), or the French message saying why it cannot be. */
export function fromInput(definition: CustomFieldDefinition, input: FieldInput, timeZone: string = DEFAULT_TIME_ZONE): { value: CustomValue | null } | { error: string } {
  switch (definition.type) {
    case 'text':
    case 'longText':
    case 'choice': {
      const text = textOf(input).trim();
      return { value: text === '' ? null : text };
    }
    case 'number': {
      // French writing: '1 234,5' (spaces of any kind between thousands, a decimal comma).
      const text = textOf(input).replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
      if (text === '') return { value: null };
      return /^-?\d+(\.\d+)?$/.test(text) ? { value: Number(text) } : { error: NUMBER_MESSAGE };
    }
    case 'date': {
      const text = textOf(input).trim();
      if (text === '') return { value: null };
      return isIsoDate(text) ? { value: text } : { error: FIELD_MESSAGES.date };
    }
    case 'dateTime': {
      const text = textOf(input).trim();
      if (text === '') return { value: null };
      const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/.exec(text);
      if (!m || !isIsoDate(m[1] ?? '') || !/^([01]\d|2[0-3]):[0-5]\d$/.test(m[2] ?? '')) return { error: FIELD_MESSAGES.dateTime };
      return { value: zonedDateTime(m[1] as string, m[2] as string, timeZone) };
    }
    case 'duration': {
      const d = typeof input === 'object' && !Array.isArray(input) ? input : { hours: '', minutes: '' };
      const hours = d.hours.trim();
      const minutes = d.minutes.trim();
      if (hours === '' && minutes === '') return { value: null };
      if (!/^\d{0,6}$/.test(hours) || !/^\d{0,6}$/.test(minutes)) return { error: DURATION_MESSAGE };
      return { value: Number(hours || '0') * 60 + Number(minutes || '0') };
    }
    case 'yesNo':
      return { value: input === YES ? true : input === NO ? false : null };
    case 'multiChoice':
      return { value: Array.isArray(input) && input.length > 0 ? [...input] : null };
    case 'checkbox':
      // An unticked box stores nothing: "not ticked" is what no value means for a checkbox.
      return { value: input === true ? true : null };
  }
}

/** What the inputs show: the typed input where there is one, else the stored value. */
export function shownInputs(
  definitions: readonly CustomFieldDefinition[],
  stored: Readonly<StoredCustomValues>,
  draft: CustomDraft | null,
  timeZone: string = DEFAULT_TIME_ZONE,
): CustomDraft {
  const known = readCustomValues(stored);
  const shown: CustomDraft = {};
  for (const d of definitions) shown[d.id] = draft && Object.hasOwn(draft, d.id) ? (draft[d.id] as FieldInput) : toInput(d, own(known, d.id), timeZone);
  return shown;
}

export function editDraft(draft: CustomDraft | null, definitionId: string, input: FieldInput): CustomDraft {
  return { ...(draft ?? {}), [definitionId]: input };
}

export type CustomCheck = { ok: true; values: StoredCustomValues; changed: boolean } | { ok: false; errors: CustomErrors };

/**
 * The values to save: the stored ones with the touched inputs applied, checked against the
 * definitions the form shows (required, type, options). An input for a field no longer shown
 * (removed or disabled meanwhile) is dropped, never written blind.
 */
export function checkCustomInputs(
  definitions: readonly CustomFieldDefinition[],
  stored: Readonly<StoredCustomValues>,
  draft: CustomDraft | null,
  timeZone: string = DEFAULT_TIME_ZONE,
): CustomCheck {
  const errors: CustomErrors = {};
  const edited: Record<string, CustomValue | null> = {};
  for (const [definitionId, input] of Object.entries(draft ?? {})) {
    const definition = definitions.find((d) => d.id === definitionId);
    if (!definition) continue;
    const converted = fromInput(definition, input, timeZone);
    if ('error' in converted) errors[definitionId] = converted.error;
    else edited[definitionId] = converted.value;
  }
  const values = withEditedValues(stored, edited);
  for (const [definitionId, message] of Object.entries(validateCustomValues(definitions, readCustomValues(values), readCustomValues(stored)))) {
    errors[definitionId] ??= message;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, values, changed: !jsonEqual(values, { ...stored }) };
}

/** True when saving would change the stored values (or an input cannot be saved yet). */
export function isCustomDirty(definitions: readonly CustomFieldDefinition[], stored: Readonly<StoredCustomValues>, draft: CustomDraft | null): boolean {
  if (!draft || Object.keys(draft).length === 0) return false;
  const checked = checkCustomInputs(definitions, stored, draft);
  return !checked.ok || checked.changed;
}

/**
 * Said under a field whose stored value the inputs cannot show as it is (an option removed from
 * the list, a field whose type changed): it is kept until someone changes it.
 */
export function keptValueNote(definition: CustomFieldDefinition, stored: Json | undefined): string | null {
  if (stored === undefined || stored === null) return null;
  const value = readCustomValues({ value: stored }).value;
  if (value === undefined) return `Valeur enregistrée par une autre version de Relais, gardée telle quelle : ${JSON.stringify(stored)}.`;
  const removed = removedOptions(definition, value);
  if (removed.length > 0) {
    return removed.length === 1
      ? `L'option « ${removed[0]} » a été retirée de la liste ; elle reste enregistrée tant que vous ne la changez pas.`
      : `Les options ${removed.map((o) => `« ${o} »`).join(', ')} ont été retirées de la liste ; elles restent enregistrées tant que vous ne les changez pas.`;
  }
  if (fitsType(definition.type, value)) return null;
  return `Valeur enregistrée sous un autre format, gardée tant que vous ne la changez pas : « ${Array.isArray(value) ? value.join(', ') : String(value)} ».`;
}

function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}
