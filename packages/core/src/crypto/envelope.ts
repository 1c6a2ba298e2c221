// The one format every encrypted byte string of Relais uses (records, wrapped private keys,
// recovery keyrings). Layout and reasoning: docs/decisions/002-envelope-and-keys.md.
//
//   offset  size  field
//   0       1     format version (ENVELOPE_VERSION)
//   1       4     key version, unsigned big-endian
//   5       24    XChaCha20 nonce
//   29      n+16  XChaCha20-Poly1305-IETF ciphertext || tag
//
// Associated data = the 29 header bytes || u16 length + UTF-8 of organisationId, collection and
// recordId, so a ciphertext opens only in the exact place (and under the key version) it was made for.
import type { CryptoPrimitives, Random } from '../ports.ts';
import { utf8 } from '../text.ts';
import { assertKey, isU32, readU32, writeU32 } from './bytes.ts';
import { CryptoError } from './errors.ts';

export interface EnvelopeContext {
  organisationId: string;
  collection: string;
  recordId: string;
  keyVersion: number;
}

export const ENVELOPE_VERSION = 1;
export const ENVELOPE_NONCE_BYTES = 24;
export const ENVELOPE_TAG_BYTES = 16;
export const ENVELOPE_HEADER_BYTES = 1 + 4 + ENVELOPE_NONCE_BYTES;
/** Bytes an envelope adds to its plaintext (an empty plaintext gives an envelope this long). */
export const ENVELOPE_OVERHEAD = ENVELOPE_HEADER_BYTES + ENVELOPE_TAG_BYTES;

const NONCE_OFFSET = 5;
const MAX_FIELD_BYTES = 0xffff;

export function sealEnvelope(
  p: CryptoPrimitives,
  random: Random,
  key: Uint8Array,
  ctx: EnvelopeContext,
  plaintext: Uint8Array,
): Uint8Array {
  assertKey(key);
  if (!isU32(ctx.keyVersion)) throw new RangeError(`keyVersion must be an integer in [0, 2^32), got ${ctx.keyVersion}`);
  const header = new Uint8Array(ENVELOPE_HEADER_BYTES);
  header[0] = ENVELOPE_VERSION;
  writeU32(header, 1, ctx.keyVersion);
  const nonce = header.subarray(NONCE_OFFSET);
  random.fill(nonce);
  const sealed = p.aeadEncrypt(plaintext, associatedData(header, ctx), nonce, key);
  const envelope = new Uint8Array(ENVELOPE_HEADER_BYTES + sealed.length);
  envelope.set(header);
  envelope.set(sealed, ENVELOPE_HEADER_BYTES);
  return envelope;
}

/** Throws CryptoError: UNSUPPORTED_FORMAT, MALFORMED, CONTEXT_MISMATCH or DECRYPT_FAILED. */
export function openEnvelope(p: CryptoPrimitives, key: Uint8Array, ctx: EnvelopeContext, envelope: Uint8Array): Uint8Array {
  assertKey(key);
  const keyVersion = envelopeKeyVersion(envelope);
  if (keyVersion !== ctx.keyVersion) {
    throw new CryptoError('CONTEXT_MISMATCH', `envelope key version ${keyVersion}, expected ${ctx.keyVersion}`);
  }
  const header = envelope.subarray(0, ENVELOPE_HEADER_BYTES);
  const ad = associatedData(header, ctx);
  try {
    return p.aeadDecrypt(envelope.subarray(ENVELOPE_HEADER_BYTES), ad, header.subarray(NONCE_OFFSET), key);
  } catch {
    throw new CryptoError('DECRYPT_FAILED');
  }
}

/**
 * Reads the key version from the header without decrypting (the server uses it to check a pushed
 * envelope's shape). Throws UNSUPPORTED_FORMAT for an unknown format, MALFORMED when too short.
 */
export function envelopeKeyVersion(envelope: Uint8Array): number {
  if (envelope.length === 0) throw new CryptoError('MALFORMED', 'empty envelope');
  if (envelope[0] !== ENVELOPE_VERSION) throw new CryptoError('UNSUPPORTED_FORMAT', `envelope version ${envelope[0]}`);
  if (envelope.length < ENVELOPE_OVERHEAD) throw new CryptoError('MALFORMED', `envelope of ${envelope.length} bytes`);
  return readU32(envelope, 1);
}

function associatedData(header: Uint8Array, ctx: EnvelopeContext): Uint8Array {
  const { organisationId, collection, recordId } = ctx;
  if (!isAscii(organisationId) || !isAscii(collection) || !isAscii(recordId)) return associatedDataUtf8(header, ctx);
  // Ids and collection names are ASCII: one allocation and a plain loop beat TextEncoder here.
  const ad = new Uint8Array(header.length + 6 + organisationId.length + collection.length + recordId.length);
  ad.set(header);
  let offset = putAscii(ad, header.length, organisationId);
  offset = putAscii(ad, offset, collection);
  putAscii(ad, offset, recordId);
  return ad;
}

function isAscii(text: string): boolean {
  if (text.length > MAX_FIELD_BYTES) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function putAscii(target: Uint8Array, offset: number, text: string): number {
  const n = text.length;
  target[offset] = n >>> 8;
  target[offset + 1] = n & 255;
  for (let i = 0; i < n; i++) target[offset + 2 + i] = text.charCodeAt(i);
  return offset + 2 + n;
}

function associatedDataUtf8(header: Uint8Array, ctx: EnvelopeContext): Uint8Array {
  const fields = [utf8(ctx.organisationId), utf8(ctx.collection), utf8(ctx.recordId)];
  let length = header.length;
  for (const field of fields) {
    if (field.length > MAX_FIELD_BYTES) throw new RangeError('envelope context field longer than 65,535 bytes');
    length += 2 + field.length;
  }
  const ad = new Uint8Array(length);
  ad.set(header);
  let offset = header.length;
  for (const field of fields) {
    ad[offset] = field.length >>> 8;
    ad[offset + 1] = field.length & 255;
    ad.set(field, offset + 2);
    offset += 2 + field.length;
  }
  return ad;
}
