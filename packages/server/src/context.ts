import type { Kysely } from 'kysely';
import type { SecretHasher } from './auth/password-hash.ts';
import type { RateLimits } from './auth/rate-limit.ts';
import type { DB } from './db/schema.ts';

/** What every route needs; nothing in it is state another server process would need. */
export interface AppContext {
  readonly db: Kysely<DB>;
  /** Read from the database at start; identical in every process. */
  readonly instanceSecret: Buffer;
  readonly rateLimits: RateLimits;
  readonly hasher: SecretHasher;
}
