// Organisation key versions as the rotation sees them: the current version of each kind, the
// keys a member holds, and who must receive a new version.
import { KEY_KINDS } from '@relais/core/collections';
import type { KeyKind, RotationRecipient, SealedKey } from '@relais/core/protocol';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { DB } from '../db/schema.ts';
import { HttpError, invalid } from '../http/errors.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * The highest version of each kind; 0 for a kind without any version yet (the medical key of an
 * organisation whose creator is not a health professional, until the first one creates it:
 * decision 017).
 */
export async function currentVersions(db: Executor, organisationId: string): Promise<Record<KeyKind, number>> {
  const rows = await db
    .selectFrom('org_keys')
    .select(['kind', sql<number>`max(version)::integer`.as('version')])
    .where('organisation_id', '=', organisationId)
    .groupBy('kind')
    .execute();
  const versions = { general: 0, medical: 0 } satisfies Record<KeyKind, number>;
  for (const row of rows) versions[row.kind] = row.version;
  return versions;
}

/** Does this user hold the sealed key of `kind` at `version`? */
export async function holdsKey(db: Executor, organisationId: string, userId: string, kind: KeyKind, version: number): Promise<boolean> {
  const row = await db
    .selectFrom('sealed_keys')
    .select('version')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('version', '=', version)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Refuses (403) an actor who does not hold the current version of `kind`: re-encrypting records
 * of a kind, or rotating it, is for someone who already holds its keys.
 */
export async function requireCurrentKey(db: Executor, organisationId: string, userId: string, kind: KeyKind, version: number): Promise<void> {
  if (!(await holdsKey(db, organisationId, userId, kind, version))) throw new HttpError(403, 'FORBIDDEN', { reason: 'key_not_held', kind });
}

/**
 * Who may rotate or re-encrypt a kind: the general key is the administrators' work, the medical
 * key the health professionals' (decision 017: nobody else ever holds it). Holding the current
 * version is checked apart (`requireCurrentKey`).
 */
export function requireKindRights(actor: Pick<Actor, 'role' | 'healthProfessional'>, kind: KeyKind): void {
  if (kind === 'medical' ? !actor.healthProfessional : actor.role !== 'admin') throw new HttpError(403, 'FORBIDDEN', { reason: 'kind_not_allowed', kind });
}

/**
 * Who must receive a new version of each kind: every active member gets `general`, every active
 * health professional gets `medical` (nobody else holds it: decision 017). Revoked and pending
 * accounts get nothing.
 */
export async function rotationRecipients(db: Executor, organisationId: string): Promise<RotationRecipient[]> {
  const rows = await db
    .selectFrom('users as u')
    .select(['u.id', 'u.public_key', 'u.health_professional'])
    .where('u.organisation_id', '=', organisationId)
    .where('u.status', '=', 'active')
    .orderBy('u.id')
    .execute();
  return rows.flatMap((row) => {
    // An active member always has a public key (confirmation requires one).
    if (row.public_key === null) return [];
    const kinds: KeyKind[] = row.health_professional ? ['general', 'medical'] : ['general'];
    return [{ userId: row.id, publicKey: row.public_key.toString('base64'), kinds }];
  });
}

/**
 * At confirmation: for each kind sealed to the new member, the current version must be among the
 * keys (older ones are welcome: records not yet re-encrypted still use them).
 */
export async function checkCurrentVersionsSealed(trx: Transaction<DB>, organisationId: string, keys: readonly SealedKey[]): Promise<void> {
  const current = await currentVersions(trx, organisationId);
  for (const kind of KEY_KINDS) {
    const sealed = keys.filter((key) => key.kind === kind);
    if (sealed.length > 0 && !sealed.some((key) => key.version === current[kind])) throw invalid('/keys', 'current_key_missing');
  }
}
