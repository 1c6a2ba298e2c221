import { describe, expect, it } from 'vitest';
import type { RemoteRecord } from '@relais/core/protocol';
import type { LocalRecord } from '@relais/core/sync/types';
import { IdbLocalStore } from './local-store.ts';
import { deleteUserDb, openUserDb } from './user-db.ts';

let counter = 0;
function uniqueUser(): string {
  counter += 1;
  return `00000000-0000-7000-8000-${String(counter).padStart(12, '0')}`;
}

function id(n: number): string {
  return `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
}

function remote(n: number, seq: number): RemoteRecord {
  return {
    collection: 'person',
    id: id(n),
    version: 1,
    seq,
    keyVersion: 1,
    deleted: false,
    authorId: id(999),
    updatedAt: '2026-01-01T00:00:00.000Z',
    ciphertext: 'AAAA',
  };
}

function pendingRecord(n: number, editedAt: number, collection: 'person' | 'history' = 'person'): LocalRecord {
  return {
    collection,
    id: id(n),
    base: null,
    pending: { changeId: id(1000 + n), keyVersion: 1, deleted: false, ciphertext: 'QUJD', editedAt },
  };
}

async function storeFor(userId: string): Promise<IdbLocalStore> {
  return new IdbLocalStore(await openUserDb(userId));
}

describe('IdbLocalStore', () => {
  it('round-trips records and keeps collections apart', async () => {
    const store = await storeFor(uniqueUser());
    const a: LocalRecord = { collection: 'person', id: id(1), base: remote(1, 3), pending: null };
    const b = pendingRecord(2, 50, 'history');
    await store.put([a, b]);
    expect(await store.get('person', id(1))).toEqual(a);
    expect(await store.get('history', id(2))).toEqual(b);
    expect(await store.get('history', id(1))).toBeUndefined();
    expect((await store.list('person')).map((r) => r.id)).toEqual([id(1)]);
    expect((await store.list('history')).map((r) => r.id)).toEqual([id(2)]);
  });

  it('writes records and cursor together, and nothing when one record is bad', async () => {
    const store = await storeFor(uniqueUser());
    expect(await store.getCursor()).toBe(0);
    await store.put([{ collection: 'person', id: id(1), base: remote(1, 7), pending: null }], 7);
    expect(await store.getCursor()).toBe(7);

    const bad = { collection: 'person', id: undefined as unknown as string, base: null, pending: null } satisfies LocalRecord;
    const good: LocalRecord = { collection: 'person', id: id(2), base: remote(2, 9), pending: null };
    await expect(store.put([good, bad], 9)).rejects.toThrow();
    expect(await store.get('person', id(2))).toBeUndefined();
    expect(await store.getCursor()).toBe(7);
  });

  it('lists the outbox oldest edit first, with a limit, and drops records once confirmed', async () => {
    const store = await storeFor(uniqueUser());
    await store.put([
      pendingRecord(1, 300),
      pendingRecord(2, 100, 'history'),
      { collection: 'person', id: id(3), base: remote(3, 1), pending: null },
      pendingRecord(4, 200),
    ]);
    expect(await store.countPending()).toBe(3);
    // The history record goes with an edit: « modifications en attente » leaves it out.
    expect(await store.countPendingEdits()).toBe(2);
    expect((await store.listPending(10)).map((r) => r.id)).toEqual([id(2), id(4), id(1)]);
    expect((await store.listPending(2)).map((r) => r.id)).toEqual([id(2), id(4)]);

    // A record edited again moves to its new place; a confirmed one leaves the outbox.
    await store.put([pendingRecord(2, 400, 'history'), { collection: 'person', id: id(4), base: remote(4, 2), pending: null }]);
    expect((await store.listPending(10)).map((r) => r.id)).toEqual([id(1), id(2)]);
    expect(await store.countPending()).toBe(2);
    const back = await store.get('history', id(2));
    expect(back).toEqual(pendingRecord(2, 400, 'history'));
    expect(back && 'pendingAt' in back).toBe(false);
  });

  it('keeps each user in their own database', async () => {
    const alice = uniqueUser();
    const bob = uniqueUser();
    const a = await storeFor(alice);
    const b = await storeFor(bob);
    await a.put([pendingRecord(1, 10)], 4);
    expect(await b.get('person', id(1))).toBeUndefined();
    expect(await b.countPending()).toBe(0);
    expect(await b.getCursor()).toBe(0);

    await b.put([pendingRecord(2, 20)]);
    expect(await a.get('person', id(2))).toBeUndefined();
    expect(await a.countPending()).toBe(1);
  });

  it('deleting one user database leaves the other intact', async () => {
    const alice = uniqueUser();
    const bob = uniqueUser();
    const aDb = await openUserDb(alice);
    await new IdbLocalStore(aDb).put([pendingRecord(1, 10)]);
    const b = await storeFor(bob);
    await b.put([pendingRecord(2, 20)]);
    aDb.close();
    await deleteUserDb(alice);
    expect(await (await storeFor(alice)).countPending()).toBe(0);
    expect(await b.countPending()).toBe(1);
  });

  it('remembers the last sync time', async () => {
    const store = await storeFor(uniqueUser());
    expect(await store.getLastSyncAt()).toBeUndefined();
    await store.setLastSyncAt(1234);
    expect(await store.getLastSyncAt()).toBe(1234);
  });
});
