// Custom fields (champs personnalisés): fields an organisation adds to person files, observations
// and consultations. Their definitions are a section of the settings record (decision 012); a
// record carries its values in one map, `customFields`, keyed by definition id. Stored values are
// never rewritten when a definition changes: a value whose option was removed, or whose field
// changed type, stays readable and is kept until someone edits it.
import { z } from 'zod';
import { jsonEqual } from '../sync/json.ts';
import type { Json } from '../sync/types.ts';
import { DEFAULT_TIME_ZONE, formatDateFr, isIsoDate, isIsoDateTime, localDateOf, localTimeOf } from './calendar.ts';
import { choice, flag, frenchNumber, id, idList, labelList, MESSAGES, requiredText, text } from './fields.ts';

export const CUSTOM_FIELD_TYPES = ['text', 'longText', 'number', 'date', 'dateTime', 'duration', 'yesNo', 'choice', 'multiChoice', 'checkbox'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const CUSTOM_FIELD_TYPE_LABELS: Record<CustomFieldType, string> = {
  text: 'Texte',
  longText: 'Texte long',
  number: 'Nombre',
  date: 'Date',
  dateTime: 'Date et heure',
  duration: 'Durée',
  yesNo: 'Oui/non',
  choice: 'Choix unique',
  multiChoice: 'Choix multiples',
  checkbox: 'Case à cocher',
};

/** Types whose values are taken from the definition's options. */
export const CHOICE_TYPES: readonly CustomFieldType[] = ['choice', 'multiChoice'];

/**
 * What a field is added to. Medical person fields hold health data: their values belong under the
 * medical key (dossier médical), never in the person record, which only the general key protects.
 */
export const CUSTOM_FIELD_TARGETS = ['personSocial', 'personMedical', 'observation', 'consultation'] as const;
export type CustomFieldTarget = (typeof CUSTOM_FIELD_TARGETS)[number];

export const CUSTOM_FIELD_TARGET_LABELS: Record<CustomFieldTarget, string> = {
  personSocial: 'Dossier de la personne (social)',
  personMedical: 'Dossier médical de la personne',
  observation: 'Observations de territoire',
  consultation: 'Consultations',
};

export const TEXT_MAX = 1_000;
export const LONG_TEXT_MAX = 10_000;
/** Durations are whole minutes; 100 000 hours is far beyond any real one. */
export const DURATION_MAX_MINUTES = 6_000_000;
const NUMBER_LIMIT = 1e12;
const DEFINITIONS_MAX = 500;

export const CustomFieldDefinition = z
  .object(
    {
      id: id(),
      label: requiredText(200, 'Veuillez nommer le champ.'),
      type: choice(CUSTOM_FIELD_TYPES, 'Veuillez choisir le type du champ.'),
      target: choice(CUSTOM_FIELD_TARGETS, 'Veuillez choisir où le champ apparaît.'),
      /** For target 'consultation': the consultation type it belongs to; '' for every type. */
      consultationType: text(200),
      /** The choices of 'choice' and 'multiChoice' (labels are the stored values, as in decision 010). */
      options: labelList(200),
      required: flag(),
      /** Empty: every team. */
      enabledTeamIds: idList(),
      /** Offered as a criterion of the team statistics. */
      inStats: flag(),
      order: z.number({ error: MESSAGES.number }).int({ error: MESSAGES.number }),
      /** The heading it is shown under ('' for none). */
      group: text(200),
      /** Removed by an administrator: no longer offered, but its label still names stored values. */
      removed: flag(),
    },
    { error: 'Les données du champ personnalisé sont invalides.' },
  )
  .superRefine((d, ctx) => {
    if (CHOICE_TYPES.includes(d.type) && d.options.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Veuillez saisir au moins une option.' });
    }
  });
export type CustomFieldDefinition = z.infer<typeof CustomFieldDefinition>;

/** The settings section: definitions by id (one map, so a definition is found by the id its values use). */
export const CustomFieldDefinitions = z
  .record(id(), CustomFieldDefinition, { error: MESSAGES.list })
  .superRefine((map, ctx) => {
    const entries = Object.entries(map);
    if (entries.length > DEFINITIONS_MAX) ctx.addIssue({ code: 'custom', message: MESSAGES.tooMany });
    for (const [key, definition] of entries) {
      if (definition.id !== key) ctx.addIssue({ code: 'custom', path: [key, 'id'], message: MESSAGES.id });
    }
  });
export type CustomFieldDefinitions = z.infer<typeof CustomFieldDefinitions>;

/** A value of a known type: text, number, yes/no or a list of options. Which one depends on the definition. */
export type CustomValue = string | number | boolean | string[];
export type CustomValues = Record<string, CustomValue>;
/** The map as stored: a newer app version may store values of a type this one does not know. */
export type StoredCustomValues = Record<string, Json>;

const customValue = z.custom<Json>((v) => v !== null && isJsonValue(v), { error: 'Valeur de champ personnalisé invalide.' });

/**
 * The `customFields` field of a record: values by definition id. The record schema checks only
 * that it is a map of JSON values keyed by ids: which value a definition accepts is checked
 * against the definitions of the day (validateCustomValues), since a value written under an older
 * definition — or by a newer app version — must be kept and must not stop anyone from saving the
 * record. Optional, so records written before custom fields existed (and writers that set none)
 * parse; readers get `{}` from the collection's empty document (readFields).
 */
export function customValues() {
  return z
    .record(id(), customValue, { error: 'Les champs personnalisés sont invalides.' })
    .refine((map) => Object.keys(map).length <= DEFINITIONS_MAX, { error: MESSAGES.tooMany })
    .optional();
}

function isJsonValue(value: unknown, depth = 0): boolean {
  if (depth > 16) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isJsonValue(v, depth + 1));
  if (isPlainObject(value)) return Object.values(value).every((v) => isJsonValue(v, depth + 1));
  return false;
}

export function newDefinition(fields: Pick<CustomFieldDefinition, 'id' | 'label' | 'type' | 'target'> & Partial<CustomFieldDefinition>): CustomFieldDefinition {
  return {
    consultationType: '',
    options: [],
    required: false,
    enabledTeamIds: [],
    inStats: false,
    order: 0,
    group: '',
    removed: false,
    ...fields,
  };
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Definitions in display order: `order`, then label, then id (the same on every device). */
export function sortedDefinitions(definitions: CustomFieldDefinitions | readonly CustomFieldDefinition[]): CustomFieldDefinition[] {
  const list = Array.isArray(definitions) ? [...(definitions as readonly CustomFieldDefinition[])] : Object.values(definitions);
  return list.sort((a, b) => a.order - b.order || collator.compare(a.label, b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface FieldScope {
  target: CustomFieldTarget;
  /** The team the screen works for ('' when none: only fields enabled for every team apply). */
  teamId: string;
  /** For consultations: the consultation's type. */
  consultationType?: string;
}

/** Whether a definition is offered on a record of that scope. */
export function appliesTo(definition: CustomFieldDefinition, scope: FieldScope): boolean {
  if (definition.removed || definition.target !== scope.target) return false;
  if (definition.enabledTeamIds.length > 0 && !definition.enabledTeamIds.includes(scope.teamId)) return false;
  if (scope.target === 'consultation' && definition.consultationType !== '' && definition.consultationType !== (scope.consultationType ?? '')) return false;
  return true;
}

/** The definitions a form shows for that scope, in display order. */
export function applicableDefinitions(definitions: CustomFieldDefinitions, scope: FieldScope): CustomFieldDefinition[] {
  return sortedDefinitions(definitions).filter((d) => appliesTo(d, scope));
}

export interface DefinitionGroup {
  /** '' for the fields without a group. */
  name: string;
  definitions: CustomFieldDefinition[];
}

/** Sorted definitions under their group headings, groups in the order of their first field. */
export function groupDefinitions(sorted: readonly CustomFieldDefinition[]): DefinitionGroup[] {
  const groups: DefinitionGroup[] = [];
  for (const definition of sorted) {
    const name = definition.group.trim();
    let group = groups.find((g) => g.name === name);
    if (!group) {
      group = { name, definitions: [] };
      groups.push(group);
    }
    group.definitions.push(definition);
  }
  return groups;
}

/** No value: absent, blank text, empty list, or an unticked checkbox (a checkbox stores only `true`). */
export function isEmptyValue(value: CustomValue | null | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function requiredMessage(type: CustomFieldType): string {
  switch (type) {
    case 'checkbox':
      return 'Veuillez cocher cette case.';
    case 'yesNo':
      return 'Veuillez répondre oui ou non.';
    case 'choice':
      return 'Veuillez choisir une option.';
    case 'multiChoice':
      return 'Veuillez choisir au moins une option.';
    case 'date':
    case 'dateTime':
      return 'Veuillez indiquer une date.';
    case 'duration':
      return 'Veuillez indiquer une durée.';
    case 'number':
      return 'Veuillez saisir un nombre.';
    default:
      return 'Veuillez renseigner ce champ.';
  }
}

/**
 * What is wrong with a value for a definition, in French, or null. Options are checked against the
 * current list: callers skip this for a value that is the one already stored (see validateCustomValues).
 */
export function valueProblem(definition: Pick<CustomFieldDefinition, 'type' | 'options'>, value: CustomValue): string | null {
  switch (definition.type) {
    case 'text':
    case 'longText': {
      if (typeof value !== 'string') return MESSAGES.text;
      const max = definition.type === 'text' ? TEXT_MAX : LONG_TEXT_MAX;
      return value.length > max ? `Ce texte est trop long (${frenchNumber(max)} caractères au maximum).` : null;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'Veuillez saisir un nombre.';
      return Math.abs(value) >= NUMBER_LIMIT ? 'Ce nombre est trop grand.' : null;
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? null : MESSAGES.date;
    case 'dateTime':
      return typeof value === 'string' && isIsoDateTime(value) ? null : MESSAGES.dateTime;
    case 'duration':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return 'Veuillez saisir une durée en heures et minutes.';
      return value > DURATION_MAX_MINUTES ? 'Cette durée est trop longue.' : null;
    case 'yesNo':
    case 'checkbox':
      return typeof value === 'boolean' ? null : MESSAGES.boolean;
    case 'choice':
      if (typeof value !== 'string') return MESSAGES.list;
      return definition.options.includes(value) ? null : 'Veuillez choisir une option de la liste.';
    case 'multiChoice':
      if (!Array.isArray(value)) return MESSAGES.list;
      return value.every((v) => definition.options.includes(v)) ? null : 'Veuillez choisir des options de la liste.';
  }
}

/**
 * Checks a record's values against the definitions it is edited with (those a form shows): the
 * first French message per definition id. A value equal to the stored one is kept as it is — an
 * option removed since, or a field whose type changed — so a record never becomes unsavable
 * because an administrator edited a definition; it must still be present when required.
 */
export function validateCustomValues(
  definitions: readonly CustomFieldDefinition[],
  values: Readonly<CustomValues>,
  stored: Readonly<CustomValues> = {},
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const definition of definitions) {
    const value = own(values, definition.id);
    if (value === undefined || isEmptyValue(value)) {
      if (definition.required) errors[definition.id] = requiredMessage(definition.type);
      continue;
    }
    if (definition.type === 'checkbox' && definition.required && value !== true) {
      errors[definition.id] = requiredMessage('checkbox');
      continue;
    }
    const before = own(stored, definition.id);
    if (before !== undefined && jsonEqual(before as Json, value as Json)) continue;
    const problem = valueProblem(definition, value);
    if (problem !== null) errors[definition.id] = problem;
  }
  return errors;
}

function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

function isCustomValue(value: unknown): value is CustomValue {
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A decrypted `customFields` as stored, every JSON entry kept (what a save writes back). */
export function storedCustomValues(raw: unknown): StoredCustomValues {
  const out: StoredCustomValues = {};
  if (!isPlainObject(raw)) return out;
  for (const [key, value] of Object.entries(raw)) if (value !== null && isJsonValue(value)) out[key] = value as Json;
  return out;
}

/** The entries of a `customFields` this version can show and check; others are left out, never thrown. */
export function readCustomValues(raw: unknown): CustomValues {
  const out: CustomValues = {};
  if (!isPlainObject(raw)) return out;
  for (const [key, value] of Object.entries(raw)) if (isCustomValue(value)) out[key] = value;
  return out;
}

/** The settings section read leniently: a definition this version cannot read is left out. */
export function readDefinitions(raw: unknown): CustomFieldDefinitions {
  const out: CustomFieldDefinitions = {};
  if (!isPlainObject(raw)) return out;
  for (const [key, value] of Object.entries(raw)) {
    const parsed = CustomFieldDefinition.safeParse(value);
    if (parsed.success && parsed.data.id === key) out[key] = parsed.data;
  }
  return out;
}

/** '1 h 30 min', '45 min', '2 h', '0 min'. */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${frenchNumber(h)} h` : `${frenchNumber(h)} h ${m} min`;
}

/** 1234.5 → '1 234,5' (no-break space, the same on every ICU build). */
export function formatNumberFr(value: number): string {
  const sign = value < 0 ? '-' : '';
  const [whole = '0', decimals] = String(Math.abs(value)).split('.');
  return `${sign}${frenchNumber(Number(whole))}${decimals ? `,${decimals}` : ''}`;
}

/** Which options of a value are no longer offered by the definition. */
export function removedOptions(definition: Pick<CustomFieldDefinition, 'type' | 'options'>, value: CustomValue | undefined): string[] {
  if (!CHOICE_TYPES.includes(definition.type) || value === undefined) return [];
  const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return chosen.filter((v) => !definition.options.includes(v));
}

const EMPTY_TEXT = 'Non renseigné';

/**
 * A value as a person reads it: dates 'JJ/MM/AAAA', date and time in the organisation's time zone,
 * durations in h/min, Oui/Non, options joined (a removed one says so). A value that no longer
 * fits its definition's type is shown for what it is rather than hidden.
 */
export function displayCustomValue(
  definition: Pick<CustomFieldDefinition, 'type' | 'options'> | undefined,
  value: CustomValue | null | undefined,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  if (value === undefined || value === null || isEmptyValue(value)) return definition?.type === 'checkbox' ? 'Non' : EMPTY_TEXT;
  if (definition === undefined || !fitsType(definition.type, value)) return displayAsIs(value, timeZone);
  switch (definition.type) {
    case 'number':
      return formatNumberFr(value as number);
    case 'date':
      return formatDateFr(value as string);
    case 'dateTime':
      return displayDateTime(value as string, timeZone);
    case 'duration':
      return formatDuration(value as number);
    case 'yesNo':
    case 'checkbox':
      return value ? 'Oui' : 'Non';
    case 'choice':
    case 'multiChoice': {
      const chosen = Array.isArray(value) ? value : [value as string];
      return chosen.map((v) => (definition.options.includes(v) ? v : `${v} (option retirée)`)).join(', ');
    }
    default:
      return value as string;
  }
}

/** Whether a value has the shape of the type (options aside: a removed option still displays as one). */
export function fitsType(type: CustomFieldType, value: CustomValue): boolean {
  if (type === 'choice') return typeof value === 'string';
  if (type === 'multiChoice') return Array.isArray(value);
  return valueProblem({ type, options: [] }, value) === null;
}

function displayDateTime(value: string, timeZone: string): string {
  return `${formatDateFr(localDateOf(value, timeZone))} à ${localTimeOf(value, timeZone)}`;
}

function displayAsIs(value: CustomValue, timeZone: string): string {
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'number') return formatNumberFr(value);
  if (Array.isArray(value)) return value.join(', ');
  if (isIsoDate(value)) return formatDateFr(value);
  if (isIsoDateTime(value)) return displayDateTime(value, timeZone);
  return value;
}

export interface CustomFieldChange {
  definitionId: string;
  label: string;
  before: string;
  after: string;
}

/**
 * One line per custom field whose value differs between two `customFields` maps (a history
 * entry or a conflict of that field), named with the definition's label — a removed definition
 * keeps its label; one this device does not know is named as such.
 */
export function customFieldChanges(
  definitions: CustomFieldDefinitions,
  before: Json | undefined,
  after: Json | undefined,
  timeZone: string = DEFAULT_TIME_ZONE,
): CustomFieldChange[] {
  const a = readCustomValues(before);
  const b = readCustomValues(after);
  const ids = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const changes: CustomFieldChange[] = [];
  const order = new Map(sortedDefinitions(definitions).map((d, i) => [d.id, i]));
  ids.sort((x, y) => (order.get(x) ?? Infinity) - (order.get(y) ?? Infinity) || (x < y ? -1 : x > y ? 1 : 0));
  for (const definitionId of ids) {
    const previous = own(a, definitionId);
    const next = own(b, definitionId);
    if (isEmptyValue(previous) && isEmptyValue(next)) continue;
    if (previous !== undefined && next !== undefined && jsonEqual(previous as Json, next as Json)) continue;
    const definition = own(definitions, definitionId);
    changes.push({
      definitionId,
      label: definition?.label ?? 'Champ personnalisé inconnu',
      before: displayCustomValue(definition, previous, timeZone),
      after: displayCustomValue(definition, next, timeZone),
    });
  }
  return changes;
}

/**
 * The values to store after a form edited some of them: the stored map with the edited entries
 * replaced, an emptied one removed. Entries the form did not touch — other teams' fields, removed
 * definitions, values of an older type — are kept exactly.
 */
export function withEditedValues(stored: Readonly<StoredCustomValues>, edited: Readonly<Record<string, CustomValue | null>>): StoredCustomValues {
  const out: StoredCustomValues = { ...stored };
  for (const [key, value] of Object.entries(edited)) {
    if (value === null || isEmptyValue(value)) delete out[key];
    else out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}
