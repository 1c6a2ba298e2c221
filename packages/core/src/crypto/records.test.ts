import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../base64.ts';
import type { CryptoPrimitives, Random } from '../ports.ts';
import type { Json, RecordDocument } from '../sync/types.ts';
import { envelopeKeyVersion, openEnvelope } from './envelope.ts';
import { PAYLOAD_DEFLATE } from './payload.ts';
import { generateOrgKey, Keyring, type OrgKey } from './keys.ts';
import { pooledRandom } from './random.ts';
import { createRecordCodec } from './records.ts';
import { codeOf, loadSodiumPrimitives, seededRandom } from './test-support.ts';

let p: CryptoPrimitives;
let random: Random;
let general1: OrgKey;
let general2: OrgKey;
let medical1: OrgKey;
beforeAll(async () => {
  p = await loadSodiumPrimitives();
  random = pooledRandom(seededRandom(p, 'record tests'));
  general1 = generateOrgKey(random, 'general', 1);
  general2 = generateOrgKey(random, 'general', 2);
  medical1 = generateOrgKey(random, 'medical', 1);
});

const ORG = '0190a3c4-0000-7000-8000-000000000001';
const ID = '0190a3c4-0000-7000-8000-0000000000aa';
const doc: RecordDocument = {
  fields: { nom: 'Dupont', prenom: 'Aïcha', naissance: '1980-02-29', telephone: null, description: 'Dort près de la gare 🚉' },
  stamps: { nom: '2025-01-01T10:00:00.000Z|u1' },
};

describe('createRecordCodec', () => {
  it('round-trips a document under the current key of the collection kind, as standard base64', () => {
    const codec = createRecordCodec(p, random, new Keyring(ORG, [general1, general2, medical1]));
    const { ciphertext, keyVersion } = codec.encrypt('person', ID, doc);
    expect(keyVersion).toBe(2);
    expect(ciphertext).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(envelopeKeyVersion(fromBase64(ciphertext))).toBe(2);
    expect(codec.decrypt('person', ID, keyVersion, ciphertext)).toEqual(doc);
  });

  it('round-trips any JSON document', () => {
    const codec = createRecordCodec(p, random, new Keyring(ORG, [general1]));
    const json: fc.Arbitrary<Json> = fc.jsonValue() as fc.Arbitrary<Json>;
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), fc.dictionary(fc.string(), fc.string()), (fields, stamps) => {
        const document: RecordDocument = { fields, stamps };
        const { ciphertext, keyVersion } = codec.encrypt('history', ID, document);
        expect(codec.decrypt('history', ID, keyVersion, ciphertext)).toEqual(JSON.parse(JSON.stringify(document)));
      }),
      { numRuns: 100 },
    );
  });

  it('still reads records sealed under an older key version after a rotation', () => {
    const before = createRecordCodec(p, random, new Keyring(ORG, [general1]));
    const old = before.encrypt('person', ID, doc);
    expect(old.keyVersion).toBe(1);
    const after = createRecordCodec(p, random, new Keyring(ORG, [general1, general2]));
    expect(after.decrypt('person', ID, 1, old.ciphertext)).toEqual(doc);
    expect(after.encrypt('person', ID, doc).keyVersion).toBe(2);
  });

  it('binds a ciphertext to its organisation, collection, record and key version', () => {
    const codec = createRecordCodec(p, random, new Keyring(ORG, [general1, general2]));
    const { ciphertext, keyVersion } = codec.encrypt('person', ID, doc);
    const otherOrg = createRecordCodec(p, random, new Keyring('0190a3c4-0000-7000-8000-000000000002', [general1, general2]));
    expect(codeOf(() => otherOrg.decrypt('person', ID, keyVersion, ciphertext))).toBe('DECRYPT_FAILED');
    expect(codeOf(() => codec.decrypt('history', ID, keyVersion, ciphertext))).toBe('DECRYPT_FAILED');
    expect(codeOf(() => codec.decrypt('person', '0190a3c4-0000-7000-8000-0000000000ab', keyVersion, ciphertext))).toBe('DECRYPT_FAILED');
    expect(codeOf(() => codec.decrypt('person', ID, 1, ciphertext))).toBe('CONTEXT_MISMATCH');
  });

  it('answers KEY_UNKNOWN when the device lacks the key', () => {
    const codec = createRecordCodec(p, random, new Keyring(ORG, [general1, general2]));
    const { ciphertext } = codec.encrypt('person', ID, doc);
    expect(codeOf(() => codec.decrypt('person', ID, 3, ciphertext))).toBe('KEY_UNKNOWN');
    const medicalOnly = createRecordCodec(p, random, new Keyring(ORG, [medical1]));
    expect(codeOf(() => medicalOnly.encrypt('person', ID, doc))).toBe('KEY_UNKNOWN');
  });

  it('refuses garbage with a typed error', () => {
    const codec = createRecordCodec(p, random, new Keyring(ORG, [general1]));
    expect(codeOf(() => codec.decrypt('person', ID, 1, 'pas du base64!'))).toBe('MALFORMED');
    expect(codeOf(() => codec.decrypt('person', ID, 1, ''))).toBe('MALFORMED');
    expect(codeOf(() => codec.decrypt('person', ID, 1, toBase64(new Uint8Array(60))))).toBe('UNSUPPORTED_FORMAT');
  });

  it('refuses an authentic envelope whose plaintext is not a RecordDocument', () => {
    // Same key and context, but the plaintext was written by something else (e.g. a future schema).
    const codec = createRecordCodec(p, random, new Keyring(ORG, [general1]));
    const notADocument = { fields: [], stamps: {} } as unknown as RecordDocument;
    const { ciphertext } = codec.encrypt('person', ID, notADocument);
    expect(codeOf(() => codec.decrypt('person', ID, 1, ciphertext))).toBe('MALFORMED');
  });

  it('draws every nonce from the injected Random', () => {
    let drawn = 0;
    const counting: Random = {
      fill(bytes) {
        drawn += bytes.length;
        return random.fill(bytes);
      },
    };
    const codec = createRecordCodec(p, counting, new Keyring(ORG, [general1]));
    codec.encrypt('person', ID, doc);
    codec.encrypt('person', ID, doc);
    expect(drawn).toBe(48);
  });
});

describe('createRecordCodec payload', () => {
  it('seals a deflated payload inside the envelope', () => {
    const codec = createRecordCodec(p, random, new Keyring(ORG, [general1]));
    const large: RecordDocument = { fields: { description: 'Rencontré près de la gare. '.repeat(20) }, stamps: { description: '2026-11-01T09:00:00.000Z|u1' } };
    const { ciphertext } = codec.encrypt('person', ID, large);
    const plaintext = openEnvelope(p, general1.key, { organisationId: ORG, collection: 'person', recordId: ID, keyVersion: 1 }, fromBase64(ciphertext));
    expect(plaintext[0]).toBe(PAYLOAD_DEFLATE);
    expect(plaintext.length).toBeLessThan(JSON.stringify(large).length / 2);
    expect(codec.decrypt('person', ID, 1, ciphertext)).toEqual(large);
  });
});
