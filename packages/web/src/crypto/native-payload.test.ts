import { CryptoError } from '@relais/core/crypto/errors';
import { decodePayload, encodePayload, MAX_PAYLOAD_BYTES, PAYLOAD_DEFLATE } from '@relais/core/crypto/payload';
import { utf8 } from '@relais/core/text';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodePayloadNatively } from './native-payload.ts';

function deflatePayload(body: Uint8Array, statedLength: number): Uint8Array {
  const payload = new Uint8Array(5 + body.length);
  payload[0] = PAYLOAD_DEFLATE;
  new DataView(payload.buffer).setUint32(1, statedLength);
  payload.set(body, 5);
  return payload;
}

/** What a decoder makes of a payload: its bytes as text, or the code of the CryptoError it threw. */
async function outcome(decode: () => Uint8Array | Promise<Uint8Array>): Promise<string> {
  try {
    return `bytes ${new TextDecoder().decode(await decode())}`;
  } catch (error) {
    return error instanceof CryptoError ? error.code : `not a CryptoError: ${String(error)}`;
  }
}

const SNAPSHOT = utf8(JSON.stringify({ format: 1, data: { items: Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, summary: { name: `Personne ${i}`, teamIds: ['t1'] } })) } }));
const body = deflateSync(SNAPSHOT);

describe('decodePayloadNatively', () => {
  it('the browser is asked: DecompressionStream is there (Node 20 and Chromium)', () => {
    expect(typeof DecompressionStream).toBe('function');
  });

  // Each row is also decoded by core's decodePayload: both must agree, bytes or error code.
  const rows: [string, Uint8Array, string][] = [
    ['a snapshot as encodePayload writes it', encodePayload(SNAPSHOT), `bytes ${new TextDecoder().decode(SNAPSHOT)}`],
    ['plain JSON (format 1)', encodePayload(utf8('{}')), 'bytes {}'],
    ['a stated length one short', deflatePayload(body, SNAPSHOT.length - 1), 'MALFORMED'],
    ['a stated length one long', deflatePayload(body, SNAPSHOT.length + 1), 'MALFORMED'],
    ['a body cut short', deflatePayload(body.subarray(0, body.length - 3), SNAPSHOT.length), 'MALFORMED'],
    ['a body that is not deflate', deflatePayload(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 10), 'MALFORMED'],
    ['a header cut short', new Uint8Array([PAYLOAD_DEFLATE, 0, 0]), 'MALFORMED'],
    ['an unknown format', new Uint8Array([7, 1, 2]), 'UNSUPPORTED_FORMAT'],
    ['an empty payload', new Uint8Array(0), 'MALFORMED'],
    ['a stated length above the bound', deflatePayload(deflateSync(new Uint8Array(1000)), MAX_PAYLOAD_BYTES + 1), 'MALFORMED'],
  ];
  it.each(rows)('%s', async (_, payload, expected) => {
    const native = await outcome(() => decodePayloadNatively(payload));
    expect(native).toEqual(expected);
    expect(await outcome(() => decodePayload(payload))).toEqual(native);
  });

  it('stops reading a deflate bomb at its stated length', async () => {
    const bomb = deflateSync(new Uint8Array(MAX_PAYLOAD_BYTES));
    expect(await outcome(() => decodePayloadNatively(deflatePayload(bomb, 1000)))).toBe('MALFORMED');
  });

  it('agrees with decodePayload on any text, compressible or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 3000 }), fc.string({ unit: 'grapheme', maxLength: 400 }).map((s) => s.repeat(20))), async (text) => {
        const payload = encodePayload(utf8(JSON.stringify(text)));
        expect(await outcome(() => decodePayloadNatively(payload))).toBe(await outcome(() => decodePayload(payload)));
      }),
      { numRuns: 150 },
    );
  });
});
