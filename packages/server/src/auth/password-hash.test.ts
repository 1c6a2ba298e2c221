import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HASH_COST, secretHasher, verifySecret } from './password-hash.ts';

describe('secret hashing', () => {
  it('hashes with the production cost by default and verifies only the same secret', async () => {
    const hasher = secretHasher();
    const secret = randomBytes(32);
    const stored = await hasher.hash(secret);
    expect(stored.split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** DEFAULT_HASH_COST), '8', '1']);
    expect(stored).not.toContain(secret.toString('base64'));
    expect(await hasher.verify(secret, stored)).toBe(true);
    const other = Buffer.from(secret);
    other[0]! ^= 1;
    expect(await hasher.verify(other, stored)).toBe(false);
    // Two hashes of one secret differ (per-hash salt).
    expect(await hasher.hash(secret)).not.toBe(stored);
  });

  it('verifies hashes made with another cost, and rejects garbage', async () => {
    const secret = randomBytes(32);
    const cheap = await secretHasher(4).hash(secret);
    expect(await verifySecret(secret, cheap)).toBe(true);
    expect(await verifySecret(secret, 'nope')).toBe(false);
    expect(await verifySecret(secret, 'scrypt$x$8$1$AAAA$AAAA')).toBe(false);
    expect(await verifySecret(secret, 'scrypt$16$8$1$AAAA$')).toBe(false);
  });

  it('spends a verification when there is nothing to verify', async () => {
    expect(await secretHasher(4).verifyNothing(randomBytes(32))).toBe(false);
  });
});
