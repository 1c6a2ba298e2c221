// A user's X25519 key pair (private half wrapped under the password's encryption key) and the
// organisation keys that reach each member sealed to that member's public key.
// Formats: docs/decisions/002-envelope-and-keys.md.
import type { CryptoPrimitives, Random } from '../ports.ts';
import type { KeyKind } from '../protocol.ts';
import { fromUtf8, utf8 } from '../text.ts';
import { assertKey, isU32, KEY_BYTES, need, readU32, writeU32 } from './bytes.ts';
import { openEnvelope, sealEnvelope, type EnvelopeContext } from './envelope.ts';
import { CryptoError } from './errors.ts';
import { KIND_CODES, kindFromCode } from './kinds.ts';
import type { OrgKey } from './keyring.ts';

export { Keyring, type OrgKey } from './keyring.ts';

export interface UserKeyPair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

/** A private key belongs to a user, not to an organisation: its envelope's organisationId is empty. */
export const USER_KEY_ORGANISATION_ID = '';
export const USER_KEY_COLLECTION = 'user-private-key';
/** Version of the password encryption key; a password change re-wraps under new KDF params, same number. */
export const USER_KEY_VERSION = 1;

const SEALED_KEY_FORMAT = 1;

export function generateUserKeyPair(p: CryptoPrimitives, random: Random): UserKeyPair {
  const seed = random.fill(new Uint8Array(32));
  try {
    return p.boxKeyPairFromSeed(seed);
  } finally {
    seed.fill(0);
  }
}

export function wrapPrivateKey(
  p: CryptoPrimitives,
  random: Random,
  encryptionKey: Uint8Array,
  userId: string,
  privateKey: Uint8Array,
): Uint8Array {
  assertKey(privateKey, 'privateKey');
  return sealEnvelope(p, random, encryptionKey, userKeyContext(userId), privateKey);
}

/** A wrong password gives CryptoError DECRYPT_FAILED; another user's wrapped key too. */
export function unwrapPrivateKey(p: CryptoPrimitives, encryptionKey: Uint8Array, userId: string, wrapped: Uint8Array): Uint8Array {
  const privateKey = openEnvelope(p, encryptionKey, userKeyContext(userId), wrapped);
  if (privateKey.length !== KEY_BYTES) throw new CryptoError('MALFORMED', `private key of ${privateKey.length} bytes`);
  return privateKey;
}

function userKeyContext(userId: string): EnvelopeContext {
  return { organisationId: USER_KEY_ORGANISATION_ID, collection: USER_KEY_COLLECTION, recordId: userId, keyVersion: USER_KEY_VERSION };
}

export function generateOrgKey(random: Random, kind: KeyKind, version: number): OrgKey {
  if (!isU32(version) || version < 1) throw new RangeError(`key version must be an integer ≥ 1, got ${version}`);
  return { kind, version, key: random.fill(new Uint8Array(KEY_BYTES)) };
}

/**
 * Seals an organisation key to a member. The sealed plaintext names the organisation, kind and
 * version, so the server cannot hand a member a box from another organisation or pass a
 * `general` key off as `medical` (or the reverse): openSealedOrgKey checks them.
 */
export function sealOrgKey(p: CryptoPrimitives, organisationId: string, orgKey: OrgKey, recipientPublicKey: Uint8Array): Uint8Array {
  assertKey(orgKey.key, 'orgKey.key');
  assertKey(recipientPublicKey, 'recipientPublicKey');
  const org = utf8(organisationId);
  if (org.length > 0xffff) throw new RangeError('organisationId too long');
  const plain = new Uint8Array(8 + org.length + KEY_BYTES);
  plain[0] = SEALED_KEY_FORMAT;
  plain[1] = KIND_CODES[orgKey.kind];
  writeU32(plain, 2, orgKey.version);
  plain[6] = org.length >>> 8;
  plain[7] = org.length & 255;
  plain.set(org, 8);
  plain.set(orgKey.key, 8 + org.length);
  try {
    return p.boxSeal(plain, recipientPublicKey);
  } finally {
    plain.fill(0);
  }
}

/**
 * Opens a sealed organisation key and checks that it was sealed for `organisationId` (and, when
 * given, for the expected kind and version: pass the clear `kind`/`version` the server sent next
 * to the box). Throws CryptoError DECRYPT_FAILED, UNSUPPORTED_FORMAT, MALFORMED or CONTEXT_MISMATCH.
 */
export function openSealedOrgKey(
  p: CryptoPrimitives,
  organisationId: string,
  sealed: Uint8Array,
  keyPair: UserKeyPair,
  expected?: { kind?: KeyKind; version?: number },
): OrgKey {
  let plain: Uint8Array;
  try {
    plain = p.boxSealOpen(sealed, keyPair.publicKey, keyPair.privateKey);
  } catch {
    throw new CryptoError('DECRYPT_FAILED', 'sealed organisation key');
  }
  try {
    need(plain, 0, 1, 'sealed key');
    if (plain[0] !== SEALED_KEY_FORMAT) throw new CryptoError('UNSUPPORTED_FORMAT', `sealed key format ${plain[0]}`);
    need(plain, 0, 8, 'sealed key');
    const kind = kindFromCode(plain[1]!);
    if (kind === undefined) throw new CryptoError('MALFORMED', `key kind ${plain[1]}`);
    const version = readU32(plain, 2);
    const orgLength = (plain[6]! << 8) | plain[7]!;
    if (plain.length !== 8 + orgLength + KEY_BYTES) throw new CryptoError('MALFORMED', 'sealed key length');
    if (fromUtf8(plain.subarray(8, 8 + orgLength)) !== organisationId) {
      throw new CryptoError('CONTEXT_MISMATCH', 'sealed key belongs to another organisation');
    }
    if (expected?.kind !== undefined && expected.kind !== kind) {
      throw new CryptoError('CONTEXT_MISMATCH', `sealed ${kind} key, expected ${expected.kind}`);
    }
    if (expected?.version !== undefined && expected.version !== version) {
      throw new CryptoError('CONTEXT_MISMATCH', `sealed key version ${version}, expected ${expected.version}`);
    }
    if (version < 1) throw new CryptoError('MALFORMED', 'key version 0');
    return { kind, version, key: plain.slice(8 + orgLength) };
  } catch (error) {
    if (error instanceof CryptoError) throw error;
    throw new CryptoError('MALFORMED', 'sealed key');
  } finally {
    plain.fill(0);
  }
}
