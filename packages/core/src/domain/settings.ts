// The organisation's settings: its lists (action categories, services, motifs de sortie, territory
// types), its night teams and the modules it uses. A single record; an organisation that has not
// saved any yet works with the defaults below (close to what MANO ships).
import { z } from 'zod';
import type { Keyring } from '../crypto/keyring.ts';
import type { CryptoPrimitives } from '../ports.ts';
import { CustomFieldDefinitions, readDefinitions } from './custom-fields.ts';
import { derivedId, derivedIds } from './derived-id.ts';
import { flag, idList, labelList, MESSAGES, recordMeta, requiredText, type FieldLabels } from './fields.ts';

export const ActionCategoryGroup = z.object(
  {
    name: requiredText(200, 'Veuillez nommer le groupe de catégories.'),
    categories: labelList(),
  },
  { error: MESSAGES.document },
);
export type ActionCategoryGroup = z.infer<typeof ActionCategoryGroup>;

export const Modules = z.object(
  { passages: flag(), encounters: flag(), territories: flag(), reception: flag() },
  { error: MESSAGES.document },
);
export type Modules = z.infer<typeof Modules>;

export const MODULE_LABELS: Record<keyof Modules, string> = {
  passages: 'Passages',
  encounters: 'Rencontres',
  territories: 'Territoires',
  reception: 'Accueil',
};

/** The consultation types an organisation starts with (health professionals' usual ones). */
export const DEFAULT_CONSULTATION_TYPES: readonly string[] = ['Infirmier', 'Médecin généraliste', 'Psychologue'];

export const SettingsFields = z.object(
  {
    actionCategoryGroups: z.array(ActionCategoryGroup, { error: MESSAGES.list }).max(100, { error: MESSAGES.tooMany }),
    services: labelList(),
    outOfActiveListReasons: labelList(),
    territoryTypes: labelList(),
    nightTeamIds: idList(),
    modules: Modules,
    /** The custom fields of person files, observations and consultations, by id (decision 012). */
    customFieldDefinitions: CustomFieldDefinitions.default(() => ({})),
    /**
     * The consultation types of the dossier médical. A type's own fields are the custom field
     * definitions of target 'consultation' naming it (decision 012). Its names are not health data
     * about anyone, so they live in the general settings record. Defaulted: a record saved before
     * the list existed still parses.
     */
    consultationTypes: labelList(100).default(() => [...DEFAULT_CONSULTATION_TYPES]),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);
export type SettingsFields = z.infer<typeof SettingsFields>;

export const SETTINGS_FIELD_LABELS: FieldLabels<SettingsFields> = {
  actionCategoryGroups: "Catégories d'actions",
  services: 'Services',
  outOfActiveListReasons: 'Motifs de sortie de file active',
  territoryTypes: 'Types de territoires',
  nightTeamIds: 'Équipes de nuit',
  modules: 'Modules',
  customFieldDefinitions: 'Champs personnalisés',
  consultationTypes: 'Types de consultation',
};

/** A fresh copy each time: callers may edit what they get. */
export function defaultSettings(): SettingsFields {
  return {
    actionCategoryGroups: [
      {
        name: 'Accès aux droits',
        categories: [
          'Domiciliation',
          "Carte d'identité",
          'Titre de séjour',
          'CAF',
          'CPAM',
          'Complémentaire santé solidaire',
          'AME',
          'RSA',
          'France Travail',
          'Ouverture de compte bancaire',
        ],
      },
      {
        name: 'Santé',
        categories: ['Rendez-vous médical', 'Accompagnement à un soin', 'Santé mentale', 'Addictions', 'Pharmacie', 'Dentaire'],
      },
      {
        name: 'Hébergement',
        categories: ['Appel au 115', 'Demande SIAO', 'Hébergement d’urgence', 'Logement', 'Mise à l’abri'],
      },
      { name: 'Alimentation', categories: ['Colis alimentaire', 'Repas', 'Orientation vers une distribution'] },
      {
        name: 'Lien social',
        categories: ['Accompagnement', 'Activité collective', 'Maintien du lien', 'Lien avec la famille'],
      },
      { name: 'Démarches et orientations', categories: ['Orientation vers un partenaire', 'Accompagnement physique', 'Recherche de personne'] },
    ],
    services: ['Café', 'Repas', 'Douche', 'Kit hygiène', 'Vêtements', 'Duvet', 'Couverture', 'Protections périodiques', 'Préservatifs', 'Recharge de téléphone'],
    outOfActiveListReasons: [
      'Relogée',
      'Hébergée',
      'Hospitalisée',
      'Incarcérée',
      'Perdue de vue',
      'Décédée',
      'Départ vers une autre ville',
      'Orientée vers une autre structure',
      'Refus d’accompagnement',
      'Autre',
    ],
    territoryTypes: ['Lieu de vie', 'Campement', 'Squat', 'Bidonville', 'Gare', 'Parc', 'Rue', 'Lieu de consommation', 'Autre'],
    nightTeamIds: [],
    modules: { passages: true, encounters: true, territories: true, reception: false },
    customFieldDefinitions: {},
    consultationTypes: [...DEFAULT_CONSULTATION_TYPES],
  };
}

/** The same defaults under the name every other collection uses. */
export const emptySettings = defaultSettings;

/** Every category of the groups, in order, without repeats. */
export function allCategories(settings: Pick<SettingsFields, 'actionCategoryGroups'>): string[] {
  return [...new Set(settings.actionCategoryGroups.flatMap((g) => g.categories))];
}

/**
 * The options a form offers for a list setting: the organisation's current list, followed by the
 * values the record already holds that were since removed from it, so they stay readable.
 */
export function optionsWithCurrent(list: readonly string[], current: readonly string[]): string[] {
  const options = [...list];
  for (const value of current) if (!options.includes(value)) options.push(value);
  return options;
}

export function isNightTeam(settings: Pick<SettingsFields, 'nightTeamIds'>, teamId: string): boolean {
  return settings.nightTeamIds.includes(teamId);
}

/** The id of the organisation's single settings record. */
export function settingsId(p: CryptoPrimitives, keyring: Keyring): string {
  return derivedId(p, keyring, 'settings');
}

/** The ids the settings record may have, newest general key first (see derivedIds). */
export function settingsIds(p: CryptoPrimitives, keyring: Keyring): string[] {
  return derivedIds(p, keyring, 'settings');
}

export type SettingsSummary = SettingsFields;

export function summariseSettings(f: SettingsFields): SettingsSummary {
  // Read leniently: a definition written by a newer app version is left out, not a broken screen.
  return { ...f, customFieldDefinitions: readDefinitions(f.customFieldDefinitions) };
}

export function settingsLabel(_f: SettingsFields): string {
  return "Réglages de l'organisation";
}
