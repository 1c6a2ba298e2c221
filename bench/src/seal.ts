// Encrypts synthetic records exactly as the app does: core's `createRecordCodec` (JSON → UTF-8 →
// envelope under the collection's key, base64 out), with nonces from the platform CSPRNG.
import type { CryptoPrimitives, Random } from '@relais/core';
import { Keyring, createRecordCodec, pooledRandom, sodiumPrimitives } from '@relais/core/crypto/index';
import type { RecordCodec, RecordDocument } from '@relais/core/sync/types';
import type { SyntheticCollection, SyntheticOrganisation } from './generator.ts';

export interface EncryptedRecord {
  collection: SyntheticCollection;
  id: string;
  keyVersion: number;
  /** Standard base64 of the envelope. */
  ciphertext: string;
}

export interface RecordSealer {
  seal(collection: SyntheticCollection, id: string, document: RecordDocument): EncryptedRecord;
  open(record: EncryptedRecord): RecordDocument;
}

export async function loadPrimitives(): Promise<CryptoPrimitives> {
  const sodium = (await import('libsodium-wrappers-sumo')).default;
  await sodium.ready;
  return sodiumPrimitives(sodium);
}

/** Nonces as the app makes them: the platform CSPRNG through core's pool. */
export function platformRandom(): Random {
  return pooledRandom({ fill: (bytes) => crypto.getRandomValues(bytes) });
}

/** The organisation's keyring as a member holds it once unlocked. */
export function syntheticKeyring(org: SyntheticOrganisation): Keyring {
  const general = { kind: 'general' as const, version: org.generalKey.version, key: org.generalKey.key };
  // The medical key is never used by these collections; the keyring just needs a complete set.
  const medical = { kind: 'medical' as const, version: 1, key: new Uint8Array(32).fill(7) };
  return new Keyring(org.organisationId, [general, medical]);
}

export function createSealer(p: CryptoPrimitives, random: Random, org: SyntheticOrganisation): RecordSealer {
  const codec: RecordCodec = createRecordCodec(p, random, syntheticKeyring(org));
  return {
    seal(collection, id, document) {
      const { ciphertext, keyVersion } = codec.encrypt(collection, id, document);
      return { collection, id, keyVersion, ciphertext };
    },
    open({ collection, id, keyVersion, ciphertext }) {
      return codec.decrypt(collection, id, keyVersion, ciphertext);
    },
  };
}
