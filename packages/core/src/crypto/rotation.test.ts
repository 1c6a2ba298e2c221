import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../base64.ts';
import type { CryptoPrimitives, Random } from '../ports.ts';
import type { RemoteRecord } from '../protocol.ts';
import type { RecordDocument } from '../sync/types.ts';
import { envelopeKeyVersion, openEnvelope, sealEnvelope } from './envelope.ts';
import { generateOrgKey, generateUserKeyPair, Keyring, openSealedOrgKey, type OrgKey, type UserKeyPair } from './keys.ts';
import { pooledRandom } from './random.ts';
import { createRecordCodec } from './records.ts';
import { nextKeyVersions, reencryptEnvelope, rewrapRecord, sealNewKeys, withKeys } from './rotation.ts';
import { codeOf, fromHex, loadSodiumPrimitives, scriptedRandom, seededRandom, toHex } from './test-support.ts';

const ORG = '0190a3c4-0000-7000-8000-000000000001';
const ID = '0190a3c4-0000-7000-8000-0000000000aa';
const ALICE = '0190a3c4-0000-7000-8000-00000000a11c';
const NURSE = '0190a3c4-0000-7000-8000-00000000b0b0';

let p: CryptoPrimitives;
let random: Random;
let general1: OrgKey;
let medical1: OrgKey;
beforeAll(async () => {
  p = await loadSodiumPrimitives();
  random = pooledRandom(seededRandom(p, 'rotation tests'));
  general1 = generateOrgKey(random, 'general', 1);
  medical1 = generateOrgKey(random, 'medical', 1);
});

const doc: RecordDocument = { fields: { nom: 'Martin', note: 'Suivi à la PASS' }, stamps: { nom: '2026-01-01T10:00:00.000Z|u1' } };

function remote(collection: RemoteRecord['collection'], keyring: Keyring, id = ID): RemoteRecord {
  const { ciphertext, keyVersion } = createRecordCodec(p, random, keyring).encrypt(collection, id, doc);
  return { collection, id, version: 3, seq: 10, keyVersion, deleted: false, authorId: ALICE, updatedAt: '2026-01-01T10:00:00.000Z', ciphertext };
}

describe('reencryptEnvelope', () => {
  const oldKey = fromHex('11'.repeat(32));
  const newKey = fromHex('22'.repeat(32));
  const ctx = { organisationId: ORG, collection: 'person', recordId: ID, keyVersion: 1 };
  const plaintext = new TextEncoder().encode('{"fields":{},"stamps":{}}');

  it('turns a fixed source envelope, keys and nonce into fixed bytes: the same plaintext under the new version', () => {
    const source = sealEnvelope(p, scriptedRandom(fromHex('aa'.repeat(24))), oldKey, ctx, plaintext);
    const out = reencryptEnvelope(p, scriptedRandom(fromHex('bb'.repeat(24))), { key: oldKey, ctx }, { key: newKey, keyVersion: 2 }, source);
    // Exactly what sealing the plaintext directly under version 2 gives: nothing else changes.
    expect(toHex(out)).toBe(toHex(sealEnvelope(p, scriptedRandom(fromHex('bb'.repeat(24))), newKey, { ...ctx, keyVersion: 2 }, plaintext)));
    expect(toHex(out)).toBe(
      '0100000002bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' + REENCRYPTED_BODY,
    );
    expect(envelopeKeyVersion(out)).toBe(2);
    expect(openEnvelope(p, newKey, { ...ctx, keyVersion: 2 }, out)).toEqual(plaintext);
  });

  it('gives an envelope that the old key no longer opens, under either version number', () => {
    const source = sealEnvelope(p, random, oldKey, ctx, plaintext);
    const out = reencryptEnvelope(p, random, { key: oldKey, ctx }, { key: newKey, keyVersion: 2 }, source);
    expect(codeOf(() => openEnvelope(p, oldKey, { ...ctx, keyVersion: 2 }, out))).toBe('DECRYPT_FAILED');
    expect(codeOf(() => openEnvelope(p, oldKey, ctx, out))).toBe('CONTEXT_MISMATCH');
  });

  it('refuses a tampered or misplaced source with a typed error, never re-sealing it', () => {
    const source = sealEnvelope(p, random, oldKey, ctx, plaintext);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: source.length - 1 }), fc.integer({ min: 1, max: 255 }), (index, mask) => {
        const tampered = source.slice();
        tampered[index]! ^= mask;
        const code = codeOf(() => reencryptEnvelope(p, random, { key: oldKey, ctx }, { key: newKey, keyVersion: 2 }, tampered));
        expect(['DECRYPT_FAILED', 'CONTEXT_MISMATCH', 'UNSUPPORTED_FORMAT']).toContain(code);
      }),
    );
    const elsewhere = { ...ctx, recordId: '0190a3c4-0000-7000-8000-0000000000bb' };
    expect(codeOf(() => reencryptEnvelope(p, random, { key: oldKey, ctx: elsewhere }, { key: newKey, keyVersion: 2 }, source))).toBe('DECRYPT_FAILED');
    expect(codeOf(() => reencryptEnvelope(p, random, { key: newKey, ctx }, { key: newKey, keyVersion: 2 }, source))).toBe('DECRYPT_FAILED');
  });

  it('only moves forward', () => {
    const source = sealEnvelope(p, random, oldKey, ctx, plaintext);
    expect(() => reencryptEnvelope(p, random, { key: oldKey, ctx }, { key: newKey, keyVersion: 1 }, source)).toThrow(RangeError);
  });
});

describe('rewrapRecord', () => {
  it('moves a record to the current version of its kind, with the same content, for the same record only', () => {
    const before = new Keyring(ORG, [general1, medical1]);
    const record = remote('person', before);
    const after = withKeys(before, nextKeyVersions(random, before, ['general']));
    const rewrap = rewrapRecord(p, random, after, record);
    expect(rewrap).toMatchObject({ collection: 'person', id: ID, version: 3, keyVersion: 2 });
    const codec = createRecordCodec(p, random, after);
    expect(codec.decrypt('person', ID, 2, rewrap.ciphertext)).toEqual(doc);
    // Bound to its record: it opens nowhere else, and the keyring of before the rotation cannot open it.
    expect(codeOf(() => codec.decrypt('person', '0190a3c4-0000-7000-8000-0000000000bb', 2, rewrap.ciphertext))).toBe('DECRYPT_FAILED');
    expect(codeOf(() => createRecordCodec(p, random, before).decrypt('person', ID, 2, rewrap.ciphertext))).toBe('KEY_UNKNOWN');
    const forged = new Keyring(ORG, [...before.all(), { kind: 'general', version: 2, key: general1.key }]);
    expect(codeOf(() => createRecordCodec(p, random, forged).decrypt('person', ID, 2, rewrap.ciphertext))).toBe('DECRYPT_FAILED');
  });

  it('says KEY_UNKNOWN when the keyring lacks the version the record was sealed with', () => {
    const record = remote('person', new Keyring(ORG, [general1]));
    const stranger = new Keyring(ORG, [generateOrgKey(random, 'general', 2)]);
    expect(codeOf(() => rewrapRecord(p, random, stranger, record))).toBe('KEY_UNKNOWN');
    expect(codeOf(() => rewrapRecord(p, random, withKeys(new Keyring(ORG, [general1]), [generateOrgKey(random, 'general', 2)]), { ...record, ciphertext: 'pas du base64 !' }))).toBe('MALFORMED');
  });
});

describe('sealNewKeys', () => {
  let alice: UserKeyPair;
  let nurse: UserKeyPair;
  beforeAll(() => {
    alice = generateUserKeyPair(p, random);
    nurse = generateUserKeyPair(p, random);
  });

  it('seals each new version to the recipients of its kind only, openable as that kind and version', () => {
    const keyring = new Keyring(ORG, [general1, medical1]);
    const fresh = nextKeyVersions(random, keyring, ['general', 'medical', 'general']);
    expect(fresh.map((k) => [k.kind, k.version])).toEqual([
      ['general', 2],
      ['medical', 2],
    ]);
    const request = sealNewKeys(p, ORG, fresh, [
      { userId: ALICE, publicKey: toBase64(alice.publicKey), kinds: ['general'] },
      { userId: NURSE, publicKey: toBase64(nurse.publicKey), kinds: ['general', 'medical'] },
    ]);
    expect(request.keys.map((k) => [k.kind, k.version, k.sealed.map((s) => s.userId)])).toEqual([
      ['general', 2, [ALICE, NURSE]],
      ['medical', 2, [NURSE]],
    ]);
    const medical = request.keys[1]!.sealed[0]!.sealed;
    expect(openSealedOrgKey(p, ORG, fromBase64(medical), nurse, { kind: 'medical', version: 2 }).key).toEqual(fresh[1]!.key);
    expect(codeOf(() => openSealedOrgKey(p, ORG, fromBase64(medical), alice))).toBe('DECRYPT_FAILED');
  });
});

// Pinned once from the implementation (libsodium's XChaCha20-Poly1305-IETF): a change of the
// envelope layout, the associated data or the re-encryption makes this test fail.
const REENCRYPTED_BODY = '85112afc4c14155a2db9da3ebd4bfe83c0f7aad53681a39529311ce9749f33d227045ff5e3c6de988d';
