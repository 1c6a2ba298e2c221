// One random secret per instance, kept in the database so every server process shares it. It
// keys the fake prelogin salts (unknown e-mails get a stable answer that looks real) and the
// hashes of e-mails in the login-attempt table.
import { createHmac, randomBytes } from 'node:crypto';
import { KDF_DEFAULT } from '@relais/core/crypto/password';
import type { KdfParams } from '@relais/core/protocol';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

const NAME = 'instance';

export async function loadInstanceSecret(db: Kysely<DB>): Promise<Buffer> {
  await db
    .insertInto('instance_secrets')
    .values({ name: NAME, value: randomBytes(32) })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('instance_secrets').select('value').where('name', '=', NAME).executeTakeFirstOrThrow();
  return row.value;
}

export function instanceHmac(secret: Buffer, purpose: string, value: string): Buffer {
  return createHmac('sha256', secret).update(`${purpose}\u0000${value}`).digest();
}

/** What prelogin answers for an e-mail without an account: the same every time, like a real one. */
export function fakeKdf(secret: Buffer, email: string): KdfParams {
  return {
    algorithm: 'argon2id13',
    salt: instanceHmac(secret, 'prelogin-salt', email).subarray(0, 16).toString('base64'),
    opsLimit: KDF_DEFAULT.opsLimit,
    memLimitBytes: KDF_DEFAULT.memLimitBytes,
  };
}
