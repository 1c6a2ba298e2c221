// Applying a pushed batch. One transaction per batch, which first locks the organisation row:
// pushes of one organisation are serialised, so sequence numbers are handed out in commit order
// and a puller that has seen sequence N can never later miss a change numbered below N.
// Per change: base version equal to the current version (0 for a new record) → accepted with the
// next version and sequence; otherwise → conflict with the current record. A change id already
// applied is answered from its receipt and writes nothing, so a retried batch is harmless.
import { keyKindOf } from '@relais/core/collections';
import type { Change, PushResult, RemoteRecord } from '@relais/core/protocol';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { DB } from '../db/schema.ts';
import { HttpError, invalid } from '../http/errors.ts';
import { envelopeProblem } from './envelope.ts';
import { mayReadKind, mayWriteCollection, ownOnlyCollections } from './rights.ts';
import { journal } from '../journal/journal.ts';
import { requireStillActive } from './still-active.ts';

interface RecordState {
  version: number;
  seq: number;
  keyVersion: number;
  deleted: boolean;
  authorId: string;
  updatedAt: Date;
  /** Known only for records written by this batch; fetched on demand for conflicts otherwise. */
  ciphertext?: string;
}

interface Receipt {
  collection: string;
  recordId: string;
  version: number;
  seq: number;
}

const recordKey = (collection: string, id: string): string => `${collection}/${id}`;

/** Shape and rights, checked before anything touches the database. */
function precheck(actor: Actor, changes: readonly Change[]): void {
  changes.forEach((change, index) => {
    // Its own code, so a client knows the refusal is about the dossier médical, not a bug.
    if (!mayReadKind(actor, keyKindOf(change.collection))) throw new HttpError(403, 'MEDICAL_FORBIDDEN', { path: `/changes/${index}` });
    if (!mayWriteCollection(actor, change.collection)) throw new HttpError(403, 'FORBIDDEN', { path: `/changes/${index}` });
    const problem = envelopeProblem(change.ciphertext, change.keyVersion);
    if (problem !== null) throw invalid(`/changes/${index}/ciphertext`, problem);
  });
}

export async function applyPush(db: Kysely<DB>, actor: Actor, changes: readonly Change[]): Promise<PushResult[]> {
  precheck(actor, changes);
  return db.transaction().execute((trx) => applyLocked(trx, actor, changes));
}

async function applyLocked(trx: Transaction<DB>, actor: Actor, changes: readonly Change[]): Promise<PushResult[]> {
  const orgId = actor.organisationId;
  const org = await trx
    .selectFrom('organisations')
    .select(['seq', sql<Date>`now()`.as('now')])
    .where('id', '=', orgId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  await requireStillActive(trx, actor);

  const keys = await trx.selectFrom('org_keys').select(['kind', 'version']).where('organisation_id', '=', orgId).execute();
  const knownKeys = new Set(keys.map((key) => `${key.kind}:${key.version}`));
  changes.forEach((change, index) => {
    if (!knownKeys.has(`${keyKindOf(change.collection)}:${change.keyVersion}`)) {
      throw new HttpError(400, 'KEY_VERSION_UNKNOWN', { in: 'body', issues: [{ path: `/changes/${index}/keyVersion`, code: 'unknown_key_version' }] });
    }
  });

  const receipts = new Map<string, Receipt>();
  const changeIds = unique(changes.map((change) => change.changeId));
  const receiptRows = await sql<{ change_id: string; collection: string; record_id: string; version: number; seq: string | number }>`
    SELECT change_id, collection, record_id, version, seq FROM push_receipts
    WHERE organisation_id = ${orgId}::uuid AND change_id = ANY(${changeIds}::uuid[])
  `.execute(trx);
  for (const row of receiptRows.rows) {
    receipts.set(row.change_id, { collection: row.collection, recordId: row.record_id, version: row.version, seq: Number(row.seq) });
  }

  const state = new Map<string, RecordState>();
  for (const row of await currentRecords(trx, orgId, changes, false)) {
    state.set(recordKey(row.collection, row.id), {
      version: row.version,
      seq: Number(row.seq),
      keyVersion: row.key_version,
      deleted: row.deleted,
      authorId: row.author_id,
      updatedAt: row.updated_at,
    });
  }

  let seq = Number(org.seq);
  const writes = new Map<string, Change & { version: number; seq: number }>();
  const newReceipts: { changeId: string; collection: string; recordId: string; version: number; seq: number }[] = [];
  const outcomes: ({ kind: 'accepted'; change: Change; version: number; seq: number } | { kind: 'conflict'; change: Change; key: string })[] = [];

  changes.forEach((change, index) => {
    const receipt = receipts.get(change.changeId);
    if (receipt !== undefined) {
      if (receipt.collection !== change.collection || receipt.recordId !== change.id) throw invalid(`/changes/${index}/changeId`, 'change_id_reused');
      outcomes.push({ kind: 'accepted', change, version: receipt.version, seq: receipt.seq });
      return;
    }
    const key = recordKey(change.collection, change.id);
    const current = state.get(key);
    // Another's comment is neither sent to a restricted member nor changed by them (nor shown in a
    // conflict answer, hence before the version check).
    if (current !== undefined && current.authorId !== actor.userId && ownOnlyCollections(actor).includes(change.collection)) {
      throw new HttpError(403, 'FORBIDDEN', { path: `/changes/${index}` });
    }
    const currentVersion = current?.version ?? 0;
    if (change.baseVersion !== currentVersion) {
      if (current === undefined) throw invalid(`/changes/${index}/baseVersion`, 'unknown_base_version');
      outcomes.push({ kind: 'conflict', change, key });
      return;
    }
    seq += 1;
    const version = currentVersion + 1;
    state.set(key, {
      version,
      seq,
      keyVersion: change.keyVersion,
      deleted: change.deleted,
      authorId: actor.userId,
      updatedAt: org.now,
      ciphertext: change.ciphertext,
    });
    writes.set(key, { ...change, version, seq });
    const accepted = { changeId: change.changeId, collection: change.collection, recordId: change.id, version, seq };
    receipts.set(change.changeId, accepted);
    newReceipts.push(accepted);
    outcomes.push({ kind: 'accepted', change, version, seq });
  });

  const conflictCiphertexts = await loadCiphertexts(
    trx,
    orgId,
    outcomes.flatMap((outcome) => (outcome.kind === 'conflict' && state.get(outcome.key)?.ciphertext === undefined ? [outcome.change] : [])),
  );

  if (writes.size > 0) {
    const rows = [...writes.values()];
    await sql`
      INSERT INTO records (organisation_id, collection, id, version, seq, key_version, deleted, author_id, updated_at, ciphertext)
      SELECT ${orgId}::uuid, u.collection, u.id, u.version, u.seq, u.key_version, u.deleted, ${actor.userId}::uuid, now(), u.ciphertext
      FROM unnest(
        ${rows.map((row) => row.collection)}::text[], ${rows.map((row) => row.id)}::uuid[], ${rows.map((row) => row.version)}::integer[],
        ${rows.map((row) => row.seq)}::bigint[], ${rows.map((row) => row.keyVersion)}::integer[], ${rows.map((row) => row.deleted)}::boolean[],
        ${rows.map((row) => row.ciphertext)}::text[]
      ) AS u(collection, id, version, seq, key_version, deleted, ciphertext)
      ON CONFLICT (organisation_id, collection, id) DO UPDATE SET
        version = EXCLUDED.version, seq = EXCLUDED.seq, key_version = EXCLUDED.key_version, deleted = EXCLUDED.deleted,
        author_id = EXCLUDED.author_id, updated_at = EXCLUDED.updated_at, ciphertext = EXCLUDED.ciphertext
    `.execute(trx);
    await sql`
      INSERT INTO push_receipts (organisation_id, change_id, user_id, collection, record_id, version, seq)
      SELECT ${orgId}::uuid, u.change_id, ${actor.userId}::uuid, u.collection, u.record_id, u.version, u.seq
      FROM unnest(
        ${newReceipts.map((r) => r.changeId)}::uuid[], ${newReceipts.map((r) => r.collection)}::text[], ${newReceipts.map((r) => r.recordId)}::uuid[],
        ${newReceipts.map((r) => r.version)}::integer[], ${newReceipts.map((r) => r.seq)}::bigint[]
      ) AS u(change_id, collection, record_id, version, seq)
    `.execute(trx);
    await trx.updateTable('organisations').set({ seq }).where('id', '=', orgId).execute();
    // In the same transaction, and only for what this batch wrote (a retried batch adds no line).
    await journal(trx, { organisationId: orgId, actorId: actor.userId, event: 'push', collections: newReceipts.map((r) => r.collection), count: newReceipts.length });
  }

  return outcomes.map((outcome): PushResult => {
    const { change } = outcome;
    if (outcome.kind === 'accepted') {
      return { changeId: change.changeId, id: change.id, status: 'accepted', version: outcome.version, seq: outcome.seq };
    }
    const current = state.get(outcome.key)!;
    const record: RemoteRecord = {
      collection: change.collection,
      id: change.id,
      version: current.version,
      seq: current.seq,
      keyVersion: current.keyVersion,
      deleted: current.deleted,
      authorId: current.authorId,
      updatedAt: current.updatedAt.toISOString(),
      ciphertext: current.ciphertext ?? conflictCiphertexts.get(outcome.key)!,
    };
    return { changeId: change.changeId, id: change.id, status: 'conflict', current: record };
  });
}

async function loadCiphertexts(trx: Transaction<DB>, orgId: string, changes: readonly Change[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (changes.length === 0) return found;
  for (const row of await currentRecords(trx, orgId, changes, true)) found.set(recordKey(row.collection, row.id), row.ciphertext ?? '');
  return found;
}

interface CurrentRow {
  collection: string;
  id: string;
  version: number;
  seq: string | number;
  key_version: number;
  deleted: boolean;
  author_id: string;
  updated_at: Date;
  ciphertext?: string;
}

/**
 * The stored rows of the records these changes touch. Written with `= ANY` on the primary key's
 * columns so that, with or without table statistics, the plan is a primary-key index scan (a join
 * on unnest() turned into a hash join over the whole organisation on PGlite, which never analyzes).
 */
async function currentRecords(trx: Transaction<DB>, orgId: string, changes: readonly Change[], withCiphertext: boolean): Promise<CurrentRow[]> {
  const wanted = new Set(changes.map((change) => recordKey(change.collection, change.id)));
  const result = await sql<CurrentRow>`
    SELECT collection, id, version, seq, key_version, deleted, author_id, updated_at ${withCiphertext ? sql`, ciphertext` : sql``}
    FROM records
    WHERE organisation_id = ${orgId}::uuid
      AND collection = ANY(${unique(changes.map((change) => change.collection))}::text[])
      AND id = ANY(${unique(changes.map((change) => change.id))}::uuid[])
  `.execute(trx);
  return result.rows.filter((row) => wanted.has(recordKey(row.collection, row.id)));
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
