// The slow key derivations (Argon2id) and the opening of an account's keys, described as plain
// messages so that the same code runs in the KDF worker and, as a fallback, on the main thread.
// Opening the keys there too means the page never loads libsodium to log in or unlock: its
// ~530 KB of script and WebAssembly would otherwise be compiled on the slow main thread.
import { fromBase64, toBase64 } from '@relais/core/base64';
import type { CryptoPrimitives, Random } from '@relais/core/ports';
import type { KdfParams } from '@relais/core/protocol';
import { derivePasswordKeys, newPasswordKeys, type KdfProfileName } from '@relais/core/crypto/password';
import { openSealedOrgKey, unwrapPrivateKey, type OrgKey } from '@relais/core/crypto/keys';
import type { SealedAccount } from './sealed-account.ts';

export type KdfTask =
  /** Login: the account's stored parameters (the keys are opened once the server has answered). */
  | { op: 'derive'; password: string; kdf: KdfParams }
  /** Account creation and password reset: fresh salt, default profile, low-memory fallback. */
  | { op: 'new'; password: string };

export type OpenTask =
  /** Unlock: the password and the cached Me open everything in one go, offline. */
  | { op: 'unlock'; password: string; kdf: KdfParams; account: SealedAccount }
  /** After a login: the derived encryption key opens the Me the server returned. */
  | { op: 'open'; encryptionKey: Uint8Array; account: SealedAccount };

export interface DerivedKeys {
  authKey: Uint8Array;
  encryptionKey: Uint8Array;
  /** Set for 'new': the parameters to store with the account. */
  kdf?: KdfParams;
  profile?: KdfProfileName;
}

export interface OpenedKeys {
  /** Base64 auth key; set for 'unlock'. */
  authKey: string | null;
  publicKey: Uint8Array;
  privateKey: Uint8Array;
  /** The organisation keys sealed to the member; empty while awaiting confirmation. */
  orgKeys: OrgKey[];
}

export function runKdfTask(p: CryptoPrimitives, random: Random, task: KdfTask): DerivedKeys {
  switch (task.op) {
    case 'derive':
      return derivePasswordKeys(p, task.password, task.kdf);
    case 'new':
      return newPasswordKeys(p, random, task.password);
  }
}

/** A wrong password gives CryptoError DECRYPT_FAILED (the wrapped private key does not open). */
export function runOpenTask(p: CryptoPrimitives, task: OpenTask): OpenedKeys {
  if (task.op === 'open') return openAccount(p, task.encryptionKey, null, task.account);
  const derived = derivePasswordKeys(p, task.password, task.kdf);
  try {
    return openAccount(p, derived.encryptionKey, toBase64(derived.authKey), task.account);
  } finally {
    derived.encryptionKey.fill(0);
    derived.authKey.fill(0);
  }
}

function openAccount(p: CryptoPrimitives, encryptionKey: Uint8Array, authKey: string | null, account: SealedAccount): OpenedKeys {
  const privateKey = unwrapPrivateKey(p, encryptionKey, account.userId, fromBase64(account.wrappedPrivateKey));
  const keyPair = { publicKey: fromBase64(account.publicKey), privateKey };
  try {
    const orgKeys = account.keys.map((k) => openSealedOrgKey(p, account.organisationId, fromBase64(k.sealed), keyPair, { kind: k.kind, version: k.version }));
    return { authKey, ...keyPair, orgKeys };
  } catch (error) {
    privateKey.fill(0);
    throw error;
  }
}
