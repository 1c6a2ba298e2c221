import { beforeAll, describe, expect, it } from 'vitest';
import { toBase64 } from '../base64.ts';
import type { CryptoPrimitives, Random } from '../ports.ts';
import { Credentials, SealedKey, type KdfParams } from '../protocol.ts';
import { utf8 } from '../text.ts';
import {
  generateOrgKey,
  generateUserKeyPair,
  Keyring,
  openSealedOrgKey,
  sealOrgKey,
  unwrapPrivateKey,
  wrapPrivateKey,
  type OrgKey,
} from './keys.ts';
import { derivePasswordKeys } from './password.ts';
import { codeOf, loadSodiumPrimitives, scriptedRandom, seededRandom, toHex } from './test-support.ts';

let p: CryptoPrimitives;
let random: Random;
beforeAll(async () => {
  p = await loadSodiumPrimitives();
  random = seededRandom(p, 'keys tests');
});

const ORG = '0190a3c4-0000-7000-8000-000000000001';
const OTHER_ORG = '0190a3c4-0000-7000-8000-000000000002';
const USER = '0190a3c4-0000-7000-8000-000000000101';

function fastKdf(): KdfParams {
  return { algorithm: 'argon2id13', salt: toBase64(new Uint8Array(16).fill(3)), opsLimit: 2, memLimitBytes: 16 * 1024 * 1024 };
}

describe('user key pair', () => {
  it('is derived from a 32-byte seed taken from the injected Random', () => {
    const seed = new Uint8Array(32).fill(7);
    const pair = generateUserKeyPair(p, scriptedRandom(seed));
    expect(pair.publicKey).toEqual(p.boxKeyPairFromSeed(new Uint8Array(32).fill(7)).publicKey);
    expect(pair.privateKey).toHaveLength(32);
    expect(toHex(generateUserKeyPair(p, random).publicKey)).not.toBe(toHex(generateUserKeyPair(p, random).publicKey));
  });

  it('round-trips the private key through the password encryption key and fits the wire schema', () => {
    const pair = generateUserKeyPair(p, random);
    const { authKey, encryptionKey } = derivePasswordKeys(p, 'une phrase de passe assez longue', fastKdf());
    const wrapped = wrapPrivateKey(p, random, encryptionKey, USER, pair.privateKey);
    expect(unwrapPrivateKey(p, encryptionKey, USER, wrapped)).toEqual(pair.privateKey);
    const credentials = {
      kdf: fastKdf(),
      authKey: toBase64(authKey),
      publicKey: toBase64(pair.publicKey),
      wrappedPrivateKey: toBase64(wrapped),
    };
    expect(Credentials.safeParse(credentials).success).toBe(true);
  });

  it('refuses a wrong password with DECRYPT_FAILED', () => {
    const pair = generateUserKeyPair(p, random);
    const right = derivePasswordKeys(p, 'une phrase de passe assez longue', fastKdf());
    const wrong = derivePasswordKeys(p, 'une phrase de passe assez longuE', fastKdf());
    const wrapped = wrapPrivateKey(p, random, right.encryptionKey, USER, pair.privateKey);
    expect(codeOf(() => unwrapPrivateKey(p, wrong.encryptionKey, USER, wrapped))).toBe('DECRYPT_FAILED');
  });

  it("refuses another user's wrapped key with DECRYPT_FAILED", () => {
    const pair = generateUserKeyPair(p, random);
    const key = random.fill(new Uint8Array(32));
    const wrapped = wrapPrivateKey(p, random, key, USER, pair.privateKey);
    expect(codeOf(() => unwrapPrivateKey(p, key, '0190a3c4-0000-7000-8000-000000000099', wrapped))).toBe('DECRYPT_FAILED');
  });
});

describe('organisation keys', () => {
  it('are 32 random bytes with a kind and a version', () => {
    const key = generateOrgKey(scriptedRandom(new Uint8Array(32).fill(5)), 'medical', 3);
    expect(key).toEqual({ kind: 'medical', version: 3, key: new Uint8Array(32).fill(5) });
    expect(() => generateOrgKey(random, 'general', 0)).toThrow(RangeError);
  });

  it('round-trip through a sealed box to a member and fit the wire schema', () => {
    const member = generateUserKeyPair(p, random);
    for (const kind of ['general', 'medical'] as const) {
      const orgKey = generateOrgKey(random, kind, 4);
      const sealed = sealOrgKey(p, ORG, orgKey, member.publicKey);
      expect(SealedKey.safeParse({ kind, version: 4, sealed: toBase64(sealed) }).success).toBe(true);
      expect(openSealedOrgKey(p, ORG, sealed, member)).toEqual(orgKey);
      expect(openSealedOrgKey(p, ORG, sealed, member, { kind, version: 4 })).toEqual(orgKey);
    }
  });

  it('refuse a box moved to another organisation with CONTEXT_MISMATCH', () => {
    const member = generateUserKeyPair(p, random);
    const sealed = sealOrgKey(p, ORG, generateOrgKey(random, 'general', 1), member.publicKey);
    expect(codeOf(() => openSealedOrgKey(p, OTHER_ORG, sealed, member))).toBe('CONTEXT_MISMATCH');
  });

  it('refuse a general key passed off as medical, or another version, with CONTEXT_MISMATCH', () => {
    const member = generateUserKeyPair(p, random);
    const sealed = sealOrgKey(p, ORG, generateOrgKey(random, 'general', 2), member.publicKey);
    expect(codeOf(() => openSealedOrgKey(p, ORG, sealed, member, { kind: 'medical' }))).toBe('CONTEXT_MISMATCH');
    expect(codeOf(() => openSealedOrgKey(p, ORG, sealed, member, { version: 3 }))).toBe('CONTEXT_MISMATCH');
  });

  it('refuse a box sealed to someone else with DECRYPT_FAILED', () => {
    const member = generateUserKeyPair(p, random);
    const stranger = generateUserKeyPair(p, random);
    const sealed = sealOrgKey(p, ORG, generateOrgKey(random, 'general', 1), member.publicKey);
    expect(codeOf(() => openSealedOrgKey(p, ORG, sealed, stranger))).toBe('DECRYPT_FAILED');
    const tampered = sealed.slice();
    tampered[tampered.length - 1]! ^= 1;
    expect(codeOf(() => openSealedOrgKey(p, ORG, tampered, member))).toBe('DECRYPT_FAILED');
  });

  it('refuse boxes with an unknown format or a garbled body', () => {
    const member = generateUserKeyPair(p, random);
    const valid = (format: number, kind: number, tail: number[]) =>
      p.boxSeal(new Uint8Array([format, kind, 0, 0, 0, 1, 0, 0, ...tail]), member.publicKey);
    const key = Array.from({ length: 32 }, () => 1);
    expect(codeOf(() => openSealedOrgKey(p, '', valid(1, 1, key), member))).toBe('NO_ERROR');
    expect(codeOf(() => openSealedOrgKey(p, '', valid(2, 1, key), member))).toBe('UNSUPPORTED_FORMAT');
    expect(codeOf(() => openSealedOrgKey(p, '', valid(1, 9, key), member))).toBe('MALFORMED');
    expect(codeOf(() => openSealedOrgKey(p, '', valid(1, 1, key.slice(1)), member))).toBe('MALFORMED');
    expect(codeOf(() => openSealedOrgKey(p, '', p.boxSeal(new Uint8Array(0), member.publicKey), member))).toBe('MALFORMED');
    expect(codeOf(() => openSealedOrgKey(p, '', p.boxSeal(utf8('{}'), member.publicKey), member))).not.toMatch(/NO_ERROR|OTHER/);
  });
});

describe('Keyring', () => {
  const key = (kind: OrgKey['kind'], version: number): OrgKey => ({ kind, version, key: new Uint8Array(32).fill(version) });

  it('serves the highest version as current and any version by number', () => {
    const ring = new Keyring(ORG, [key('general', 2), key('medical', 1), key('general', 1), key('general', 3)]);
    expect(ring.organisationId).toBe(ORG);
    expect(ring.current('general').version).toBe(3);
    expect(ring.current('medical').version).toBe(1);
    expect(ring.get('general', 2).key).toEqual(new Uint8Array(32).fill(2));
    expect(ring.all().map((k) => `${k.kind}${k.version}`)).toEqual(['general1', 'general2', 'general3', 'medical1']);
    expect(ring.has('medical')).toBe(true);
    expect(ring.has('medical', 2)).toBe(false);
  });

  it('answers KEY_UNKNOWN for a kind or version it lacks', () => {
    const ring = new Keyring(ORG, [key('general', 1)]);
    expect(codeOf(() => ring.current('medical'))).toBe('KEY_UNKNOWN');
    expect(codeOf(() => ring.get('general', 2))).toBe('KEY_UNKNOWN');
  });

  it('refuses duplicates and bad keys', () => {
    expect(codeOf(() => new Keyring(ORG, [key('general', 1), key('general', 1)]))).toBe('MALFORMED');
    expect(codeOf(() => new Keyring(ORG, [{ kind: 'general', version: 1, key: new Uint8Array(31) }]))).toBe('MALFORMED');
    expect(codeOf(() => new Keyring(ORG, [{ kind: 'general', version: 0, key: new Uint8Array(32) }]))).toBe('MALFORMED');
  });

  it('does not let callers change its content through all()', () => {
    const ring = new Keyring(ORG, [key('general', 1)]);
    ring.all().pop();
    expect(ring.all()).toHaveLength(1);
  });
});
