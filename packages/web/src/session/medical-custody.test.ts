// @vitest-environment node
// (libsodium checks `instanceof Uint8Array`, which jsdom's TextEncoder, from another realm, fails.)
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '@relais/core/base64';
import { generateOrgKey, generateUserKeyPair, openSealedOrgKey, sealOrgKey, type OrgKey, type UserKeyPair } from '@relais/core/crypto/keys';
import { ERROR_MESSAGES } from '@relais/core/errors';
import type { MedicalKeyBootstrapRequest, MedicalKeyGrantsRequest, MedicalKeyState, SealedKey } from '@relais/core/protocol';
import { ApiError } from '../api/errors.ts';
import { ORG, testCrypto, type Crypto } from '../rotation/test-support.ts';
import { tendMedicalKey, type CustodyApi } from './medical-custody.ts';

const NURSE = '01900000-0000-7000-8000-0000000000d1';
const DOCTOR = '01900000-0000-7000-8000-0000000000d2';

let crypto: Crypto;
const primitives = () => Promise.resolve(crypto.p);
beforeAll(async () => {
  crypto = await testCrypto('medical custody tests');
});

/** The server's side, as far as this step sees it: a state, the caller's sealed keys, what was sent. */
class FakeApi implements CustodyApi {
  readonly bootstraps: MedicalKeyBootstrapRequest[] = [];
  readonly grants: MedicalKeyGrantsRequest[] = [];
  refuseBootstrap = false;
  constructor(
    public state: MedicalKeyState,
    public sealed: SealedKey[],
    private readonly afterBootstrap: MedicalKeyState = state,
  ) {}
  async medicalKeyState() {
    return this.state;
  }
  async bootstrapMedicalKey(request: MedicalKeyBootstrapRequest) {
    if (this.refuseBootstrap) throw new ApiError('MEDICAL_KEY_HELD', ERROR_MESSAGES.MEDICAL_KEY_HELD, 409);
    this.bootstraps.push(request);
    this.sealed = [...this.sealed, { kind: 'medical', version: request.version, sealed: request.sealed[0]!.sealed }];
    this.state = this.afterBootstrap;
    return this.state;
  }
  async grantMedicalKeys(request: MedicalKeyGrantsRequest) {
    this.grants.push(request);
    return { ...this.state, pending: [] };
  }
  async keys() {
    return { keys: this.sealed };
  }
}

const open = (pair: UserKeyPair, version: number, sealed: string) => openSealedOrgKey(crypto.p, ORG, fromBase64(sealed), pair, { kind: 'medical', version });
const sealTo = (key: OrgKey, pair: UserKeyPair): SealedKey => ({ kind: key.kind, version: key.version, sealed: toBase64(sealOrgKey(crypto.p, ORG, key, pair.publicKey)) });

describe('tendMedicalKey', () => {
  it('creates the medical key when nobody holds it, sealed to this member, then seals it to a colleague waiting for it', async () => {
    const nurse = generateUserKeyPair(crypto.p, crypto.random);
    const doctor = generateUserKeyPair(crypto.p, crypto.random);
    const api = new FakeApi({ currentVersion: 0, bootstrapNeeded: true, pending: [] }, [], {
      currentVersion: 1,
      bootstrapNeeded: false,
      pending: [{ userId: DOCTOR, publicKey: toBase64(doctor.publicKey), missing: [1] }],
    });
    const outcome = await tendMedicalKey(api, primitives, crypto.random, { organisationId: ORG, userId: NURSE, keyPair: nurse, holds: () => false });
    expect(outcome).toBe('created');
    expect(api.bootstraps).toHaveLength(1);
    const request = api.bootstraps[0]!;
    expect(request.version).toBe(1);
    expect(request.sealed.map((box) => box.userId)).toEqual([NURSE]);
    const created = open(nurse, 1, request.sealed[0]!.sealed);
    expect(created.key).toHaveLength(32);
    // The colleague receives the very same key, sealed to their own public key.
    expect(api.grants).toHaveLength(1);
    const grant = api.grants[0]!.grants;
    expect(grant.map((g) => [g.userId, g.version])).toEqual([[DOCTOR, 1]]);
    expect(open(doctor, 1, grant[0]!.sealed).key).toEqual(created.key);
  });

  it('waits for a grant when another device created the key first', async () => {
    const api = new FakeApi({ currentVersion: 0, bootstrapNeeded: true, pending: [] }, []);
    api.refuseBootstrap = true;
    const nurse = generateUserKeyPair(crypto.p, crypto.random);
    expect(await tendMedicalKey(api, primitives, crypto.random, { organisationId: ORG, userId: NURSE, keyPair: nurse, holds: () => false })).toBe('waiting');
    expect(api.grants).toEqual([]);
  });

  it('seals every version a colleague misses, from the keys the server holds for this member', async () => {
    const nurse = generateUserKeyPair(crypto.p, crypto.random);
    const doctor = generateUserKeyPair(crypto.p, crypto.random);
    const v1 = generateOrgKey(crypto.random, 'medical', 1);
    const v2 = generateOrgKey(crypto.random, 'medical', 2);
    const general = generateOrgKey(crypto.random, 'general', 1);
    const api = new FakeApi(
      { currentVersion: 2, bootstrapNeeded: false, pending: [{ userId: DOCTOR, publicKey: toBase64(doctor.publicKey), missing: [1, 2] }] },
      [sealTo(general, nurse), sealTo(v1, nurse), sealTo(v2, nurse)],
    );
    expect(await tendMedicalKey(api, primitives, crypto.random, { organisationId: ORG, userId: NURSE, keyPair: nurse, holds: (v) => v <= 2 })).toBe('granted');
    const grants = api.grants[0]!.grants;
    expect(grants.map((g) => [g.userId, g.version])).toEqual([
      [DOCTOR, 1],
      [DOCTOR, 2],
    ]);
    expect(open(doctor, 1, grants[0]!.sealed).key).toEqual(v1.key);
    expect(open(doctor, 2, grants[1]!.sealed).key).toEqual(v2.key);
    expect(api.bootstraps).toEqual([]);
  });

  it('does nothing more than one GET when nothing is to be done, and says when this session lacks the current version', async () => {
    const nurse = generateUserKeyPair(crypto.p, crypto.random);
    const settled = new FakeApi({ currentVersion: 3, bootstrapNeeded: false, pending: [] }, []);
    let loads = 0;
    const counted = () => {
      loads += 1;
      return Promise.resolve(crypto.p);
    };
    expect(await tendMedicalKey(settled, counted, crypto.random, { organisationId: ORG, userId: NURSE, keyPair: nurse, holds: (v) => v === 3 })).toBe('nothing');
    // Someone else holds version 3 and this session does not: a reload of the keys may bring it.
    expect(await tendMedicalKey(settled, counted, crypto.random, { organisationId: ORG, userId: NURSE, keyPair: nurse, holds: (v) => v === 2 })).toBe('waiting');
    // Nothing sealed: libsodium never loaded on the page for it.
    expect(loads).toBe(0);
    expect(settled.bootstraps).toEqual([]);
    expect(settled.grants).toEqual([]);
  });
});
