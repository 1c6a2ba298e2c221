// The page's side of the data layer: requests to the data service (Worker or fallback) with ids,
// mirrors of the indexes screens watch, the corbeille, first-sync progress, change notices for
// open records, and drafts. One client per unlocked session; closing it ends the Worker.
import type { Collection } from '@relais/core/collections';
import type { Json } from '@relais/core/sync/types';
import { fromWire, LockedError } from './errors.ts';
import { EndpointFailure, inThreadEndpoint, workerEndpoint } from './endpoint.ts';
import { GroupMirror, IndexMirror, TrashMirror, ValueStore } from './mirror.ts';
import { BATCHED_METHODS, groupKey, historyKey, recordKey, type Endpoint, type Fields, type GroupParams, type FromWorker, type Method, type OpenParams, type Params, type Request, type Result } from './protocol.ts';
import { Lru } from './lru.ts';
import type { FullRecord, HistoryEntry, Item, SyncProgress } from './types.ts';

/** A draft is saved this long after the last keystroke (and at once on lock). */
export const DRAFT_SAVE_DELAY_MS = 400;
/** A group nobody shows is watched this long still (back to a file just left costs nothing). */
export const GROUP_LINGER_MS = 30_000;
/** Records brought by group answers, kept for the sections that will read them (a few files' worth). */
const PRIMED_CAPACITY = 400;
/** Histories of records read ahead (a few files' worth). */
const PRIMED_HISTORIES = 20;
/** How long closing waits for the service to finish its writes before ending the Worker. */
const CLOSE_TIMEOUT_MS = 3_000;

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class DataClient {
  readonly #endpoint: Endpoint;
  #next = 1;
  readonly #waiting = new Map<number, Waiting>();
  readonly #mirrors = new Map<Collection, IndexMirror>();
  readonly #groups = new Map<string, { params: GroupParams; mirror: GroupMirror; subscribe: (listener: () => void) => () => void }>();
  readonly #changeListeners = new Set<(keys: ReadonlySet<string>) => void>();
  readonly #keysMissingListeners = new Set<() => void>();
  readonly #drafts = new Map<string, Json>();
  readonly #unsaved = new Map<string, Json>();
  #draftTimer: ReturnType<typeof setTimeout> | null = null;
  #trash: TrashMirror | null = null;
  /** Live records that came with a group's answer (recordKey → record), dropped when they change. */
  readonly #primed = new Lru<string, FullRecord<Fields>>(PRIMED_CAPACITY);
  /** Histories read ahead (historyKey → entries), dropped when they change. */
  readonly #primedHistories = new Lru<string, HistoryEntry[]>(PRIMED_HISTORIES);
  /** groupItems calls still waiting for an answer: given none when the client closes. */
  readonly #awaitedGroups = new Set<() => void>();
  /** Reads asked in this task, sent together at its end (BATCHED_METHODS). */
  #batch: Request[] = [];
  #closed = false;
  readonly progress = new ValueStore<SyncProgress>({ phase: 'done', pulled: 0 });
  /** True when the service runs on the page (no Worker): documented fallback. */
  readonly inThread: boolean;

  constructor(endpoint: Endpoint, inThread: boolean) {
    this.#endpoint = endpoint;
    this.inThread = inThread;
    endpoint.listen((message) => this.#receive(message));
    endpoint.onFailure((error) => this.#failAll(error));
    // A phone puts the app away (another app, the screen off) or the tab goes: what was typed in
    // the last DRAFT_SAVE_DELAY_MS is sealed now rather than after a timer that may never run.
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', this.#onHidden);
    if (typeof window !== 'undefined') window.addEventListener('pagehide', this.#onHidden);
  }

  readonly #onHidden = (): void => {
    if (typeof document === 'undefined' || document.visibilityState === 'hidden' || this.#unsaved.size > 0) this.flushDrafts();
  };

  /**
   * Starts the service in a Worker and opens the session; if the Worker cannot start, on the
   * page instead (same code, same messages).
   */
  static async start(params: OpenParams, options: { worker?: boolean; prepared?: Endpoint | null } = {}): Promise<DataClient> {
    if (options.worker !== false && typeof Worker !== 'undefined') {
      let endpoint: Endpoint | null = null;
      try {
        endpoint = options.prepared ?? workerEndpoint();
        return await DataClient.connect(endpoint, params, false);
      } catch (error) {
        endpoint?.terminate();
        if (!(error instanceof EndpointFailure) && !(error instanceof TypeError) && !(error instanceof DOMException)) throw error;
        console.error('data worker unavailable, running on the page', error);
      }
    }
    return DataClient.connect(await inThreadEndpoint(), params, true);
  }

  /**
   * A data Worker started ahead of the unlock (while the password is typed): its modules and
   * libsodium load meanwhile. Null where Workers are unavailable; `start` takes it.
   */
  static prepare(): Endpoint | null {
    if (typeof Worker === 'undefined') return null;
    try {
      return workerEndpoint();
    } catch (error) {
      console.error('data worker unavailable', error);
      return null;
    }
  }

  /** Opens the session through an endpoint: resolves once the service holds the keys and the drafts are here. */
  static async connect(endpoint: Endpoint, params: OpenParams, inThread: boolean): Promise<DataClient> {
    const client = new DataClient(endpoint, inThread);
    const opened = await client.request('open', params);
    for (const [key, value] of opened.drafts) client.#drafts.set(key, value);
    client.progress.set(opened.progress);
    return client;
  }

  request<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> {
    if (this.#closed) return Promise.reject(new LockedError(true));
    return new Promise<Result<M>>((resolve, reject) => {
      const id = this.#next++;
      this.#waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      const request = { id, method, params } as Request;
      if (BATCHED_METHODS.has(method)) {
        if (this.#batch.length === 0) queueMicrotask(() => this.#sendBatch());
        this.#batch.push(request);
        return;
      }
      this.#post(request);
    });
  }

  #sendBatch(): void {
    const batch = this.#batch;
    this.#batch = [];
    if (batch.length === 1) this.#post(batch[0]!);
    else if (batch.length > 1) this.#post(batch);
  }

  #post(request: Request | Request[]): void {
    try {
      this.#endpoint.post(request);
    } catch (error) {
      for (const r of Array.isArray(request) ? request : [request]) {
        this.#waiting.get(r.id)?.reject(error instanceof Error ? error : new Error(String(error)));
        this.#waiting.delete(r.id);
      }
    }
  }

  #reply(message: Extract<FromWorker, { type: 'reply' }>): void {
    const waiting = this.#waiting.get(message.id);
    if (!waiting) return;
    this.#waiting.delete(message.id);
    if (message.ok) waiting.resolve(message.result);
    else waiting.reject(fromWire(message.error));
  }

  #receive(message: FromWorker): void {
    switch (message.type) {
      case 'reply':
        this.#reply(message);
        return;
      case 'replies':
        // Resolved in one task: React renders what they bring once.
        for (const reply of message.replies) this.#reply(reply);
        return;
      case 'index':
        this.#mirrors.get(message.collection)?.apply(message);
        return;
      case 'trash':
        this.#trash?.set(message.entries);
        return;
      case 'group':
        this.#groups.get(message.key)?.mirror.set(message.items);
        return;
      case 'progress':
        this.progress.set(message.progress);
        return;
      case 'changed': {
        const keys = new Set(message.keys);
        for (const key of keys) {
          this.#primed.delete(key);
          this.#primedHistories.delete(key);
        }
        for (const listener of this.#changeListeners) listener(keys);
        return;
      }
      case 'keysMissing':
        for (const listener of this.#keysMissingListeners) listener();
        return;
    }
  }

  #failAll(error: Error): void {
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }

  /** The mirror of a collection's index; the first call asks the service to send it. */
  index(collection: Collection): IndexMirror {
    let mirror = this.#mirrors.get(collection);
    if (!mirror) {
      mirror = new IndexMirror(collection);
      this.#mirrors.set(collection, mirror);
      this.request('watchIndex', { collection }).catch((error: unknown) => console.error('cannot watch index', error));
    }
    return mirror;
  }

  /**
   * One group of a collection's index, answered and kept current by the Worker (the comments of a
   * person…); the same object for the same group while it is watched.
   */
  group(params: GroupParams): { mirror: GroupMirror; subscribe: (listener: () => void) => () => void } {
    const key = groupKey(params);
    let entry = this.#groups.get(key);
    if (!entry) {
      const mirror = new GroupMirror();
      let linger: ReturnType<typeof setTimeout> | null = null;
      const onIdle = () => {
        linger = setTimeout(() => {
          if (!mirror.idle || this.#groups.get(key)?.mirror !== mirror) return;
          this.#groups.delete(key);
          this.request('unwatchGroup', params).catch(() => undefined);
        }, GROUP_LINGER_MS);
      };
      const subscribe = (listener: () => void) => {
        if (linger) clearTimeout(linger);
        linger = null;
        return mirror.watch(listener, onIdle);
      };
      entry = { params, mirror, subscribe };
      this.#groups.set(key, entry);
      // Asked during a render that never showed: unwatched after the same delay.
      onIdle();
      this.request('watchGroup', params).then(
        ({ items, records }) => {
          // Before the items: the sections rendered with them find their texts already here.
          for (const record of records) this.#primed.set(recordKey(params.collection, record.id), record);
          mirror.answer(items);
        },
        (error: unknown) => {
          if (!(error instanceof LockedError)) console.error('cannot watch group', error);
        },
      );
    }
    return entry;
  }

  /**
   * The live records of `ids` if a group's answer brought every one of them (and none changed
   * since), in the order asked; else null and the caller reads them.
   */
  primed(collection: Collection, ids: readonly string[]): FullRecord<Fields>[] | null {
    const records: FullRecord<Fields>[] = [];
    for (const id of ids) {
      const record = this.#primed.get(recordKey(collection, id));
      if (!record) return null;
      records.push(record);
    }
    return records;
  }

  /**
   * Reads ahead what a record's screen will show: the record, its history and `groups` of the
   * index whose field holds its id (watched for GROUP_LINGER_MS, their texts primed). A screen
   * opened meanwhile renders complete at once: one render and one layout instead of one with what
   * the page had, then another when the Worker answers. Safe against changes: the Worker answers
   * and notifies in order, and a notice drops what it names.
   */
  readAhead(collection: Collection, id: string, groups: readonly (readonly [Collection, string])[]): void {
    for (const [groupCollection, field] of groups) this.group({ collection: groupCollection, field, value: id });
    const key = recordKey(collection, id);
    if (!this.#primed.has(key)) {
      this.request('read', { collection, id }).then(
        (record) => {
          if (record) this.#primed.set(key, record);
        },
        () => undefined,
      );
    }
    const history = historyKey(collection, id);
    if (!this.#primedHistories.has(history)) {
      this.request('history', { collection, id }).then(
        (entries) => this.#primedHistories.set(history, entries),
        () => undefined,
      );
    }
  }

  /**
   * A group's items once the Worker has answered (watched as `group` does: dropped when nobody
   * shows it); none when the client closes first.
   */
  groupItems(params: GroupParams): Promise<readonly Item<unknown>[]> {
    if (this.#closed) return Promise.resolve([]);
    const { mirror } = this.group(params);
    const now = mirror.getSnapshot();
    if (now !== null) return Promise.resolve(now);
    return new Promise((resolve) => {
      const settle = (items: readonly Item<unknown>[]) => {
        stop();
        this.#awaitedGroups.delete(closed);
        resolve(items);
      };
      const closed = () => settle([]);
      const stop = mirror.subscribe(() => {
        const items = mirror.getSnapshot();
        if (items !== null) settle(items);
      });
      this.#awaitedGroups.add(closed);
    });
  }

  /** A record read ahead (or brought by a group's answer) and unchanged since; undefined otherwise. */
  primedRecord(collection: Collection, id: string): FullRecord<Fields> | undefined {
    return this.#primed.get(recordKey(collection, id));
  }

  /** A record's history read ahead and unchanged since; undefined otherwise. */
  primedHistory(collection: Collection, id: string): HistoryEntry[] | undefined {
    return this.#primedHistories.get(historyKey(collection, id));
  }

  trash(): TrashMirror {
    if (!this.#trash) {
      this.#trash = new TrashMirror();
      this.request('watchTrash', null).catch((error: unknown) => console.error('cannot watch corbeille', error));
    }
    return this.#trash;
  }

  /** Hears the keys (`collection/id`, `history:collection/id`) of records stored since the last notice. */
  onChanged(listener: (keys: ReadonlySet<string>) => void): () => void {
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  /** Hears that a record needs a key version this session lacks (after a key rotation). */
  onKeysMissing(listener: () => void): () => void {
    this.#keysMissingListeners.add(listener);
    return () => this.#keysMissingListeners.delete(listener);
  }

  // ——— what the sync controller drives ———

  sync(): Promise<Result<'sync'>> {
    return this.request('sync', null);
  }

  pendingCount(): Promise<number> {
    return this.request('pendingCount', null);
  }

  async getLastSyncAt(): Promise<number | undefined> {
    return (await this.request('getLastSyncAt', null)) ?? undefined;
  }

  async setLastSyncAt(ms: number): Promise<void> {
    await this.request('setLastSyncAt', { ms });
  }

  setToken(token: string | null): void {
    this.request('setToken', { token }).catch(() => undefined);
  }

  // ——— drafts ———

  draft(key: string): Json | undefined {
    return this.#drafts.get(key);
  }

  setDraft(key: string, value: Json): void {
    this.#drafts.set(key, value);
    this.#unsaved.set(key, value);
    if (this.#draftTimer) clearTimeout(this.#draftTimer);
    this.#draftTimer = setTimeout(() => this.flushDrafts(), DRAFT_SAVE_DELAY_MS);
  }

  clearDraft(key: string): void {
    this.#drafts.delete(key);
    this.#unsaved.delete(key);
    this.request('clearDraft', { key }).catch((error: unknown) => console.error('cannot clear draft', error));
  }

  /** Sends every draft typed since the last save: they are sealed before a lock wipes the keys. */
  flushDrafts(): void {
    if (this.#draftTimer) clearTimeout(this.#draftTimer);
    this.#draftTimer = null;
    for (const [key, value] of this.#unsaved) {
      this.request('putDraft', { key, value }).catch((error: unknown) => console.error('cannot save draft', error));
    }
    this.#unsaved.clear();
  }

  /**
   * Lock or logout: saves the drafts, then the service zeroes its keys and forgets everything
   * decrypted; the page's copies go too. Resolves once the Worker is ended.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.flushDrafts();
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.#onHidden);
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', this.#onHidden);
    const closing = this.request('close', null);
    this.#closed = true;
    await Promise.race([closing.catch(() => null), new Promise((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS))]);
    this.#endpoint.terminate();
    this.#failAll(new LockedError());
    for (const closed of [...this.#awaitedGroups]) closed();
    this.#drafts.clear();
    this.#mirrors.clear();
    this.#groups.clear();
    this.#primed.clear();
    this.#primedHistories.clear();
    this.#changeListeners.clear();
  }
}
