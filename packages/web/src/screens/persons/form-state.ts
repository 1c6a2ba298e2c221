// The person form's state, kept as a draft that survives navigation, reload and lock. A draft
// remembers, per field, the value the person started from (`base`) and what they typed
// (`value`): a field they did not touch follows the stored record (another device may change it
// meanwhile) and is not sent on save, so it keeps its stamp and cannot win a conflict it had no
// part in.
import { GENDERS, type Gender } from '@relais/core/domain/person';

// Type aliases, not interfaces: a draft must be assignable to Json.
export type PersonFormValues = {
  name: string;
  otherNames: string;
  gender: Gender;
  birthDate: string;
  phone: string;
  email: string;
  description: string;
  highlyVulnerable: boolean;
  streetSince: string;
  followedSince: string;
  teamIds: string[];
  alerts: string;
  outOfActiveList: boolean;
  outOfActiveListDate: string;
  outOfActiveListReasons: string[];
};

export type FormField = keyof PersonFormValues;

export const FORM_FIELDS: readonly FormField[] = [
  'name',
  'otherNames',
  'gender',
  'birthDate',
  'phone',
  'email',
  'description',
  'highlyVulnerable',
  'streetSince',
  'followedSince',
  'teamIds',
  'alerts',
  'outOfActiveList',
  'outOfActiveListDate',
  'outOfActiveListReasons',
];

export const EMPTY_PERSON: PersonFormValues = {
  name: '',
  otherNames: '',
  gender: '',
  birthDate: '',
  phone: '',
  email: '',
  description: '',
  highlyVulnerable: false,
  streetSince: '',
  followedSince: '',
  teamIds: [],
  alerts: '',
  outOfActiveList: false,
  outOfActiveListDate: '',
  outOfActiveListReasons: [],
};

export type PersonDraft = {
  base: PersonFormValues;
  value: PersonFormValues;
};

type Value = PersonFormValues[FormField];

export function sameValue(a: Value, b: Value): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

function isTouched(draft: PersonDraft, field: FormField): boolean {
  return !sameValue(draft.value[field], draft.base[field]);
}

/** The stored person's values as form values (unknown or missing fields become empty). */
export function formValues(fields: Partial<Record<FormField, unknown>>): PersonFormValues {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const gender = text(fields.gender);
  return {
    name: text(fields.name),
    otherNames: text(fields.otherNames),
    gender: (GENDERS as readonly string[]).includes(gender) ? (gender as Gender) : '',
    birthDate: text(fields.birthDate),
    phone: text(fields.phone),
    email: text(fields.email),
    description: text(fields.description),
    highlyVulnerable: fields.highlyVulnerable === true,
    streetSince: text(fields.streetSince),
    followedSince: text(fields.followedSince),
    teamIds: list(fields.teamIds),
    alerts: text(fields.alerts),
    outOfActiveList: fields.outOfActiveList === true,
    outOfActiveListDate: text(fields.outOfActiveListDate),
    outOfActiveListReasons: list(fields.outOfActiveListReasons),
  };
}

/** What the form shows: typed values over the stored ones. */
export function shownValues(draft: PersonDraft | null, current: PersonFormValues): PersonFormValues {
  if (!draft) return current;
  const shown = { ...current };
  for (const field of FORM_FIELDS) if (isTouched(draft, field)) setField(shown, field, draft.value[field]);
  return shown;
}

function setField<F extends FormField>(values: PersonFormValues, field: F, value: PersonFormValues[F]): void {
  values[field] = value;
}

/**
 * The draft after the person changes some fields. Untouched fields are rebased on the stored
 * values first, so they stay "untouched" however the record changed meanwhile.
 */
export function editDraft(draft: PersonDraft | null, current: PersonFormValues, patch: Partial<PersonFormValues>): PersonDraft {
  const base = { ...current };
  const value = { ...current };
  if (draft) {
    for (const field of FORM_FIELDS) {
      if (!isTouched(draft, field)) continue;
      setField(base, field, draft.base[field]);
      setField(value, field, draft.value[field]);
    }
  }
  return { base, value: { ...value, ...patch } };
}

/** Trimmed text, as it will be stored. */
export function normalise(values: PersonFormValues): PersonFormValues {
  return {
    ...values,
    name: values.name.trim(),
    otherNames: values.otherNames.trim(),
    phone: values.phone.trim(),
    email: values.email.trim(),
    description: values.description.trim(),
    alerts: values.alerts.trim(),
  };
}

/** Only the fields whose value to save differs from the stored one. */
export function changedFields(draft: PersonDraft | null, current: PersonFormValues): Partial<PersonFormValues> {
  const toSave = normalise(shownValues(draft, current));
  const patch: Partial<PersonFormValues> = {};
  for (const field of FORM_FIELDS) {
    if (!sameValue(toSave[field], current[field])) Object.assign(patch, { [field]: toSave[field] });
  }
  return patch;
}

export function isDirty(draft: PersonDraft | null, current: PersonFormValues): boolean {
  return Object.keys(changedFields(draft, current)).length > 0;
}

/** Leaving the active list defaults the date to today; returning clears date and motifs. */
export function activeListPatch(out: boolean, current: PersonFormValues, today: string): Partial<PersonFormValues> {
  if (out) return { outOfActiveList: true, outOfActiveListDate: current.outOfActiveListDate || today };
  return { outOfActiveList: false, outOfActiveListDate: '', outOfActiveListReasons: [] };
}

/**
 * Options for the motifs: the organisation's current list, then any value the person holds that
 * was removed from the list since (still shown, so nothing stored becomes invisible).
 */
export function reasonOptions(settingsReasons: readonly string[], selected: readonly string[]): { value: string; removed: boolean }[] {
  const options = settingsReasons.map((value) => ({ value, removed: false }));
  for (const value of selected) if (!settingsReasons.includes(value)) options.push({ value, removed: true });
  return options;
}

export type FormErrors = Partial<Record<FormField, string>>;

/**
 * Checks the shared schema cannot make (it has no clock): dates in the future, a date of exit.
 * `today` is the device's YYYY-MM-DD.
 */
export function checkDates(values: PersonFormValues, today: string): FormErrors {
  const errors: FormErrors = {};
  if (values.birthDate) {
    if (values.birthDate > today) errors.birthDate = 'La date de naissance ne peut pas être dans le futur.';
    else if (values.birthDate < '1900-01-01') errors.birthDate = 'La date de naissance doit être postérieure au 1er janvier 1900.';
  }
  if (values.streetSince > today) errors.streetSince = 'Cette date ne peut pas être dans le futur.';
  if (values.followedSince > today) errors.followedSince = 'Cette date ne peut pas être dans le futur.';
  if (values.outOfActiveList) {
    if (!values.outOfActiveListDate) errors.outOfActiveListDate = 'Veuillez indiquer la date de sortie de la file active.';
    else if (values.outOfActiveListDate > today) errors.outOfActiveListDate = 'La date de sortie ne peut pas être dans le futur.';
  }
  return errors;
}
