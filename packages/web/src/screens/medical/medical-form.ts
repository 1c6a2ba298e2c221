// The logic of the dossier médical's forms, apart from React: what a consultation or treatment
// form keeps as its draft, how typed constantes become numbers (French decimal comma accepted,
// human ranges of core's vital-signs.ts), the document a save writes, and how lists are ordered
// and filtered (« visible seulement par », en cours / terminé).
import { mayViewConsultation, type ConsultationFields, type ConsultationStatus } from '@relais/core/domain/consultation';
import { DEFAULT_TIME_ZONE, isIsoDate, isTime, localDateOf, localTimeOf, zonedDateTime } from '@relais/core/domain/calendar';
import type { StoredCustomValues } from '@relais/core/domain/custom-fields';
import { isOngoing, type TreatmentFields } from '@relais/core/domain/treatment';
import { emptyVitalSigns, VITAL_SIGNS, VitalSigns, type VitalSign } from '@relais/core/domain/vital-signs';
import { MEDICAL_DRAFT_PREFIX } from '../../data/drafts.ts';

export type FieldErrors = Record<string, string>;

export const VITAL_SIGN_KEYS = Object.keys(VITAL_SIGNS) as VitalSign[];

/** Draft names: the medical prefix makes the draft store seal them with the medical key. */
export const medicalDraftKey = (...parts: string[]): string => `${MEDICAL_DRAFT_PREFIX}${parts.join(':')}`;

export interface ConsultationDraft {
  type: string;
  date: string;
  time: string;
  status: ConsultationStatus;
  /** The constantes as typed ('' when not taken). */
  vitalSigns: Record<VitalSign, string>;
  notes: string;
  visibleTo: string[];
}

export function emptyVitalInputs(): Record<VitalSign, string> {
  return Object.fromEntries(VITAL_SIGN_KEYS.map((k) => [k, ''])) as Record<VitalSign, string>;
}

export function newConsultationDraft(nowIso: string, type: string, timeZone: string = DEFAULT_TIME_ZONE): ConsultationDraft {
  return { type, date: localDateOf(nowIso, timeZone), time: localTimeOf(nowIso, timeZone), status: 'done', vitalSigns: emptyVitalInputs(), notes: '', visibleTo: [] };
}

/** A stored consultation as its form shows it. */
export function consultationDraftOf(f: ConsultationFields, timeZone: string = DEFAULT_TIME_ZONE): ConsultationDraft {
  const vitalSigns = emptyVitalInputs();
  for (const key of VITAL_SIGN_KEYS) {
    const value = f.vitalSigns[key];
    vitalSigns[key] = value === null || value === undefined ? '' : String(value).replace('.', ',');
  }
  return { type: f.type, date: localDateOf(f.date, timeZone), time: localTimeOf(f.date, timeZone), status: f.status, vitalSigns, notes: f.notes, visibleTo: [...f.visibleTo] };
}

const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/**
 * The constantes typed in a form, as numbers, each checked against its human range. Errors are
 * by constante (`vitalSigns.weightKg`), with core's French messages.
 */
export function parseVitalSigns(inputs: Readonly<Record<VitalSign, string>>): { ok: true; value: VitalSigns } | { ok: false; errors: FieldErrors } {
  const value = emptyVitalSigns();
  const errors: FieldErrors = {};
  for (const key of VITAL_SIGN_KEYS) {
    const text = (inputs[key] ?? '').trim().replace(/\s/g, '');
    if (text === '') continue;
    if (!NUMBER.test(text)) {
      errors[`vitalSigns.${key}`] = `${VITAL_SIGNS[key].label} : veuillez saisir un nombre.`;
      continue;
    }
    const parsed = VitalSigns.shape[key].safeParse(Number(text.replace(',', '.')));
    if (parsed.success) value[key] = parsed.data;
    else errors[`vitalSigns.${key}`] = parsed.error.issues[0]?.message ?? `${VITAL_SIGNS[key].label} : valeur invalide.`;
  }
  return Object.keys(errors).length === 0 ? { ok: true, value } : { ok: false, errors };
}

/**
 * The consultation to save from its draft: local checks first (date and time, constantes), so the
 * form shows every message at once; the writer checks the whole document again with core's schema.
 */
export function consultationFromDraft(
  draft: ConsultationDraft,
  personId: string,
  customFields: StoredCustomValues,
  timeZone: string = DEFAULT_TIME_ZONE,
): { ok: true; fields: ConsultationFields } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!draft.type.trim()) errors.type = 'Veuillez choisir le type de consultation.';
  if (!isIsoDate(draft.date)) errors.date = 'Veuillez saisir une date valide.';
  if (!isTime(draft.time)) errors.time = 'Veuillez saisir une heure valide (HH:MM).';
  const signs = parseVitalSigns(draft.vitalSigns);
  if (!signs.ok) Object.assign(errors, signs.errors);
  if (Object.keys(errors).length > 0 || !signs.ok) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      personId,
      type: draft.type.trim(),
      date: zonedDateTime(draft.date, draft.time, timeZone),
      status: draft.status,
      vitalSigns: signs.value,
      notes: draft.notes.trim(),
      visibleTo: [...new Set(draft.visibleTo)],
      customFields,
    },
  };
}

interface ConsultationItem {
  id: string;
  summary: { date: string; visibleTo: readonly string[]; createdBy?: string | undefined };
}

/**
 * The consultations a member may open, newest first. « Visible seulement par » is applied here, on
 * the client, among holders of the medical key (decision 014): it hides, it does not protect.
 */
export function visibleConsultations<T extends ConsultationItem>(items: readonly T[], userId: string): T[] {
  return items
    .filter((item) => mayViewConsultation({ visibleTo: [...item.summary.visibleTo], createdBy: item.summary.createdBy ?? '' }, userId))
    .sort((a, b) => (a.summary.date < b.summary.date ? 1 : a.summary.date > b.summary.date ? -1 : a.id < b.id ? 1 : -1));
}

export interface TreatmentDraft {
  medication: string;
  dosage: string;
  frequency: string;
  indication: string;
  startDate: string;
  endDate: string;
}

export function newTreatmentDraft(today: string): TreatmentDraft {
  return { medication: '', dosage: '', frequency: '', indication: '', startDate: today, endDate: '' };
}

export function treatmentDraftOf(f: TreatmentFields): TreatmentDraft {
  return { medication: f.medication, dosage: f.dosage, frequency: f.frequency, indication: f.indication, startDate: f.startDate, endDate: f.endDate };
}

export function treatmentFromDraft(draft: TreatmentDraft, personId: string): { ok: true; fields: TreatmentFields } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!draft.medication.trim()) errors.medication = 'Veuillez indiquer le médicament.';
  if (!isIsoDate(draft.startDate)) errors.startDate = 'Veuillez indiquer la date de début.';
  if (draft.endDate !== '' && !isIsoDate(draft.endDate)) errors.endDate = 'Veuillez saisir une date valide.';
  else if (draft.endDate !== '' && isIsoDate(draft.startDate) && draft.endDate < draft.startDate) errors.endDate = 'La date de fin ne peut pas précéder la date de début.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      personId,
      medication: draft.medication.trim(),
      dosage: draft.dosage.trim(),
      frequency: draft.frequency.trim(),
      indication: draft.indication.trim(),
      startDate: draft.startDate,
      endDate: draft.endDate,
    },
  };
}

interface TreatmentItem {
  id: string;
  summary: { startDate: string; endDate: string };
}

/** Treatments split into en cours and terminés on `today`, most recent start first in each. */
export function splitTreatments<T extends TreatmentItem>(items: readonly T[], today: string): { ongoing: T[]; finished: T[] } {
  const sorted = [...items].sort((a, b) => (a.summary.startDate < b.summary.startDate ? 1 : a.summary.startDate > b.summary.startDate ? -1 : a.id < b.id ? 1 : -1));
  // A treatment starting later is listed as en cours: it is planned, not over.
  const ongoing = sorted.filter((t) => isOngoing(t.summary, today) || t.summary.startDate > today);
  const finished = sorted.filter((t) => !ongoing.includes(t));
  return { ongoing, finished };
}
