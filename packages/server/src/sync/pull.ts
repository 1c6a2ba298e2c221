// A pull page: the records changed after `since`, oldest first, that the caller may read. The
// page's JSON is assembled by PostgreSQL from the stored base64 ciphertexts: no row objects in
// JavaScript, no re-encoding (figures in docs/decisions/004-server-storage-and-sessions.md).
import { COLLECTION_NAMES } from '@relais/core/collections';
import { PROTOCOL_VERSION } from '@relais/core/protocol';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.ts';
import { readableCollections, type SyncSubject } from './rights.ts';

interface PageRow {
  items: string | null;
  n: number;
  last: string | null;
  collections: string[] | null;
}

export interface Page {
  /** The PullResponse body, as JSON text. */
  json: string;
  /** How many changes it holds, of which collections (for the access journal). */
  count: number;
  collections: string[];
}

/**
 * One RemoteRecord as JSON text, by concatenation: json_build_object escapes every character of
 * the 1 KiB ciphertext and costs 2.5x more. Nothing here needs escaping: uuids, integers,
 * booleans, a fixed-format date, base64, and collection names the push schema restricts to
 * core's fixed list.
 */
const RECORD_JSON = sql`'{"collection":"' || collection || '","id":"' || id || '","version":' || version
  || ',"seq":' || seq || ',"keyVersion":' || key_version || ',"deleted":' || deleted
  || ',"authorId":"' || author_id
  || '","updatedAt":"' || to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  || '","ciphertext":"' || ciphertext || '"}'`;

/** Collections the actor may not read: their records are left out of the actor's pulls. */
export function hiddenCollections(subject: SyncSubject): string[] {
  const readable = new Set<string>(readableCollections(subject));
  return COLLECTION_NAMES.filter((collection) => !readable.has(collection));
}

export interface PageRequest {
  readonly since: number;
  readonly limit: number;
  /** Collections to leave out (see hiddenCollections). */
  readonly hidden: readonly string[];
  /** When given, only these collections (the first sync fetches persons first). */
  readonly only?: readonly string[] | undefined;
  /** Collections of which only this author's records are sent (see ownOnlyCollections). */
  readonly ownOnly?: { readonly collections: readonly string[]; readonly authorId: string } | undefined;
}

export async function pullPage(db: Kysely<DB>, orgId: string, { since, limit, hidden, only, ownOnly }: PageRequest): Promise<Page> {
  // Excluding what may not be read (rather than listing what may) keeps the condition out of
  // the (organisation_id, seq) index scan in the common case where everything is readable.
  const hideKinds: RawBuilder<unknown> = hidden.length === 0 ? sql`` : sql`AND NOT (collection = ANY(${[...hidden]}::text[]))`;
  const hide: RawBuilder<unknown> =
    ownOnly === undefined || ownOnly.collections.length === 0
      ? hideKinds
      : sql`${hideKinds} AND NOT (collection = ANY(${[...ownOnly.collections]}::text[]) AND author_id <> ${ownOnly.authorId}::uuid)`;
  const visible: RawBuilder<unknown> = only === undefined ? hide : sql`${hide} AND collection = ANY(${[...only]}::text[])`;
  // The page must come from an ordered scan of the (organisation_id, seq) index that stops after
  // `limit` rows. Without fresh statistics (PGlite never autovacuums; PostgreSQL only every
  // minute) the planner prefers a bitmap scan plus a sort of every row after `since`, which makes
  // a full pull quadratic; the transaction-local settings below rule that plan out.
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true)`.execute(trx);
    // A filtered pull that reaches its end has seen every matching change up to the organisation's
    // sequence, not only up to its last match: answering that sequence as `next` lets a client that
    // pulled persons first resume the full pull from there instead of re-downloading everything
    // after the last person. Read before the page: pushes commit in sequence order (they lock the
    // organisation row), so every change numbered up to it is visible to the page's query.
    const head = only === undefined ? null : await sql<{ seq: string }>`SELECT seq::text AS seq FROM organisations WHERE id = ${orgId}::uuid`.execute(trx);
    // The inner query picks the page through the index; the JSON is built for those rows only.
    const page = await sql<PageRow>`
      SELECT string_agg(${RECORD_JSON}, ',' ORDER BY seq) AS items, count(*)::integer AS n, max(seq)::text AS last,
        array_agg(DISTINCT collection) AS collections
      FROM (
        SELECT * FROM records
        WHERE organisation_id = ${orgId}::uuid AND seq > ${since}::bigint ${visible}
        ORDER BY seq
        LIMIT ${limit}::integer
      ) AS page
    `.execute(trx);
    const row = page.rows[0];
    const count = row?.n ?? 0;
    const next = row?.last == null ? since : Number(row.last);
    let more = false;
    if (count === limit) {
      const after = await sql<{ seq: number }>`
        SELECT seq FROM records WHERE organisation_id = ${orgId}::uuid AND seq > ${next}::bigint ${visible} ORDER BY seq LIMIT 1
      `.execute(trx);
      more = after.rows.length > 0;
    }
    const end = more ? next : Math.max(next, Number(head?.rows[0]?.seq ?? 0));
    const json = `{"protocol":${PROTOCOL_VERSION},"changes":[${row?.items ?? ''}],"next":${end},"more":${more}}`;
    return { json, count, collections: row?.collections ?? [] };
  });
}
