import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Random } from '../ports.ts';
import { MAX_RANDOM_CHUNK, pooledRandom } from './random.ts';

/**
 * A source that writes a distinct 64-bit counter into every 8-byte word it fills, and records
 * the size of each call. With request and pool sizes that are multiples of 8, every word a pool
 * hands out names the source position it came from.
 */
function countingSource(): Random & { calls: number[] } {
  let next = 0n;
  const calls: number[] = [];
  return {
    calls,
    fill(bytes) {
      if (bytes.length > MAX_RANDOM_CHUNK) throw new Error(`getRandomValues would refuse ${bytes.length} bytes`);
      calls.push(bytes.length);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let i = 0; i + 8 <= bytes.length; i += 8) view.setBigUint64(i, next++);
      return bytes;
    },
  };
}

function words(bytes: Uint8Array): bigint[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: bigint[] = [];
  for (let i = 0; i < bytes.length; i += 8) out.push(view.getBigUint64(i));
  return out;
}

describe('pooledRandom', () => {
  it('never hands out the same source bytes twice, whatever the request sizes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }).map((n) => n * 8),
        fc.array(fc.integer({ min: 1, max: 200 }).map((n) => n * 8), { minLength: 1, maxLength: 60 }),
        (poolBytes, sizes) => {
          const source = countingSource();
          const random = pooledRandom(source, poolBytes);
          const seen = new Set<bigint>();
          for (const size of sizes) {
            const out = random.fill(new Uint8Array(size));
            for (const w of words(out)) {
              expect(seen.has(w)).toBe(false);
              seen.add(w);
            }
          }
          expect(seen.size * 8).toBe(sizes.reduce((a, b) => a + b, 0));
        },
      ),
    );
  });

  it('serves small requests from one source call, in source order', () => {
    const source = countingSource();
    const random = pooledRandom(source, 4096);
    const nonces = Array.from({ length: 100 }, () => random.fill(new Uint8Array(24)));
    expect(source.calls).toEqual([4096]);
    const stream = nonces.flatMap((n) => words(n));
    expect(stream).toEqual(Array.from({ length: 300 }, (_, i) => BigInt(i)));
  });

  it('refills a pool larger than 65,536 bytes in chunks the platform accepts', () => {
    const source = countingSource();
    const random = pooledRandom(source, 200_000);
    random.fill(new Uint8Array(24));
    expect(source.calls).toEqual([65_536, 65_536, 65_536, 3_392]);
  });

  it('fills requests larger than the pool directly, in chunks of at most 65,536 bytes', () => {
    const source = countingSource();
    const random = pooledRandom(source, 1024);
    const big = random.fill(new Uint8Array(150_000));
    expect(source.calls).toEqual([65_536, 65_536, 18_928]);
    expect(big.some((b) => b !== 0)).toBe(true);
  });

  it('splits a request across a refill without losing or repeating bytes (odd sizes)', () => {
    let next = 0;
    const source: Random = {
      fill(bytes) {
        for (let i = 0; i < bytes.length; i++) bytes[i] = next++ & 255;
        return bytes;
      },
    };
    const random = pooledRandom(source, 10);
    const out = [3, 7, 5, 1, 9].flatMap((n) => Array.from(random.fill(new Uint8Array(n))));
    expect(out).toEqual(Array.from({ length: 25 }, (_, i) => i));
  });

  it('refuses a pool size that is not a positive integer', () => {
    const source = countingSource();
    expect(() => pooledRandom(source, 0)).toThrow(RangeError);
    expect(() => pooledRandom(source, 1.5)).toThrow(RangeError);
  });
});
