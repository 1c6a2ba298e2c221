// Who may read and write which collection, from the collection's key kind: medical collections
// belong to health professionals only; the `stats` role reads but never writes; the
// organisation's settings are written by administrators only (the server cannot read a record,
// but it knows its collection).
import { COLLECTION_NAMES, keyKindOf, type Collection } from '@relais/core/collections';
import type { KeyKind } from '@relais/core/protocol';

export interface SyncSubject {
  readonly role: 'admin' | 'member' | 'restricted' | 'stats';
  readonly healthProfessional: boolean;
}

export function mayReadKind(subject: SyncSubject, kind: KeyKind): boolean {
  return kind === 'general' || subject.healthProfessional;
}

export function mayWriteKind(subject: SyncSubject, kind: KeyKind): boolean {
  return subject.role !== 'stats' && mayReadKind(subject, kind);
}

/** Collections only administrators write. */
const ADMIN_WRITTEN: ReadonlySet<Collection> = new Set<Collection>(['settings']);

export function mayWriteCollection(subject: SyncSubject, collection: Collection): boolean {
  if (ADMIN_WRITTEN.has(collection) && subject.role !== 'admin') return false;
  return mayWriteKind(subject, keyKindOf(collection));
}

export function readableCollections(subject: SyncSubject): Collection[] {
  return COLLECTION_NAMES.filter((collection) => mayReadKind(subject, keyKindOf(collection)));
}

/**
 * Collections an « accès restreint » member reads and changes only where they wrote the record:
 * their own comments (the server knows each record's author in clear; the comment's text stays
 * encrypted). Decision 016.
 */
export function ownOnlyCollections(subject: SyncSubject): readonly string[] {
  return subject.role === 'restricted' ? ['comment'] : [];
}
