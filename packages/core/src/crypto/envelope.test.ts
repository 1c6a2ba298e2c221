import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CryptoPrimitives, Random } from '../ports.ts';
import { utf8 } from '../text.ts';
import {
  ENVELOPE_OVERHEAD,
  ENVELOPE_VERSION,
  envelopeKeyVersion,
  openEnvelope,
  sealEnvelope,
  type EnvelopeContext,
} from './envelope.ts';
import { codeOf, fromHex, loadSodiumPrimitives, scriptedRandom, seededRandom, toHex } from './test-support.ts';

let p: CryptoPrimitives;
let random: Random;
beforeAll(async () => {
  p = await loadSodiumPrimitives();
  random = seededRandom(p, 'envelope tests');
});

const key = fromHex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
const ctx: EnvelopeContext = {
  organisationId: '0190a3c4-0000-7000-8000-000000000001',
  collection: 'person',
  recordId: '0190a3c4-0000-7000-8000-0000000000aa',
  keyVersion: 7,
};

describe('envelope known answer', () => {
  const nonce = fromHex('a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7');
  const plaintext = utf8('{"fields":{"nom":"Dupont"},"stamps":{}}');
  // Pinned: any change to the layout, the associated data or the primitive changes these bytes.
  const expected =
    '01' + '00000007' + 'a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7' +
    '3ece6c74d231c0df435556ab1f5fcee20188db59da69a4ad3f3da7c594d79f5ba1f488153d3b019f9167798699553f809cee1bfa7ed8eb';

  it('turns a fixed key, nonce, context and plaintext into fixed bytes', () => {
    expect(toHex(sealEnvelope(p, scriptedRandom(nonce), key, ctx, plaintext))).toBe(expected);
  });

  it('follows the byte layout of docs/decisions/002-envelope-and-keys.md', () => {
    // Associated data rebuilt by hand from the decision record: header, then u16-prefixed UTF-8 fields.
    const field = (s: string) => [s.length >> 8, s.length & 255, ...utf8(s)];
    const header = fromHex(expected.slice(0, 58));
    const ad = new Uint8Array([...header, ...field(ctx.organisationId), ...field(ctx.collection), ...field(ctx.recordId)]);
    expect(toHex(p.aeadEncrypt(plaintext, ad, nonce, key))).toBe(expected.slice(58));
    expect(openEnvelope(p, key, ctx, fromHex(expected))).toEqual(plaintext);
  });
});

describe('sealEnvelope / openEnvelope', () => {
  it('round-trips any plaintext and context', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2048 }),
        fc.record({ organisationId: fc.string(), collection: fc.string(), recordId: fc.string(), keyVersion: fc.nat() }),
        (plaintext, context) => {
          const envelope = sealEnvelope(p, random, key, context, plaintext);
          expect(envelope.length).toBe(plaintext.length + ENVELOPE_OVERHEAD);
          expect(envelope[0]).toBe(ENVELOPE_VERSION);
          expect(envelopeKeyVersion(envelope)).toBe(context.keyVersion);
          expect(openEnvelope(p, key, context, envelope)).toEqual(plaintext);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('takes a fresh nonce from the injected Random each time', () => {
    const a = sealEnvelope(p, random, key, ctx, utf8('même texte'));
    const b = sealEnvelope(p, random, key, ctx, utf8('même texte'));
    expect(toHex(a.subarray(5, 29))).not.toBe(toHex(b.subarray(5, 29)));
    expect(toHex(a)).not.toBe(toHex(b));
  });

  it('rejects an unknown format version as UNSUPPORTED_FORMAT, before anything else', () => {
    const envelope = sealEnvelope(p, random, key, ctx, utf8('x'));
    for (const version of [0, 2, 255]) {
      const other = envelope.slice();
      other[0] = version;
      expect(codeOf(() => openEnvelope(p, key, ctx, other))).toBe('UNSUPPORTED_FORMAT');
      expect(codeOf(() => envelopeKeyVersion(other))).toBe('UNSUPPORTED_FORMAT');
    }
    expect(codeOf(() => openEnvelope(p, key, ctx, new Uint8Array([9])))).toBe('UNSUPPORTED_FORMAT');
  });

  it('rejects empty and truncated envelopes as MALFORMED', () => {
    const envelope = sealEnvelope(p, random, key, ctx, new Uint8Array(0));
    expect(envelope.length).toBe(ENVELOPE_OVERHEAD);
    expect(codeOf(() => openEnvelope(p, key, ctx, new Uint8Array(0)))).toBe('MALFORMED');
    for (let length = 1; length < ENVELOPE_OVERHEAD; length++) {
      expect(codeOf(() => openEnvelope(p, key, ctx, envelope.subarray(0, length)))).toBe('MALFORMED');
    }
  });

  it('rejects a key version other than the expected one as CONTEXT_MISMATCH', () => {
    const envelope = sealEnvelope(p, random, key, ctx, utf8('x'));
    expect(codeOf(() => openEnvelope(p, key, { ...ctx, keyVersion: 8 }, envelope))).toBe('CONTEXT_MISMATCH');
  });

  it('rejects another key as DECRYPT_FAILED', () => {
    const envelope = sealEnvelope(p, random, key, ctx, utf8('x'));
    const otherKey = key.map((b) => b ^ 0x80);
    expect(codeOf(() => openEnvelope(p, otherKey, ctx, envelope))).toBe('DECRYPT_FAILED');
  });

  it('treats a wrong key size or key version as a programming error', () => {
    expect(() => sealEnvelope(p, random, key.subarray(1), ctx, utf8('x'))).toThrow(RangeError);
    expect(() => sealEnvelope(p, random, key, { ...ctx, keyVersion: -1 }, utf8('x'))).toThrow(RangeError);
    expect(() => sealEnvelope(p, random, key, { ...ctx, keyVersion: 2 ** 32 }, utf8('x'))).toThrow(RangeError);
  });
});

describe('tampering property', () => {
  const contextArb = fc.record({
    organisationId: fc.string({ maxLength: 40 }),
    collection: fc.string({ maxLength: 20 }),
    recordId: fc.string({ maxLength: 40 }),
    keyVersion: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  });
  const field = fc.constantFrom('organisationId', 'collection', 'recordId', 'keyVersion');

  it('changing any associated-data field makes openEnvelope throw a typed CryptoError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), contextArb, field, fc.string({ maxLength: 40 }), fc.nat(), (plaintext, context, name, text, n) => {
        const envelope = sealEnvelope(p, random, key, context, plaintext);
        const changed: EnvelopeContext =
          name === 'keyVersion'
            ? { ...context, keyVersion: (context.keyVersion + 1 + (n % 1000)) % 2 ** 32 }
            : { ...context, [name]: context[name] === text ? `${text}x` : text };
        const code = codeOf(() => openEnvelope(p, key, changed, envelope));
        expect(code).toBe(name === 'keyVersion' ? 'CONTEXT_MISMATCH' : 'DECRYPT_FAILED');
      }),
      { numRuns: 300 },
    );
  });

  it('flipping any bit pattern of any byte makes openEnvelope throw a typed CryptoError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), contextArb, fc.nat(), fc.integer({ min: 1, max: 255 }), (plaintext, context, at, mask) => {
        const envelope = sealEnvelope(p, random, key, context, plaintext);
        const index = at % envelope.length;
        envelope[index]! ^= mask;
        const expected = index === 0 ? 'UNSUPPORTED_FORMAT' : index < 5 ? 'CONTEXT_MISMATCH' : 'DECRYPT_FAILED';
        expect(codeOf(() => openEnvelope(p, key, context, envelope))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('every byte position of one envelope is covered', () => {
    const envelope = sealEnvelope(p, random, key, ctx, utf8('{"fields":{},"stamps":{}}'));
    for (let i = 0; i < envelope.length; i++) {
      const tampered = envelope.slice();
      tampered[i]! ^= 1;
      expect(codeOf(() => openEnvelope(p, key, ctx, tampered))).not.toMatch(/NO_ERROR|OTHER_ERROR/);
    }
  });

  it('truncating or extending the envelope makes openEnvelope throw a typed CryptoError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.integer({ min: -200, max: 20 }), (plaintext, delta) => {
        fc.pre(delta !== 0);
        const envelope = sealEnvelope(p, random, key, ctx, plaintext);
        const length = Math.max(0, envelope.length + delta);
        const changed = new Uint8Array(length);
        changed.set(envelope.subarray(0, Math.min(length, envelope.length)));
        expect(codeOf(() => openEnvelope(p, key, ctx, changed))).toMatch(/^(MALFORMED|DECRYPT_FAILED)$/);
      }),
    );
  });
});
