// A comment of the dossier médical (encrypted with the `medical` key): what a health professional
// notes about a person that the rest of the team must not read. Added, not rewritten (its author
// may still correct it), like the team's comments.
import { z } from 'zod';
import { dateTime, id, MESSAGES, recordMeta, requiredText, type FieldLabels } from './fields.ts';
import { excerpt } from './label.ts';

export const MedicalCommentFields = z.object(
  {
    personId: id('Veuillez choisir la personne.'),
    text: requiredText(10_000, 'Veuillez saisir le commentaire médical.'),
    date: dateTime(),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);
export type MedicalCommentFields = z.infer<typeof MedicalCommentFields>;

export function emptyMedicalComment(personId = '', date = ''): MedicalCommentFields {
  return { personId, text: '', date };
}

export const MEDICAL_COMMENT_FIELD_LABELS: FieldLabels<MedicalCommentFields> = {
  personId: 'Personne',
  text: 'Commentaire médical',
  date: 'Date',
};

export interface MedicalCommentSummary {
  personId: string;
  date: string;
}

export function summariseMedicalComment(f: MedicalCommentFields): MedicalCommentSummary {
  return { personId: f.personId, date: f.date };
}

export function medicalCommentLabel(f: MedicalCommentFields): string {
  return `Commentaire médical : ${excerpt(f.text)}`;
}
