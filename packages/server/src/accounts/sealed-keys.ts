// Checks the organisation keys a client seals to a user before they are stored.
import type { SealedKey } from '@relais/core/protocol';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { HttpError, invalid } from '../http/errors.ts';

/**
 * Whether the medical key may be handed to this user: health professionals, and nobody else,
 * administrators included (decision 017). Confirm, PATCH, recovery, grants and rotations keep
 * anyone else from holding a sealed medical key; the views that serve keys check again, so a row
 * left behind by a bug is never served.
 */
export function mayHoldMedicalKey(user: { readonly healthProfessional: boolean }): boolean {
  return user.healthProfessional;
}

export interface SealedKeyRules {
  /** May this user hold the medical key? */
  readonly medicalAllowed: boolean;
}

/** Every (kind, version) once, each an existing organisation key version, at least one general. */
export async function checkSealedKeys(trx: Transaction<DB>, organisationId: string, keys: readonly SealedKey[], rules: SealedKeyRules): Promise<void> {
  const known = await trx.selectFrom('org_keys').select(['kind', 'version']).where('organisation_id', '=', organisationId).execute();
  const knownSet = new Set(known.map((key) => `${key.kind}:${key.version}`));
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    const id = `${key.kind}:${key.version}`;
    if (seen.has(id)) throw invalid(`/keys/${index}`, 'duplicate_key');
    seen.add(id);
    if (key.kind === 'medical' && !rules.medicalAllowed) throw invalid(`/keys/${index}`, 'medical_key_not_allowed');
    if (!knownSet.has(id)) throw new HttpError(400, 'KEY_VERSION_UNKNOWN', { in: 'body', issues: [{ path: `/keys/${index}`, code: 'unknown_key_version' }] });
  });
  if (!keys.some((key) => key.kind === 'general')) throw invalid('/keys', 'general_key_missing');
}

export async function storeSealedKeys(trx: Transaction<DB>, organisationId: string, userId: string, keys: readonly SealedKey[]): Promise<void> {
  if (keys.length === 0) return;
  await trx
    .insertInto('sealed_keys')
    .values(
      keys.map((key) => ({
        organisation_id: organisationId,
        user_id: userId,
        kind: key.kind,
        version: key.version,
        sealed: Buffer.from(key.sealed, 'base64'),
      })),
    )
    .execute();
}
