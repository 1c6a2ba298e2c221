import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../text.ts';
import { writeU32 } from './bytes.ts';
import { codeOf, fromHex, toHex } from './test-support.ts';
import { decodePayload, encodePayload, MAX_PAYLOAD_BYTES, PAYLOAD_DEFLATE, PAYLOAD_JSON } from './payload.ts';

function deflatePayload(body: Uint8Array, statedLength: number): Uint8Array {
  const payload = new Uint8Array(5 + body.length);
  payload[0] = PAYLOAD_DEFLATE;
  writeU32(payload, 1, statedLength);
  payload.set(body, 5);
  return payload;
}

const RECORD = utf8(
  JSON.stringify({
    fields: { name: 'Aïcha Dupont', phone: '06 11 22 33 44', description: 'Dort près de la gare.' },
    stamps: { name: '2026-11-01T09:00:00.000Z|u1', phone: '2026-11-01T09:00:00.000Z|u1', description: '2026-11-01T09:00:00.000Z|u1' },
  }),
);

describe('record payload', () => {
  it('decodes a pinned deflated record (known answer: what was stored must stay readable)', () => {
    // Written by encodePayload with fflate 0.8.3. Encoding may change (another deflate), decoding may not.
    const pinned = fromHex('02000000e57d8db10e832014457fe5e5cd6a1e684ccad6c44fe8d48d08ad240a0470b2fc4fb77e843f56bad9c5e44ef79ce46cf8307a5611c586562e1a055ef7cf38491856ef6cc20afde4ecefa71e1803cea16da1eb0a503a8ec1f8649c2d787021810ffb3b82d2304b78caa01bcc15c624177f2c70e27dcd584dec46174154d610d1fdb5b243efdcfa8f9fb9397f01');
    expect(decodePayload(pinned)).toEqual(RECORD);
    const payload = encodePayload(RECORD);
    expect(toHex(payload.subarray(0, 5))).toBe(`02${RECORD.length.toString(16).padStart(8, '0')}`);
    expect(decodePayload(payload)).toEqual(RECORD);
  });

  it('keeps small documents as plain JSON, where deflate would only add bytes', () => {
    const small = utf8('{"fields":{},"stamps":{}}');
    const payload = encodePayload(small);
    expect(payload[0]).toBe(PAYLOAD_JSON);
    expect(payload.length).toBe(small.length + 1);
    expect(decodePayload(payload)).toEqual(small);
  });

  it('shrinks a typical record to well under half', () => {
    const payload = encodePayload(RECORD);
    expect(payload.length).toBeLessThan(RECORD.length * 0.75);
  });

  it('round-trips any text, compressible or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: 'grapheme', maxLength: 400 }).map((s) => s.repeat(5))), (text) => {
        const json = utf8(JSON.stringify(text));
        expect(decodePayload(encodePayload(json))).toEqual(json);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses an unknown format, including a bare JSON plaintext, instead of guessing', () => {
    expect(codeOf(() => decodePayload(utf8('{"fields":{},"stamps":{}}')))).toBe('UNSUPPORTED_FORMAT');
    expect(codeOf(() => decodePayload(new Uint8Array([0, 1, 2])))).toBe('UNSUPPORTED_FORMAT');
    expect(codeOf(() => decodePayload(new Uint8Array([3])))).toBe('UNSUPPORTED_FORMAT');
    expect(codeOf(() => decodePayload(new Uint8Array(0)))).toBe('MALFORMED');
  });

  it('refuses a body that does not inflate to exactly its stated length', () => {
    const body = deflateSync(RECORD);
    expect(decodePayload(deflatePayload(body, RECORD.length))).toEqual(RECORD);
    expect(codeOf(() => decodePayload(deflatePayload(body, RECORD.length - 1)))).toBe('MALFORMED');
    expect(codeOf(() => decodePayload(deflatePayload(body, RECORD.length + 1)))).toBe('MALFORMED');
    expect(codeOf(() => decodePayload(deflatePayload(body.subarray(0, body.length - 3), RECORD.length)))).toBe('MALFORMED');
    expect(codeOf(() => decodePayload(new Uint8Array([PAYLOAD_DEFLATE, 0, 0])))).toBe('MALFORMED');
  });

  it('refuses a stated length above the bound before allocating it (a deflate bomb)', () => {
    const bomb = deflateSync(new Uint8Array(MAX_PAYLOAD_BYTES + 1));
    expect(bomb.length).toBeLessThan(20_000);
    expect(codeOf(() => decodePayload(deflatePayload(bomb, MAX_PAYLOAD_BYTES + 1)))).toBe('MALFORMED');
    expect(codeOf(() => decodePayload(deflatePayload(bomb, 1000)))).toBe('MALFORMED');
  });
});
