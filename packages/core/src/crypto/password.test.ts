import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../base64.ts';
import type { CryptoPrimitives, Random } from '../ports.ts';
import { KdfParams } from '../protocol.ts';
import { derivePasswordKeys, KDF_DEFAULT, KDF_LOW_MEMORY, newKdfParams, newPasswordKeys } from './password.ts';
import { codeOf, fromHex, loadSodiumPrimitives, seededRandom, toHex } from './test-support.ts';

let p: CryptoPrimitives;
let random: Random;
beforeAll(async () => {
  p = await loadSodiumPrimitives();
  random = seededRandom(p, 'password tests');
});

/** The smallest parameters the protocol accepts: keeps these tests fast. */
function fastKdf(saltHex = '000102030405060708090a0b0c0d0e0f'): KdfParams {
  return { algorithm: 'argon2id13', salt: toBase64(fromHex(saltHex)), opsLimit: 2, memLimitBytes: 16 * 1024 * 1024 };
}

/** Records every Argon2id call on top of the real primitives. */
function spying(base: CryptoPrimitives, fail?: (memLimitBytes: number) => boolean) {
  const calls: { opsLimit: number; memLimitBytes: number; outLength: number; salt: string }[] = [];
  const primitives: CryptoPrimitives = {
    ...base,
    argon2id(password, salt, opsLimit, memLimitBytes, outLength) {
      calls.push({ opsLimit, memLimitBytes, outLength, salt: toHex(salt) });
      if (fail?.(memLimitBytes)) throw new Error('Cannot allocate memory');
      return base.argon2id(password, salt, opsLimit, memLimitBytes, outLength);
    },
  };
  return { primitives, calls };
}

describe('KDF parameters', () => {
  it('default profile is Argon2id 64 MiB / 3 passes with a fresh 16-byte salt', () => {
    const a = newKdfParams(random);
    const b = newKdfParams(random);
    expect(KdfParams.parse(a)).toEqual(a);
    expect(a).toMatchObject({ algorithm: 'argon2id13', opsLimit: 3, memLimitBytes: 64 * 1024 * 1024 });
    expect(fromBase64(a.salt)).toHaveLength(16);
    expect(a.salt).not.toBe(b.salt);
  });

  it('low-memory profile is 19 MiB / 4 passes and still valid on the wire', () => {
    const low = newKdfParams(random, 'low-memory');
    expect(low).toMatchObject({ opsLimit: KDF_LOW_MEMORY.opsLimit, memLimitBytes: 19 * 1024 * 1024 });
    expect(KdfParams.safeParse(low).success).toBe(true);
    expect(KDF_LOW_MEMORY.memLimitBytes).toBeLessThan(KDF_DEFAULT.memLimitBytes);
  });
});

describe('derivePasswordKeys', () => {
  it('runs the real default parameters (64 MiB, 3 passes) and splits into two distinct 32-byte keys', () => {
    const { primitives, calls } = spying(p);
    const kdf = newKdfParams(random);
    const keys = derivePasswordKeys(primitives, 'une phrase de passe assez longue', kdf);
    expect(calls).toEqual([{ opsLimit: 3, memLimitBytes: 64 * 1024 * 1024, outLength: 32, salt: toHex(fromBase64(kdf.salt)) }]);
    expect(keys.authKey).toHaveLength(32);
    expect(keys.encryptionKey).toHaveLength(32);
    expect(toHex(keys.authKey)).not.toBe(toHex(keys.encryptionKey));
  });

  it('gives pinned keys for a fixed password and salt (regression pin of the derivation)', () => {
    const keys = derivePasswordKeys(p, 'correct horse battery staple', fastKdf());
    expect(toHex(keys.authKey)).toBe('82c84019a1b8ace4051b45de8e0d3007c00f7f27b3679b117d2fc2c8f64758d2');
    expect(toHex(keys.encryptionKey)).toBe('f4d876e7466ea8ff9f946d4fc5203c8c8472079ad773de75f8643378aa74a26f');
  });

  it('depends on the password and on the salt', () => {
    const base = derivePasswordKeys(p, 'correct horse battery staple', fastKdf());
    const otherPassword = derivePasswordKeys(p, 'correct horse battery stapler', fastKdf());
    const otherSalt = derivePasswordKeys(p, 'correct horse battery staple', fastKdf('ff0102030405060708090a0b0c0d0e0f'));
    for (const other of [otherPassword, otherSalt]) {
      expect(toHex(other.authKey)).not.toBe(toHex(base.authKey));
      expect(toHex(other.encryptionKey)).not.toBe(toHex(base.encryptionKey));
    }
  });

  it('gives the same keys for composed and decomposed accents (NFC)', () => {
    const composed = derivePasswordKeys(p, 'Été à la café', fastKdf());
    const decomposed = derivePasswordKeys(p, 'E\u0301te\u0301 a\u0300 la cafe\u0301', fastKdf());
    expect(toHex(decomposed.encryptionKey)).toBe(toHex(composed.encryptionKey));
  });

  it('refuses parameters a hostile server could send to weaken the hash', () => {
    const weak = { ...fastKdf(), memLimitBytes: 1024 * 1024 };
    expect(codeOf(() => derivePasswordKeys(p, 'x', weak))).toBe('MALFORMED');
    expect(codeOf(() => derivePasswordKeys(p, 'x', { ...fastKdf(), opsLimit: 1 }))).toBe('MALFORMED');
    expect(codeOf(() => derivePasswordKeys(p, 'x', { ...fastKdf(), salt: toBase64(new Uint8Array(8)) }))).toBe('MALFORMED');
    const otherAlgorithm = { ...fastKdf(), algorithm: 'argon2i13' } as unknown as KdfParams;
    expect(codeOf(() => derivePasswordKeys(p, 'x', otherAlgorithm))).toBe('UNSUPPORTED_FORMAT');
  });
});

describe('newPasswordKeys (account creation)', () => {
  it('uses the default profile when the device can allocate it', () => {
    // Runs Argon2 at 16 MiB underneath only to keep the test fast; the real default run is tested above.
    const capped: CryptoPrimitives = { ...p, argon2id: (pw, salt, ops, _mem, len) => p.argon2id(pw, salt, ops, 16 * 1024 * 1024, len) };
    const { primitives, calls } = spying(capped);
    const result = newPasswordKeys(primitives, random, 'une phrase de passe assez longue');
    expect(result.profile).toBe('default');
    expect(result.kdf).toMatchObject({ opsLimit: 3, memLimitBytes: KDF_DEFAULT.memLimitBytes });
    expect(calls.map((c) => c.memLimitBytes)).toEqual([KDF_DEFAULT.memLimitBytes]);
  });

  it('falls back to the low-memory profile only when the default allocation fails, with a new salt', () => {
    const { primitives, calls } = spying(p, (mem) => mem > KDF_LOW_MEMORY.memLimitBytes);
    const result = newPasswordKeys(primitives, random, 'une phrase de passe assez longue');
    expect(result.profile).toBe('low-memory');
    expect(result.kdf).toMatchObject({ opsLimit: 4, memLimitBytes: 19 * 1024 * 1024 });
    expect(calls.map((c) => c.memLimitBytes)).toEqual([KDF_DEFAULT.memLimitBytes, KDF_LOW_MEMORY.memLimitBytes]);
    expect(calls[0]!.salt).not.toBe(calls[1]!.salt);
    // Any device that later logs in reuses the stored low-memory parameters and finds the same keys.
    expect(derivePasswordKeys(p, 'une phrase de passe assez longue', result.kdf)).toEqual({
      authKey: result.authKey,
      encryptionKey: result.encryptionKey,
    });
  });
});
