// The client side of sync, seen from core: what a device stores, how it talks to the server and
// how it turns records into ciphertext. The web app gives IndexedDB, fetch and libsodium; tests
// give in-memory versions.
import type { Collection } from '../collections.ts';
import type { PullResponse, PushRequest, PushResponse, RemoteRecord } from '../protocol.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The plaintext of every record: a flat map of fields, and for each field the stamp of its last
 * change ("<ISO-8601 ms time>|<user id>"), which makes the merge winner deterministic.
 */
export interface RecordDocument {
  fields: Record<string, Json>;
  stamps: Record<string, string>;
}

/** A local change not yet accepted by the server: the whole new document, encrypted. */
export interface PendingChange {
  changeId: string;
  keyVersion: number;
  deleted: boolean;
  /** Base64 envelope of the full RecordDocument after the local edits. */
  ciphertext: string;
  /** Client clock when the change was last edited (ms). */
  editedAt: number;
  /**
   * Earlier states of this record that were sent without a confirmed answer (the answer was
   * lost, or the record was edited while the push was in flight), newest first, at most a few.
   * The server may hold one of them: a remote field value found here is one this device already
   * replaced, not a conflict. Absent when there are none.
   */
  unconfirmed?: SentState[];
}

/** A state of a record this device sent to the server, encrypted like any other. */
export interface SentState {
  keyVersion: number;
  ciphertext: string;
}

/**
 * One record on a device: `base` is the last version the server confirmed (null for a record
 * created here and never synced), `pending` the local state waiting in the outbox.
 */
export interface LocalRecord {
  collection: Collection;
  id: string;
  base: RemoteRecord | null;
  pending: PendingChange | null;
}

/** Persistent device storage. Holds ciphertexts only. Each `put` is atomic. */
export interface LocalStore {
  get(collection: Collection, id: string): Promise<LocalRecord | undefined>;
  /** Writes all records (and the pull cursor when given) in one transaction. */
  put(records: LocalRecord[], cursor?: number): Promise<void>;
  list(collection: Collection): Promise<LocalRecord[]>;
  /** Records whose `pending` is set, oldest edit first. */
  listPending(limit: number): Promise<LocalRecord[]>;
  countPending(): Promise<number>;
  /** Sequence of the last pulled change (0 before the first pull). */
  getCursor(): Promise<number>;
}

/** The HTTP API, as the sync engine needs it. Throws `TransportError` when offline or on 5xx. */
export interface Transport {
  push(request: PushRequest): Promise<PushResponse>;
  pull(since: number, limit: number): Promise<PullResponse>;
}

export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    message: string,
    readonly offline: boolean,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Encrypts and decrypts record documents with the organisation's current keys. */
export interface RecordCodec {
  encrypt(collection: Collection, id: string, document: RecordDocument): { ciphertext: string; keyVersion: number };
  decrypt(collection: Collection, id: string, keyVersion: number, ciphertext: string): RecordDocument;
}
