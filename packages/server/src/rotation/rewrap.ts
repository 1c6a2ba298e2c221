// Storing re-encrypted records. A rewrap is not an edit: it is accepted only while the record is
// still at the version the driver read (so a member's concurrent edit is never overwritten), and
// it keeps the record's author and edit time. It does take a new version and sequence, so every
// device pulls the re-encrypted record and a member's push based on the old version gets the
// ordinary conflict answer, whose merge finds no content change (docs/decisions/011-...).
import { keyKindOf } from '@relais/core/collections';
import type { KeyKind, Rewrap, RewrapResult } from '@relais/core/protocol';
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { DB } from '../db/schema.ts';
import { HttpError, invalid } from '../http/errors.ts';
import { journal } from '../journal/journal.ts';
import { envelopeProblem } from '../sync/envelope.ts';
import { requireStillActive } from '../sync/still-active.ts';
import { currentVersions, requireCurrentKey, requireKindRights } from './keys.ts';

const recordKey = (collection: string, id: string): string => `${collection}/${id}`;

/** Shape checks that need no database: envelopes, one item per record. */
function precheck(items: readonly Rewrap[]): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const problem = envelopeProblem(item.ciphertext, item.keyVersion);
    if (problem !== null) throw invalid(`/items/${index}/ciphertext`, problem);
    const key = recordKey(item.collection, item.id);
    if (seen.has(key)) throw invalid(`/items/${index}/id`, 'duplicate_record');
    seen.add(key);
  });
}

interface StoredRow {
  collection: string;
  id: string;
  version: number;
  key_version: number;
}

export async function applyRewrap(db: Kysely<DB>, actor: Actor, items: readonly Rewrap[]): Promise<RewrapResult[]> {
  precheck(items);
  const orgId = actor.organisationId;
  return db.transaction().execute(async (trx) => {
    // The lock pushes take: sequence numbers stay in commit order, and a member's push and a
    // rewrap of the same record are applied one after the other, never interleaved.
    const org = await trx.selectFrom('organisations').select('seq').where('id', '=', orgId).forUpdate().executeTakeFirstOrThrow();
    await requireStillActive(trx, actor);
    // Without table statistics (PGlite never analyzes) the planner reads the batch's records through
    // a bitmap scan of the whole organisation's sequence index; ruled out here, transaction-local,
    // the lookups and the update below use the primary key (measured: 500 of 30k rows).
    await sql`SELECT set_config('enable_bitmapscan', 'off', true)`.execute(trx);
    const current = await currentVersions(trx, orgId);
    const kinds = new Set<KeyKind>();
    items.forEach((item, index) => {
      const kind = keyKindOf(item.collection);
      kinds.add(kind);
      // Only the current version: anything else is a driver working from an outdated status.
      if (item.keyVersion !== current[kind]) throw new HttpError(409, 'ROTATION_OUTDATED', { path: `/items/${index}/keyVersion`, kind, currentVersion: current[kind] });
    });
    for (const kind of kinds) {
      requireKindRights(actor, kind);
      await requireCurrentKey(trx, orgId, actor.userId, kind, current[kind]);
    }

    const stored = await sql<StoredRow>`
      SELECT collection, id, version, key_version FROM records
      WHERE organisation_id = ${orgId}::uuid
        AND collection = ANY(${[...new Set(items.map((item) => item.collection))]}::text[])
        AND id = ANY(${[...new Set(items.map((item) => item.id))]}::uuid[])
    `.execute(trx);
    const rows = new Map(stored.rows.map((row) => [recordKey(row.collection, row.id), row]));

    let seq = Number(org.seq);
    const writes: { collection: string; id: string; version: number; seq: number; keyVersion: number; ciphertext: string }[] = [];
    const results = items.map((item, index): RewrapResult => {
      const row = rows.get(recordKey(item.collection, item.id));
      if (row === undefined) throw invalid(`/items/${index}/id`, 'unknown_record');
      const { collection, id } = item;
      // Already there: a retried batch, or a member wrote it under the current key meanwhile.
      if (row.key_version >= item.keyVersion) return { collection, id, status: 'unchanged' };
      if (row.version !== item.version) return { collection, id, status: 'stale', version: row.version };
      seq += 1;
      writes.push({ collection, id, version: row.version + 1, seq, keyVersion: item.keyVersion, ciphertext: item.ciphertext });
      return { collection, id, status: 'rewrapped', version: row.version + 1, seq };
    });

    if (writes.length > 0) {
      await sql`
        UPDATE records AS r SET version = u.version, seq = u.seq, key_version = u.key_version, ciphertext = u.ciphertext
        FROM unnest(
          ${writes.map((w) => w.collection)}::text[], ${writes.map((w) => w.id)}::uuid[], ${writes.map((w) => w.version)}::integer[],
          ${writes.map((w) => w.seq)}::bigint[], ${writes.map((w) => w.keyVersion)}::integer[], ${writes.map((w) => w.ciphertext)}::text[]
        ) AS u(collection, id, version, seq, key_version, ciphertext)
        WHERE r.organisation_id = ${orgId}::uuid
          -- The = ANY conditions let the planner find the rows by primary key, as in sync/push.ts.
          AND r.collection = ANY(${[...new Set(writes.map((w) => w.collection))]}::text[]) AND r.id = ANY(${writes.map((w) => w.id)}::uuid[])
          AND r.collection = u.collection AND r.id = u.id
      `.execute(trx);
      await trx.updateTable('organisations').set({ seq }).where('id', '=', orgId).execute();
      await journal(trx, { organisationId: orgId, actorId: actor.userId, event: 'rotation', collections: writes.map((w) => w.collection), count: writes.length });
    }
    return results;
  });
}
