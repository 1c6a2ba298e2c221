// The person file (dossier de la personne): who the person is, who follows them, and whether they
// are still in the organisation's file active.
import { z } from 'zod';
import { customValues } from './custom-fields.ts';
import { choice, flag, idList, isoDateOrEmpty, labelList, MESSAGES, recordMeta, requiredText, text, type FieldLabels } from './fields.ts';

export const GENDERS = ['', 'woman', 'man', 'trans_woman', 'trans_man', 'non_binary', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const GENDER_LABELS: Record<Gender, string> = {
  '': 'Non renseigné',
  woman: 'Femme',
  man: 'Homme',
  trans_woman: 'Femme transgenre',
  trans_man: 'Homme transgenre',
  non_binary: 'Non binaire',
  other: 'Autre',
};

const email = z
  .string({ error: MESSAGES.email })
  .trim()
  .max(254, { error: MESSAGES.email })
  .refine((s) => s === '' || z.email().safeParse(s).success, { error: MESSAGES.email });

/** The fields without the rules that join two fields (usable with `.partial()` / `.pick()`). */
export const PersonFieldsObject = z.object(
  {
    name: requiredText(200, 'Veuillez saisir un nom, un prénom ou un surnom.'),
    otherNames: text(500),
    gender: choice(GENDERS, 'Veuillez choisir un genre dans la liste.'),
    birthDate: isoDateOrEmpty(),
    phone: text(100),
    email,
    description: text(10_000),
    highlyVulnerable: flag(),
    streetSince: isoDateOrEmpty(),
    followedSince: isoDateOrEmpty(),
    teamIds: idList(),
    alerts: text(1_000),
    outOfActiveList: flag(),
    outOfActiveListDate: isoDateOrEmpty(),
    outOfActiveListReasons: labelList(),
    /** Values of the organisation's custom fields (social group), by definition id. */
    customFields: customValues(),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);

export const PersonFields = PersonFieldsObject.superRefine((person, ctx) => {
  if (person.outOfActiveList && person.outOfActiveListDate === '') {
    ctx.addIssue({ code: 'custom', path: ['outOfActiveListDate'], message: 'Veuillez indiquer la date de sortie de la file active.' });
  }
});
export type PersonFields = z.infer<typeof PersonFields>;

export function emptyPerson(): PersonFields {
  return {
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
    customFields: {},
  };
}

export const PERSON_FIELD_LABELS: FieldLabels<PersonFields> = {
  name: 'Nom, prénom ou surnom',
  otherNames: 'Autres pseudos ou noms',
  gender: 'Genre',
  birthDate: 'Date de naissance',
  phone: 'Téléphone',
  email: 'E-mail',
  description: 'Description',
  highlyVulnerable: 'Très vulnérable',
  streetSince: 'En rue depuis',
  followedSince: 'Suivi depuis',
  teamIds: 'Équipes en charge',
  alerts: 'Alertes',
  outOfActiveList: 'Sortie de file active',
  outOfActiveListDate: 'Date de sortie',
  outOfActiveListReasons: 'Motifs de sortie',
  customFields: 'Champs personnalisés',
};

/** Leaving the file active: the date and the motifs (from settings.outOfActiveListReasons). */
export function leaveActiveList(date: string, reasons: readonly string[]): Partial<PersonFields> {
  return { outOfActiveList: true, outOfActiveListDate: date, outOfActiveListReasons: [...reasons] };
}

/** Back in the file active: the sortie is cleared (the history keeps when and why it was). */
export function returnToActiveList(): Partial<PersonFields> {
  return { outOfActiveList: false, outOfActiveListDate: '', outOfActiveListReasons: [] };
}

export interface PersonSummary {
  name: string;
  otherNames: string;
  phone: string;
  birthDate: string;
  teamIds: string[];
  highlyVulnerable: boolean;
  outOfActiveList: boolean;
  /** True when the file carries an alert to show as a banner. */
  alerts: boolean;
  /** When the file was created ('' when unknown): the compte-rendu lists the day's new persons. */
  createdAt: string;
}

export function summarisePerson(f: PersonFields): PersonSummary {
  return {
    name: f.name,
    otherNames: f.otherNames,
    phone: f.phone,
    birthDate: f.birthDate,
    teamIds: f.teamIds,
    highlyVulnerable: f.highlyVulnerable,
    outOfActiveList: f.outOfActiveList,
    alerts: f.alerts.trim() !== '',
    createdAt: f.createdAt ?? '',
  };
}

export function personLabel(f: PersonFields): string {
  return f.name;
}
