// Where the organisation's key rotation stands: per key kind, the current version, whether a
// revoked member still holds it (a rotation is due), and how many records still use an older one.
import { COLLECTION_NAMES, KEY_KINDS, keyKindOf, type Collection } from '@relais/core/collections';
import type { KeyKind, RotationKindStatus, RotationStatus } from '@relais/core/protocol';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { currentVersions, rotationRecipients } from './keys.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export const collectionsOfKind = (kind: KeyKind): Collection[] => COLLECTION_NAMES.filter((collection) => keyKindOf(collection) === kind);

/** Records of `kind` in all, and under a version older than `current`. */
export async function countRecords(db: Executor, organisationId: string, kind: KeyKind, current: number): Promise<{ total: number; remaining: number }> {
  const collections = collectionsOfKind(kind);
  if (collections.length === 0) return { total: 0, remaining: 0 };
  const result = await sql<{ total: number; remaining: number }>`
    SELECT count(*)::integer AS total, (count(*) FILTER (WHERE key_version < ${current}::integer))::integer AS remaining
    FROM records WHERE organisation_id = ${organisationId}::uuid AND collection = ANY(${collections}::text[])
  `.execute(db);
  const row = result.rows[0];
  return { total: row?.total ?? 0, remaining: row?.remaining ?? 0 };
}

export async function rotationStatus(db: Executor, organisationId: string): Promise<RotationStatus> {
  const current = await currentVersions(db, organisationId);
  const revokedHolders = await db
    .selectFrom('sealed_keys as s')
    .innerJoin('users as u', (join) => join.onRef('u.organisation_id', '=', 's.organisation_id').onRef('u.id', '=', 's.user_id'))
    .select(['s.kind', 's.version'])
    .distinct()
    .where('s.organisation_id', '=', organisationId)
    .where('u.status', '=', 'revoked')
    .execute();
  const kinds: RotationKindStatus[] = [];
  for (const kind of KEY_KINDS) {
    const counts = await countRecords(db, organisationId, kind, current[kind]);
    const rotationNeeded = revokedHolders.some((held) => held.kind === kind && held.version === current[kind]);
    kinds.push({ kind, currentVersion: current[kind], rotationNeeded, ...counts });
  }
  return { kinds, recipients: await rotationRecipients(db, organisationId) };
}
