// The shapes screens receive from the data layer (see /docs/decisions/007-web-data-layer.md).
// Summaries and fields are typed per collection by core's domain (SummaryOf, FieldsOf); on the
// wire between the Worker and the page they are plain structured-clone values.
import type { Collection } from '@relais/core/collections';
import type { Json } from '@relais/core/sync/types';

/** One live record in an index: its small summary, and whether a change waits in the outbox. */
export interface Item<S> {
  id: string;
  summary: S;
  pending: boolean;
}

export type RecordState<F> =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'found'; id: string; fields: F; stamps: Record<string, string>; pending: boolean; deleted: boolean; version: number };

/** A full document as read on demand. */
export interface FullRecord<F> {
  id: string;
  fields: F;
  stamps: Record<string, string>;
  pending: boolean;
  deleted: boolean;
  version: number;
}

interface HistoryBase {
  /** The history record's id. */
  id: string;
  recordCollection: Collection;
  recordId: string;
  field: string;
  /** ISO-8601 time of the event. */
  at: string;
  /** User id of whoever made the change ('' when unknown). */
  by: string;
}

/** A field changed by someone (before → after). */
export interface ChangeEntry extends HistoryBase {
  kind: 'change';
  before: Json;
  after: Json;
}

/** A value set aside by a merge: `keptValue` is shown, `setAsideValue` kept here for the user. */
export interface ConflictEntry extends HistoryBase {
  kind: 'conflict';
  keptValue: Json;
  setAsideValue: Json;
  keptStamp: string;
  setAsideStamp: string;
}

export type HistoryEntry = ChangeEntry | ConflictEntry;

/** A record in the corbeille. */
export interface TrashEntry {
  collection: Collection;
  id: string;
  /** What the record is called (a person's name, an action's title…). */
  label: string;
  /** ISO-8601, '' when unknown (deleted by an older version). */
  deletedAt: string;
  deletedBy: string;
}

export type SyncPhase = 'persons' | 'rest' | 'done';

export interface SyncProgress {
  phase: SyncPhase;
  /** Records received so far by the first sync (across reloads). */
  pulled: number;
  total?: number;
}

/** What the last sync did (the engine's SyncReport). */
export interface SyncSummary {
  pushed: number;
  pulled: number;
  conflicts: number;
  pending: number;
}
