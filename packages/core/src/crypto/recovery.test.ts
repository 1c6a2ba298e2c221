import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBase64 } from '../base64.ts';
import type { CryptoPrimitives, Random } from '../ports.ts';
import { CreateOrganisationRequest } from '../protocol.ts';
import { utf8 } from '../text.ts';
import { generateOrgKey, Keyring } from './keys.ts';
import {
  deriveRecoveryKeys,
  newRecoveryCode,
  normaliseRecoveryCode,
  RECOVERY_CODE_BITS,
  unwrapKeyring,
  wrapKeyring,
} from './recovery.ts';
import { codeOf, loadSodiumPrimitives, scriptedRandom, seededRandom, toHex } from './test-support.ts';

let p: CryptoPrimitives;
let random: Random;
beforeAll(async () => {
  p = await loadSodiumPrimitives();
  random = seededRandom(p, 'recovery tests');
});

const ORG = '0190a3c4-0000-7000-8000-000000000001';
const CODE_FORMAT = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}$/;

describe('recovery code', () => {
  it('has at least 120 bits in five typable groups of five Crockford base32 characters', () => {
    expect(RECOVERY_CODE_BITS).toBeGreaterThanOrEqual(120);
    const codes = Array.from({ length: 200 }, () => newRecoveryCode(random));
    for (const code of codes) expect(code).toMatch(CODE_FORMAT);
    expect(new Set(codes).size).toBe(codes.length);
    // Every symbol of the alphabet shows up: the 5-bit mask wastes no randomness.
    expect(new Set(codes.join('').replace(/-/g, '')).size).toBe(32);
  });

  it('maps each random byte to one character (5 low bits)', () => {
    const bytes = new Uint8Array(25).map((_, i) => i + 32 * (i % 8));
    expect(newRecoveryCode(scriptedRandom(bytes))).toBe('01234-56789-ABCDE-FGHJK-MNPQR');
  });

  it('is normalised whatever the case, spaces, dashes and O/I/L confusions', () => {
    const code = '7KQ2M-ZD0X4-HH1AB-PQRST-VWXYZ';
    for (const typed of ['7kq2m zd0x4 hh1ab pqrst vwxyz', '7KQ2MZDOX4HHIABPQRSTVWXYZ', ' 7kq2m-zdox4-hhlab-pqrst-vwxyz ', '7KQ2M–ZD0X4–HH1AB–PQRST–VWXYZ']) {
      expect(normaliseRecoveryCode(typed)).toBe(code);
    }
  });

  it('refuses a wrong length or a foreign character with MALFORMED', () => {
    expect(codeOf(() => normaliseRecoveryCode('7KQ2M-ZD0X4-HH1AB-PQRST-VWXY'))).toBe('MALFORMED');
    expect(codeOf(() => normaliseRecoveryCode('7KQ2M-ZD0X4-HH1AB-PQRST-VWXYZ0'))).toBe('MALFORMED');
    expect(codeOf(() => normaliseRecoveryCode('UKQ2M-ZD0X4-HH1AB-PQRST-VWXYZ'))).toBe('MALFORMED');
    expect(codeOf(() => normaliseRecoveryCode('7KQ2M-ZD0X4-HH1AB-PQRST-VWXY!'))).toBe('MALFORMED');
    expect(codeOf(() => normaliseRecoveryCode(''))).toBe('MALFORMED');
  });

  it('normalising is idempotent and accepts every code it makes, however it is typed', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 25, maxLength: 25 }), fc.boolean(), (bytes, lower) => {
        const code = newRecoveryCode(scriptedRandom(bytes));
        const typed = lower ? code.toLowerCase().replace(/-/g, ' ') : code.replace(/-/g, '');
        expect(normaliseRecoveryCode(typed)).toBe(code);
        expect(normaliseRecoveryCode(code)).toBe(code);
      }),
    );
  });
});

describe('recovery keys and keyring', () => {
  it('derives two distinct 32-byte keys, the same for any typing of the code', () => {
    const code = newRecoveryCode(random);
    const keys = deriveRecoveryKeys(p, code);
    expect(keys.authKey).toHaveLength(32);
    expect(keys.encryptionKey).toHaveLength(32);
    expect(toHex(keys.authKey)).not.toBe(toHex(keys.encryptionKey));
    expect(deriveRecoveryKeys(p, code.toLowerCase().replace(/-/g, ' '))).toEqual(keys);
    const other = deriveRecoveryKeys(p, newRecoveryCode(random));
    expect(toHex(other.encryptionKey)).not.toBe(toHex(keys.encryptionKey));
  });

  it('gives pinned keys for a fixed code (the server stores a hash of this auth key: it must never drift)', () => {
    const keys = deriveRecoveryKeys(p, '7KQ2M-ZD0X4-HH1AB-PQRST-VWXYZ');
    // BLAKE2b-256, key = the 25 ungrouped characters, message = 'relais/recovery/{auth,encryption}/v1'.
    const secret = utf8('7KQ2MZD0X4HH1ABPQRSTVWXYZ');
    expect(toHex(keys.authKey)).toBe('9bd4bcdfd12e1ca4e7b25e06fbe01175b3daf4c77ff1c2c164fe557d23333459');
    expect(toHex(keys.authKey)).toBe(toHex(p.genericHash(32, utf8('relais/recovery/auth/v1'), secret)));
    expect(toHex(keys.encryptionKey)).toBe('c053cb4b66da3c3cfb0dcf701b760ced9e293cd1d0eafcd7a02a75a618e655e0');
    expect(toHex(keys.encryptionKey)).toBe(toHex(p.genericHash(32, utf8('relais/recovery/encryption/v1'), secret)));
  });

  it('recovers the organisation keys: code → keys → unwrap keyring', () => {
    const keyring = new Keyring(ORG, [generateOrgKey(random, 'general', 1), generateOrgKey(random, 'medical', 1), generateOrgKey(random, 'general', 2)]);
    const code = newRecoveryCode(random);
    const wrapped = wrapKeyring(p, random, deriveRecoveryKeys(p, code).encryptionKey, keyring);

    // Later, on a new device, the admin types the code back.
    const typed = code.toLowerCase().replace(/-/g, '');
    const recovered = unwrapKeyring(p, deriveRecoveryKeys(p, typed).encryptionKey, ORG, wrapped);
    expect(recovered.organisationId).toBe(ORG);
    expect(recovered.all()).toEqual(keyring.all());
    expect(recovered.current('general').version).toBe(2);
  });

  it('fits the organisation-creation request schema', () => {
    const keyring = new Keyring(ORG, [generateOrgKey(random, 'general', 1), generateOrgKey(random, 'medical', 1)]);
    const { authKey, encryptionKey } = deriveRecoveryKeys(p, newRecoveryCode(random));
    const recovery = { authKey: toBase64(authKey), wrappedKeys: toBase64(wrapKeyring(p, random, encryptionKey, keyring)) };
    expect(CreateOrganisationRequest.shape.recovery.safeParse(recovery).success).toBe(true);
  });

  it('refuses a wrong code, another organisation and tampering', () => {
    const keyring = new Keyring(ORG, [generateOrgKey(random, 'general', 1)]);
    const code = newRecoveryCode(random);
    const wrapped = wrapKeyring(p, random, deriveRecoveryKeys(p, code).encryptionKey, keyring);
    const wrongCode = deriveRecoveryKeys(p, newRecoveryCode(random)).encryptionKey;
    expect(codeOf(() => unwrapKeyring(p, wrongCode, ORG, wrapped))).toBe('DECRYPT_FAILED');
    const right = deriveRecoveryKeys(p, code).encryptionKey;
    expect(codeOf(() => unwrapKeyring(p, right, '0190a3c4-0000-7000-8000-000000000002', wrapped))).toBe('DECRYPT_FAILED');
    const tampered = wrapped.slice();
    tampered[40]! ^= 4;
    expect(codeOf(() => unwrapKeyring(p, right, ORG, tampered))).toBe('DECRYPT_FAILED');
    expect(codeOf(() => unwrapKeyring(p, right, ORG, wrapped.subarray(0, 20)))).toBe('MALFORMED');
  });

  it('round-trips an empty keyring', () => {
    const key = random.fill(new Uint8Array(32));
    expect(unwrapKeyring(p, key, ORG, wrapKeyring(p, random, key, new Keyring(ORG, []))).all()).toEqual([]);
  });
});
