// One IndexedDB database per user id: two accounts on one device never share a store (MANO once
// showed one user's cached data to the next). The database holds ciphertexts, the outbox and
// non-personal sync metadata only (and the summary index sealed like a record).
import { openDB, deleteDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LocalRecord } from '@relais/core/sync/types';

/** A LocalRecord as stored: `pendingAt` mirrors `pending.editedAt` so an index finds the outbox. */
export interface StoredRecord extends LocalRecord {
  pendingAt?: number;
}

/** A form being typed, sealed with the organisation's general key (see data/drafts.ts). */
export interface StoredDraft {
  /** A keyed hash of the draft's name: the name itself (which may hold a record id) stays inside the envelope. */
  id: string;
  keyVersion: number;
  /** The key kind it is sealed with; absent: general (drafts written before medical ones existed). */
  keyKind?: 'medical';
  envelope: Uint8Array;
}

/**
 * One part of the summary index of a collection, sealed with its key kind (data/index-snapshot.ts):
 * a warm start opens these instead of decrypting every record again.
 */
export interface StoredSnapshotPart {
  collection: string;
  part: number;
  parts: number;
  /** The collection's write generation (meta `gen:<collection>`) the part was made at. */
  generation: number;
  keyVersion: number;
  envelope: Uint8Array;
}

export interface UserDbSchema extends DBSchema {
  records: {
    key: [string, string];
    value: StoredRecord;
    indexes: { byPendingAt: number };
  };
  /** Cursors, phase of the first sync, time of the last sync: numbers and short words only. */
  meta: {
    key: string;
    value: number | string;
  };
  drafts: {
    key: string;
    value: StoredDraft;
  };
  snapshots: {
    key: [string, number];
    value: StoredSnapshotPart;
  };
}

export type UserDb = IDBPDatabase<UserDbSchema>;

const PREFIX = 'relais-user-';
export const USER_DB_VERSION = 3;

export function userDbName(userId: string): string {
  return PREFIX + userId;
}

export async function openUserDb(userId: string): Promise<UserDb> {
  const db = await openDB<UserDbSchema>(userDbName(userId), USER_DB_VERSION, {
    upgrade(d, oldVersion) {
      if (oldVersion < 1) {
        const records = d.createObjectStore('records', { keyPath: ['collection', 'id'] });
        records.createIndex('byPendingAt', 'pendingAt');
        d.createObjectStore('meta');
      }
      if (oldVersion < 2) d.createObjectStore('drafts', { keyPath: 'id' });
      if (oldVersion < 3) d.createObjectStore('snapshots', { keyPath: ['collection', 'part'] });
    },
    // Another tab logging out deletes this database (or a newer version upgrades it): let it,
    // instead of blocking it forever.
    blocking() {
      db.close();
    },
  });
  return db;
}

export function deleteUserDb(userId: string): Promise<void> {
  return deleteDB(userDbName(userId));
}
