// Slow hash of the 32-byte auth keys clients derive (from the password with Argon2id, or from
// the recovery code). The key is already high-entropy; scrypt is there so that a copy of the
// database cannot be replayed as a login. Format: scrypt$N$r$p$salt$hash (base64), so hashes made
// with another cost keep verifying.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** log2 of scrypt's N in production: 16 MiB and ~50 ms per hash on one core here. */
export const DEFAULT_HASH_COST = 14;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const HASH_BYTES = 32;
const MAX_MEMORY = 256 * 1024 * 1024;

function scryptAsync(secret: Uint8Array, salt: Uint8Array, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, keylen, options, (error, derived) => (error ? reject(error) : resolve(derived)));
  });
}

export interface SecretHasher {
  hash(secret: Uint8Array): Promise<string>;
  verify(secret: Uint8Array, stored: string): Promise<boolean>;
  /**
   * Spends the time of a real verification when there is no account to check, so the answer
   * time does not tell whether an e-mail address exists.
   */
  verifyNothing(secret: Uint8Array): Promise<false>;
}

export function secretHasher(cost = DEFAULT_HASH_COST): SecretHasher {
  if (!Number.isInteger(cost) || cost < 1 || cost > 20) throw new Error(`scrypt cost out of range: ${cost}`);
  const n = 2 ** cost;
  const hash = async (secret: Uint8Array): Promise<string> => {
    const salt = randomBytes(SALT_BYTES);
    const derived = await scryptAsync(secret, salt, HASH_BYTES, { N: n, r: R, p: P, maxmem: MAX_MEMORY });
    return ['scrypt', n, R, P, salt.toString('base64'), derived.toString('base64')].join('$');
  };
  let dummy: Promise<string> | undefined;
  return {
    hash,
    verify: verifySecret,
    verifyNothing: async (secret) => {
      dummy ??= hash(randomBytes(32));
      await verifySecret(secret, await dummy);
      return false;
    },
  };
}

export async function verifySecret(secret: Uint8Array, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (![n, r, p].every((value) => Number.isInteger(value) && value > 0) || expected.length === 0) return false;
  const actual = await scryptAsync(secret, salt, expected.length, { N: n, r, p, maxmem: MAX_MEMORY });
  return timingSafeEqual(actual, expected);
}
