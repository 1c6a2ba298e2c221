// The medical part of a person's file (encrypted with the `medical` key): the values of the
// organisation's medical custom fields (target `personMedical`, decision 012). One record per
// person, with an id derived from the person's id, so two health professionals filling it offline
// write the same record (merged field by field) instead of two. The person record never holds
// these values: every member with the general key reads it.
import { z } from 'zod';
import type { Keyring } from '../crypto/keyring.ts';
import type { CryptoPrimitives } from '../ports.ts';
import { customValues } from './custom-fields.ts';
import { derivedId, derivedIds } from './derived-id.ts';
import { id, MESSAGES, recordMeta, type FieldLabels } from './fields.ts';

export const MedicalFileFields = z.object(
  {
    personId: id('Veuillez choisir la personne.'),
    /** Values of the medical custom fields, by definition id (decision 012). */
    customFields: customValues(),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);
export type MedicalFileFields = z.infer<typeof MedicalFileFields>;

export function emptyMedicalFile(personId = ''): MedicalFileFields {
  return { personId, customFields: {} };
}

export const MEDICAL_FILE_FIELD_LABELS: FieldLabels<MedicalFileFields> = {
  personId: 'Personne',
  customFields: 'Champs médicaux',
};

export interface MedicalFileSummary {
  personId: string;
}

export function summariseMedicalFile(f: MedicalFileFields): MedicalFileSummary {
  return { personId: f.personId };
}

export function medicalFileLabel(_f: MedicalFileFields): string {
  return 'Dossier médical (champs)';
}

/**
 * The id of a person's medical file. A keyed hash (derived-id.ts): the server, which sees ids,
 * cannot link the medical file to the person record, so it cannot learn who is followed medically.
 */
export function medicalFileId(p: CryptoPrimitives, keyring: Keyring, personId: string): string {
  return derivedId(p, keyring, 'medicalFile', personId);
}

/** The ids the person's medical file may have, newest general key first (see derivedIds). */
export function medicalFileIds(p: CryptoPrimitives, keyring: Keyring, personId: string): string[] {
  return derivedIds(p, keyring, 'medicalFile', personId);
}
