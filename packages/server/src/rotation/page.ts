// A page of the records of one key kind still under an older version, for the administrator's
// re-encryption driver: sequence order after a cursor, like a pull, with the counts that give
// the driver its progress.
import { PROTOCOL_VERSION, type KeyKind, type RemoteRecord, type RotationPage } from '@relais/core/protocol';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../auth/sessions.ts';
import { currentVersions, requireCurrentKey, requireKindRights } from './keys.ts';
import { collectionsOfKind, countRecords } from './status.ts';

interface Row {
  collection: RemoteRecord['collection'];
  id: string;
  version: number;
  seq: string | number;
  key_version: number;
  deleted: boolean;
  author_id: string;
  updated_at: Date;
  ciphertext: string;
}

export interface RotationPageRequest {
  readonly actor: Pick<Actor, 'organisationId' | 'userId' | 'role' | 'healthProfessional'>;
  readonly kind: KeyKind;
  readonly since: number;
  readonly limit: number;
}

export async function rotationPage(db: Kysely<DB>, { actor, kind, since, limit }: RotationPageRequest): Promise<RotationPage> {
  const { organisationId, userId } = actor;
  // General records are re-encrypted by an administrator, medical ones by a health professional.
  requireKindRights(actor, kind);
  return db.transaction().execute(async (trx) => {
    const current = (await currentVersions(trx, organisationId))[kind];
    // Ciphertexts of a kind go only to someone who holds its keys (the medical rule of pulls).
    await requireCurrentKey(trx, organisationId, userId, kind, current);
    const counts = await countRecords(trx, organisationId, kind, current);
    const collections = collectionsOfKind(kind);
    let rows: Row[] = [];
    if (collections.length > 0) {
      // Same plan rule as pulls (sync/pull.ts): an ordered scan of (organisation_id, seq).
      await sql`SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_sort', 'off', true)`.execute(trx);
      const result = await sql<Row>`
        SELECT collection, id, version, seq, key_version, deleted, author_id, updated_at, ciphertext FROM records
        WHERE organisation_id = ${organisationId}::uuid AND seq > ${since}::bigint
          AND collection = ANY(${collections}::text[]) AND key_version < ${current}::integer
        ORDER BY seq
        LIMIT ${limit}::integer
      `.execute(trx);
      rows = result.rows;
    }
    const records = rows.map(
      (row): RemoteRecord => ({
        collection: row.collection,
        id: row.id,
        version: row.version,
        seq: Number(row.seq),
        keyVersion: row.key_version,
        deleted: row.deleted,
        authorId: row.author_id,
        updatedAt: row.updated_at.toISOString(),
        ciphertext: row.ciphertext,
      }),
    );
    const next = records.length === 0 ? since : records[records.length - 1]!.seq;
    return { protocol: PROTOCOL_VERSION, currentVersion: current, records, next, more: records.length === limit, ...counts };
  });
}
