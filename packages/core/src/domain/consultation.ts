// A consultation of the dossier médical (encrypted with the `medical` key): its type (from the
// organisation's list), date, status, constantes, notes, and the members who may see it when it
// must stay between a few health professionals (« visible seulement par »).
import { z } from 'zod';
import { choice, dateTime, id, idList, MESSAGES, recordMeta, requiredText, text, type FieldLabels } from './fields.ts';
import { customValues } from './custom-fields.ts';
import { dayLabel } from './label.ts';
import { emptyVitalSigns, VitalSigns } from './vital-signs.ts';

export const CONSULTATION_STATUSES = ['todo', 'done', 'cancelled'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
export const CONSULTATION_STATUS_LABELS: Record<ConsultationStatus, string> = { todo: 'À faire', done: 'Faite', cancelled: 'Annulée' };

export const ConsultationFields = z.object(
  {
    personId: id('Veuillez choisir la personne.'),
    type: requiredText(200, 'Veuillez choisir le type de consultation.'),
    date: dateTime(),
    status: choice(CONSULTATION_STATUSES, 'Veuillez choisir le statut.'),
    vitalSigns: VitalSigns,
    notes: text(20_000),
    /** Empty: every health professional of the organisation; else only these members. */
    visibleTo: idList(100),
    /** Values of the custom fields of the consultation's type (decision 012). */
    customFields: customValues(),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);
export type ConsultationFields = z.infer<typeof ConsultationFields>;

export function emptyConsultation(personId = '', date = ''): ConsultationFields {
  return { personId, type: '', date, status: 'todo', vitalSigns: emptyVitalSigns(), notes: '', visibleTo: [], customFields: {} };
}

export const CONSULTATION_FIELD_LABELS: FieldLabels<ConsultationFields> = {
  personId: 'Personne',
  type: 'Type de consultation',
  date: 'Date',
  status: 'Statut',
  vitalSigns: 'Constantes',
  notes: 'Notes',
  visibleTo: 'Visible seulement par',
  customFields: 'Champs personnalisés',
};

export interface ConsultationSummary {
  personId: string;
  type: string;
  date: string;
  status: ConsultationStatus;
  visibleTo: string[];
  /** Kept in the index so the list hides what the member may not open without decrypting again. */
  createdBy: string;
}

export function summariseConsultation(f: ConsultationFields): ConsultationSummary {
  return { personId: f.personId, type: f.type, date: f.date, status: f.status, visibleTo: [...f.visibleTo], createdBy: f.createdBy ?? '' };
}

export function consultationLabel(f: ConsultationFields): string {
  return `Consultation ${f.type} du ${dayLabel(f.date)}`;
}

/** Who may open it, among health professionals: everyone when the list is empty, its author always. */
export function mayViewConsultation(f: Pick<ConsultationFields, 'visibleTo' | 'createdBy'>, userId: string): boolean {
  return f.visibleTo.length === 0 || f.visibleTo.includes(userId) || f.createdBy === userId;
}
