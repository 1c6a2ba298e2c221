// A treatment of the dossier médical (encrypted with the `medical` key).
import { z } from 'zod';
import { id, isoDate, isoDateOrEmpty, MESSAGES, recordMeta, requiredText, text, type FieldLabels } from './fields.ts';
import { dayLabel } from './label.ts';

export const TreatmentFieldsObject = z.object(
  {
    personId: id('Veuillez choisir la personne.'),
    medication: requiredText(300, 'Veuillez indiquer le médicament.'),
    dosage: text(300),
    frequency: text(300),
    indication: text(1000),
    startDate: isoDate('Veuillez indiquer la date de début (AAAA-MM-JJ).'),
    endDate: isoDateOrEmpty(),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);

export const TreatmentFields = TreatmentFieldsObject.superRefine((t, ctx) => {
  if (t.endDate !== '' && t.endDate < t.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'La date de fin ne peut pas précéder la date de début.' });
  }
});
export type TreatmentFields = z.infer<typeof TreatmentFields>;

export function emptyTreatment(personId = '', startDate = ''): TreatmentFields {
  return { personId, medication: '', dosage: '', frequency: '', indication: '', startDate, endDate: '' };
}

export const TREATMENT_FIELD_LABELS: FieldLabels<TreatmentFields> = {
  personId: 'Personne',
  medication: 'Médicament',
  dosage: 'Posologie',
  frequency: 'Fréquence',
  indication: 'Indication',
  startDate: 'Début',
  endDate: 'Fin',
};

export interface TreatmentSummary {
  personId: string;
  medication: string;
  startDate: string;
  endDate: string;
}

export function summariseTreatment(f: TreatmentFields): TreatmentSummary {
  return { personId: f.personId, medication: f.medication, startDate: f.startDate, endDate: f.endDate };
}

export function treatmentLabel(f: TreatmentFields): string {
  return `Traitement : ${f.medication} depuis le ${dayLabel(f.startDate)}`;
}

/** Running on `day` (YYYY-MM-DD): started, and not ended before. */
export function isOngoing(f: Pick<TreatmentFields, 'startDate' | 'endDate'>, day: string): boolean {
  return f.startDate <= day && (f.endDate === '' || f.endDate >= day);
}
