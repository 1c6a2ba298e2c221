// The collections of encrypted records the sync relays. Each is encrypted under one of the
// organisation's key kinds; the server uses this table to decide who may read or write it.

export const KEY_KINDS = ['general', 'medical'] as const;
type KeyKind = (typeof KEY_KINDS)[number];

export const COLLECTIONS = {
  /** A person followed by the organisation (personne suivie). */
  person: { keyKind: 'general' },
  /** A place people frequent (lieu fréquenté). */
  place: { keyKind: 'general' },
  /** Link between a person and a place. */
  personPlace: { keyKind: 'general' },
  /** Family link between two persons (lien familial). */
  familyLink: { keyKind: 'general' },
  /** A task linked to persons and teams. */
  action: { keyKind: 'general' },
  /** A recurring action (RRULE); its occurrences are virtual until touched. */
  actionSeries: { keyKind: 'general' },
  /** A comment or transmission on a person or an action. */
  comment: { keyKind: 'general' },
  /** A visit at a reception place, named or anonymous. */
  passage: { keyKind: 'general' },
  /** A street encounter (rencontre). */
  encounter: { keyKind: 'general' },
  /** A territory the teams go through (territoire). */
  territory: { keyKind: 'general' },
  /** An observation of a territory. */
  observation: { keyKind: 'general' },
  /** A team's daily report (compte-rendu), one per team per day. */
  report: { keyKind: 'general' },
  /** One user's counter of one service for a team and a day. */
  serviceCount: { keyKind: 'general' },
  /** The organisation's settings (lists, modules), a single record. */
  settings: { keyKind: 'general' },
  /** Field-change and conflict history of another record, one record per event. */
  history: { keyKind: 'general' },
  /** A consultation of the dossier médical (health professionals only). */
  consultation: { keyKind: 'medical' },
  /** A treatment of the dossier médical. */
  treatment: { keyKind: 'medical' },
  /** A comment of the dossier médical, never shown to the rest of the team. */
  medicalComment: { keyKind: 'medical' },
  /** The medical custom field values of one person, one record per person (derived id). */
  medicalFile: { keyKind: 'medical' },
  /**
   * History of a medical record (values a merge set aside): the general `history` collection
   * would put medical content under the general key, which every member holds.
   */
  medicalHistory: { keyKind: 'medical' },
} as const satisfies Record<string, { keyKind: KeyKind }>;

export type Collection = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as [Collection, ...Collection[]];

/** French name of each collection, as screens show it (corbeille, access journal). */
export const COLLECTION_LABELS: Record<Collection, string> = {
  person: 'Personne',
  place: 'Lieu',
  personPlace: 'Lieu fréquenté',
  familyLink: 'Lien familial',
  action: 'Action',
  actionSeries: 'Action récurrente',
  comment: 'Commentaire',
  passage: 'Passage',
  encounter: 'Rencontre',
  territory: 'Territoire',
  observation: 'Observation',
  report: 'Compte-rendu',
  serviceCount: 'Compteur de services',
  settings: 'Paramètres',
  history: 'Historique',
  consultation: 'Consultation',
  treatment: 'Traitement',
  medicalComment: 'Commentaire médical',
  medicalFile: 'Dossier médical',
  medicalHistory: 'Historique médical',
};

export function collectionLabel(collection: string): string {
  return collection in COLLECTION_LABELS ? COLLECTION_LABELS[collection as Collection] : collection;
}

export function keyKindOf(collection: Collection): KeyKind {
  return COLLECTIONS[collection].keyKind;
}

/** The collections of the dossier médical: only holders of the medical key read or write them. */
export const MEDICAL_COLLECTIONS: readonly Collection[] = COLLECTION_NAMES.filter((c) => keyKindOf(c) === 'medical');

/** Where the history of a record of `collection` goes: under the same key kind as the record. */
export function historyCollectionOf(collection: Collection): 'history' | 'medicalHistory' {
  return keyKindOf(collection) === 'medical' ? 'medicalHistory' : 'history';
}

/** The collections a session holding these key kinds can open (the others it must never ask for). */
export function collectionsForKinds(kinds: Iterable<KeyKind>): Collection[] {
  const held = new Set(kinds);
  return COLLECTION_NAMES.filter((c) => held.has(keyKindOf(c)));
}
