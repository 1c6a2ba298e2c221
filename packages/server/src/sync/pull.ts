// A pull page: the records changed after `since`, oldest first, that the caller may read. The
// page's JSON is assembled by PostgreSQL from the stored base64 ciphertexts: no row objects in
// JavaScript, no re-encoding (see docs/decisions/004-server-storage-and-sessions.md for figures).
import { PROTOCOL_VERSION } from '@relais/core/protocol';
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { DB } from '../db/schema.ts';
import { readableCollections } from './rights.ts';

interface PageRow {
  items: string;
  n: number;
  last: number | null;
}

/** The PullResponse body, as JSON text. */
export async function pullPage(db: Kysely<DB>, actor: Actor, since: number, limit: number): Promise<string> {
  const collections = readableCollections(actor);
  const orgId = actor.organisationId;
  const page = await sql<PageRow>`
    SELECT coalesce(string_agg(item, ',' ORDER BY seq), '') AS items, count(*) AS n, max(seq) AS last
    FROM (
      SELECT seq, json_build_object(
        'collection', collection, 'id', id, 'version', version, 'seq', seq, 'keyVersion', key_version,
        'deleted', deleted, 'authorId', author_id,
        'updatedAt', to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'ciphertext', ciphertext
      )::text AS item
      FROM records
      WHERE organisation_id = ${orgId}::uuid AND seq > ${since}::bigint AND collection = ANY(${collections}::text[])
      ORDER BY seq
      LIMIT ${limit}::integer
    ) AS page
  `.execute(db);
  const row = page.rows[0];
  const count = row?.n ?? 0;
  const next = row?.last ?? since;
  let more = false;
  if (count === limit) {
    const after = await db
      .selectFrom('records')
      .select('seq')
      .where('organisation_id', '=', orgId)
      .where('seq', '>', next)
      .where('collection', 'in', collections)
      .limit(1)
      .executeTakeFirst();
    more = after !== undefined;
  }
  return `{"protocol":${PROTOCOL_VERSION},"changes":[${row?.items ?? ''}],"next":${next},"more":${more}}`;
}
