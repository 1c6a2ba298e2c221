// Failed logins (and failed recovery-code checks) are counted in PostgreSQL, per e-mail and per
// client address, over a sliding window; any server process sees the same counts.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';

export interface RateLimits {
  /** Failures allowed per e-mail address within the window. */
  readonly perEmail: number;
  /** Failures allowed per client address within the window. */
  readonly perIp: number;
  readonly windowSeconds: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perEmail: 10, perIp: 100, windowSeconds: 15 * 60 };

export interface AttemptKey {
  readonly emailHash: Buffer;
  readonly ip: string;
}

/** Throws 429 RATE_LIMITED when either counter is exhausted, before any password is checked. */
export async function assertNotLimited(db: Kysely<DB>, limits: RateLimits, key: AttemptKey): Promise<void> {
  const since = sql<Date>`now() - make_interval(secs => ${limits.windowSeconds})`;
  const row = await db
    .selectFrom('login_attempts')
    .select([
      sql<number>`count(*) FILTER (WHERE email_hash = ${key.emailHash})::integer`.as('by_email'),
      sql<number>`count(*) FILTER (WHERE ip = ${key.ip})::integer`.as('by_ip'),
    ])
    .where((eb) => eb.or([eb('email_hash', '=', key.emailHash), eb('ip', '=', key.ip)]))
    .where('attempted_at', '>', since)
    .executeTakeFirstOrThrow();
  if (row.by_email >= limits.perEmail || row.by_ip >= limits.perIp) {
    throw new HttpError(429, 'RATE_LIMITED');
  }
}

export async function recordFailure(db: Kysely<DB>, limits: RateLimits, key: AttemptKey): Promise<void> {
  await db.insertInto('login_attempts').values({ email_hash: key.emailHash, ip: key.ip }).execute();
  // Old attempts of this address are swept as new ones arrive: the table stays small.
  await db
    .deleteFrom('login_attempts')
    .where('ip', '=', key.ip)
    .where('attempted_at', '<', sql<Date>`now() - make_interval(secs => ${limits.windowSeconds * 2})`)
    .execute();
}

/** A successful login forgets the failures of that e-mail address. */
export async function clearFailures(db: Kysely<DB>, key: AttemptKey): Promise<void> {
  await db.deleteFrom('login_attempts').where('email_hash', '=', key.emailHash).execute();
}
