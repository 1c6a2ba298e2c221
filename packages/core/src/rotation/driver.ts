// The re-encryption driver an administrator's client runs after a key rotation: it walks the
// records still under an older key version, re-encrypts them under the current one and sends
// them back in batches. Everything it needs comes through ports (the HTTP API, a cursor store,
// the re-encryption itself), so a browser Worker implements them with fetch and IndexedDB.
//
// Why it is resumable and idempotent (docs/decisions/011-member-exit-and-key-rotation.md):
// - the server's set of "records under an older version" is the real progress: a re-encrypted
//   record leaves it, so fetching again after a crash never re-does finished work;
// - a rewrap is accepted only if the record is still at the version that was read, and answered
//   `unchanged` once it is under the current version: a retried batch writes nothing twice;
// - the cursor (a sequence number) only skips what was already looked at; a record edited
//   meanwhile gets a new, higher sequence and is met again later in the same pass;
// - the cursor is saved after the batch's answer, so a crash between the two repeats one batch,
//   which the two rules above make harmless.
import { isCryptoError } from '../crypto/errors.ts';
import type { KeyKind, RemoteRecord, Rewrap, RewrapResult, RotationPage, RotationStatus } from '../protocol.ts';

export interface RotationTransport {
  status(): Promise<RotationStatus>;
  /** GET /api/rotation/records: records of `kind` under an older version, after sequence `since`. */
  page(kind: KeyKind, since: number, limit: number): Promise<RotationPage>;
  /** POST /api/rotation/rewrap: one result per item, in order. */
  rewrap(items: readonly Rewrap[]): Promise<RewrapResult[]>;
}

/** Where a pass over one key kind stands; persisted after every batch. */
export interface RotationCursor {
  kind: KeyKind;
  /** The key version records are moved to; a cursor for another version is started afresh. */
  version: number;
  /** Records up to this sequence were looked at in this pass. */
  since: number;
  /** `collection/id` of records this device could not open (skipped, reported). */
  failed: string[];
}

export interface RotationCursorStore {
  load(kind: KeyKind): Promise<RotationCursor | null>;
  save(cursor: RotationCursor): Promise<void>;
}

export interface RotationProgress {
  kind: KeyKind;
  /** Records of this kind under the current version (re-encrypted or written so). */
  done: number;
  total: number;
  failed: number;
}

export interface RotationKindReport {
  kind: KeyKind;
  version: number;
  /** Records this run re-encrypted. */
  rewrapped: number;
  /** Records of the pass that could not be opened here (`collection/id`). */
  failed: string[];
}

export interface RotationReport {
  /** False when `shouldStop` paused the run; run it again to go on. */
  finished: boolean;
  kinds: RotationKindReport[];
}

export interface RotationDriverOptions {
  transport: RotationTransport;
  store: RotationCursorStore;
  /** Re-encrypts one record under the current version (rewrapRecord with the new keyring); throws CryptoError when it cannot. */
  reencrypt: (record: RemoteRecord) => Rewrap;
  onProgress?: (progress: RotationProgress) => void;
  /** Checked between batches: lets the UI pause (the next run resumes from the saved cursor). */
  shouldStop?: () => boolean;
  /** Records per batch (the server's limit is MAX_PUSH_CHANGES). */
  pageSize?: number;
  /** Only these kinds (default: every kind the status lists). */
  kinds?: readonly KeyKind[];
}

/** The server's current key version moved on while the driver ran: reload the keys and run again. */
export class RotationOutdatedError extends Error {
  override readonly name = 'RotationOutdatedError';
  constructor(kind: KeyKind, expected: number, found: number) {
    super(`${kind} key version ${found} on the server, the driver works towards ${expected}`);
  }
}

/** The server answered something that does not match the batch sent: a bug, never retried blindly. */
export class RotationProtocolError extends Error {
  override readonly name = 'RotationProtocolError';
}

const recordKey = (record: { collection: string; id: string }): string => `${record.collection}/${record.id}`;

export async function runRotation(options: RotationDriverOptions): Promise<RotationReport> {
  const { transport, store } = options;
  const pageSize = options.pageSize ?? 500;
  const status = await transport.status();
  const reports: RotationKindReport[] = [];
  for (const kindStatus of status.kinds) {
    if (options.kinds !== undefined && !options.kinds.includes(kindStatus.kind)) continue;
    const { kind, currentVersion } = kindStatus;
    const saved = await store.load(kind);
    let cursor: RotationCursor = saved !== null && saved.version === currentVersion ? saved : { kind, version: currentVersion, since: 0, failed: [] };
    const report: RotationKindReport = { kind, version: currentVersion, rewrapped: 0, failed: cursor.failed };
    reports.push(report);
    if (kindStatus.remaining === 0) {
      options.onProgress?.({ kind, done: kindStatus.total, total: kindStatus.total, failed: cursor.failed.length });
      continue;
    }
    for (;;) {
      if (options.shouldStop?.() === true) return { finished: false, kinds: reports };
      const page = await transport.page(kind, cursor.since, pageSize);
      if (page.currentVersion !== currentVersion) throw new RotationOutdatedError(kind, currentVersion, page.currentVersion);
      // Done only when nothing is left after the cursor: a record edited during a batch, or
      // written under an older version by a device that was offline, comes back at a higher
      // sequence and is met by a later page.
      if (page.records.length === 0) {
        options.onProgress?.({ kind, done: page.total - page.remaining, total: page.total, failed: cursor.failed.length });
        break;
      }
      const items: Rewrap[] = [];
      const failed: string[] = [];
      for (const record of page.records) {
        try {
          items.push(options.reencrypt(record));
        } catch (error) {
          // A record this device cannot open is skipped and reported, never sent back altered.
          if (!isCryptoError(error)) throw error;
          failed.push(recordKey(record));
        }
      }
      const results = items.length === 0 ? [] : await transport.rewrap(items);
      checkResults(items, results);
      const moved = results.filter((result) => result.status !== 'stale').length;
      report.rewrapped += results.filter((result) => result.status === 'rewrapped').length;
      cursor = { ...cursor, since: Math.max(cursor.since, page.next), failed: [...new Set([...cursor.failed, ...failed])] };
      await store.save(cursor);
      report.failed = cursor.failed;
      const remaining = Math.max(0, page.remaining - moved);
      options.onProgress?.({ kind, done: page.total - remaining, total: page.total, failed: cursor.failed.length });
    }
  }
  return { finished: true, kinds: reports };
}

function checkResults(items: readonly Rewrap[], results: readonly RewrapResult[]): void {
  if (results.length !== items.length) throw new RotationProtocolError(`${results.length} results for ${items.length} items`);
  results.forEach((result, index) => {
    if (recordKey(result) !== recordKey(items[index]!)) throw new RotationProtocolError(`result ${index} is about another record`);
  });
}
