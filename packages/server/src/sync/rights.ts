// Who may read and write which collection, from the collection's key kind: medical collections
// belong to health professionals only; the `stats` role reads but never writes.
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

export function readableCollections(subject: SyncSubject): Collection[] {
  return COLLECTION_NAMES.filter((collection) => mayReadKind(subject, keyKindOf(collection)));
}
