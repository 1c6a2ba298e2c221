// The recovery code shown once to the creating admin: 25 Crockford base32 characters (125 random
// bits) in five groups of five, e.g. "7KQ2M-ZD0X4-...". It has enough entropy to need no slow
// hash: two keyed BLAKE2b hashes give an auth key (the server stores only a slow hash of it) and
// an encryption key that wraps the organisation's keyring. Formats: docs/decisions/002-envelope-and-keys.md.
import type { CryptoPrimitives, Random } from '../ports.ts';
import { utf8 } from '../text.ts';
import { KEY_BYTES, need, readU32, writeU32 } from './bytes.ts';
import { openEnvelope, sealEnvelope, type EnvelopeContext } from './envelope.ts';
import { CryptoError } from './errors.ts';
import { KIND_CODES, kindFromCode } from './kinds.ts';
import { Keyring, type OrgKey } from './keyring.ts';
import type { PasswordKeys } from './password.ts';

/** Crockford's base32: no I, L, O or U, so nothing reads as another character. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_CODE_GROUPS = 5;
export const RECOVERY_CODE_GROUP_LENGTH = 5;
const CODE_LENGTH = RECOVERY_CODE_GROUPS * RECOVERY_CODE_GROUP_LENGTH;
/** 25 characters × 5 bits. */
export const RECOVERY_CODE_BITS = CODE_LENGTH * 5;

export const RECOVERY_KEYRING_COLLECTION = 'recovery-keyring';
export const RECOVERY_KEYRING_VERSION = 1;
const AUTH_CONTEXT = utf8('relais/recovery/auth/v1');
const ENCRYPTION_CONTEXT = utf8('relais/recovery/encryption/v1');

const KEYRING_FORMAT = 1;
const KEYRING_ENTRY_BYTES = 1 + 4 + KEY_BYTES;

export function newRecoveryCode(random: Random): string {
  const bytes = random.fill(new Uint8Array(CODE_LENGTH));
  let chars = '';
  // 256 is a multiple of 32: masking keeps every character uniformly likely.
  for (const b of bytes) chars += ALPHABET[b & 31]!;
  bytes.fill(0);
  return group(chars);
}

/**
 * The canonical grouped form of what a person typed: case, spaces and dashes do not matter, and
 * O/I/L read as 0/1/1. Throws CryptoError MALFORMED on a wrong length or a foreign character.
 */
export function normaliseRecoveryCode(input: string): string {
  const chars = input
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—_.]/gu, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (chars.length !== CODE_LENGTH) throw new CryptoError('MALFORMED', `recovery code of ${chars.length} characters`);
  for (const c of chars) if (!ALPHABET.includes(c)) throw new CryptoError('MALFORMED', 'recovery code character');
  return group(chars);
}

export function deriveRecoveryKeys(p: CryptoPrimitives, code: string): PasswordKeys {
  const secret = utf8(normaliseRecoveryCode(code).replace(/-/g, ''));
  try {
    return { authKey: p.genericHash(32, AUTH_CONTEXT, secret), encryptionKey: p.genericHash(32, ENCRYPTION_CONTEXT, secret) };
  } finally {
    secret.fill(0);
  }
}

export function wrapKeyring(p: CryptoPrimitives, random: Random, encryptionKey: Uint8Array, keyring: Keyring): Uint8Array {
  const keys = keyring.all();
  if (keys.length > 255) throw new RangeError('a keyring holds at most 255 keys');
  const plain = new Uint8Array(2 + keys.length * KEYRING_ENTRY_BYTES);
  plain[0] = KEYRING_FORMAT;
  plain[1] = keys.length;
  keys.forEach((k, i) => {
    const at = 2 + i * KEYRING_ENTRY_BYTES;
    plain[at] = KIND_CODES[k.kind];
    writeU32(plain, at + 1, k.version);
    plain.set(k.key, at + 5);
  });
  try {
    return sealEnvelope(p, random, encryptionKey, keyringContext(keyring.organisationId), plain);
  } finally {
    plain.fill(0);
  }
}

/** Wrong code → DECRYPT_FAILED; a keyring wrapped for another organisation → DECRYPT_FAILED too. */
export function unwrapKeyring(p: CryptoPrimitives, encryptionKey: Uint8Array, organisationId: string, wrapped: Uint8Array): Keyring {
  const plain = openEnvelope(p, encryptionKey, keyringContext(organisationId), wrapped);
  try {
    need(plain, 0, 1, 'keyring');
    if (plain[0] !== KEYRING_FORMAT) throw new CryptoError('UNSUPPORTED_FORMAT', `keyring format ${plain[0]}`);
    need(plain, 0, 2, 'keyring');
    const count = plain[1]!;
    if (plain.length !== 2 + count * KEYRING_ENTRY_BYTES) throw new CryptoError('MALFORMED', 'keyring length');
    const keys: OrgKey[] = [];
    for (let i = 0; i < count; i++) {
      const at = 2 + i * KEYRING_ENTRY_BYTES;
      const kind = kindFromCode(plain[at]!);
      if (kind === undefined) throw new CryptoError('MALFORMED', `key kind ${plain[at]}`);
      keys.push({ kind, version: readU32(plain, at + 1), key: plain.slice(at + 5, at + KEYRING_ENTRY_BYTES) });
    }
    return new Keyring(organisationId, keys);
  } finally {
    plain.fill(0);
  }
}

function keyringContext(organisationId: string): EnvelopeContext {
  return { organisationId, collection: RECOVERY_KEYRING_COLLECTION, recordId: organisationId, keyVersion: RECOVERY_KEYRING_VERSION };
}

function group(chars: string): string {
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += RECOVERY_CODE_GROUP_LENGTH) groups.push(chars.slice(i, i + RECOVERY_CODE_GROUP_LENGTH));
  return groups.join('-');
}
