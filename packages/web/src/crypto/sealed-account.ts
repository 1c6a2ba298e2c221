// What opening an account's keys needs from its Me, all of it sealed or wrapped. Its own module:
// the first screen's script builds it without loading the key derivation's code (kdf-tasks.ts).
import type { Me } from '@relais/core/protocol';
import { CryptoError } from '@relais/core/crypto/errors';

export interface SealedAccount {
  userId: string;
  organisationId: string;
  publicKey: string;
  wrappedPrivateKey: string;
  keys: Me['keys'];
}

export function sealedAccount(me: Me): SealedAccount {
  if (!me.user.publicKey) throw new CryptoError('MALFORMED', 'no public key');
  return { userId: me.user.id, organisationId: me.organisation.id, publicKey: me.user.publicKey, wrappedPrivateKey: me.wrappedPrivateKey, keys: me.keys };
}
