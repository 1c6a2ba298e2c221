// Ids computed from what a record is about (a team's report of a day, one occurrence of a series)
// rather than drawn at random, so two devices offline create the same record instead of two. The
// id is a keyed hash: without the organisation's general key the server cannot tell that two ids
// are the same team's reports, nor test a guess such as "team X, 2026-11-23".
import type { Keyring } from '../crypto/keyring.ts';
import type { CryptoPrimitives } from '../ports.ts';
import { utf8 } from '../text.ts';

const SUBKEY_CONTEXT = utf8('relais/derived-id/v1');
const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

// Hashing the context per id would double the cost; the key bytes of a keyring never change.
const subkeys = new WeakMap<Uint8Array, Uint8Array>();

function subkey(p: CryptoPrimitives, generalKey: Uint8Array): Uint8Array {
  let key = subkeys.get(generalKey);
  if (key === undefined) {
    // Keyed BLAKE2b as a PRF: the subkey reveals nothing of the general key that also seals records.
    key = p.genericHash(32, SUBKEY_CONTEXT, generalKey);
    subkeys.set(generalKey, key);
  }
  return key;
}

/** Each part length-prefixed, so ('ab', 'c') and ('a', 'bc') never hash alike. */
function encodeParts(parts: readonly string[]): Uint8Array {
  const encoded = parts.map((part) => utf8(part));
  let length = 0;
  for (const e of encoded) length += 4 + e.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const e of encoded) {
    out[offset] = e.length >>> 24;
    out[offset + 1] = (e.length >>> 16) & 255;
    out[offset + 2] = (e.length >>> 8) & 255;
    out[offset + 3] = e.length & 255;
    out.set(e, offset + 4);
    offset += 4 + e.length;
  }
  return out;
}

function derive(p: CryptoPrimitives, generalKey: Uint8Array, parts: readonly string[]): string {
  if (parts.length === 0) throw new RangeError('derivedId needs at least one part');
  const b = p.genericHash(16, encodeParts(parts), subkey(p, generalKey));
  // UUID version 8 (custom), RFC 9562 variant: valid wherever a record id is.
  b[6] = 0x80 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  let s = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
    s += HEX[b[i]!]!;
  }
  return s;
}

/**
 * The id of the record about `parts`, under the current general key: the same on every device
 * holding that key. Throws CryptoError KEY_UNKNOWN when the keyring has no general key.
 */
export function derivedId(p: CryptoPrimitives, keyring: Keyring, ...parts: string[]): string {
  return derive(p, keyring.current('general').key, parts);
}

/**
 * The ids `parts` had under every general key version the keyring holds, newest first. After a
 * key rotation, derivedId gives new ids: a record made before it (the settings, an old report)
 * is found under one of the older ids.
 */
export function derivedIds(p: CryptoPrimitives, keyring: Keyring, ...parts: string[]): string[] {
  return keyring
    .all()
    .filter((k) => k.kind === 'general')
    .sort((a, b) => b.version - a.version)
    .map((k) => derive(p, k.key, parts));
}
