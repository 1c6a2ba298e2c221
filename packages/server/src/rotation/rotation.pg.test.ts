// Member exit and key rotation end to end, with real encryption (core's crypto through
// libsodium), members' real sync engines and the administrator's re-encryption driver, all
// talking to the real server on PGlite and on PostgreSQL.
import { randomFillSync } from 'node:crypto';
import { fromBase64, toBase64 } from '@relais/core/base64';
import type { Collection } from '@relais/core/collections';
import { createRecordCodec } from '@relais/core/crypto/records';
import { openEnvelope } from '@relais/core/crypto/envelope';
import { generateOrgKey, generateUserKeyPair, Keyring, openSealedOrgKey, sealOrgKey, type OrgKey, type UserKeyPair } from '@relais/core/crypto/keys';
import { pooledRandom } from '@relais/core/crypto/random';
import { nextKeyVersions, rewrapRecord, sealNewKeys, withKeys } from '@relais/core/crypto/rotation';
import { codeOf, loadSodiumPrimitives } from '@relais/core/crypto/test-support';
import type { CryptoPrimitives, Random } from '@relais/core/ports';
import {
  KeysResponse,
  PROTOCOL_VERSION,
  PullResponse,
  PushResponse,
  RewrapResponse,
  RotationPage,
  RotationStatus,
  type KeyKind,
  type Rewrap,
  type SessionResponse,
} from '@relais/core/protocol';
import { runRotation, type RotationCursor, type RotationCursorStore, type RotationTransport } from '@relais/core/rotation/driver';
import { createSyncEngine, type SyncEngine } from '@relais/core/sync/engine';
import { MemoryStore } from '@relais/core/sync/memory-store';
import { TransportError, type Json, type RecordCodec, type Transport } from '@relais/core/sync/types';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { call, makeCredentials, organisationRequest, uniqueEmail, uuid } from '../testing/fixtures.ts';
import { describeEachBackend } from '../testing/harness.ts';

let p: CryptoPrimitives;
let random: Random;
beforeAll(async () => {
  p = await loadSodiumPrimitives();
  random = pooledRandom({ fill: (bytes) => randomFillSync(bytes) });
});

interface RealUser {
  userId: string;
  token: string;
  pair: UserKeyPair;
}

interface RealOrganisation {
  id: string;
  admin: RealUser;
  /** The administrator's keys, as their device holds them. */
  keyring: Keyring;
}

async function ok<T>(reply: Promise<{ status: number; json: <U>() => U; code: string | undefined }>, status = 200): Promise<T> {
  const answer = await reply;
  expect({ status: answer.status, code: answer.code }).toEqual({ status, code: undefined });
  return answer.json<T>();
}

async function createRealOrganisation(app: FastifyInstance): Promise<RealOrganisation> {
  const pair = generateUserKeyPair(p, random);
  // A creator who is a health professional holds both kinds from the start (decision 017).
  const { request } = organisationRequest({ healthProfessional: true });
  const id = request.organisation.id;
  const keys = [generateOrgKey(random, 'general', 1), generateOrgKey(random, 'medical', 1)];
  request.credentials = { ...request.credentials, publicKey: toBase64(pair.publicKey) };
  request.keys = keys.map((key) => ({ kind: key.kind, version: key.version, sealed: toBase64(sealOrgKey(p, id, key, pair.publicKey)) }));
  const session = await ok<SessionResponse>(call(app, 'POST', '/api/organisations', request), 201);
  return { id, admin: { userId: request.user.id, token: session.session.token, pair }, keyring: new Keyring(id, keys) };
}

/** Invited, accepted with a real key pair, confirmed with every version the admin holds of the kinds allowed. */
async function addRealMember(app: FastifyInstance, org: RealOrganisation, healthProfessional = false): Promise<RealUser> {
  const invited = await ok<{ invitation: { id: string }; secret: string }>(
    call(app, 'POST', '/api/invitations', { email: uniqueEmail('real'), role: 'member', healthProfessional }, { token: org.admin.token }),
    201,
  );
  const pair = generateUserKeyPair(p, random);
  const credentials = makeCredentials().request;
  const userId = uuid();
  const accepted = await ok<SessionResponse>(
    call(app, 'POST', `/api/invitations/${invited.invitation.id}/accept`, {
      secret: invited.secret,
      user: { id: userId, name: 'Sacha Membre' },
      credentials: { ...credentials, publicKey: toBase64(pair.publicKey) },
    }),
    201,
  );
  const keys = org.keyring
    .all()
    .filter((key) => key.kind === 'general' || healthProfessional)
    .map((key) => ({ kind: key.kind, version: key.version, sealed: toBase64(sealOrgKey(p, org.id, key, pair.publicKey)) }));
  await ok(call(app, 'POST', `/api/members/${userId}/confirm`, { keys }, { token: org.admin.token }));
  return { userId, token: accepted.session.token, pair };
}

/** What a member's device does on reload: fetch its sealed keys and open each one. */
async function loadKeyring(app: FastifyInstance, orgId: string, user: RealUser): Promise<Keyring> {
  const { keys } = KeysResponse.parse(await ok(call(app, 'GET', '/api/keys', undefined, { token: user.token })));
  return new Keyring(
    orgId,
    keys.map((key) => openSealedOrgKey(p, orgId, fromBase64(key.sealed), user.pair, { kind: key.kind, version: key.version })),
  );
}

function transportFor(app: FastifyInstance, token: string): Transport {
  const send = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
    const reply = await call(app, method, url, body, { token });
    if (reply.status !== 200) throw new TransportError(`HTTP ${reply.status}`, false, reply.status, reply.code);
    return reply.body;
  };
  return {
    push: async (request) => PushResponse.parse(await send('POST', '/api/sync/push', request)),
    pull: async (since, limit) => PullResponse.parse(await send('GET', `/api/sync/pull?since=${since}&limit=${limit}&protocol=${PROTOCOL_VERSION}`)),
  };
}

/** A member's device: its own store and engine; its keyring can be reloaded (the codec reads it at each call). */
class Device {
  keyring: Keyring;
  readonly engine: SyncEngine;
  constructor(app: FastifyInstance, user: RealUser, keyring: Keyring) {
    this.keyring = keyring;
    const codec: RecordCodec = {
      encrypt: (collection, id, document) => createRecordCodec(p, random, this.keyring).encrypt(collection, id, document),
      decrypt: (collection, id, keyVersion, ciphertext) => createRecordCodec(p, random, this.keyring).decrypt(collection, id, keyVersion, ciphertext),
    };
    this.engine = createSyncEngine({ store: new MemoryStore(), transport: transportFor(app, user.token), codec, clock: { now: () => Date.now() }, random, userId: user.userId });
  }
}

function driverTransport(app: FastifyInstance, token: string, hooks: { rewrap?: (call: number, items: readonly Rewrap[], send: () => Promise<RewrapResponse>) => Promise<RewrapResponse> } = {}): RotationTransport {
  const send = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
    const reply = await call(app, method, url, body, { token });
    if (reply.status !== 200) throw new TransportError(`HTTP ${reply.status}`, false, reply.status, reply.code);
    return reply.body;
  };
  let calls = 0;
  return {
    status: async () => RotationStatus.parse(await send('GET', '/api/rotation')),
    page: async (kind, since, limit) => RotationPage.parse(await send('GET', `/api/rotation/records?kind=${kind}&since=${since}&limit=${limit}&protocol=${PROTOCOL_VERSION}`)),
    rewrap: async (items) => {
      const request = async () => RewrapResponse.parse(await send('POST', '/api/rotation/rewrap', { protocol: PROTOCOL_VERSION, items }));
      calls += 1;
      return (hooks.rewrap === undefined ? await request() : await hooks.rewrap(calls, items, request)).results;
    },
  };
}

/** What the web Worker keeps in IndexedDB; here a map that outlives the driver runs. */
class CursorMap implements RotationCursorStore {
  readonly saved = new Map<KeyKind, RotationCursor>();
  async load(kind: KeyKind) {
    return this.saved.get(kind) ?? null;
  }
  async save(cursor: RotationCursor) {
    this.saved.set(cursor.kind, { ...cursor, failed: [...cursor.failed] });
  }
}

/** The administrator's side of a revocation: revoke, then publish the kinds the status says are due. */
async function revokeAndRotate(app: FastifyInstance, org: RealOrganisation, leaving: RealUser): Promise<OrgKey[]> {
  await ok(call(app, 'POST', `/api/members/${leaving.userId}/revoke`, undefined, { token: org.admin.token }));
  const status = RotationStatus.parse(await ok(call(app, 'GET', '/api/rotation', undefined, { token: org.admin.token })));
  const due = status.kinds.filter((kind) => kind.rotationNeeded).map((kind) => kind.kind);
  const fresh = nextKeyVersions(random, org.keyring, due);
  await ok(call(app, 'POST', '/api/rotation/keys', sealNewKeys(p, org.id, fresh, status.recipients), { token: org.admin.token }));
  org.keyring = withKeys(org.keyring, fresh);
  return fresh;
}

interface StoredRecord {
  collection: Collection;
  id: string;
  key_version: number;
  ciphertext: string;
}

async function storedRecords(t: { db: import('kysely').Kysely<import('../db/schema.ts').DB> }, orgId: string): Promise<StoredRecord[]> {
  const rows = await t.db.selectFrom('records').select(['collection', 'id', 'key_version', 'ciphertext']).where('organisation_id', '=', orgId).orderBy('seq').execute();
  return rows.map((row) => ({ ...row, collection: row.collection as Collection }));
}

/** Every way the revoked member's keys could be tried on a stored record: each fails. */
function expectUnreadableBy(keyring: Keyring, record: StoredRecord): void {
  expect(codeOf(() => createRecordCodec(p, random, keyring).decrypt(record.collection, record.id, record.key_version, record.ciphertext))).toBe('KEY_UNKNOWN');
  for (const key of keyring.all()) {
    const ctx = { organisationId: keyring.organisationId, collection: record.collection, recordId: record.id, keyVersion: record.key_version };
    expect(codeOf(() => openEnvelope(p, key.key, ctx, fromBase64(record.ciphertext)))).toBe('DECRYPT_FAILED');
  }
}

describeEachBackend('key rotation with real encryption', (t) => {
  it("leaves the revoked member's keys unable to open anything written after the revocation", async () => {
    const org = await createRealOrganisation(t.app);
    const alice = await addRealMember(t.app, org);
    const bob = await addRealMember(t.app, org, true);
    const bobKeys = await loadKeyring(t.app, org.id, bob);
    expect(bobKeys.all().map((key) => `${key.kind}:${key.version}`)).toEqual(['general:1', 'medical:1']);
    const fresh = await revokeAndRotate(t.app, org, bob);
    // Bob was a health professional: both kinds were due.
    expect(fresh.map((key) => `${key.kind}:${key.version}`)).toEqual(['general:2', 'medical:2']);

    const device = new Device(t.app, alice, await loadKeyring(t.app, org.id, alice));
    expect(device.keyring.all().map((key) => `${key.kind}:${key.version}`)).toEqual(['general:1', 'general:2']);
    const id = uuid();
    await device.engine.write('person', id, { nom: 'Écrit après le départ' });
    expect((await device.engine.sync()).pushed).toBe(1);

    const [record] = await storedRecords(t, org.id);
    expect(record).toMatchObject({ id, key_version: 2 });
    expect(createRecordCodec(p, random, device.keyring).decrypt('person', id, 2, record!.ciphertext).fields).toEqual({ nom: 'Écrit après le départ' });
    expectUnreadableBy(bobKeys, record!);
    // No box of the new versions was sealed to Bob, and none of those stored opens with his key pair.
    const boxes = await t.db.selectFrom('sealed_keys').select(['user_id', 'kind', 'version', 'sealed']).where('organisation_id', '=', org.id).where('version', '=', 2).execute();
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) {
      expect(box.user_id).not.toBe(bob.userId);
      expect(codeOf(() => openSealedOrgKey(p, org.id, new Uint8Array(box.sealed), bob.pair))).toBe('DECRYPT_FAILED');
    }
    expect((await call(t.app, 'GET', '/api/keys', undefined, { token: bob.token })).status).toBe(401);
  });

  it('re-encrypts every record through a driver run that crashes midway and resumes, without losing concurrent writes', async () => {
    const org = await createRealOrganisation(t.app);
    const alice = await addRealMember(t.app, org);
    const carol = await addRealMember(t.app, org);
    const bob = await addRealMember(t.app, org);
    const bobKeys = await loadKeyring(t.app, org.id, bob);

    const aliceDevice = new Device(t.app, alice, await loadKeyring(t.app, org.id, alice));
    const expected = new Map<string, Record<string, Json>>();
    for (let i = 0; i < 45; i++) {
      const collection: Collection = i % 3 === 0 ? 'comment' : 'person';
      const id = uuid();
      const fields = { nom: `Personne ${i}`, note: `note ${i}` };
      await aliceDevice.engine.write(collection, id, fields);
      expected.set(id, fields);
    }
    await aliceDevice.engine.sync();
    // Carol's device synced before the rotation and stays offline through it: it knows version 1 only.
    const carolDevice = new Device(t.app, carol, await loadKeyring(t.app, org.id, carol));
    await carolDevice.engine.sync();

    await revokeAndRotate(t.app, org, bob);
    aliceDevice.keyring = await loadKeyring(t.app, org.id, alice);
    const store = new CursorMap();
    const reencrypt = (record: Parameters<typeof rewrapRecord>[3]) => rewrapRecord(p, random, org.keyring, record);
    const crashing = driverTransport(t.app, org.admin.token, {
      rewrap: async (call, items, send) => {
        if (call === 1) {
          const { collection: carolCollection, id: carolId } = items[3]!;
          // Between the driver's read and its rewrap, Carol (still on version 1) edits a record of the batch.
          await carolDevice.engine.write(carolCollection, carolId, { nom: 'Renommée par Carol' });
          expect((await carolDevice.engine.sync()).pushed).toBe(1);
          expected.set(carolId, { ...expected.get(carolId)!, nom: 'Renommée par Carol' });
          const answer = await send();
          // Nothing of Carol's edit is overwritten: the server refuses that rewrap, the record comes back later.
          expect(answer.results.filter((result) => result.status === 'stale').map((result) => result.id)).toEqual([carolId]);
          return answer;
        }
        // The second batch reaches the server, then the connection drops: the answer is lost.
        await send();
        throw new Error('connexion perdue');
      },
    });
    const progress: number[] = [];
    await expect(runRotation({ transport: crashing, store, reencrypt, pageSize: 10, onProgress: (x) => progress.push(x.done) })).rejects.toThrow('connexion perdue');
    const midway = RotationStatus.parse(await ok(call(t.app, 'GET', '/api/rotation', undefined, { token: org.admin.token }))).kinds[0]!;
    expect(midway.remaining).toBeGreaterThan(0);
    expect(midway.remaining).toBeLessThan(45);

    // Alice, who has not synced since the rotation, edits a record the driver has re-encrypted meanwhile.
    const rewrapped = await t.db.selectFrom('records').select(['collection', 'id']).where('organisation_id', '=', org.id).where('key_version', '=', 2).where('version', '=', 2).executeTakeFirstOrThrow();
    const aliceId = rewrapped.id;
    await aliceDevice.engine.write(rewrapped.collection as Collection, aliceId, { note: 'modifiée par Alice pendant la rotation' });
    expected.set(aliceId, { ...expected.get(aliceId)!, note: 'modifiée par Alice pendant la rotation' });

    // While the driver is down: Carol's offline phone sends new records under version 1, Alice syncs her edit.
    for (let i = 0; i < 3; i++) {
      const id = uuid();
      await carolDevice.engine.write('person', id, { nom: `Nouvelle ${i}` });
      expected.set(id, { nom: `Nouvelle ${i}` });
    }
    // Pulling stores ciphertexts without opening them: the records already under version 2 do not stop
    // her sync, and her new records reach the server under version 1, beside version 2 ones.
    expect((await carolDevice.engine.sync()).pushed).toBe(3);
    const underOld = (await storedRecords(t, org.id)).filter((record) => record.key_version === 1).length;
    expect(underOld).toBeGreaterThanOrEqual(3);
    const aliceReport = await aliceDevice.engine.sync();
    // Alice's edit was based on the version before the rewrap: merged with no conflict to set aside.
    expect(aliceReport.conflicts).toBe(0);
    // Created (1), re-encrypted (2), then her edit merged on top (3).
    const aliceRecord = await t.db.selectFrom('records').select(['version', 'key_version']).where('organisation_id', '=', org.id).where('id', '=', aliceId).executeTakeFirstOrThrow();
    expect(aliceRecord).toEqual({ version: 3, key_version: 2 });

    // The admin reloads the page: a new run resumes from the saved cursor and finishes.
    const resumed = await runRotation({ transport: driverTransport(t.app, org.admin.token), store, reencrypt, pageSize: 10, onProgress: (x) => progress.push(x.done) });
    expect(resumed).toMatchObject({ finished: true, kinds: [{ kind: 'general', version: 2, failed: [] }, { kind: 'medical', version: 1, failed: [] }] });
    const final = RotationStatus.parse(await ok(call(t.app, 'GET', '/api/rotation', undefined, { token: org.admin.token })));
    expect(final.kinds.map((kind) => [kind.kind, kind.remaining])).toEqual([
      ['general', 0],
      ['medical', 0],
    ]);

    // Every record is under version 2, reads back with the right content on a fresh device, and none opens with Bob's keys.
    const stored = (await storedRecords(t, org.id)).filter((record) => record.collection !== 'history');
    expect(new Set(stored.map((record) => record.key_version))).toEqual(new Set([2]));
    for (const record of stored) expectUnreadableBy(bobKeys, record);
    const fresh = new Device(t.app, alice, await loadKeyring(t.app, org.id, alice));
    await fresh.engine.sync();
    const read = new Map<string, Record<string, Json>>();
    for (const collection of ['person', 'comment'] as const) for (const view of await fresh.engine.list(collection)) read.set(view.id, view.document.fields);
    expect(read).toEqual(expected);
  });
});
