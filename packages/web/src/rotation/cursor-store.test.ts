import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type RemoteRecord, type Rewrap, type RewrapResult } from '@relais/core/protocol';
import { runRotation, type RotationTransport } from '@relais/core/rotation/driver';
import { deleteRotationDb, IdbCursorStore, rotationDbName } from './cursor-store.ts';

const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';
const id = (n: number) => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

describe('IdbCursorStore', () => {
  it('keeps one cursor per kind, per user, across reopenings, until logout deletes it', async () => {
    const a = await IdbCursorStore.open(A);
    expect(await a.load('general')).toBeNull();
    await a.save({ kind: 'general', version: 2, since: 120, failed: ['person/x'] });
    await a.save({ kind: 'medical', version: 3, since: 7, failed: [] });
    await a.save({ kind: 'general', version: 2, since: 340, failed: ['person/x', 'comment/y'] });
    a.close();

    const reopened = await IdbCursorStore.open(A);
    expect(await reopened.load('general')).toEqual({ kind: 'general', version: 2, since: 340, failed: ['person/x', 'comment/y'] });
    expect(await reopened.load('medical')).toEqual({ kind: 'medical', version: 3, since: 7, failed: [] });
    const b = await IdbCursorStore.open(B);
    expect(await b.load('general')).toBeNull();
    b.close();
    reopened.close();

    await deleteRotationDb(A);
    const afterLogout = await IdbCursorStore.open(A);
    expect(await afterLogout.load('general')).toBeNull();
    afterLogout.close();
  });

  it('reads a damaged or foreign cursor as none (the pass starts over) instead of failing', async () => {
    const store = await IdbCursorStore.open(B);
    store.close();
    const raw = await openDB(rotationDbName(B), 1);
    await raw.put('cursors', { kind: 'general', version: 2, since: -5, failed: [] });
    await raw.put('cursors', { kind: 'medical', version: 'deux', since: 1, failed: [] });
    raw.close();
    const reopened = await IdbCursorStore.open(B);
    expect(await reopened.load('general')).toBeNull();
    expect(await reopened.load('medical')).toBeNull();
    reopened.close();
  });

  it('lets the driver resume where a closed page left it, without asking for finished pages again', async () => {
    // Ten records under version 1; the server moves each one to version 2 when it gets its rewrap.
    let seq = 0;
    const records = new Map<string, RemoteRecord>();
    for (let n = 1; n <= 10; n++) {
      seq += 1;
      records.set(id(n), { collection: 'person', id: id(n), version: 1, seq, keyVersion: 1, deleted: false, authorId: A, updatedAt: '2026-01-01T00:00:00.000Z', ciphertext: 'AAAA' });
    }
    const asked: number[] = [];
    const transport: RotationTransport = {
      status: async () => ({
        recipients: [],
        kinds: [{ kind: 'general', currentVersion: 2, rotationNeeded: false, total: 10, remaining: [...records.values()].filter((r) => r.keyVersion < 2).length }],
      }),
      page: async (_kind, since, limit) => {
        asked.push(since);
        const left = [...records.values()].filter((r) => r.keyVersion < 2);
        const page = left.filter((r) => r.seq > since).sort((x, y) => x.seq - y.seq).slice(0, limit);
        return { protocol: PROTOCOL_VERSION, currentVersion: 2, records: page, next: page.at(-1)?.seq ?? since, more: page.length === limit, total: 10, remaining: left.length };
      },
      rewrap: async (items: readonly Rewrap[]) =>
        items.map((item): RewrapResult => {
          const record = records.get(item.id)!;
          seq += 1;
          records.set(item.id, { ...record, version: 2, seq, keyVersion: 2, ciphertext: item.ciphertext });
          return { collection: item.collection, id: item.id, status: 'rewrapped', version: 2, seq };
        }),
    };
    const reencrypt = (record: RemoteRecord): Rewrap => ({ collection: record.collection, id: record.id, version: record.version, keyVersion: 2, ciphertext: 'BBBB' });
    const userId = id(77);

    const first = await IdbCursorStore.open(userId);
    let batches = 0;
    const paused = await runRotation({ transport, store: first, reencrypt, pageSize: 4, onProgress: () => (batches += 1), shouldStop: () => batches >= 1 });
    first.close();
    expect(paused.finished).toBe(false);
    expect(asked).toEqual([0]);

    const second = await IdbCursorStore.open(userId);
    const resumed = await runRotation({ transport, store: second, reencrypt, pageSize: 4 });
    second.close();
    expect(resumed.finished).toBe(true);
    // The second run starts after the first batch (sequence 4), not at 0.
    expect(asked.slice(1, 2)).toEqual([4]);
    expect([...records.values()].every((r) => r.keyVersion === 2)).toBe(true);
  });
});
