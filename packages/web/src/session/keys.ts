// Opening and handing out organisation keys. Keys exist only in memory; `forgetKeys` zeroes them.
import { fromBase64, toBase64 } from '@relais/core/base64';
import type { CryptoPrimitives } from '@relais/core/ports';
import type { KeyKind, Me, SealedKey } from '@relais/core/protocol';
import { Keyring, openSealedOrgKey, sealOrgKey, type UserKeyPair } from '@relais/core/crypto/keys';

/** The keyring from the keys sealed to this member, or null while the member awaits confirmation. */
export function openKeyring(p: CryptoPrimitives, me: Me, keyPair: UserKeyPair): Keyring | null {
  if (me.keys.length === 0) return null;
  const keys = me.keys.map((k) =>
    openSealedOrgKey(p, me.organisation.id, fromBase64(k.sealed), keyPair, { kind: k.kind, version: k.version }),
  );
  return new Keyring(me.organisation.id, keys);
}

/** Every version of the given kinds, sealed to a member's public key (confirm, recovery). */
export function sealKeysFor(p: CryptoPrimitives, keyring: Keyring, publicKey: Uint8Array, kinds: readonly KeyKind[]): SealedKey[] {
  return keyring
    .all()
    .filter((k) => kinds.includes(k.kind))
    .map((k) => ({ kind: k.kind, version: k.version, sealed: toBase64(sealOrgKey(p, keyring.organisationId, k, publicKey)) }));
}

/**
 * Copies of the keys the data Worker gets: the medical key only for a health professional (the
 * server serves it to nobody else, decision 017; this holds even for a key left in a cached Me).
 */
export function workerKeys(keyring: Keyring, me: Me): { kind: KeyKind; version: number; key: Uint8Array }[] {
  return keyring
    .all()
    .filter((k) => k.kind !== 'medical' || me.user.healthProfessional)
    .map((k) => ({ kind: k.kind, version: k.version, key: k.key.slice() }));
}

export function kindsFor(healthProfessional: boolean): KeyKind[] {
  return healthProfessional ? ['general', 'medical'] : ['general'];
}

export function forgetKeys(keyring: Keyring | null, keyPair: UserKeyPair | null): void {
  for (const k of keyring?.all() ?? []) k.key.fill(0);
  keyPair?.privateKey.fill(0);
}
