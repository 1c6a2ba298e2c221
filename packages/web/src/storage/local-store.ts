// The sync engine's LocalStore on IndexedDB. Every `put` is one transaction over records and the
// pull cursor, so a crash never leaves a cursor ahead of the records it pulled.
import type { Collection } from '@relais/core/collections';
import type { BatchLocalStore } from '@relais/core/sync/engine';
import type { LocalRecord, LocalStore } from '@relais/core/sync/types';
import type { StoredRecord, UserDb } from './user-db.ts';

/** The meta key of the full pull's cursor (the first sync keeps one per phase besides it). */
export const CURSOR = 'cursor';
const LAST_SYNC = 'lastSyncAt';

/**
 * Meta key of a collection's write generation: bumped in the same transaction as every write of
 * its records, so a sealed index snapshot made at generation G is known to be current exactly
 * while the generation is still G (whichever tab or Worker wrote since).
 */
export function generationKey(collection: string): string {
  return `gen:${collection}`;
}
/** Every id sorts between '' and the highest BMP character. */
const HIGHEST = '\uffff';

function toStored(record: LocalRecord): StoredRecord {
  const stored: StoredRecord = { collection: record.collection, id: record.id, base: record.base, pending: record.pending };
  // Records without a pending change have no `pendingAt`, so the index holds exactly the outbox.
  if (record.pending) stored.pendingAt = record.pending.editedAt;
  return stored;
}

function fromStored(stored: StoredRecord): LocalRecord {
  return { collection: stored.collection, id: stored.id, base: stored.base, pending: stored.pending };
}

export class IdbLocalStore implements LocalStore, BatchLocalStore {
  constructor(readonly db: UserDb) {}

  async get(collection: Collection, id: string): Promise<LocalRecord | undefined> {
    const stored = await this.db.get('records', [collection, id]);
    return stored && fromStored(stored);
  }

  /** One read transaction for all keys; the answers come back in the order of the keys. */
  async getMany(keys: readonly (readonly [Collection, string])[]): Promise<(LocalRecord | undefined)[]> {
    if (keys.length === 0) return [];
    const store = this.db.transaction('records').store;
    const found = await Promise.all(keys.map(([collection, id]) => store.get([collection, id])));
    return found.map((stored) => stored && fromStored(stored));
  }

  /**
   * Records and, when given, a cursor under `cursorKey` in one transaction. `meta` adds other
   * metadata to the same transaction (the first sync's phase moves with its last cursor).
   */
  async put(records: LocalRecord[], cursor?: number, cursorKey: string = CURSOR, meta?: Readonly<Record<string, number | string>>): Promise<void> {
    await this.write(records, cursor, cursorKey, meta);
  }

  /** `put`, answering each written collection's write generation after the write. */
  async write(
    records: LocalRecord[],
    cursor?: number,
    cursorKey: string = CURSOR,
    meta?: Readonly<Record<string, number | string>>,
  ): Promise<ReadonlyMap<Collection, number>> {
    const tx = this.db.transaction(['records', 'meta'], 'readwrite');
    const writes: Promise<unknown>[] = [];
    const generations = new Map<Collection, number>();
    const metaStore = tx.objectStore('meta');
    try {
      for (const r of records) writes.push(tx.objectStore('records').put(toStored(r)));
      for (const collection of new Set(records.map((r) => r.collection))) {
        writes.push(
          metaStore.get(generationKey(collection)).then((value) => {
            const next = (typeof value === 'number' ? value : 0) + 1;
            generations.set(collection, next);
            return metaStore.put(next, generationKey(collection));
          }),
        );
      }
      if (cursor !== undefined) writes.push(metaStore.put(cursor, cursorKey));
      for (const [key, value] of Object.entries(meta ?? {})) writes.push(metaStore.put(value, key));
    } catch (error) {
      // A bad key throws synchronously; without an explicit abort the writes already queued
      // would still commit and the batch would be half-written.
      tx.abort();
      await Promise.allSettled([...writes, tx.done]);
      throw error;
    }
    // tx.done rejects (and the transaction aborts as a whole) if any single write fails.
    await Promise.all([...writes, tx.done]);
    return generations;
  }

  /** A collection's write generation (0 before its first write). */
  async generation(collection: Collection): Promise<number> {
    const value = await this.db.get('meta', generationKey(collection));
    return typeof value === 'number' ? value : 0;
  }

  async list(collection: Collection): Promise<LocalRecord[]> {
    const range = IDBKeyRange.bound([collection, ''], [collection, HIGHEST]);
    const all = await this.db.getAll('records', range);
    return all.map(fromStored);
  }

  /**
   * At most `count` records of a collection with an id after `afterId`, in id order: the index is
   * built chunk by chunk so that no more than a chunk of ciphertexts is in memory at once.
   */
  async scan(collection: Collection, afterId: string | null, count: number): Promise<LocalRecord[]> {
    const range = afterId === null ? IDBKeyRange.bound([collection, ''], [collection, HIGHEST]) : IDBKeyRange.bound([collection, afterId], [collection, HIGHEST], true);
    const chunk = await this.db.getAll('records', range, count);
    return chunk.map(fromStored);
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

  /**
   * Outbox entries a person made, leaving out history records (a field-change entry goes with the
   * edit it describes, a conflict entry is the merge's doing): what « N modifications en attente »
   * counts. Reads keys only.
   */
  async countPendingEdits(): Promise<number> {
    let count = 0;
    let cursor = await this.db.transaction('records').store.index('byPendingAt').openKeyCursor();
    while (cursor) {
      if (cursor.primaryKey[0] !== 'history') count++;
      cursor = await cursor.continue();
    }
    return count;
  }

  async getCursor(cursorKey: string = CURSOR): Promise<number> {
    const value = await this.db.get('meta', cursorKey);
    return typeof value === 'number' ? value : 0;
  }

  async getMeta(key: string): Promise<number | string | undefined> {
    return this.db.get('meta', key);
  }

  async setMeta(key: string, value: number | string): Promise<void> {
    await this.db.put('meta', value, key);
  }

  /** Time of the last successful sync (ms), shown in the status bar across reloads. */
  async getLastSyncAt(): Promise<number | undefined> {
    const value = await this.db.get('meta', LAST_SYNC);
    return typeof value === 'number' ? value : undefined;
  }

  async setLastSyncAt(ms: number): Promise<void> {
    await this.db.put('meta', ms, LAST_SYNC);
  }
}
