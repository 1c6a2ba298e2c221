// Nonces come from the platform CSPRNG through a pool: `crypto.getRandomValues` into a reused
// buffer costs ~0.2 µs per nonce where libsodium's randombytes_buf costs ~105 µs (TOOLCHAIN.md).
import type { Random } from '../ports.ts';

/** getRandomValues refuses requests above 65,536 bytes (QuotaExceededError). */
export const MAX_RANDOM_CHUNK = 65_536;
export const DEFAULT_RANDOM_POOL_BYTES = 4096;

/**
 * Serves random bytes from a pool that `source` refills when empty. Bytes handed out are wiped
 * from the pool at once, so no byte is ever served twice and a later memory read of the pool
 * reveals no past nonce or key. Requests larger than the pool go straight to `source`.
 */
export function pooledRandom(source: Random, poolBytes: number = DEFAULT_RANDOM_POOL_BYTES): Random {
  if (!Number.isInteger(poolBytes) || poolBytes < 1) throw new RangeError('poolBytes must be a positive integer');
  const pool = new Uint8Array(poolBytes);
  let offset = poolBytes;
  return {
    fill(bytes: Uint8Array): Uint8Array {
      if (bytes.length > poolBytes) {
        fillInChunks(source, bytes);
        return bytes;
      }
      let written = 0;
      while (written < bytes.length) {
        if (offset === poolBytes) {
          fillInChunks(source, pool);
          offset = 0;
        }
        const n = Math.min(bytes.length - written, poolBytes - offset);
        bytes.set(pool.subarray(offset, offset + n), written);
        pool.fill(0, offset, offset + n);
        offset += n;
        written += n;
      }
      return bytes;
    },
  };
}

function fillInChunks(source: Random, target: Uint8Array): void {
  for (let start = 0; start < target.length; start += MAX_RANDOM_CHUNK) {
    source.fill(target.subarray(start, Math.min(start + MAX_RANDOM_CHUNK, target.length)));
  }
}
