// A LocalStore held in memory, for tests and for a session that must not persist anything.
// It copies records in and out so that callers cannot change stored state by mutating objects
// they were given, which is how a real database behaves.
import type { Collection } from '../collections.ts';
import type { LocalRecord, LocalStore, PendingChange } from './types.ts';

export class MemoryStore implements LocalStore {
  readonly #records = new Map<string, LocalRecord>();
  #cursor = 0;

  get(collection: Collection, id: string): Promise<LocalRecord | undefined> {
    const record = this.#records.get(keyOf(collection, id));
    return Promise.resolve(record && copy(record));
  }

  put(records: LocalRecord[], cursor?: number): Promise<void> {
    for (const record of records) this.#records.set(keyOf(record.collection, record.id), copy(record));
    if (cursor !== undefined) this.#cursor = cursor;
    return Promise.resolve();
  }

  list(collection: Collection): Promise<LocalRecord[]> {
    const out: LocalRecord[] = [];
    for (const record of this.#records.values()) if (record.collection === collection) out.push(copy(record));
    return Promise.resolve(out);
  }

  listPending(limit: number): Promise<LocalRecord[]> {
    const pending: { record: LocalRecord; change: PendingChange }[] = [];
    for (const record of this.#records.values()) if (record.pending) pending.push({ record, change: record.pending });
    pending.sort((a, b) => a.change.editedAt - b.change.editedAt || compare(a.change.changeId, b.change.changeId));
    return Promise.resolve(pending.slice(0, limit).map((p) => copy(p.record)));
  }

  countPending(): Promise<number> {
    let n = 0;
    for (const record of this.#records.values()) if (record.pending !== null) n++;
    return Promise.resolve(n);
  }

  getCursor(): Promise<number> {
    return Promise.resolve(this.#cursor);
  }
}

function keyOf(collection: Collection, id: string): string {
  return `${collection}/${id}`;
}

function copy(record: LocalRecord): LocalRecord {
  return {
    collection: record.collection,
    id: record.id,
    base: record.base && { ...record.base },
    pending: record.pending && copyPending(record.pending),
  };
}

function copyPending(pending: PendingChange): PendingChange {
  const { unconfirmed, ...rest } = pending;
  return unconfirmed ? { ...rest, unconfirmed: unconfirmed.map((state) => ({ ...state })) } : rest;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
