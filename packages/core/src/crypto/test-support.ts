// Helpers for tests of this folder (and of packages that build on it): libsodium loading,
// reproducible randomness and hex. Not exported from the package index: production code must
// get its randomness from the platform CSPRNG through pooledRandom.
import sodium from 'libsodium-wrappers-sumo';
import type { CryptoPrimitives, Random } from '../ports.ts';
import { utf8 } from '../text.ts';
import { CryptoError, type CryptoErrorCode } from './errors.ts';
import { sodiumPrimitives } from './sodium.ts';

export async function loadSodiumPrimitives(): Promise<CryptoPrimitives> {
  await sodium.ready;
  return sodiumPrimitives(sodium);
}

/** A reproducible stream: BLAKE2b-512(counter) keyed with the seed. For tests only. */
export function seededRandom(p: CryptoPrimitives, seed: string): Random {
  const key = p.genericHash(32, utf8(seed));
  const counter = new Uint8Array(8);
  let block: Uint8Array = new Uint8Array(0);
  let used = 0;
  return {
    fill(bytes) {
      for (let i = 0; i < bytes.length; i++) {
        if (used === block.length) {
          block = p.genericHash(64, counter, key);
          used = 0;
          for (let c = 7; c >= 0 && ++counter[c]! === 256; c--) counter[c] = 0;
        }
        bytes[i] = block[used++]!;
      }
      return bytes;
    },
  };
}

/** Hands out exactly the given bytes, in order, then throws: pins nonces and keys in known-answer tests. */
export function scriptedRandom(bytes: Uint8Array): Random {
  let offset = 0;
  return {
    fill(target) {
      if (offset + target.length > bytes.length) throw new Error('scriptedRandom exhausted');
      target.set(bytes.subarray(offset, offset + target.length));
      offset += target.length;
      return target;
    },
  };
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-f]/i.test(clean)) throw new Error('invalid hex');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** The CryptoError code `fn` throws, or what else happened: tests compare codes, not messages. */
export function codeOf(fn: () => unknown): CryptoErrorCode | 'NO_ERROR' | 'OTHER_ERROR' {
  try {
    fn();
    return 'NO_ERROR';
  } catch (error) {
    return error instanceof CryptoError ? error.code : 'OTHER_ERROR';
  }
}
