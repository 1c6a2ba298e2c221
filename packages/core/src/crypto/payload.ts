// What a record's envelope holds: a record payload, self-describing like the envelope around it.
// Records are small JSON documents full of repeated keys and ISO timestamps, so deflate takes
// them to about a third (docs/decisions/008-record-payload-compression.md); the first sync of a
// 100,000-record organisation is mostly bytes on a slow network, so this is where it gets faster.
//
//   offset  size  field
//   0       1     payload format: 1 = UTF-8 JSON, 2 = deflate-raw of UTF-8 JSON
//   1       4     (format 2 only) length of the inflated JSON, unsigned big-endian
//   1 or 5  n     body
//
// The payload is inside the AEAD, so format and length are authenticated; an unknown format is an
// error (never a guess), and the stated length bounds what inflating may allocate.
import { deflateSync, inflateSync } from 'fflate';
import { readU32, writeU32 } from './bytes.ts';
import { CryptoError } from './errors.ts';

export const PAYLOAD_JSON = 1;
export const PAYLOAD_DEFLATE = 2;
/** Larger than any record the domain schemas allow; a bigger stated length is refused before inflating. */
export const MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;
/** Below this, deflate's own framing eats what it saves. */
const DEFLATE_FROM_BYTES = 96;

export function encodePayload(json: Uint8Array): Uint8Array {
  if (json.length > MAX_PAYLOAD_BYTES) throw new RangeError(`record of ${json.length} bytes exceeds ${MAX_PAYLOAD_BYTES}`);
  if (json.length >= DEFLATE_FROM_BYTES) {
    const deflated = deflateSync(json, { level: 6 });
    if (deflated.length + 5 < json.length + 1) {
      const payload = new Uint8Array(5 + deflated.length);
      payload[0] = PAYLOAD_DEFLATE;
      writeU32(payload, 1, json.length);
      payload.set(deflated, 5);
      return payload;
    }
  }
  const payload = new Uint8Array(1 + json.length);
  payload[0] = PAYLOAD_JSON;
  payload.set(json, 1);
  return payload;
}

/** A payload's header, checked: its JSON as is, or its deflated body and the length it states. */
export type PayloadParts = { readonly format: typeof PAYLOAD_JSON; readonly json: Uint8Array } | { readonly format: typeof PAYLOAD_DEFLATE; readonly length: number; readonly body: Uint8Array };

/** Throws CryptoError: UNSUPPORTED_FORMAT for an unknown format, MALFORMED for a header cut short or a stated length too large. */
export function payloadParts(payload: Uint8Array): PayloadParts {
  if (payload.length === 0) throw new CryptoError('MALFORMED', 'empty record payload');
  const format = payload[0];
  if (format === PAYLOAD_JSON) return { format, json: payload.subarray(1) };
  if (format !== PAYLOAD_DEFLATE) throw new CryptoError('UNSUPPORTED_FORMAT', `record payload format ${format}`);
  if (payload.length < 5) throw new CryptoError('MALFORMED', 'record payload header cut short');
  const length = readU32(payload, 1);
  if (length > MAX_PAYLOAD_BYTES) throw new CryptoError('MALFORMED', `record payload states ${length} bytes`);
  return { format, length, body: payload.subarray(5) };
}

/**
 * What an inflater made of a deflated body, checked against the stated length. `json` is null when
 * the body did not inflate. An inflater given a buffer of `length + 1` bytes that stops when it is
 * full (fflate, and the web's native one) makes a body that inflates past its length show as one
 * byte too many.
 */
export function checkedInflation(json: Uint8Array | null, length: number): Uint8Array {
  if (json === null) throw new CryptoError('MALFORMED', 'record payload does not inflate');
  if (json.length !== length) throw new CryptoError('MALFORMED', `record payload inflates to ${json.length} bytes, stated ${length}`);
  return json;
}

/** Throws CryptoError: UNSUPPORTED_FORMAT for an unknown format, MALFORMED for a body that does not inflate to its length. */
export function decodePayload(payload: Uint8Array): Uint8Array {
  const parts = payloadParts(payload);
  if (parts.format === PAYLOAD_JSON) return parts.json;
  let json: Uint8Array | null;
  try {
    json = inflateSync(parts.body, { out: new Uint8Array(parts.length + 1) });
  } catch {
    json = null;
  }
  return checkedInflation(json, parts.length);
}
