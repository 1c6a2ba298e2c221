// Finding an account by e-mail and checking one of its auth keys, with the rate limit around it.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { instanceHmac } from '../auth/instance-secret.ts';
import { assertNotLimited, clearFailures, recordFailure, type AttemptKey } from '../auth/rate-limit.ts';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import type { ErrorCode } from '@relais/core/errors';

export interface AccountRow {
  organisation_id: string;
  id: string;
  status: 'pending' | 'active' | 'revoked';
  role: 'admin' | 'member' | 'restricted' | 'stats';
  health_professional: boolean;
  kdf: unknown;
  auth_hash: string;
  recovery_auth_hash: string | null;
  recovery_wrapped_keys: Buffer | null;
}

export async function findAccount(db: Kysely<DB>, email: string): Promise<AccountRow | undefined> {
  return db
    .selectFrom('user_emails as e')
    .innerJoin('users as u', (join) => join.onRef('u.organisation_id', '=', 'e.organisation_id').onRef('u.id', '=', 'e.user_id'))
    .select(['u.organisation_id', 'u.id', 'u.status', 'u.role', 'u.health_professional', 'u.kdf', 'u.auth_hash', 'u.recovery_auth_hash', 'u.recovery_wrapped_keys'])
    .where('e.email', '=', email)
    .executeTakeFirst();
}

export function attemptKey(ctx: AppContext, request: FastifyRequest, email: string): AttemptKey {
  return { emailHash: instanceHmac(ctx.instanceSecret, 'login-attempt', email), ip: request.ip };
}

/**
 * The account whose `which` hash matches `authKey`, or a `failure` error after counting the
 * failure. Unknown e-mails cost the same time as wrong keys.
 */
export async function checkAuthKey(
  ctx: AppContext,
  request: FastifyRequest,
  email: string,
  authKey: string,
  which: 'auth_hash' | 'recovery_auth_hash',
  failure: ErrorCode,
): Promise<AccountRow> {
  const key = attemptKey(ctx, request, email);
  await assertNotLimited(ctx.db, ctx.rateLimits, key);
  const account = await findAccount(ctx.db, email);
  const secret = Buffer.from(authKey, 'base64');
  const stored = account?.[which];
  const ok = account !== undefined && account.status !== 'revoked' && typeof stored === 'string' ? await ctx.hasher.verify(secret, stored) : await ctx.hasher.verifyNothing(secret);
  if (!ok || account === undefined) {
    await recordFailure(ctx.db, ctx.rateLimits, key);
    throw new HttpError(401, failure);
  }
  await clearFailures(ctx.db, key);
  return account;
}
