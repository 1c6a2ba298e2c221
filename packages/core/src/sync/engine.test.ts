// Two devices, each with its own engine and store, sharing the organisation keys, talking to an
// in-memory relay that follows the server rules of protocol.ts. Records are sealed with the real
// record codec (XChaCha20-Poly1305 through libsodium).
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64 } from '../base64.ts';
import type { Collection } from '../collections.ts';
import { Keyring } from '../crypto/keyring.ts';
import { pooledRandom } from '../crypto/random.ts';
import { createRecordCodec } from '../crypto/records.ts';
import { loadSodiumPrimitives, seededRandom } from '../crypto/test-support.ts';
import type { Clock, CryptoPrimitives } from '../ports.ts';
import {
  MAX_PUSH_CHANGES,
  PROTOCOL_VERSION,
  PullResponse,
  PushRequest,
  PushResponse,
  type PushResult,
  type RemoteRecord,
} from '../protocol.ts';
import { uuidv7 } from '../uuid.ts';
import { createSyncEngine, type SyncEngine, type SyncProgress } from './engine.ts';
import { MemoryStore } from './memory-store.ts';
import { isoFromMs } from './time.ts';
import { TransportError, type Json, type RecordCodec, type Transport } from './types.ts';

const ORGANISATION = '01890000-0000-7000-8000-000000000001';
const ALICE = '01890000-0000-7000-8000-00000000000a';
const BOB = '01890000-0000-7000-8000-00000000000b';

/** Server rules: per-organisation increasing seq, base version check, idempotent changeId. */
class Relay {
  seq = 0;
  readonly records = new Map<string, RemoteRecord>();
  readonly answered = new Map<string, PushResult>();
  readonly batchSizes: number[] = [];
  constructor(readonly pageSize = 1000) {}

  push(body: unknown, authorId: string, updatedAt: string): PushResponse {
    const request = PushRequest.parse(body);
    this.batchSizes.push(request.changes.length);
    const results: PushResult[] = request.changes.map((change) => {
      const known = this.answered.get(change.changeId);
      if (known) return known;
      const key = `${change.collection}/${change.id}`;
      const current = this.records.get(key);
      if (current && current.version !== change.baseVersion) {
        return { changeId: change.changeId, id: change.id, status: 'conflict', current };
      }
      const version = (current?.version ?? 0) + 1;
      const seq = ++this.seq;
      const { collection, id, keyVersion, deleted, ciphertext } = change;
      this.records.set(key, { collection, id, version, seq, keyVersion, deleted, authorId, updatedAt, ciphertext });
      const result: PushResult = { changeId: change.changeId, id, status: 'accepted', version, seq };
      this.answered.set(change.changeId, result);
      return result;
    });
    return PushResponse.parse({ protocol: PROTOCOL_VERSION, results });
  }

  pull(since: number, limit: number): PullResponse {
    const after = [...this.records.values()].filter((r) => r.seq > since).sort((a, b) => a.seq - b.seq);
    const changes = after.slice(0, Math.min(limit, this.pageSize));
    const next = changes.at(-1)?.seq ?? since;
    return PullResponse.parse({ protocol: PROTOCOL_VERSION, changes, next, more: after.length > changes.length });
  }
}

/** One clock for both devices, one millisecond per reading: stamps are unique and ordered. */
function sharedClock(): Clock {
  let ms = Date.UTC(2025, 0, 6, 9, 0, 0);
  return { now: () => ++ms };
}

class TestTransport implements Transport {
  online = true;
  /** The next push reaches the server, then the answer is lost. */
  loseNextAnswer = false;
  /** The push or pull with this 1-based index fails as if offline. */
  failPullNumber = 0;
  pulls = 0;
  beforePush: (() => Promise<void>) | undefined;
  beforePull: (() => Promise<void>) | undefined;

  constructor(
    private readonly relay: Relay,
    private readonly userId: string,
    private readonly clock: Clock,
  ) {}

  async push(request: PushRequest): Promise<PushResponse> {
    this.#checkOnline();
    const hook = this.beforePush;
    this.beforePush = undefined;
    await hook?.();
    const response = this.relay.push(JSON.parse(JSON.stringify(request)), this.userId, isoFromMs(this.clock.now()));
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new TransportError('La connexion a été interrompue.', true);
    }
    return response;
  }

  async pull(since: number, limit: number): Promise<PullResponse> {
    this.#checkOnline();
    if (++this.pulls === this.failPullNumber) throw new TransportError('La connexion a été interrompue.', true);
    const hook = this.beforePull;
    this.beforePull = undefined;
    await hook?.();
    return this.relay.pull(since, limit);
  }

  #checkOnline(): void {
    if (!this.online) throw new TransportError('Vous êtes hors ligne.', true);
  }
}

interface Device {
  engine: SyncEngine;
  store: MemoryStore;
  transport: TestTransport;
}

let primitives: CryptoPrimitives;
let keyBytes: Uint8Array;

beforeAll(async () => {
  primitives = await loadSodiumPrimitives();
  keyBytes = seededRandom(primitives, 'organisation general key').fill(new Uint8Array(32));
});

function codecFor(name: string): RecordCodec {
  const keyring = new Keyring(ORGANISATION, [
    { kind: 'general', version: 1, key: keyBytes },
    { kind: 'medical', version: 1, key: seededRandom(primitives, 'organisation medical key').fill(new Uint8Array(32)) },
  ]);
  return createRecordCodec(primitives, pooledRandom(seededRandom(primitives, `nonces ${name}`)), keyring);
}

function setup(pageSize?: number) {
  const relay = new Relay(pageSize);
  const clock = sharedClock();
  const device = (name: string, userId: string): Device => {
    const store = new MemoryStore();
    const transport = new TestTransport(relay, userId, clock);
    const random = seededRandom(primitives, `ids ${name}`);
    const engine = createSyncEngine({ store, transport, codec: codecFor(name), clock, random, userId });
    return { engine, store, transport };
  };
  const idRandom = seededRandom(primitives, 'record ids');
  const newId = () => uuidv7(clock, idRandom);
  return { relay, clock, a: device('a', ALICE), b: device('b', BOB), newId };
}

async function fields(device: Device, collection: Collection, id: string): Promise<Record<string, Json> | undefined> {
  return (await device.engine.read(collection, id))?.document.fields;
}

describe('sync engine, two devices through a relay', () => {
  it('keeps offline writes in the outbox, encrypted, and delivers them once online', async () => {
    const { relay, a, b, newId } = setup();
    a.transport.online = false;
    const [p1, p2, p3] = [newId(), newId(), newId()];
    await a.engine.write('person', p1, { name: 'Canari-7f3a', phone: '0601020304' });
    await a.engine.write('person', p2, { name: 'Lou' });
    await a.engine.write('person', p3, { name: 'Doublon' });
    await a.engine.write('person', p1, { phone: '0611111111' });
    await a.engine.remove('person', p3);

    expect(await a.engine.pendingCount()).toBe(3);
    expect(await a.engine.read('person', p1)).toMatchObject({ pending: true, version: 0, deleted: false });
    expect(await fields(a, 'person', p1)).toEqual({ name: 'Canari-7f3a', phone: '0611111111' });
    expect((await a.engine.list('person')).map((v) => v.id)).toEqual([p1, p2]);

    await expect(a.engine.sync()).rejects.toBeInstanceOf(TransportError);
    expect(await a.engine.pendingCount()).toBe(3);
    expect(relay.seq).toBe(0);

    a.transport.online = true;
    const report = await a.engine.sync();
    expect(report).toMatchObject({ pushed: 3, conflicts: 0, pending: 0 });
    expect(await a.engine.read('person', p1)).toMatchObject({ pending: false, version: 1 });

    for (const record of relay.records.values()) expect(fromUtf8Lossy(fromBase64(record.ciphertext))).not.toContain('Canari');

    await b.engine.sync();
    expect((await b.engine.list('person')).map((v) => v.document.fields.name)).toEqual(['Canari-7f3a', 'Lou']);
    expect(await b.engine.read('person', p3)).toMatchObject({ deleted: true, pending: false });
  });

  it('keeps concurrent edits of different fields of one person on both devices', async () => {
    const { a, b, newId } = setup();
    const id = newId();
    await a.engine.write('person', id, { name: 'Ana', phone: '0600000000', description: '' });
    await a.engine.sync();
    await b.engine.sync();

    await a.engine.write('person', id, { phone: '0699999999' });
    await b.engine.write('person', id, { description: 'Dort près de la gare' });
    await b.engine.sync();
    const report = await a.engine.sync();
    await b.engine.sync();

    expect(report.conflicts).toBe(0);
    const expected = { name: 'Ana', phone: '0699999999', description: 'Dort près de la gare' };
    expect(await fields(a, 'person', id)).toEqual(expected);
    expect(await fields(b, 'person', id)).toEqual(expected);
    expect(await a.engine.read('person', id)).toEqual(await b.engine.read('person', id));
    expect(await a.engine.history('person', id)).toEqual([]);
    expect(await a.engine.pendingCount()).toBe(0);
    expect(await b.engine.pendingCount()).toBe(0);
  });

  it.each([
    ['the earlier writer syncs first', true],
    ['the later writer syncs first', false],
  ])('same field on both devices: one value everywhere, the other in history (%s)', async (_name, earlierFirst) => {
    const { relay, a, b, newId } = setup();
    const id = newId();
    await a.engine.write('person', id, { name: 'Ana', nickname: 'A' });
    await a.engine.sync();
    await b.engine.sync();

    await a.engine.write('person', id, { nickname: 'Nana' }); // earlier stamp
    await b.engine.write('person', id, { nickname: 'Anouk' }); // later stamp: wins
    const [first, second] = earlierFirst ? [a, b] : [b, a];
    await first.engine.sync();
    const report = await second.engine.sync();
    await first.engine.sync();

    expect(report.conflicts).toBe(1);
    for (const device of [a, b]) {
      expect(await fields(device, 'person', id)).toEqual({ name: 'Ana', nickname: 'Anouk' });
      const history = await device.engine.history('person', id);
      expect(history).toHaveLength(1);
      expect(history[0]?.document.fields).toMatchObject({
        kind: 'conflict',
        recordCollection: 'person',
        recordId: id,
        field: 'nickname',
        keptValue: 'Anouk',
        setAsideValue: 'Nana',
      });
      expect(await device.engine.pendingCount()).toBe(0);
    }
    const persons = [...relay.records.values()].filter((r) => r.collection === 'person');
    expect(persons).toHaveLength(1);
    // Syncing again changes nothing and sets nothing new aside.
    const seq = relay.seq;
    await a.engine.sync();
    await b.engine.sync();
    expect(relay.seq).toBe(seq);
  });

  it('a push retried after a lost answer neither duplicates nor loses', async () => {
    const { relay, a, b, newId } = setup();
    const id = newId();
    await a.engine.write('person', id, { name: 'Ana' });
    a.transport.loseNextAnswer = true;
    await expect(a.engine.sync()).rejects.toBeInstanceOf(TransportError);
    expect(await a.engine.pendingCount()).toBe(1);
    expect(relay.seq).toBe(1);

    const report = await a.engine.sync();
    expect(report.pushed).toBe(1);
    expect(relay.seq).toBe(1);
    expect(await a.engine.read('person', id)).toMatchObject({ version: 1, pending: false });
    await b.engine.sync();
    expect(await b.engine.read('person', id)).toMatchObject({ version: 1, document: { fields: { name: 'Ana' } } });
  });

  it.each([
    ['a new record, edited after the failure', false, 'after'],
    ['a new record, edited while the push was in flight', false, 'during'],
    ['a synced record, edited after the failure', true, 'after'],
    ['a synced record, edited while the push was in flight', true, 'during'],
  ] as const)('a lost answer then another edit of the same field is no conflict: %s', async (_name, synced, when) => {
    const { relay, a, b, newId } = setup();
    const id = newId();
    await a.engine.write('person', id, { name: 'Ana', phone: '00' });
    if (synced) await a.engine.sync();
    const seq = relay.seq;
    await a.engine.write('person', id, { phone: '01' });
    a.transport.loseNextAnswer = true;
    if (when === 'during') {
      a.transport.beforePush = async () => {
        await a.engine.write('person', id, { phone: '02' });
      };
    }
    await expect(a.engine.sync()).rejects.toBeInstanceOf(TransportError);
    expect(relay.seq).toBe(seq + 1);
    if (when === 'after') await a.engine.write('person', id, { phone: '02' });

    const report = await a.engine.sync();
    expect(report).toMatchObject({ conflicts: 0, pending: 0 });
    expect(await a.engine.read('person', id)).toMatchObject({ version: synced ? 3 : 2, pending: false });
    expect(relay.seq).toBe(seq + 2);
    await b.engine.sync();
    expect(await fields(b, 'person', id)).toEqual({ name: 'Ana', phone: '02' });
    expect(await b.engine.list('history')).toEqual([]);
    expect(await a.engine.list('history')).toEqual([]);
  });

  it('keeps the value a merge sets aside on a medical record under the medical key (medicalHistory), never in the general history', async () => {
    const { relay, a, b, newId } = setup();
    const id = newId();
    await a.engine.write('consultation', id, { notes: 'Plaie' });
    await a.engine.sync();
    await b.engine.sync();
    await a.engine.write('consultation', id, { notes: 'Plaie au pied' });
    await b.engine.write('consultation', id, { notes: 'Plaie infectée' });
    await a.engine.sync();
    expect((await b.engine.sync()).conflicts).toBe(1);
    await a.engine.sync();
    for (const device of [a, b]) {
      const history = await device.engine.history('consultation', id);
      expect(history.map((h) => [h.collection, h.document.fields.setAsideValue])).toEqual([['medicalHistory', 'Plaie au pied']]);
    }
    const collections = [...relay.records.values()].map((r) => [r.collection, r.keyVersion]);
    expect(collections.filter(([c]) => c === 'history')).toEqual([]);
    expect(collections.filter(([c]) => c === 'medicalHistory')).toHaveLength(1);
  });

  it('after a lost answer, a real concurrent change of the same field is still a conflict', async () => {
    const { a, b, newId } = setup();
    const id = newId();
    await a.engine.write('person', id, { name: 'Ana', phone: '01' });
    a.transport.loseNextAnswer = true;
    await expect(a.engine.sync()).rejects.toBeInstanceOf(TransportError);
    await b.engine.sync();
    await b.engine.write('person', id, { phone: '03' });
    await b.engine.sync();
    await a.engine.write('person', id, { phone: '02' }); // the latest edit: it wins

    expect((await a.engine.sync()).conflicts).toBe(1);
    await b.engine.sync();
    for (const device of [a, b]) {
      expect(await fields(device, 'person', id)).toEqual({ name: 'Ana', phone: '02' });
      const history = await device.engine.history('person', id);
      expect(history.map((h) => [h.document.fields.keptValue, h.document.fields.setAsideValue])).toEqual([['02', '03']]);
    }
  });

  it('does not lose a write made while a push is in flight', async () => {
    const { a, b, newId } = setup();
    const id = newId();
    await a.engine.write('person', id, { name: 'Ana', phone: '01' });
    let during: Promise<unknown> | undefined;
    a.transport.beforePush = async () => {
      // Awaited inside the push: it would deadlock if the engine held its lock across the network.
      during = a.engine.write('person', id, { phone: '02' });
      await during;
    };
    await a.engine.sync();
    expect(during).toBeDefined();
    expect(await fields(a, 'person', id)).toEqual({ name: 'Ana', phone: '02' });
    expect(await a.engine.pendingCount()).toBe(0);
    await b.engine.sync();
    expect(await fields(b, 'person', id)).toEqual({ name: 'Ana', phone: '02' });
  });

  it('merges a write made while a pull is in flight with the record being pulled', async () => {
    const { a, b, newId } = setup();
    const id = newId();
    await a.engine.write('person', id, { name: 'Ana', phone: '01', description: '' });
    await a.engine.sync();
    await b.engine.sync();
    await a.engine.write('person', id, { phone: '02' });
    await a.engine.sync();
    b.transport.beforePull = async () => {
      await b.engine.write('person', id, { description: 'Suivie par Lou' });
    };
    await b.engine.sync();
    await a.engine.sync();
    const expected = { name: 'Ana', phone: '02', description: 'Suivie par Lou' };
    expect(await fields(a, 'person', id)).toEqual(expected);
    expect(await fields(b, 'person', id)).toEqual(expected);
    expect(await b.engine.pendingCount()).toBe(0);
  });

  it('pulls in several pages, storing the cursor with each page', async () => {
    const { a, b, newId } = setup(3);
    const ids = Array.from({ length: 10 }, () => newId());
    for (const [i, id] of ids.entries()) await a.engine.write('person', id, { name: `P${i}` });
    await a.engine.sync();

    b.transport.failPullNumber = 3;
    const progress: SyncProgress[] = [];
    await expect(b.engine.sync((p) => progress.push(p))).rejects.toBeInstanceOf(TransportError);
    expect(progress).toEqual([
      { pulled: 3, cursor: 3 },
      { pulled: 6, cursor: 6 },
    ]);
    expect(await b.store.getCursor()).toBe(6);
    expect(await b.engine.list('person')).toHaveLength(6);

    progress.length = 0;
    const report = await b.engine.sync((p) => progress.push(p));
    expect(progress.map((p) => p.cursor)).toEqual([9, 10]);
    expect(report).toMatchObject({ pulled: 4, cursor: 10, pending: 0 });
    expect((await b.engine.list('person')).map((v) => v.document.fields.name)).toEqual(ids.map((_, i) => `P${i}`));
  });

  it(`pushes a large outbox in batches of at most ${MAX_PUSH_CHANGES}`, async () => {
    const { relay, a, newId } = setup();
    a.transport.online = false;
    for (let i = 0; i < 1201; i++) await a.engine.write('person', newId(), { name: `P${i}` });
    a.transport.online = true;
    const report = await a.engine.sync();
    expect(relay.batchSizes).toEqual([500, 500, 201]);
    expect(report).toMatchObject({ pushed: 1201, pending: 0, cursor: 1201 });
  });

  it('a deletion wins over an untouched copy but not over a concurrent edit', async () => {
    const { a, b, newId } = setup();
    const [kept, gone] = [newId(), newId()];
    await a.engine.write('person', kept, { name: 'Ana', phone: '01' });
    await a.engine.write('person', gone, { name: 'Doublon' });
    await a.engine.sync();
    await b.engine.sync();

    await a.engine.remove('person', kept);
    await a.engine.remove('person', gone);
    await b.engine.write('person', kept, { phone: '02' });
    await a.engine.sync();
    await b.engine.sync();
    await a.engine.sync();

    for (const device of [a, b]) {
      expect((await device.engine.list('person')).map((v) => v.id)).toEqual([kept]);
      expect(await fields(device, 'person', kept)).toEqual({ name: 'Ana', phone: '02' });
      expect(await device.engine.read('person', gone)).toMatchObject({ deleted: true });
    }
  });

  it('does not queue a write that changes nothing, and refuses ids the server would refuse', async () => {
    const { a, newId } = setup();
    const id = newId();
    await a.engine.write('person', id, { name: 'Ana' });
    await a.engine.sync();
    const view = await a.engine.write('person', id, { name: 'Ana' });
    expect(view).toMatchObject({ pending: false, version: 1 });
    expect(await a.engine.pendingCount()).toBe(0);
    await expect(a.engine.write('person', 'not-a-uuid', { name: 'x' })).rejects.toThrow(TypeError);
  });
});

/** The ASCII characters of a ciphertext, where a plaintext name would show if it leaked. */
function fromUtf8Lossy(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte < 128 ? String.fromCharCode(byte) : '?';
  return out;
}
