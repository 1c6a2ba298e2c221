import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Keyring } from '../crypto/keyring.ts';
import { CryptoError } from '../crypto/errors.ts';
import { loadSodiumPrimitives } from '../crypto/test-support.ts';
import type { CryptoPrimitives } from '../ports.ts';
import { Uuid } from '../protocol.ts';
import { UUID_PATTERN } from '../uuid.ts';
import { derivedId, derivedIds } from './derived-id.ts';
import { keyring, ORG, TEAM_A, TEAM_B } from './test-support.ts';

let p: CryptoPrimitives;
beforeAll(async () => {
  p = await loadSodiumPrimitives();
});

describe('derivedId', () => {
  it('gives the same id for the same parts on two devices holding the key', () => {
    const a = derivedId(p, keyring(1), 'report', TEAM_A, '2026-11-23');
    const b = derivedId(p, keyring(1), 'report', TEAM_A, '2026-11-23');
    expect(a).toBe(b);
  });

  it('is a version-8 UUID that the wire protocol accepts', () => {
    const id = derivedId(p, keyring(1), 'settings');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).toMatch(UUID_PATTERN);
    expect(Uuid.safeParse(id).success).toBe(true);
  });

  it('differs with any part, with the part boundaries and with the key', () => {
    const k = keyring(1);
    const ids = new Set([
      derivedId(p, k, 'report', TEAM_A, '2026-11-23'),
      derivedId(p, k, 'report', TEAM_A, '2026-11-24'),
      derivedId(p, k, 'report', TEAM_B, '2026-11-23'),
      derivedId(p, k, 'report', `${TEAM_A}2026-11-23`),
      derivedId(p, k, 'ab', 'c'),
      derivedId(p, k, 'a', 'bc'),
      derivedId(p, k, 'abc'),
      derivedId(p, keyring(7), 'report', TEAM_A, '2026-11-23'),
    ]);
    expect(ids.size).toBe(8);
  });

  it('never collides on distinct part lists (property)', () => {
    const k = keyring(3);
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), fc.array(fc.string(), { minLength: 1, maxLength: 4 }), (x, y) => {
        fc.pre(JSON.stringify(x) !== JSON.stringify(y));
        expect(derivedId(p, k, ...x)).not.toBe(derivedId(p, k, ...y));
      }),
    );
  });

  it('uses the current general key, and derivedIds lists the older ones too', () => {
    const rotated = keyring(1, [1, 2]);
    const beforeRotation = keyring(1, [1]);
    const ids = derivedIds(p, rotated, 'settings');
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(derivedId(p, rotated, 'settings'));
    expect(ids[1]).toBe(derivedId(p, beforeRotation, 'settings'));
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('needs a general key and at least one part', () => {
    const medicalOnly = new Keyring(ORG, [{ kind: 'medical', version: 1, key: new Uint8Array(32) }]);
    expect(() => derivedId(p, medicalOnly, 'settings')).toThrow(CryptoError);
    expect(() => derivedId(p, keyring(1))).toThrow(RangeError);
  });
});
