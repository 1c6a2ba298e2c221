// Password → keys. Argon2id with a per-user random salt and parameters chosen once, at account
// creation, then stored with the user (KdfParams) so every device derives the same keys. The
// Argon2id output is never used directly: two keyed BLAKE2b hashes with distinct contexts turn it
// into the auth key (sent to the server, which stores only a slow hash) and the encryption key
// (wraps the private key, never leaves the device). See docs/decisions/002-envelope-and-keys.md.
import { fromBase64, toBase64 } from '../base64.ts';
import type { CryptoPrimitives, Random } from '../ports.ts';
import { KdfParams } from '../protocol.ts';
import { utf8 } from '../text.ts';
import { CryptoError } from './errors.ts';

export { passwordStrength, PASSWORD_MIN_LENGTH, type PasswordStrength } from './password-strength.ts';

export interface KdfProfile {
  readonly opsLimit: number;
  readonly memLimitBytes: number;
}

/** 64 MiB, 3 passes: ~220 ms on the CI machine, ~1 s on a cheap phone (run it in a Worker). */
export const KDF_DEFAULT: KdfProfile = { opsLimit: 3, memLimitBytes: 64 * 1024 * 1024 };
/**
 * OWASP's minimum for Argon2id (19 MiB, 2 passes) with one more pass to win back some of the lost
 * cost. Chosen at account creation only, and only when the device cannot allocate KDF_DEFAULT.
 */
export const KDF_LOW_MEMORY: KdfProfile = { opsLimit: 4, memLimitBytes: 19 * 1024 * 1024 };

export type KdfProfileName = 'default' | 'low-memory';

export const KDF_SALT_BYTES = 16;
const MASTER_BYTES = 32;
const AUTH_CONTEXT = utf8('relais/password/auth/v1');
const ENCRYPTION_CONTEXT = utf8('relais/password/encryption/v1');

export interface PasswordKeys {
  /** Proves the password to the server; the server keeps only a slow hash of it. */
  authKey: Uint8Array;
  /** Wraps the user's private key; never leaves the device. */
  encryptionKey: Uint8Array;
}

export function newKdfParams(random: Random, profile: KdfProfileName = 'default'): KdfParams {
  const { opsLimit, memLimitBytes } = profile === 'default' ? KDF_DEFAULT : KDF_LOW_MEMORY;
  return { algorithm: 'argon2id13', salt: toBase64(random.fill(new Uint8Array(KDF_SALT_BYTES))), opsLimit, memLimitBytes };
}

/**
 * Derives both keys. Parameters come from the server at login, so they are checked against the
 * protocol's bounds first: a hostile server must not be able to make the hash cheap to attack.
 * The password is NFC-normalised so that every keyboard and OS yields the same bytes.
 */
export function derivePasswordKeys(p: CryptoPrimitives, password: string, kdf: KdfParams): PasswordKeys {
  if (kdf.algorithm !== 'argon2id13') throw new CryptoError('UNSUPPORTED_FORMAT', `KDF ${String(kdf.algorithm)}`);
  if (!KdfParams.safeParse(kdf).success) throw new CryptoError('MALFORMED', 'KDF parameters out of bounds');
  const salt = fromBase64(kdf.salt);
  if (salt.length !== KDF_SALT_BYTES) throw new CryptoError('MALFORMED', `salt of ${salt.length} bytes`);
  const master = p.argon2id(utf8(password.normalize('NFC')), salt, kdf.opsLimit, kdf.memLimitBytes, MASTER_BYTES);
  try {
    return {
      authKey: p.genericHash(32, AUTH_CONTEXT, master),
      encryptionKey: p.genericHash(32, ENCRYPTION_CONTEXT, master),
    };
  } finally {
    master.fill(0);
  }
}

/**
 * For account creation (and a password change): tries KDF_DEFAULT and falls back to
 * KDF_LOW_MEMORY only when the default fails for a reason other than a CryptoError, which in
 * practice is libsodium failing to allocate 64 MiB. The returned `kdf` is stored with the user, so
 * later logins on any device reuse it and never fall back on their own.
 */
export function newPasswordKeys(
  p: CryptoPrimitives,
  random: Random,
  password: string,
): PasswordKeys & { kdf: KdfParams; profile: KdfProfileName } {
  const kdf = newKdfParams(random, 'default');
  try {
    return { kdf, profile: 'default', ...derivePasswordKeys(p, password, kdf) };
  } catch (error) {
    if (error instanceof CryptoError) throw error;
    const low = newKdfParams(random, 'low-memory');
    return { kdf: low, profile: 'low-memory', ...derivePasswordKeys(p, password, low) };
  }
}
