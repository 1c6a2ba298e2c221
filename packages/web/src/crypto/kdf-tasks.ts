// The slow key derivations (Argon2id), described as plain messages so that the same code runs in
// the KDF worker and, as a fallback, on the main thread.
import type { CryptoPrimitives, Random } from '@relais/core/ports';
import type { KdfParams } from '@relais/core/protocol';
import { derivePasswordKeys, newPasswordKeys, type KdfProfileName } from '@relais/core/crypto/password';

export type KdfTask =
  /** Login and unlock: the account's stored parameters. */
  | { op: 'derive'; password: string; kdf: KdfParams }
  /** Account creation and password reset: fresh salt, default profile, low-memory fallback. */
  | { op: 'new'; password: string };

export interface DerivedKeys {
  authKey: Uint8Array;
  encryptionKey: Uint8Array;
  /** Set for 'new': the parameters to store with the account. */
  kdf?: KdfParams;
  profile?: KdfProfileName;
}

export function runKdfTask(p: CryptoPrimitives, random: Random, task: KdfTask): DerivedKeys {
  switch (task.op) {
    case 'derive':
      return derivePasswordKeys(p, task.password, task.kdf);
    case 'new':
      return newPasswordKeys(p, random, task.password);
  }
}
