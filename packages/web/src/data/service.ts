// The data service: everything the Worker does, as a plain module so that it runs in the Worker,
// on the page when Workers fail (data/endpoint.ts), and in tests. It holds the keys while
// unlocked, runs the sync engine over IndexedDB, keeps the summary index, decrypts full documents
// on demand (with a small cache), writes, and keeps drafts. Closing zeroes the keys and drops
// everything decrypted.
import { COLLECTION_NAMES, collectionsForKinds, keyKindOf, type Collection } from '@relais/core/collections';
import { isCryptoError } from '@relais/core/crypto/errors';
import { Keyring } from '@relais/core/crypto/keyring';
import { createRecordCodec } from '@relais/core/crypto/records';
import { derivedId } from '@relais/core/domain/derived-id';
import type { Clock, CryptoPrimitives, Random } from '@relais/core/ports';
import { createSyncEngine, type SyncEngine } from '@relais/core/sync/engine';
import type { Json, LocalRecord, RecordCodec, Transport } from '@relais/core/sync/types';
import { uuidv7 } from '@relais/core/uuid';
import { IdbLocalStore } from '../storage/local-store.ts';
import type { UserDb } from '../storage/user-db.ts';
import type { Domain } from './domain-port.ts';
import { DraftStore } from './drafts.ts';
import { EngineStore } from './engine-store.ts';
import { DataError, LockedError } from './errors.ts';
import { readProgress, syncInPhases, type FilterableTransport } from './first-sync.ts';
import { Lru } from './lru.ts';
import { ProgressPacer } from './progress-pacer.ts';
import { FILE_GROUPS, groupKey, historyKey, PRIMED_COLLECTIONS, PRIMED_PER_GROUP, recordKey, type Fields, type GroupParams, type Method, type OpenParams, type OpenResult, type Params, type Result, type WorkerEvent } from './protocol.ts';
import { groupKeysOf } from './field-groups.ts';
import type { PersonSummary } from '@relais/core/domain/person';
import { sortPersonItems } from '../search/person-search.ts';
import { IndexSnapshots } from './index-snapshot.ts';
import { SummaryIndex, type DecodedState } from './summary-index.ts';
import type { FullRecord, HistoryEntry, Item, SyncSummary } from './types.ts';
import { createRecord, removeRecord, restoreRecord, updateRecord, type WriterDeps } from './writer.ts';

/** Records decrypted per step of the index build: small enough to answer reads in between. */
export const BUILD_CHUNK = 500;
/** Summaries per message to the page: each message stays a short task there. */
export const POST_CHUNK = 2000;
/** Decrypted full documents kept at hand. */
export const CACHE_SIZE = 300;
/** Changes are gathered this long before being sent, so a pull page is one message, not a thousand. */
export const FLUSH_DELAY_MS = 30;
/** The index is sealed again this long after the last change (a sync's pages come in bursts)… */
export const SNAPSHOT_QUIET_MS = 2_000;
/** …but at least this often while changes keep coming (a long first sync). */
export const SNAPSHOT_MAX_WAIT_MS = 20_000;

/** Requests that write to IndexedDB: closing waits for them (not for a sync, which may be long). */
const WRITES: ReadonlySet<Method> = new Set<Method>(['create', 'update', 'remove', 'restore', 'putDraft', 'clearDraft']);

/** Persons first: the list is usable while the rest is still being decrypted. */
export const BUILD_ORDER: readonly Collection[] = ['person', ...COLLECTION_NAMES.filter((c) => c !== 'person')];

export interface SyncTransport extends Transport, FilterableTransport {
  setToken(token: string | null): void;
}

export interface ServiceEnv {
  primitives(): Promise<CryptoPrimitives>;
  random: Random;
  clock: Clock;
  openDb(userId: string): Promise<UserDb>;
  transport(token: string | null, apiBase: string): SyncTransport;
  domain: Domain;
  emit(event: WorkerEvent): void;
}

interface Session {
  userId: string;
  keyring: Keyring;
  p: CryptoPrimitives;
  db: UserDb;
  idb: IdbLocalStore;
  store: EngineStore;
  engine: SyncEngine;
  codec: RecordCodec;
  transport: SyncTransport;
  index: SummaryIndex;
  snapshots: IndexSnapshots;
  /**
   * Per collection, the write generation the in-memory index reflects; -1 once another tab or
   * Worker wrote records this one has not indexed (its snapshot is then never sealed from here).
   */
  generations: Map<Collection, number>;
  /** Collections whose index changed since it was last sealed. */
  unsealed: Set<Collection>;
  sealTimer: ReturnType<typeof setTimeout> | null;
  /** When the first change still unsealed happened (ms), for SNAPSHOT_MAX_WAIT_MS. */
  unsealedSince: number;
  cache: Lru<string, FullRecord<Fields>>;
  drafts: DraftStore;
  /** Collections whose index the page watches, and those whose snapshot it already has. */
  watched: Set<Collection>;
  sent: Set<Collection>;
  loaded: Set<Collection>;
  watchTrash: boolean;
  /** Groups the page watches (groupKey → the group and the ids it last sent). */
  groups: Map<string, { params: GroupParams; ids: Set<string> }>;
  /** Requests waiting for a collection's index to be built. */
  whenLoaded: Map<Collection, (() => void)[]>;
  /** Records stored while the index was being built: the build must not overwrite them with older reads. */
  storedDuringBuild: Set<string>;
  building: boolean;
  /** Changed keys the page asked for, told at the next flush. */
  changedKeys: Set<string>;
  /**
   * Keys of the records and histories the page has asked for: the only ones whose changes it is
   * told of (the first sync stores ~100,000 records, and sending every key cost the page's main
   * thread its JavaScript and a major GC; decision 015). Added when a read starts, so a change
   * stored while the read is under way is told too.
   */
  asked: Set<string>;
  flushTimer: ReturnType<typeof setTimeout> | null;
  syncing: Promise<SyncSummary> | null;
  open: boolean;
  built: Promise<void>;
  /** Requests under way, awaited by `close`. */
  writes: Set<Promise<unknown>>;
  /** The page was told that a record needs a key version this session lacks (once per session). */
  keysMissing: boolean;
}

export class DataService {
  #session: Session | null = null;

  constructor(private readonly env: ServiceEnv) {}

  /** Dispatches one request; rejects with the errors of data/errors.ts. */
  handle<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> {
    return this.#dispatch(method, params) as Promise<Result<M>>;
  }

  /** Resolves once every collection's index is built (tests, benchmarks). */
  whenBuilt(): Promise<void> {
    return this.#session?.built ?? Promise.resolve();
  }

  async #dispatch(method: Method, params: unknown): Promise<unknown> {
    switch (method) {
      case 'open':
        return this.#open(params as OpenParams);
      case 'close': {
        // Writes already under way (a draft sealed just before the lock) finish before the answer:
        // the page ends the Worker on it, which would abort their transactions.
        const writes = [...(this.#session?.writes ?? [])];
        // The index changed in the last seconds is sealed now, so the next unlock opens it whole.
        const s = this.#session;
        if (s?.open && !s.building) {
          if (s.sealTimer) clearTimeout(s.sealTimer);
          s.sealTimer = null;
          await this.#seal(s);
        }
        this.close();
        await Promise.allSettled(writes);
        return null;
      }
      default:
        break;
    }
    const s = this.#session;
    if (!s?.open) throw new LockedError(true);
    // A record of a kind this session holds no key for (the dossier médical without the medical
    // key) is never written: refused here with a message, rather than failing deep in the codec.
    if (WRITES.has(method) && hasCollection(params) && !s.keyring.has(keyKindOf(params.collection))) {
      throw new DataError("Vous n'avez pas accès au dossier médical.");
    }
    const work = this.#run(s, method, params);
    if (!WRITES.has(method)) return work;
    s.writes.add(work);
    void work.finally(() => s.writes.delete(work)).catch(() => undefined);
    return work;
  }

  async #run(s: Session, method: Method, params: unknown): Promise<unknown> {
    switch (method) {
      case 'setToken':
        s.transport.setToken((params as Params<'setToken'>).token);
        return null;
      case 'sync':
        return this.#sync(s);
      case 'pendingCount':
        return s.idb.countPendingEdits();
      case 'getLastSyncAt':
        return (await s.idb.getLastSyncAt()) ?? null;
      case 'setLastSyncAt':
        await s.idb.setLastSyncAt((params as Params<'setLastSyncAt'>).ms);
        return null;
      case 'watchIndex':
        this.#watch(s, (params as Params<'watchIndex'>).collection);
        return null;
      case 'watchTrash':
        s.watchTrash = true;
        this.env.emit({ type: 'trash', entries: s.index.trash() });
        return null;
      case 'watchGroup':
        return this.#watchGroup(s, params as GroupParams);
      case 'unwatchGroup':
        s.groups.delete(groupKey(params as GroupParams));
        return null;
      case 'read': {
        const { collection, id } = params as Params<'read'>;
        return this.#read(s, collection, id);
      }
      case 'readMany': {
        const { collection, ids } = params as Params<'readMany'>;
        return (await this.#readMany(s, collection, ids)).filter((r) => !r.deleted);
      }
      case 'history': {
        const { collection, id } = params as Params<'history'>;
        return this.#history(s, collection, id);
      }
      case 'create': {
        const { collection, fields, id } = params as Params<'create'>;
        return createRecord(this.#writer(s), collection, fields, id);
      }
      case 'update': {
        const { collection, id, patch } = params as Params<'update'>;
        await updateRecord(this.#writer(s), collection, id, patch);
        return null;
      }
      case 'remove': {
        const { collection, id } = params as Params<'remove'>;
        await removeRecord(this.#writer(s), collection, id);
        return null;
      }
      case 'restore': {
        const { collection, id } = params as Params<'restore'>;
        await restoreRecord(this.#writer(s), collection, id);
        return null;
      }
      case 'derivedId':
        return derivedId(s.p, s.keyring, ...(params as Params<'derivedId'>).parts);
      case 'putDraft': {
        const { key, value } = params as Params<'putDraft'>;
        await s.drafts.put(key, value);
        return null;
      }
      case 'clearDraft':
        await s.drafts.clear((params as Params<'clearDraft'>).key);
        return null;
      default:
        throw new Error(`unknown method ${String(method)}`);
    }
  }

  async #open(params: OpenParams): Promise<OpenResult> {
    this.close();
    const p = await this.env.primitives();
    const keyring = new Keyring(params.organisationId, params.keys);
    const db = await this.env.openDb(params.userId);
    const idb = new IdbLocalStore(db);
    const codec = createRecordCodec(p, this.env.random, keyring);
    const transport = this.env.transport(params.token, params.apiBase);
    const index = new SummaryIndex(this.env.domain);
    // The session object is complete before anything can call back into it.
    const session = {} as Session;
    const guarded: RecordCodec = {
      encrypt: (...args) => {
        if (!session.open) throw new LockedError();
        return codec.encrypt(...args);
      },
      decrypt: (...args) => {
        if (!session.open) throw new LockedError();
        return codec.decrypt(...args);
      },
    };
    const store = new EngineStore(idb, (records, generations) => this.#stored(session, records, generations));
    const engine = createSyncEngine({ store, transport, codec: guarded, clock: this.env.clock, random: this.env.random, userId: params.userId });
    Object.assign(session, {
      userId: params.userId,
      keyring,
      p,
      db,
      idb,
      store,
      engine,
      codec: guarded,
      transport,
      index,
      snapshots: new IndexSnapshots(db, p, this.env.random, keyring, params.userId),
      generations: new Map(),
      unsealed: new Set(),
      sealTimer: null,
      unsealedSince: 0,
      cache: new Lru<string, FullRecord<Fields>>(CACHE_SIZE),
      drafts: new DraftStore(db, p, this.env.random, keyring, () => this.env.clock.now()),
      watched: new Set(),
      sent: new Set(),
      loaded: new Set(),
      watchTrash: false,
      groups: new Map(),
      whenLoaded: new Map(),
      storedDuringBuild: new Set(),
      building: true,
      changedKeys: new Set(),
      asked: new Set(),
      flushTimer: null,
      syncing: null,
      open: true,
      writes: new Set(),
      keysMissing: false,
    } satisfies Omit<Session, 'built'>);
    this.#session = session;
    const drafts = await session.drafts.loadAll();
    const progress = await readProgress(store);
    session.built = this.#build(session).catch((error: unknown) => {
      if (session.open) console.error('index build failed', error);
    });
    return { drafts: [...drafts], progress };
  }

  /** Zeroes the keys and forgets everything decrypted. Idempotent. */
  close(): void {
    const s = this.#session;
    if (!s) return;
    this.#session = null;
    s.open = false;
    if (s.flushTimer) clearTimeout(s.flushTimer);
    if (s.sealTimer) clearTimeout(s.sealTimer);
    for (const k of s.keyring.all()) k.key.fill(0);
    s.index.clear();
    s.cache.clear();
    s.changedKeys.clear();
    s.db.close();
  }

  // ——— reading ———

  /** The current state of a stored record, decrypted; null when it does not open. */
  #decode(s: Session, record: LocalRecord): DecodedState | null {
    const state = record.pending ?? record.base;
    if (!state) return null;
    try {
      const document = s.codec.decrypt(record.collection, record.id, state.keyVersion, state.ciphertext);
      return { document, deleted: state.deleted, pending: record.pending !== null };
    } catch (error) {
      if (error instanceof LockedError) throw error;
      // A key version this device does not hold, or damaged data: left out rather than fatal.
      console.error(`cannot decrypt ${record.collection} ${record.id}`, error);
      if (isCryptoError(error, 'KEY_UNKNOWN')) this.#keyMissing(s, record.collection);
      return null;
    }
  }

  /**
   * A record under a key version this session does not hold (a rotation published since the keys
   * were opened). The collection's index now lacks it, so it must not be sealed as complete: the
   * next unlock, with the new keys, indexes that collection from its records again.
   */
  #keyMissing(s: Session, collection: Collection): void {
    s.generations.set(collection, -1);
    this.#askForKeys(s);
  }

  /** Tells the page, once, to reload the keys (session/controller.ts refreshMe reopens the workspace). */
  #askForKeys(s: Session): void {
    if (s.keysMissing || !s.open) return;
    s.keysMissing = true;
    this.env.emit({ type: 'keysMissing' });
  }

  #full(s: Session, record: LocalRecord, state: DecodedState): FullRecord<Fields> {
    return {
      id: record.id,
      fields: this.env.domain.read(record.collection, state.document.fields),
      stamps: state.document.stamps,
      pending: state.pending,
      deleted: state.deleted,
      version: record.base?.version ?? 0,
    };
  }

  async #read(s: Session, collection: Collection, id: string): Promise<FullRecord<Fields> | null> {
    const key = recordKey(collection, id);
    s.asked.add(key);
    const cached = s.cache.get(key);
    if (cached) return cached;
    const record = await s.idb.get(collection, id);
    const state = record && this.#decode(s, record);
    if (!record || !state) return null;
    const full = this.#full(s, record, state);
    s.cache.set(key, full);
    return full;
  }

  async #readMany(s: Session, collection: Collection, ids: readonly string[]): Promise<FullRecord<Fields>[]> {
    const out = new Map<string, FullRecord<Fields>>();
    const missing: string[] = [];
    for (const id of ids) {
      const key = recordKey(collection, id);
      s.asked.add(key);
      const cached = s.cache.get(key);
      if (cached) out.set(id, cached);
      else missing.push(id);
    }
    const records = await s.idb.getMany(missing.map((id) => [collection, id] as const));
    for (const record of records) {
      const state = record && this.#decode(s, record);
      if (!record || !state) continue;
      const full = this.#full(s, record, state);
      s.cache.set(recordKey(collection, record.id), full);
      out.set(record.id, full);
    }
    const result: FullRecord<Fields>[] = [];
    for (const id of ids) {
      const found = out.get(id);
      if (found) result.push(found);
    }
    return result;
  }

  async #history(s: Session, collection: Collection, id: string): Promise<HistoryEntry[]> {
    s.asked.add(historyKey(collection, id));
    const events = await this.#readMany(s, 'history', s.index.historyOf(collection, id));
    const entries: HistoryEntry[] = [];
    for (const event of events) {
      if (event.deleted) continue;
      const entry = toHistoryEntry(event);
      if (entry) entries.push(entry);
    }
    // Newest first; ties by id so every device shows the same order.
    return entries.sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  // ——— writing ———

  #writer(s: Session): WriterDeps {
    return {
      engine: s.engine,
      domain: this.env.domain,
      userId: s.userId,
      now: () => this.env.clock.now(),
      newId: () => uuidv7(this.env.clock, this.env.random),
      read: (collection, id) => this.#read(s, collection, id),
    };
  }

  // ——— sync ———

  #sync(s: Session): Promise<SyncSummary> {
    // One at a time: the first-sync phases switch the engine's cursor and the pull filter.
    s.syncing ??= (async () => {
      const pacer = new ProgressPacer((progress) => {
        if (s.open) this.env.emit({ type: 'progress', progress });
      }, this.env.clock);
      try {
        const report = await syncInPhases(
          s.engine,
          s.store,
          s.transport,
          (progress) => pacer.report(progress),
          // Only what this session holds keys for: without the medical key, no medical pull.
          collectionsForKinds(s.keyring.all().map((k) => k.kind)),
        );
        return { pushed: report.pushed, pulled: report.pulled, conflicts: report.conflicts, pending: await s.idb.countPendingEdits() };
      } catch (error) {
        // A pulled change to merge with a local one is under a key version this session lacks.
        if (isCryptoError(error, 'KEY_UNKNOWN')) this.#askForKeys(s);
        throw error;
      } finally {
        pacer.flush();
        s.syncing = null;
      }
    })();
    return s.syncing;
  }

  // ——— the index ———

  /** Called by the engine's store after every write: the index and the cache follow. */
  #stored(s: Session, records: readonly LocalRecord[], generations: ReadonlyMap<Collection, number>): void {
    if (!s.open) return;
    for (const [collection, generation] of generations) {
      const known = s.generations.get(collection);
      // Exactly one more than what this index reflects: this write alone. Anything else means
      // another tab wrote meanwhile. (Before the build reaches the collection, it reads the
      // generation after this write.)
      if (known !== undefined) s.generations.set(collection, known >= 0 && generation === known + 1 ? generation : -1);
      s.unsealed.add(collection);
    }
    this.#scheduleSeal(s);
    for (const record of records) {
      const key = recordKey(record.collection, record.id);
      const state = this.#decode(s, record);
      s.index.apply(record.collection, record.id, state);
      if (s.building) s.storedDuringBuild.add(key);
      if (!state) s.cache.delete(key);
      else if (s.cache.has(key)) s.cache.refresh(key, this.#full(s, record, state));
      // Only what the page asked for is noted: the first sync stores ~100,000 records.
      if (s.asked.has(key)) s.changedKeys.add(key);
      if (record.collection === 'history' && state) {
        const f = state.document.fields;
        if (typeof f.recordCollection === 'string' && typeof f.recordId === 'string') {
          const history = historyKey(f.recordCollection, f.recordId);
          if (s.asked.has(history)) s.changedKeys.add(history);
        }
      }
    }
    this.#scheduleFlush(s);
  }

  async #build(s: Session): Promise<void> {
    for (const collection of BUILD_ORDER) {
      // Known before anything is read: this Worker's writes from now on move it on (#stored), and
      // a snapshot is taken only if it was made at the generation stored when it is opened.
      const generation = await s.idb.generation(collection);
      if (!s.open) return;
      if (!s.generations.has(collection)) s.generations.set(collection, generation);
      const sealed = await s.snapshots.load(collection);
      if (!s.open) return;
      if (sealed) {
        const skip = (id: string) => s.storedDuringBuild.has(recordKey(collection, id));
        for (const part of sealed.parts) s.index.importCollection(collection, part, skip);
      } else {
        await this.#scan(s, collection);
        if (!s.open) return;
        s.unsealed.add(collection);
      }
      s.loaded.add(collection);
      for (const resume of s.whenLoaded.get(collection) ?? []) resume();
      s.whenLoaded.delete(collection);
      // What the build added is in the snapshot or in the groups just answered, not a change to send.
      if (s.watched.has(collection)) this.#sendSnapshot(s, collection);
      else s.index.discardDelta(collection);
      // Let reads and writes queued meanwhile run before the next collection.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (!s.open) return;
    }
    s.building = false;
    s.storedDuringBuild.clear();
    // The build itself changed the corbeille; the page may be watching it.
    this.#scheduleFlush(s);
    this.#scheduleSeal(s);
    await this.#prepareFileGroups(s);
  }

  /** Builds the groupings a person's file asks for, one per task, ahead of the first file opened. */
  async #prepareFileGroups(s: Session): Promise<void> {
    for (const [collection, field] of FILE_GROUPS) {
      if (!s.open) return;
      if (!s.loaded.has(collection)) continue;
      s.index.group(collection, field, '');
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  /** Decrypts every record of a collection into the index, a chunk at a time. */
  async #scan(s: Session, collection: Collection): Promise<void> {
    {
      let after: string | null = null;
      for (;;) {
        const chunk = await s.idb.scan(collection, after, BUILD_CHUNK);
        if (!s.open) return;
        for (const record of chunk) {
          if (s.storedDuringBuild.has(recordKey(collection, record.id))) continue;
          s.index.apply(collection, record.id, this.#decode(s, record));
        }
        if (chunk.length < BUILD_CHUNK) break;
        after = chunk[chunk.length - 1]?.id ?? null;
      }
    }
  }

  #scheduleSeal(s: Session): void {
    if (s.unsealed.size === 0) return;
    const now = this.env.clock.now();
    if (s.unsealedSince === 0) s.unsealedSince = now;
    if (s.sealTimer) clearTimeout(s.sealTimer);
    const delay = Math.max(0, Math.min(SNAPSHOT_QUIET_MS, s.unsealedSince + SNAPSHOT_MAX_WAIT_MS - now));
    s.sealTimer = setTimeout(() => {
      s.sealTimer = null;
      if (s.open) void this.#seal(s);
    }, delay);
  }

  /** Seals the changed collections' indexes, one collection per task. */
  async #seal(s: Session): Promise<void> {
    if (s.building) return; // the build seals what it indexed when it ends
    s.unsealedSince = 0;
    for (const collection of [...s.unsealed]) {
      if (!s.open) return;
      s.unsealed.delete(collection);
      const generation = s.generations.get(collection);
      if (generation === undefined || generation < 0) continue;
      // A collection under a key this session does not hold (the medical ones, for a member who is
      // not a health professional) has nothing indexed and nothing to seal.
      if (!s.keyring.has(keyKindOf(collection))) continue;
      try {
        // Refused (false) when a write came in meanwhile: that write scheduled another seal.
        await s.snapshots.save(collection, generation, s.index.exportCollection(collection));
      } catch (error) {
        if (s.open) console.error(`cannot seal the index of ${collection}`, error);
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  async #watchGroup(s: Session, params: GroupParams): Promise<Result<'watchGroup'>> {
    if (!s.loaded.has(params.collection)) {
      await new Promise<void>((resolve) => {
        const waiting = s.whenLoaded.get(params.collection) ?? [];
        waiting.push(resolve);
        s.whenLoaded.set(params.collection, waiting);
      });
    }
    const items = [...s.index.group(params.collection, params.field, params.value)];
    s.groups.set(groupKey(params), { params, ids: new Set(items.map((i) => i.id)) });
    if (!PRIMED_COLLECTIONS.has(params.collection)) return { items, records: [] };
    const ids = items.slice(0, PRIMED_PER_GROUP).map((i) => i.id);
    const records = (await this.#readMany(s, params.collection, ids)).filter((r) => !r.deleted);
    return { items, records };
  }

  /** Sends the watched groups a delta touched: an item that joins one, leaves one or changes in one. */
  #sendGroups(s: Session, collection: Collection, upserts: readonly Item<unknown>[], removes: readonly string[]): void {
    for (const [key, watch] of s.groups) {
      const { params } = watch;
      if (params.collection !== collection) continue;
      const touched =
        removes.some((id) => watch.ids.has(id)) || upserts.some((item) => watch.ids.has(item.id) || groupKeysOf(item, params.field).includes(params.value));
      if (!touched) continue;
      const items = [...s.index.group(collection, params.field, params.value)];
      watch.ids = new Set(items.map((i) => i.id));
      this.env.emit({ type: 'group', key, items });
    }
  }

  #watch(s: Session, collection: Collection): void {
    s.watched.add(collection);
    if (s.loaded.has(collection)) this.#sendSnapshot(s, collection);
  }

  #sendSnapshot(s: Session, collection: Collection): void {
    const items = s.index.items(collection);
    // In the list's order: the page then has nothing to sort on its main thread.
    if (collection === 'person') sortPersonItems(items as Item<PersonSummary>[]);
    // The snapshot holds the current state; changes gathered before it would only repeat it.
    s.index.discardDelta(collection);
    s.sent.add(collection);
    if (items.length === 0) {
      this.env.emit({ type: 'index', collection, reset: true, complete: true, upserts: [], removes: [] });
      return;
    }
    for (let i = 0; i < items.length; i += POST_CHUNK) {
      this.env.emit({
        type: 'index',
        collection,
        reset: i === 0,
        complete: i + POST_CHUNK >= items.length,
        upserts: items.slice(i, i + POST_CHUNK),
        removes: [],
      });
    }
  }

  #scheduleFlush(s: Session): void {
    if (s.flushTimer) return;
    s.flushTimer = setTimeout(() => {
      s.flushTimer = null;
      if (s.open) this.#flush(s);
    }, FLUSH_DELAY_MS);
  }

  #flush(s: Session): void {
    for (const delta of s.index.takeDeltas()) {
      if (s.groups.size > 0) this.#sendGroups(s, delta.collection, delta.upserts, delta.removes);
      if (!s.sent.has(delta.collection)) continue;
      const { collection, upserts, removes } = delta;
      if (upserts.length === 0 && removes.length === 0) continue;
      for (let i = 0; i < Math.max(upserts.length, 1); i += POST_CHUNK) {
        this.env.emit({ type: 'index', collection, reset: false, complete: true, upserts: upserts.slice(i, i + POST_CHUNK), removes: i === 0 ? removes : [] });
      }
    }
    if (s.index.takeTrashChanged() && s.watchTrash) this.env.emit({ type: 'trash', entries: s.index.trash() });
    if (s.changedKeys.size > 0) {
      this.env.emit({ type: 'changed', keys: [...s.changedKeys] });
      s.changedKeys.clear();
    }
  }
}

function str(value: Json | undefined): string {
  return typeof value === 'string' ? value : '';
}

/** A history record as the screens show it; null for a shape this version does not know. */
export function toHistoryEntry(record: FullRecord<Fields>): HistoryEntry | null {
  const f = record.fields;
  const recordCollection = str(f.recordCollection);
  if (!(COLLECTION_NAMES as readonly string[]).includes(recordCollection)) return null;
  const base = { id: record.id, recordCollection: recordCollection as Collection, recordId: str(f.recordId), field: str(f.field) };
  if (f.kind === 'change') {
    return { ...base, kind: 'change', before: f.before ?? null, after: f.after ?? null, at: str(f.at), by: str(f.by) };
  }
  if (f.kind === 'conflict') {
    // The sync engine writes conflicts with stamps "<ISO time>|<user id>"; its own stamp says when.
    const keptStamp = str(f.keptStamp);
    const setAsideStamp = str(f.setAsideStamp);
    const stamp = record.stamps.kind ?? (keptStamp > setAsideStamp ? keptStamp : setAsideStamp);
    const [at = '', by = ''] = stamp.split('|');
    return { ...base, kind: 'conflict', keptValue: f.keptValue ?? null, setAsideValue: f.setAsideValue ?? null, keptStamp, setAsideStamp, at, by };
  }
  return null;
}

function hasCollection(params: unknown): params is { collection: Collection } {
  return typeof params === 'object' && params !== null && 'collection' in params && (COLLECTION_NAMES as readonly unknown[]).includes(params.collection);
}
