// The RecordCodec the sync engine uses: RecordDocument → JSON → UTF-8 → payload (deflated,
// payload.ts) → envelope → base64, under the organisation key of the collection's kind. This is the hot path (tens of thousands of
// records per sync), so it avoids libsodium's base64 and randombytes_buf and reuses the encoders.
import { Base64Error, fromBase64, toBase64 } from '../base64.ts';
import { keyKindOf, type Collection } from '../collections.ts';
import type { CryptoPrimitives, Random } from '../ports.ts';
import type { RecordCodec, RecordDocument } from '../sync/types.ts';
import { fromUtf8, utf8 } from '../text.ts';
import { openEnvelope, sealEnvelope } from './envelope.ts';
import { decodePayload, encodePayload } from './payload.ts';
import { CryptoError } from './errors.ts';
import type { Keyring } from './keyring.ts';

/**
 * `random` should be a pooledRandom. encrypt seals under the current key of the collection's kind;
 * decrypt throws CryptoError (KEY_UNKNOWN when this device lacks that key version).
 */
export function createRecordCodec(p: CryptoPrimitives, random: Random, keyring: Keyring): RecordCodec {
  const organisationId = keyring.organisationId;
  return {
    encrypt(collection: Collection, id: string, document: RecordDocument) {
      const { key, version } = keyring.current(keyKindOf(collection));
      const ctx = { organisationId, collection, recordId: id, keyVersion: version };
      const envelope = sealEnvelope(p, random, key, ctx, encodePayload(utf8(JSON.stringify(document))));
      return { ciphertext: toBase64(envelope), keyVersion: version };
    },
    decrypt(collection: Collection, id: string, keyVersion: number, ciphertext: string): RecordDocument {
      const { key } = keyring.get(keyKindOf(collection), keyVersion);
      const ctx = { organisationId, collection, recordId: id, keyVersion };
      const plaintext = openEnvelope(p, key, ctx, decodeBase64(ciphertext));
      return parseDocument(decodePayload(plaintext));
    },
  };
}

function decodeBase64(text: string): Uint8Array {
  try {
    return fromBase64(text);
  } catch (error) {
    if (error instanceof Base64Error) throw new CryptoError('MALFORMED', 'ciphertext is not base64');
    throw error;
  }
}

/** Authenticated bytes we wrote ourselves: a shallow shape check is enough. */
function parseDocument(plaintext: Uint8Array): RecordDocument {
  let value: unknown;
  try {
    value = JSON.parse(fromUtf8(plaintext));
  } catch {
    throw new CryptoError('MALFORMED', 'record plaintext is not JSON');
  }
  if (!isObject(value) || !isObject(value.fields) || !isObject(value.stamps)) {
    throw new CryptoError('MALFORMED', 'record plaintext is not a RecordDocument');
  }
  return value as unknown as RecordDocument;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
