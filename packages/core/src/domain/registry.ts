// Every collection's document schema, defaults, summary and label, by collection name, so the
// data layer handles all collections with one code path.
import type { z } from 'zod';
import type { Collection } from '../collections.ts';
import type { Json } from '../sync/types.ts';
import { ACTION_FIELD_LABELS, ActionFields, ActionFieldsObject, actionLabel, emptyAction, summariseAction, type ActionSummary } from './action.ts';
import {
  ActionSeriesFields,
  ActionSeriesFieldsObject,
  actionSeriesLabel,
  emptyActionSeries,
  summariseActionSeries,
  type ActionSeriesSummary,
} from './action-series.ts';
import { COMMENT_FIELD_LABELS, CommentFields, CommentFieldsObject, commentLabel, emptyComment, summariseComment, type CommentSummary } from './comment.ts';
import {
  emptyEncounter,
  ENCOUNTER_FIELD_LABELS,
  EncounterFields,
  encounterLabel,
  summariseEncounter,
  type EncounterSummary,
} from './encounter.ts';
import {
  emptyFamilyLink,
  FAMILY_LINK_FIELD_LABELS,
  FamilyLinkFields,
  FamilyLinkFieldsObject,
  familyLinkLabel,
  summariseFamilyLink,
  type FamilyLinkSummary,
} from './family-link.ts';
import { HistoryFields, historyLabel, summariseHistory, type HistorySummary } from './history.ts';
import {
  emptyObservation,
  OBSERVATION_FIELD_LABELS,
  ObservationFields,
  observationLabel,
  summariseObservation,
  type ObservationSummary,
} from './observation.ts';
import { emptyPassage, PASSAGE_FIELD_LABELS, PassageFields, PassageFieldsObject, passageLabel, summarisePassage, type PassageSummary } from './passage.ts';
import { emptyPerson, PERSON_FIELD_LABELS, PersonFields, PersonFieldsObject, personLabel, summarisePerson, type PersonSummary } from './person.ts';
import {
  emptyPersonPlace,
  PERSON_PLACE_FIELD_LABELS,
  PersonPlaceFields,
  personPlaceLabel,
  summarisePersonPlace,
  type PersonPlaceSummary,
} from './person-place.ts';
import { emptyPlace, PLACE_FIELD_LABELS, PlaceFields, placeLabel, summarisePlace, type PlaceSummary } from './place.ts';
import { emptyReport, REPORT_FIELD_LABELS, ReportFields, reportLabel, summariseReport, type ReportSummary } from './report.ts';
import {
  emptyServiceCount,
  SERVICE_COUNT_FIELD_LABELS,
  ServiceCountFields,
  serviceCountLabel,
  summariseServiceCount,
  type ServiceCountSummary,
} from './service-count.ts';
import { defaultSettings, SETTINGS_FIELD_LABELS, SettingsFields, settingsLabel, summariseSettings, type SettingsSummary } from './settings.ts';
import {
  emptyTerritory,
  TERRITORY_FIELD_LABELS,
  TerritoryFields,
  territoryLabel,
  summariseTerritory,
  type TerritorySummary,
} from './territory.ts';
import { META_FIELD_LABELS } from './fields.ts';
import {
  CONSULTATION_FIELD_LABELS,
  ConsultationFields,
  consultationLabel,
  emptyConsultation,
  summariseConsultation,
  type ConsultationSummary,
} from './consultation.ts';
import {
  emptyMedicalComment,
  MEDICAL_COMMENT_FIELD_LABELS,
  MedicalCommentFields,
  medicalCommentLabel,
  summariseMedicalComment,
  type MedicalCommentSummary,
} from './medical-comment.ts';
import { emptyMedicalFile, MEDICAL_FILE_FIELD_LABELS, MedicalFileFields, medicalFileLabel, summariseMedicalFile, type MedicalFileSummary } from './medical-file.ts';
import {
  emptyTreatment,
  TREATMENT_FIELD_LABELS,
  TreatmentFields,
  TreatmentFieldsObject,
  treatmentLabel,
  summariseTreatment,
  type TreatmentSummary,
} from './treatment.ts';

/** The document and summary types of each collection. */
export interface DomainTypes {
  person: { fields: PersonFields; summary: PersonSummary };
  place: { fields: PlaceFields; summary: PlaceSummary };
  personPlace: { fields: PersonPlaceFields; summary: PersonPlaceSummary };
  familyLink: { fields: FamilyLinkFields; summary: FamilyLinkSummary };
  action: { fields: ActionFields; summary: ActionSummary };
  actionSeries: { fields: ActionSeriesFields; summary: ActionSeriesSummary };
  comment: { fields: CommentFields; summary: CommentSummary };
  passage: { fields: PassageFields; summary: PassageSummary };
  encounter: { fields: EncounterFields; summary: EncounterSummary };
  territory: { fields: TerritoryFields; summary: TerritorySummary };
  observation: { fields: ObservationFields; summary: ObservationSummary };
  report: { fields: ReportFields; summary: ReportSummary };
  serviceCount: { fields: ServiceCountFields; summary: ServiceCountSummary };
  settings: { fields: SettingsFields; summary: SettingsSummary };
  history: { fields: HistoryFields; summary: HistorySummary };
  consultation: { fields: ConsultationFields; summary: ConsultationSummary };
  treatment: { fields: TreatmentFields; summary: TreatmentSummary };
  medicalComment: { fields: MedicalCommentFields; summary: MedicalCommentSummary };
  medicalFile: { fields: MedicalFileFields; summary: MedicalFileSummary };
  medicalHistory: { fields: HistoryFields; summary: HistorySummary };
}

export type FieldsOf<C extends Collection> = DomainTypes[C]['fields'];
export type SummaryOf<C extends Collection> = DomainTypes[C]['summary'];

export interface DomainEntry<F, S> {
  /** Validates a whole document (French messages); the schema the writer checks before saving. */
  fields: z.ZodType<F>;
  /**
   * The same fields without the rules that join two of them, for checking one field of a form
   * (`.shape[name]`), or null where the document is not a plain object (history).
   */
  object: z.ZodObject | null;
  /** A new document: every field present, text and dates ''. Not always valid (a name is required). */
  empty(): F;
  summarise(fields: F): S;
  /** A short French label for the corbeille and the timeline. */
  label(fields: F): string;
  /** A French label per field (the history screen names the changed field with it). */
  fieldLabels: Record<string, string>;
}

const HISTORY_FIELD_LABELS: Record<string, string> = {
  kind: 'Type',
  recordCollection: 'Collection',
  recordId: 'Fiche',
  field: 'Champ',
  before: 'Avant',
  after: 'Après',
  at: 'Date',
  by: 'Par',
  keptValue: 'Valeur gardée',
  setAsideValue: 'Valeur mise de côté',
  keptStamp: 'Modification gardée',
  setAsideStamp: 'Modification mise de côté',
};

function entry<F, S>(
  fields: z.ZodType<F>,
  object: z.ZodObject | null,
  empty: () => F,
  summarise: (f: F) => S,
  label: (f: F) => string,
  fieldLabels: Record<string, string>,
): DomainEntry<F, S> {
  return { fields, object, empty, summarise, label, fieldLabels: { ...fieldLabels, ...META_FIELD_LABELS } };
}

export const DOMAIN: { readonly [C in Collection]: DomainEntry<FieldsOf<C>, SummaryOf<C>> } = {
  person: entry(PersonFields, PersonFieldsObject, emptyPerson, summarisePerson, personLabel, PERSON_FIELD_LABELS),
  place: entry(PlaceFields, PlaceFields, emptyPlace, summarisePlace, placeLabel, PLACE_FIELD_LABELS),
  personPlace: entry(PersonPlaceFields, PersonPlaceFields, () => emptyPersonPlace(), summarisePersonPlace, personPlaceLabel, PERSON_PLACE_FIELD_LABELS),
  familyLink: entry(FamilyLinkFields, FamilyLinkFieldsObject, () => emptyFamilyLink(), summariseFamilyLink, familyLinkLabel, FAMILY_LINK_FIELD_LABELS),
  action: entry(ActionFields, ActionFieldsObject, () => emptyAction(), summariseAction, actionLabel, ACTION_FIELD_LABELS),
  actionSeries: entry(ActionSeriesFields, ActionSeriesFieldsObject, () => emptyActionSeries(), summariseActionSeries, actionSeriesLabel, {
    ...ACTION_FIELD_LABELS,
    rrule: 'Récurrence',
    startDate: 'Date de début',
    until: "Jusqu'au",
  }),
  comment: entry(CommentFields, CommentFieldsObject, () => emptyComment(), summariseComment, commentLabel, COMMENT_FIELD_LABELS),
  passage: entry(PassageFields, PassageFieldsObject, () => emptyPassage(), summarisePassage, passageLabel, PASSAGE_FIELD_LABELS),
  encounter: entry(EncounterFields, EncounterFields, () => emptyEncounter(), summariseEncounter, encounterLabel, ENCOUNTER_FIELD_LABELS),
  territory: entry(TerritoryFields, TerritoryFields, emptyTerritory, summariseTerritory, territoryLabel, TERRITORY_FIELD_LABELS),
  observation: entry(ObservationFields, ObservationFields, () => emptyObservation(), summariseObservation, observationLabel, OBSERVATION_FIELD_LABELS),
  report: entry(ReportFields, ReportFields, () => emptyReport(), summariseReport, reportLabel, REPORT_FIELD_LABELS),
  serviceCount: entry(ServiceCountFields, ServiceCountFields, () => emptyServiceCount(), summariseServiceCount, serviceCountLabel, SERVICE_COUNT_FIELD_LABELS),
  settings: entry(SettingsFields, SettingsFields, defaultSettings, summariseSettings, settingsLabel, SETTINGS_FIELD_LABELS),
  history: entry(HistoryFields, null, emptyHistory, summariseHistory, historyLabel, HISTORY_FIELD_LABELS),
  consultation: entry(ConsultationFields, ConsultationFields, () => emptyConsultation(), summariseConsultation, consultationLabel, CONSULTATION_FIELD_LABELS),
  treatment: entry(TreatmentFields, TreatmentFieldsObject, () => emptyTreatment(), summariseTreatment, treatmentLabel, TREATMENT_FIELD_LABELS),
  medicalComment: entry(MedicalCommentFields, MedicalCommentFields, () => emptyMedicalComment(), summariseMedicalComment, medicalCommentLabel, MEDICAL_COMMENT_FIELD_LABELS),
  medicalFile: entry(MedicalFileFields, MedicalFileFields, () => emptyMedicalFile(), summariseMedicalFile, medicalFileLabel, MEDICAL_FILE_FIELD_LABELS),
  medicalHistory: entry(HistoryFields, null, emptyHistory, summariseHistory, historyLabel, HISTORY_FIELD_LABELS),
};

function emptyHistory(): HistoryFields {
  return { kind: 'change', recordCollection: 'person', recordId: '', field: '', before: null, after: null, at: '', by: '' };
}

export type FieldErrors = Record<string, string>;

export type Validation<F> = { ok: true; fields: F } | { ok: false; errors: FieldErrors };

/**
 * Checks a whole document. On failure, the first French message of each top-level field (a
 * message about the whole document is under '').
 */
export function validateFields<C extends Collection>(collection: C, value: unknown): Validation<FieldsOf<C>> {
  const result = DOMAIN[collection].fields.safeParse(value);
  if (result.success) return { ok: true, fields: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length === 0 ? '' : String(issue.path[0]);
    if (!Object.prototype.hasOwnProperty.call(errors, key)) errors[key] = issue.message;
  }
  return { ok: false, errors };
}

/**
 * A decrypted document read leniently: every field of the collection present, a missing or
 * mistyped one replaced by its default. Records written by an older or newer app version, or
 * half-merged, must still list and summarise rather than break a screen. Unknown fields are kept.
 */
export function readFields<C extends Collection>(collection: C, raw: Readonly<Record<string, Json>>): FieldsOf<C> {
  const defaults = (collection === 'history' || collection === 'medicalHistory') && raw.kind === 'conflict' ? emptyConflict() : (DOMAIN[collection].empty() as unknown as Json);
  const out = fill(defaults, raw) as Record<string, Json>;
  for (const key of Object.keys(raw)) {
    if (!Object.prototype.hasOwnProperty.call(out, key)) Object.defineProperty(out, key, { value: raw[key], enumerable: true, writable: true, configurable: true });
  }
  return out as unknown as FieldsOf<C>;
}

function emptyConflict(): Json {
  return {
    kind: 'conflict',
    recordCollection: 'person',
    recordId: '',
    field: '',
    keptValue: null,
    setAsideValue: null,
    keptStamp: '',
    setAsideStamp: '',
  };
}

function fill(defaults: Json, raw: Json | undefined): Json {
  if (raw === undefined) return defaults;
  if (defaults === null) return raw;
  if (Array.isArray(defaults)) {
    if (!Array.isArray(raw)) return defaults;
    // A list of labels or ids keeps its strings; a list of objects (category groups) its objects.
    const sample = defaults[0];
    return sample !== undefined && typeof sample === 'object' ? raw.filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v)) : raw.filter((v) => typeof v === 'string');
  }
  if (typeof defaults === 'object') {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return defaults;
    // An empty object by default is a map keyed by id (custom field values and definitions): its
    // entries are kept whole, and their readers check each one (custom-fields.ts).
    if (Object.keys(defaults).length === 0) return raw;
    const out: Record<string, Json> = {};
    for (const key of Object.keys(defaults)) {
      out[key] = fill(defaults[key] as Json, Object.prototype.hasOwnProperty.call(raw, key) ? raw[key] : undefined);
    }
    return out;
  }
  return typeof raw === typeof defaults ? raw : defaults;
}
