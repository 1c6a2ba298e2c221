// libsodium (sumo build, ~190 KB gzip) is loaded on demand so that the first paint never waits
// for it; both the main thread and the KDF worker go through here.
import type { CryptoPrimitives, Random } from '@relais/core/ports';
import { sodiumPrimitives } from '@relais/core/crypto/sodium';
import { pooledRandom } from '@relais/core/crypto/random';

let primitives: Promise<CryptoPrimitives> | null = null;

export function loadPrimitives(): Promise<CryptoPrimitives> {
  primitives ??= (async () => {
    const sodium = (await import('libsodium-wrappers-sumo')).default;
    await sodium.ready;
    return sodiumPrimitives(sodium);
  })();
  return primitives;
}

/** The platform CSPRNG; getRandomValues refuses more than 64 KiB a call, pooledRandom chunks. */
export const systemRandom: Random = { fill: (bytes) => crypto.getRandomValues(bytes) };

/** Nonces and ids come from a pooled buffer: ~0.2 µs instead of a system call each. */
export const random: Random = pooledRandom(systemRandom);
