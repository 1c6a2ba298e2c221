import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import sodium from 'libsodium-wrappers-sumo';
import { Base64Error, fromBase64, toBase64 } from './base64.ts';

const vectors: [string, string][] = [
  ['', ''],
  ['f', 'Zg=='],
  ['fo', 'Zm8='],
  ['foo', 'Zm9v'],
  ['foob', 'Zm9vYg=='],
  ['fooba', 'Zm9vYmE='],
  ['foobar', 'Zm9vYmFy'],
];

describe('base64', () => {
  it.each(vectors)('encodes the RFC 4648 vector %j', (plain, encoded) => {
    const bytes = Uint8Array.from(plain, (c) => c.charCodeAt(0));
    expect(toBase64(bytes)).toBe(encoded);
    expect(fromBase64(encoded)).toEqual(bytes);
  });

  it('round-trips any bytes and matches libsodium\'s codec', async () => {
    await sodium.ready;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(sodium.to_base64(bytes, sodium.base64_variants.ORIGINAL));
        expect(fromBase64(text)).toEqual(bytes);
      }),
    );
  });

  it.each(['abc', 'ab=c', 'a*cd', 'Zm9v\n', 'Zé9v', 'Zm9vY===', '=Zm9'])('refuses %j', (text) => {
    expect(() => fromBase64(text)).toThrow(Base64Error);
  });
});
