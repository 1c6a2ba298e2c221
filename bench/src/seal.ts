// Encrypts synthetic records exactly as the app does: `createRecordCodec` (JSON → UTF-8 → envelope
// under the general key, base64 out) for the collections core knows. Collections core does not know
// yet (action, comment, passage, rencontre: issue 4) go through the same envelope with their own
// collection name in the associated data, which is what the codec will do once they exist.
import { fromBase64, fromUtf8, toBase64, utf8, type CryptoPrimitives, type Random } from '@relais/core';
import { COLLECTIONS, type Collection } from '@relais/core/collections';
import { Keyring, createRecordCodec, openEnvelope, pooledRandom, sealEnvelope, sodiumPrimitives } from '@relais/core/crypto/index';
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

function isCoreCollection(collection: string): collection is Collection {
  return Object.hasOwn(COLLECTIONS, collection);
}

export function createSealer(p: CryptoPrimitives, random: Random, org: SyntheticOrganisation): RecordSealer {
  const general = { kind: 'general' as const, version: org.generalKey.version, key: org.generalKey.key };
  // The medical key is never used by these collections; the keyring just needs a complete set.
  const medical = { kind: 'medical' as const, version: 1, key: new Uint8Array(32).fill(7) };
  const codec: RecordCodec = createRecordCodec(p, random, new Keyring(org.organisationId, [general, medical]));
  const context = (collection: string, recordId: string, keyVersion: number) => ({
    organisationId: org.organisationId,
    collection,
    recordId,
    keyVersion,
  });
  return {
    seal(collection, id, document) {
      if (isCoreCollection(collection)) {
        const { ciphertext, keyVersion } = codec.encrypt(collection, id, document);
        return { collection, id, keyVersion, ciphertext };
      }
      const envelope = sealEnvelope(p, random, general.key, context(collection, id, general.version), utf8(JSON.stringify(document)));
      return { collection, id, keyVersion: general.version, ciphertext: toBase64(envelope) };
    },
    open({ collection, id, keyVersion, ciphertext }) {
      if (isCoreCollection(collection)) return codec.decrypt(collection, id, keyVersion, ciphertext);
      if (keyVersion !== general.version) throw new Error(`no general key version ${keyVersion}`);
      const plaintext = openEnvelope(p, general.key, context(collection, id, keyVersion), fromBase64(ciphertext));
      return JSON.parse(fromUtf8(plaintext)) as RecordDocument;
    },
  };
}
