// One IndexedDB database per user id: two accounts on one device never share a store (MANO once
// showed one user's cached data to the next). The database holds ciphertexts, the outbox and
// non-personal sync metadata only.
import { openDB, deleteDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LocalRecord } from '@relais/core/sync/types';

/** A LocalRecord as stored: `pendingAt` mirrors `pending.editedAt` so an index finds the outbox. */
export interface StoredRecord extends LocalRecord {
  pendingAt?: number;
}

export interface UserDbSchema extends DBSchema {
  records: {
    key: [string, string];
    value: StoredRecord;
    indexes: { byPendingAt: number };
  };
  meta: {
    key: string;
    value: number;
  };
}

export type UserDb = IDBPDatabase<UserDbSchema>;

const PREFIX = 'relais-user-';

export function userDbName(userId: string): string {
  return PREFIX + userId;
}

export async function openUserDb(userId: string): Promise<UserDb> {
  const db = await openDB<UserDbSchema>(userDbName(userId), 1, {
    upgrade(d) {
      const records = d.createObjectStore('records', { keyPath: ['collection', 'id'] });
      records.createIndex('byPendingAt', 'pendingAt');
      d.createObjectStore('meta');
    },
    // Another tab logging out deletes this database: let it, instead of blocking it forever.
    blocking() {
      db.close();
    },
  });
  return db;
}

export function deleteUserDb(userId: string): Promise<void> {
  return deleteDB(userDbName(userId));
}
