// The sync engine's LocalStore on IndexedDB. Every `put` is one transaction over records and the
// pull cursor, so a crash never leaves a cursor ahead of the records it pulled.
import type { Collection } from '@relais/core/collections';
import type { LocalRecord, LocalStore } from '@relais/core/sync/types';
import type { StoredRecord, UserDb } from './user-db.ts';

const CURSOR = 'cursor';
const LAST_SYNC = 'lastSyncAt';

function toStored(record: LocalRecord): StoredRecord {
  const stored: StoredRecord = { collection: record.collection, id: record.id, base: record.base, pending: record.pending };
  // Records without a pending change have no `pendingAt`, so the index holds exactly the outbox.
  if (record.pending) stored.pendingAt = record.pending.editedAt;
  return stored;
}

function fromStored(stored: StoredRecord): LocalRecord {
  return { collection: stored.collection, id: stored.id, base: stored.base, pending: stored.pending };
}

export class IdbLocalStore implements LocalStore {
  constructor(private readonly db: UserDb) {}

  async get(collection: Collection, id: string): Promise<LocalRecord | undefined> {
    const stored = await this.db.get('records', [collection, id]);
    return stored && fromStored(stored);
  }

  async put(records: LocalRecord[], cursor?: number): Promise<void> {
    const tx = this.db.transaction(['records', 'meta'], 'readwrite');
    const writes: Promise<unknown>[] = [];
    try {
      for (const r of records) writes.push(tx.objectStore('records').put(toStored(r)));
      if (cursor !== undefined) writes.push(tx.objectStore('meta').put(cursor, CURSOR));
    } catch (error) {
      // A bad key throws synchronously; without an explicit abort the writes already queued
      // would still commit and the batch would be half-written.
      tx.abort();
      await Promise.allSettled([...writes, tx.done]);
      throw error;
    }
    // tx.done rejects (and the transaction aborts as a whole) if any single write fails.
    await Promise.all([...writes, tx.done]);
  }

  async list(collection: Collection): Promise<LocalRecord[]> {
    // Keys are [collection, id]; every id sorts between '' and the highest BMP character.
    const range = IDBKeyRange.bound([collection, ''], [collection, '\uffff']);
    const all = await this.db.getAll('records', range);
    return all.map(fromStored);
  }

  async listPending(limit: number): Promise<LocalRecord[]> {
    const out: LocalRecord[] = [];
    let cursor = await this.db.transaction('records').store.index('byPendingAt').openCursor();
    while (cursor && out.length < limit) {
      out.push(fromStored(cursor.value));
      cursor = await cursor.continue();
    }
    return out;
  }

  countPending(): Promise<number> {
    return this.db.countFromIndex('records', 'byPendingAt');
  }

  async getCursor(): Promise<number> {
    return (await this.db.get('meta', CURSOR)) ?? 0;
  }

  /** Time of the last successful sync (ms), shown in the status bar across reloads. */
  async getLastSyncAt(): Promise<number | undefined> {
    return this.db.get('meta', LAST_SYNC);
  }

  async setLastSyncAt(ms: number): Promise<void> {
    await this.db.put('meta', ms, LAST_SYNC);
  }
}
