// Small byte helpers shared by the binary formats of this folder (envelope, sealed keys, keyring).
// Internal: not re-exported from the package.
import { CryptoError } from './errors.ts';

export const KEY_BYTES = 32;

export function writeU32(target: Uint8Array, offset: number, value: number): void {
  target[offset] = value >>> 24;
  target[offset + 1] = (value >>> 16) & 255;
  target[offset + 2] = (value >>> 8) & 255;
  target[offset + 3] = value & 255;
}

export function readU32(source: Uint8Array, offset: number): number {
  return ((source[offset]! << 24) >>> 0) + ((source[offset + 1]! << 16) | (source[offset + 2]! << 8) | source[offset + 3]!);
}

export function isU32(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A programming error (wrong key size), not a data error: callers must not catch it as one. */
export function assertKey(key: Uint8Array, what = 'key'): void {
  if (key.length !== KEY_BYTES) throw new RangeError(`${what} must be ${KEY_BYTES} bytes, got ${key.length}`);
}

/** Throws MALFORMED unless `bytes` holds at least `needed` bytes from `offset`. */
export function need(bytes: Uint8Array, offset: number, needed: number, what: string): void {
  if (bytes.length < offset + needed) throw new CryptoError('MALFORMED', `${what}: truncated`);
}
