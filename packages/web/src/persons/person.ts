// The person record as the first screen knows it: four fields, stored in a RecordDocument under
// these keys. Issue 4 extends the file; keys must never be renamed (they are inside ciphertexts).
import type { RecordView } from '@relais/core/sync/engine';
import type { Json } from '@relais/core/sync/types';

export const PERSON_FIELDS = ['name', 'birthDate', 'phone', 'description'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

export const PERSON_LABELS: Record<PersonField, string> = {
  name: 'Nom, prénom ou surnom',
  birthDate: 'Date de naissance',
  phone: 'Téléphone',
  description: 'Description',
};

export type PersonInput = Record<PersonField, string>;

export interface Person extends PersonInput {
  id: string;
  /** Waiting in the outbox. */
  pending: boolean;
}

function text(value: Json | undefined): string {
  return typeof value === 'string' ? value : '';
}

export function personFromView(view: RecordView): Person {
  const f = view.document.fields;
  return {
    id: view.id,
    name: text(f.name),
    birthDate: text(f.birthDate),
    phone: text(f.phone),
    description: text(f.description),
    pending: view.pending,
  };
}

export const EMPTY_PERSON: PersonInput = { name: '', birthDate: '', phone: '', description: '' };

export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 10_000;

/** Trimmed values and French messages; `today` is YYYY-MM-DD in the device's time zone. */
export function validatePerson(input: PersonInput, today: string): { value: PersonInput; errors: Partial<Record<PersonField, string>> } {
  const value: PersonInput = {
    name: input.name.trim(),
    birthDate: input.birthDate.trim(),
    phone: input.phone.trim(),
    description: input.description.trim(),
  };
  const errors: Partial<Record<PersonField, string>> = {};
  if (!value.name) errors.name = 'Veuillez indiquer un nom, un prénom ou un surnom.';
  else if (value.name.length > NAME_MAX) errors.name = `Le nom ne doit pas dépasser ${NAME_MAX} caractères.`;
  if (value.birthDate) {
    if (!isIsoDate(value.birthDate)) errors.birthDate = 'Veuillez saisir une date valide (jour, mois, année).';
    else if (value.birthDate > today) errors.birthDate = 'La date de naissance ne peut pas être dans le futur.';
    else if (value.birthDate < '1900-01-01') errors.birthDate = 'La date de naissance doit être postérieure au 1er janvier 1900.';
  }
  if (value.phone) {
    const digits = value.phone.replace(/\D/g, '');
    if (!/^\+?[\d\s.()-]+$/.test(value.phone) || digits.length < 4 || digits.length > 15) {
      errors.phone = 'Veuillez saisir un numéro de téléphone valide (chiffres, espaces, points, tirets ou « + »).';
    }
  }
  if (value.description.length > DESCRIPTION_MAX) errors.description = `La description ne doit pas dépasser ${DESCRIPTION_MAX} caractères.`;
  return { value, errors };
}

function isIsoDate(text: string): boolean {
  const m = text.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Only the fields that differ from what is stored, so an untouched field keeps its stamp. */
export function personPatch(before: PersonInput | null, after: PersonInput): Record<string, Json> {
  const patch: Record<string, Json> = {};
  for (const field of PERSON_FIELDS) if (!before || before[field] !== after[field]) patch[field] = after[field];
  return patch;
}

export function formatDate(iso: string): string {
  const m = iso.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
