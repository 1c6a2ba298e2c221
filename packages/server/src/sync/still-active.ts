// A request authenticates before its transaction takes the organisation lock; a revocation that
// commits in between must still stop it. Writers re-read their own status under the lock, which
// revocation takes too, so a revoked member's write either committed before the revocation or
// is refused.
import type { Transaction } from 'kysely';
import type { Actor } from '../auth/sessions.ts';
import type { DB } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';

/** Call after locking the organisation row. */
export async function requireStillActive(trx: Transaction<DB>, actor: Actor): Promise<void> {
  const row = await trx.selectFrom('users').select('status').where('organisation_id', '=', actor.organisationId).where('id', '=', actor.userId).executeTakeFirst();
  if (row?.status !== 'active') throw new HttpError(401, 'UNAUTHENTICATED');
}
