// Messages between the page and the data Worker. Every request carries an id and is answered
// once with a reply of the same id; the Worker also sends events on its own (index changes,
// records changed, first-sync progress). Everything here survives structured clone.
import type { Collection } from '@relais/core/collections';
import type { KeyKind } from '@relais/core/protocol';
import type { Json } from '@relais/core/sync/types';
import type { WireError } from './errors.ts';
import type { FullRecord, HistoryEntry, Item, SyncProgress, SyncSummary, TrashEntry } from './types.ts';

export type Fields = Record<string, Json>;

export interface OpenParams {
  userId: string;
  organisationId: string;
  /** Copies of the organisation keys; the Worker zeroes them on close. */
  keys: { kind: KeyKind; version: number; key: Uint8Array }[];
  token: string | null;
  /** Origin of the API ('' on the page itself). */
  apiBase: string;
}

export interface GroupParams {
  collection: Collection;
  field: string;
  value: string;
}

/** Collections whose records travel with their group's first answer (comments, passages… shown in full in a file). */
export const PRIMED_COLLECTIONS: ReadonlySet<Collection> = new Set<Collection>(['comment', 'passage', 'encounter', 'medicalComment', 'treatment', 'consultation']);
/**
 * The groups a person's file asks for (its sections' useIndexGroup calls). The data Worker builds
 * these groupings once its index is loaded, so the first file opened does not wait for a pass over
 * 38,000 comments.
 */
export const FILE_GROUPS: readonly (readonly [Collection, string])[] = [
  ['comment', 'personId'],
  ['comment', 'actionId'],
  ['action', 'personIds'],
  ['actionSeries', 'personIds'],
  ['passage', 'personIds'],
  ['encounter', 'personIds'],
  ['personPlace', 'personId'],
  ['familyLink', 'personIds'],
  ['consultation', 'personId'],
  ['treatment', 'personId'],
  ['medicalComment', 'personId'],
];

/** At most this many records travel with one group's answer; a longer group's rest is read as usual. */
export const PRIMED_PER_GROUP = 50;

export const groupKey = (g: GroupParams): string => `${g.collection}\u0000${g.field}\u0000${g.value}`;

export interface OpenResult {
  /** Every draft, opened: forms read theirs synchronously when they mount. */
  drafts: [string, Json][];
  progress: SyncProgress;
}

export interface Methods {
  open: { params: OpenParams; result: OpenResult };
  close: { params: null; result: null };
  setToken: { params: { token: string | null }; result: null };
  sync: { params: null; result: SyncSummary };
  /** Changes waiting in the outbox, history records left out (see IdbLocalStore.countPendingEdits). */
  pendingCount: { params: null; result: number };
  getLastSyncAt: { params: null; result: number | null };
  setLastSyncAt: { params: { ms: number }; result: null };
  /** Start sending a collection's index: a snapshot once it is loaded, then its changes. */
  watchIndex: { params: { collection: Collection }; result: null };
  watchTrash: { params: null; result: null };
  /**
   * The items of one group of a collection's index (the comments of a person…), once the
   * collection is indexed; then 'group' events whenever the group changes, until unwatched. The
   * page asks for what a screen shows instead of mirroring 95,000 summaries. For the collections
   * whose texts a screen shows with the group (PRIMED_COLLECTIONS), the answer brings the live
   * records too: a file opens in one round trip and one render, not two.
   */
  watchGroup: { params: GroupParams; result: { items: Item<unknown>[]; records: FullRecord<Fields>[] } };
  unwatchGroup: { params: GroupParams; result: null };
  read: { params: { collection: Collection; id: string }; result: FullRecord<Fields> | null };
  /** Live records among `ids`, in the order asked (missing and deleted ones left out). */
  readMany: { params: { collection: Collection; ids: string[] }; result: FullRecord<Fields>[] };
  history: { params: { collection: Collection; id: string }; result: HistoryEntry[] };
  create: { params: { collection: Collection; fields: Fields; id?: string }; result: string };
  update: { params: { collection: Collection; id: string; patch: Fields }; result: null };
  remove: { params: { collection: Collection; id: string }; result: null };
  restore: { params: { collection: Collection; id: string }; result: null };
  derivedId: { params: { parts: string[] }; result: string };
  putDraft: { params: { key: string; value: Json }; result: null };
  clearDraft: { params: { key: string }; result: null };
}

export type Method = keyof Methods;
export type Params<M extends Method> = Methods[M]['params'];
export type Result<M extends Method> = Methods[M]['result'];

export type Request = { [M in Method]: { id: number; method: M; params: Params<M> } }[Method];

export type Reply = { type: 'reply'; id: number; ok: true; result: unknown } | { type: 'reply'; id: number; ok: false; error: WireError };

/**
 * Reads asked in the same task of the page (the sections of a person's file, as it opens) travel
 * as one message and are answered in one, so the page renders their results once, not once per
 * section: each render of a whole file is a long task on a slow phone.
 */
export const BATCHED_METHODS: ReadonlySet<Method> = new Set<Method>(['read', 'readMany', 'history', 'watchGroup']);

export type WorkerEvent =
  /** `reset`: a snapshot starts (forget what you had); `complete`: the snapshot is whole. */
  | { type: 'index'; collection: Collection; reset: boolean; complete: boolean; upserts: Item<unknown>[]; removes: string[] }
  /** Keys `collection/id` of records stored since the last event, and `history:collection/id` of records whose history grew. */
  | { type: 'changed'; keys: string[] }
  | { type: 'trash'; entries: TrashEntry[] }
  /** A watched group's items after a change (key: groupKey). */
  | { type: 'group'; key: string; items: Item<unknown>[] }
  | { type: 'progress'; progress: SyncProgress }
  /** A record needs a key version this session lacks (a rotation): the page reloads the keys. */
  | { type: 'keysMissing' };

export type FromWorker = Reply | { type: 'replies'; replies: Reply[] } | WorkerEvent;

/** The two ends as the client sees them: a Worker, or the same service run on the page. */
export interface Endpoint {
  /** One request, or a batch of reads answered by one 'replies' message. */
  post(request: Request | Request[]): void;
  listen(handler: (message: FromWorker) => void): void;
  /** Called when the other end fails (a Worker that cannot load). */
  onFailure(handler: (error: Error) => void): void;
  terminate(): void;
}

export const recordKey = (collection: string, id: string): string => `${collection}/${id}`;
export const historyKey = (collection: string, id: string): string => `history:${collection}/${id}`;
