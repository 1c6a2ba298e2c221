// The collections of encrypted records the sync relays. Each is encrypted under one of the
// organisation's key kinds; the server uses this table to decide who may read or write it.

export const KEY_KINDS = ['general', 'medical'] as const;
type KeyKind = (typeof KEY_KINDS)[number];

export const COLLECTIONS = {
  /** A person followed by the organisation (personne suivie). */
  person: { keyKind: 'general' },
  /** Field-change and conflict history of another record, one record per event. */
  history: { keyKind: 'general' },
} as const satisfies Record<string, { keyKind: KeyKind }>;

export type Collection = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as [Collection, ...Collection[]];

export function keyKindOf(collection: Collection): KeyKind {
  return COLLECTIONS[collection].keyKind;
}
