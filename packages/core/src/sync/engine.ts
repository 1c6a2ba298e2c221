// The client sync engine: local writes go to the outbox (encrypted, no network), `sync` pushes
// the outbox, merges conflicts and pulls what others changed. The store is the only state; the
// engine serialises its own mutations with a lock it never holds across a network call, so the
// UI can keep writing while a sync is running.
import { historyCollectionOf, type Collection } from '../collections.ts';
import type { Clock, Random } from '../ports.ts';
import { MAX_PUSH_CHANGES, MAX_RECORD_BYTES, PROTOCOL_VERSION, PULL_PAGE_MAX, Uuid } from '../protocol.ts';
import type { Change, PushResponse, RemoteRecord } from '../protocol.ts';
import { uuidv7 } from '../uuid.ts';
import { applyEdit, documentsEqual, emptyDocument, makeStamp } from './document.ts';
import { baseWithSentValues, mergeDeleted, mergeDocuments } from './merge.ts';
import type { SetAside } from './merge.ts';
import { Mutex } from './mutex.ts';
import { isoFromMs } from './time.ts';
import type { Json, LocalRecord, LocalStore, PendingChange, RecordCodec, RecordDocument, SentState, Transport } from './types.ts';

/** A LocalStore that can also read many records at once (optional: the engine checks for it). */
export interface BatchLocalStore {
  /** The records at these keys, in the same order (undefined where there is none). */
  getMany(keys: readonly (readonly [Collection, string])[]): Promise<(LocalRecord | undefined)[]>;
}

export interface SyncEngineOptions {
  store: LocalStore;
  transport: Transport;
  codec: RecordCodec;
  clock: Clock;
  random: Random;
  /** The signed-in member: author of local stamps and of accepted changes. */
  userId: string;
}

export interface RecordView {
  collection: Collection;
  id: string;
  document: RecordDocument;
  deleted: boolean;
  /** A local change is waiting in the outbox. */
  pending: boolean;
  /** Server version of the last synced state; 0 if never synced. */
  version: number;
}

export interface SyncProgress {
  pulled: number;
  cursor: number;
}

export interface SyncReport {
  /** Changes the server accepted. */
  pushed: number;
  /** Remote records received by pulls (including echoes of this device's own changes). */
  pulled: number;
  /** Values set aside by merges, each kept in a `history` record. */
  conflicts: number;
  /** Changes still in the outbox when the sync ended. */
  pending: number;
  cursor: number;
}

export interface SyncEngine {
  write(collection: Collection, id: string, patch: Record<string, Json>): Promise<RecordView>;
  remove(collection: Collection, id: string): Promise<void>;
  read(collection: Collection, id: string): Promise<RecordView | undefined>;
  list(collection: Collection): Promise<RecordView[]>;
  history(collection: Collection, id: string): Promise<RecordView[]>;
  sync(onProgress?: (progress: SyncProgress) => void): Promise<SyncReport>;
  pendingCount(): Promise<number>;
}

/** Largest ciphertext the server takes (base64 of MAX_RECORD_BYTES). */
const MAX_CIPHERTEXT_CHARS = Math.ceil(MAX_RECORD_BYTES / 3) * 4;
/**
 * Push rounds allowed beyond what the outbox needed at the start: conflicts and edits made during
 * the sync add changes, and a device racing another must not keep this loop running forever.
 */
const EXTRA_PUSH_ROUNDS = 3;
/** Sent states remembered per record; beyond that an old lost answer may show as a conflict. */
const MAX_UNCONFIRMED = 4;

export class RecordTooLargeError extends Error {
  override readonly name = 'RecordTooLargeError';
  constructor() {
    super('Cette fiche est trop volumineuse pour être enregistrée.');
  }
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  return new Engine(options);
}

interface Current {
  document: RecordDocument;
  deleted: boolean;
}

class Engine implements SyncEngine {
  readonly #store: LocalStore;
  readonly #transport: Transport;
  readonly #codec: RecordCodec;
  readonly #clock: Clock;
  readonly #random: Random;
  readonly #userId: string;
  /** Guards every read-modify-write of the store. */
  readonly #lock = new Mutex();
  /** Keeps two `sync` calls from interleaving their pushes and pulls. */
  readonly #syncLock = new Mutex();
  /** changeIds of the push request in flight: an edit on top of one must remember the sent state. */
  readonly #inFlight = new Set<string>();

  constructor(options: SyncEngineOptions) {
    this.#store = options.store;
    this.#transport = options.transport;
    this.#codec = options.codec;
    this.#clock = options.clock;
    this.#random = options.random;
    this.#userId = options.userId;
  }

  write(collection: Collection, id: string, patch: Record<string, Json>): Promise<RecordView> {
    // A malformed id would be refused by the server and block the whole outbox behind it.
    if (!Uuid.safeParse(id).success) return Promise.reject(new TypeError(`invalid record id: ${id}`));
    return this.#lock.run(async () => {
      const record = (await this.#store.get(collection, id)) ?? { collection, id, base: null, pending: null };
      const current = this.#current(record);
      const before = current?.document ?? emptyDocument();
      const after = applyEdit(before, patch, makeStamp(this.#clock, this.#userId));
      if (current && !current.deleted && documentsEqual(before, after)) return view(record, current);
      // Writing to a deleted record brings it back: the user is looking at it and typing.
      record.pending = this.#pendingChange(collection, id, after, false, this.#sentBefore(record.pending));
      await this.#store.put([record]);
      return view(record, { document: after, deleted: false });
    });
  }

  remove(collection: Collection, id: string): Promise<void> {
    return this.#lock.run(async () => {
      const record = await this.#store.get(collection, id);
      const current = record && this.#current(record);
      if (!record || !current || current.deleted) return;
      record.pending = this.#pendingChange(collection, id, current.document, true, this.#sentBefore(record.pending));
      await this.#store.put([record]);
    });
  }

  async read(collection: Collection, id: string): Promise<RecordView | undefined> {
    const record = await this.#store.get(collection, id);
    const current = record && this.#current(record);
    return record && current ? view(record, current) : undefined;
  }

  async list(collection: Collection): Promise<RecordView[]> {
    const views: RecordView[] = [];
    for (const record of await this.#store.list(collection)) {
      const current = this.#current(record);
      if (current && !current.deleted) views.push(view(record, current));
    }
    return views.sort((a, b) => compareIds(a.id, b.id));
  }

  async history(collection: Collection, id: string): Promise<RecordView[]> {
    const events = await this.list(historyCollectionOf(collection));
    return events.filter((e) => e.document.fields.recordCollection === collection && e.document.fields.recordId === id);
  }

  pendingCount(): Promise<number> {
    return this.#store.countPending();
  }

  sync(onProgress?: (progress: SyncProgress) => void): Promise<SyncReport> {
    return this.#syncLock.run(async () => {
      const report: SyncReport = { pushed: 0, pulled: 0, conflicts: 0, pending: 0, cursor: 0 };
      await this.#pushOutbox(report);
      await this.#pullAll(report, onProgress);
      // Pulls may have merged remote changes into pending ones: send the result right away so
      // the other devices converge without waiting for this device's next sync.
      await this.#pushOutbox(report);
      report.pending = await this.#store.countPending();
      report.cursor = await this.#store.getCursor();
      return report;
    });
  }

  async #pushOutbox(report: SyncReport): Promise<void> {
    let rounds = Math.ceil((await this.#store.countPending()) / MAX_PUSH_CHANGES) + EXTRA_PUSH_ROUNDS;
    while (rounds-- > 0) {
      const changes = await this.#lock.run(() => this.#nextBatch());
      if (changes.length === 0) return;
      // The lock is free while the request is in flight; a failure leaves the outbox as it was,
      // only noting that the server may have applied these changes anyway.
      for (const change of changes) this.#inFlight.add(change.changeId);
      let response: PushResponse;
      try {
        response = await this.#transport.push({ protocol: PROTOCOL_VERSION, changes });
      } catch (error) {
        // The transport's error is what the caller must see, even if noting the sent states fails.
        await this.#lock.run(() => this.#rememberSent(changes)).catch(() => undefined);
        throw error;
      } finally {
        for (const change of changes) this.#inFlight.delete(change.changeId);
      }
      await this.#lock.run(() => this.#applyPushResponse(changes, response, report));
    }
  }

  async #nextBatch(): Promise<Change[]> {
    const records = await this.#store.listPending(MAX_PUSH_CHANGES);
    const changes: Change[] = [];
    for (const { collection, id, base, pending } of records) {
      if (!pending) continue;
      changes.push({
        changeId: pending.changeId,
        collection,
        id,
        baseVersion: base?.version ?? 0,
        keyVersion: pending.keyVersion,
        deleted: pending.deleted,
        ciphertext: pending.ciphertext,
      });
    }
    return changes;
  }

  /** After a push without an answer: each change still pending may be on the server already. */
  async #rememberSent(changes: Change[]): Promise<void> {
    const updates: LocalRecord[] = [];
    for (const change of changes) {
      const record = await this.#store.get(change.collection, change.id);
      const pending = record?.pending;
      if (!record || !pending || pending.changeId !== change.changeId) continue;
      const known = pending.unconfirmed ?? [];
      if (known[0]?.ciphertext === pending.ciphertext) continue;
      pending.unconfirmed = [{ keyVersion: pending.keyVersion, ciphertext: pending.ciphertext }, ...known].slice(0, MAX_UNCONFIRMED);
      updates.push(record);
    }
    if (updates.length > 0) await this.#store.put(updates);
  }

  /** The sent states a new pending change must carry when it replaces `previous`. */
  #sentBefore(previous: PendingChange | null): SentState[] | undefined {
    if (!previous) return undefined;
    const known = previous.unconfirmed ?? [];
    const sent = this.#inFlight.has(previous.changeId) ? [{ keyVersion: previous.keyVersion, ciphertext: previous.ciphertext }, ...known] : known;
    return sent.length > 0 ? sent.slice(0, MAX_UNCONFIRMED) : undefined;
  }

  async #applyPushResponse(changes: Change[], response: PushResponse, report: SyncReport): Promise<void> {
    const sent = new Map(changes.map((change) => [change.changeId, change]));
    const updates: LocalRecord[] = [];
    for (const result of response.results) {
      const change = sent.get(result.changeId);
      if (!change || change.id !== result.id) continue;
      const record = await this.#store.get(change.collection, change.id);
      if (!record) continue;
      if (result.status === 'accepted') {
        if (!record.base || record.base.version < result.version) {
          record.base = {
            collection: change.collection,
            id: change.id,
            version: result.version,
            seq: result.seq,
            keyVersion: change.keyVersion,
            deleted: change.deleted,
            authorId: this.#userId,
            updatedAt: isoFromMs(this.#clock.now()),
            ciphertext: change.ciphertext,
          };
        }
        // An edit made while the request was in flight has a new changeId: it stays in the
        // outbox, now based on the version the server just accepted.
        if (record.pending?.changeId === change.changeId) record.pending = null;
        // The server's state is now known: what was sent before it no longer matters.
        else if (record.pending) delete record.pending.unconfirmed;
        report.pushed++;
        updates.push(record);
      } else if (this.#applyRemote(record, result.current, report, updates, true)) {
        updates.push(record);
      }
    }
    if (updates.length > 0) await this.#store.put(updates);
  }

  async #pullAll(report: SyncReport, onProgress?: (progress: SyncProgress) => void): Promise<void> {
    let cursor = await this.#store.getCursor();
    for (;;) {
      const page = await this.#transport.pull(cursor, PULL_PAGE_MAX);
      const next = Math.max(cursor, page.next);
      await this.#lock.run(async () => {
        const touched = new Map<string, LocalRecord>();
        const created: LocalRecord[] = [];
        const known = await this.#prefetch(page.changes);
        for (const remote of page.changes) {
          const key = `${remote.collection}/${remote.id}`;
          const record = touched.get(key) ??
            (known ? known.get(key) : await this.#store.get(remote.collection, remote.id)) ?? { collection: remote.collection, id: remote.id, base: null, pending: null };
          if (this.#applyRemote(record, remote, report, created)) touched.set(key, record);
        }
        // Records and cursor in one transaction: a crash never skips or half-applies a page.
        await this.#store.put([...touched.values(), ...created], next);
      });
      report.pulled += page.changes.length;
      onProgress?.({ pulled: report.pulled, cursor: next });
      if (!page.more || next === cursor) return;
      cursor = next;
    }
  }

  /**
   * The local records a pulled page touches, in one batch read when the store offers one (one
   * IndexedDB transaction per page instead of one per record: the first sync reads 100,000).
   * Null when the store has no batch read.
   */
  async #prefetch(changes: readonly RemoteRecord[]): Promise<Map<string, LocalRecord> | null> {
    const store = this.#store as LocalStore & Partial<BatchLocalStore>;
    if (!store.getMany) return null;
    const keys = changes.map((c) => [c.collection, c.id] as const);
    const records = await store.getMany(keys);
    const known = new Map<string, LocalRecord>();
    records.forEach((record, i) => {
      const key = keys[i];
      if (record && key) known.set(`${key[0]}/${key[1]}`, record);
    });
    return known;
  }

  /**
   * Brings a server version into `record` (mutated). Returns false when the record already has
   * it, unless `current` says the server just named it its current version (a conflict answer:
   * even a server restored from an older backup must not make the push loop forever). With a
   * pending local change the three are merged; values set aside become `history` records,
   * appended to `created`.
   */
  #applyRemote(record: LocalRecord, remote: RemoteRecord, report: SyncReport, created: LocalRecord[], current = false): boolean {
    if (!current && record.base && record.base.version >= remote.version) return false;
    const pending = record.pending;
    if (!pending) {
      record.base = remote;
      return true;
    }
    const local = { document: this.#decrypt(record, pending), deleted: pending.deleted };
    const incoming = { document: this.#decrypt(record, remote), deleted: remote.deleted };
    const sent = (pending.unconfirmed ?? []).map((state) => this.#decrypt(record, state));
    const baseDocument = baseWithSentValues(record.base ? this.#decrypt(record, record.base) : null, incoming.document, sent);
    const { merged, setAside } = mergeDocuments(baseDocument, local.document, incoming.document);
    const deleted = mergeDeleted(baseDocument, local, incoming);
    record.base = remote;
    record.pending =
      deleted === incoming.deleted && documentsEqual(merged, incoming.document)
        ? null
        : this.#pendingChange(record.collection, record.id, merged, deleted);
    for (const item of setAside) created.push(this.#conflictEvent(record, item));
    report.conflicts += setAside.length;
    return true;
  }

  /** A `history` record keeping the value a merge set aside, shown to the user with the record. */
  #conflictEvent(record: LocalRecord, item: SetAside): LocalRecord {
    const id = uuidv7(this.#clock, this.#random);
    const fields: Record<string, Json> = {
      kind: 'conflict',
      recordCollection: record.collection,
      recordId: record.id,
      field: item.field,
      keptValue: item.keptValue,
      setAsideValue: item.value,
      keptStamp: item.keptStamp,
      setAsideStamp: item.stamp,
    };
    const document = applyEdit(emptyDocument(), fields, makeStamp(this.#clock, this.#userId));
    // A medical record's set-aside value is medical content: it stays under the medical key.
    const collection = historyCollectionOf(record.collection);
    return { collection, id, base: null, pending: this.#pendingChange(collection, id, document, false) };
  }

  #pendingChange(collection: Collection, id: string, document: RecordDocument, deleted: boolean, unconfirmed?: SentState[]): PendingChange {
    const { ciphertext, keyVersion } = this.#codec.encrypt(collection, id, document);
    if (ciphertext.length > MAX_CIPHERTEXT_CHARS) throw new RecordTooLargeError();
    const change: PendingChange = { changeId: uuidv7(this.#clock, this.#random), keyVersion, deleted, ciphertext, editedAt: this.#clock.now() };
    if (unconfirmed) change.unconfirmed = unconfirmed;
    return change;
  }

  #current(record: LocalRecord): Current | null {
    const state = record.pending ?? record.base;
    return state && { document: this.#decrypt(record, state), deleted: state.deleted };
  }

  #decrypt(record: LocalRecord, state: { keyVersion: number; ciphertext: string }): RecordDocument {
    return this.#codec.decrypt(record.collection, record.id, state.keyVersion, state.ciphertext);
  }
}

function view(record: LocalRecord, current: Current): RecordView {
  return {
    collection: record.collection,
    id: record.id,
    document: current.document,
    deleted: current.deleted,
    pending: record.pending !== null,
    version: record.base?.version ?? 0,
  };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
