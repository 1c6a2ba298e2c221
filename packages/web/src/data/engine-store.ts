// The LocalStore the Worker gives the sync engine: the IndexedDB store, plus two things the engine
// does not know about. Every write is reported (the summary index and the decrypted-document cache
// follow each record as it is stored, whatever wrote it: a form, a pull, a push answer, a merge),
// and the pull cursor can be switched to another key for the phases of the first sync.
import type { Collection } from '@relais/core/collections';
import type { BatchLocalStore } from '@relais/core/sync/engine';
import type { LocalRecord, LocalStore } from '@relais/core/sync/types';
import { CURSOR, type IdbLocalStore } from '../storage/local-store.ts';

export class EngineStore implements LocalStore, BatchLocalStore {
  /** Meta key under which the engine's pulls read and write their cursor. */
  cursorKey = CURSOR;

  constructor(
    readonly inner: IdbLocalStore,
    /** `generations`: each written collection's write generation after this write. */
    private readonly onStored: (records: readonly LocalRecord[], generations: ReadonlyMap<Collection, number>) => void,
  ) {}

  get(collection: Collection, id: string): Promise<LocalRecord | undefined> {
    return this.inner.get(collection, id);
  }

  getMany(keys: readonly (readonly [Collection, string])[]): Promise<(LocalRecord | undefined)[]> {
    return this.inner.getMany(keys);
  }

  async put(records: LocalRecord[], cursor?: number): Promise<void> {
    const generations = await this.inner.write(records, cursor, this.cursorKey);
    if (records.length > 0) this.onStored(records, generations);
  }

  list(collection: Collection): Promise<LocalRecord[]> {
    return this.inner.list(collection);
  }

  listPending(limit: number): Promise<LocalRecord[]> {
    return this.inner.listPending(limit);
  }

  countPending(): Promise<number> {
    return this.inner.countPending();
  }

  getCursor(): Promise<number> {
    return this.inner.getCursor(this.cursorKey);
  }
}
