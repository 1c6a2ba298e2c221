// @vitest-environment node
// (libsodium checks `instanceof Uint8Array`, which jsdom's TextEncoder, from another realm, fails.)
import { describe, expect, it } from 'vitest';
import { Keyring } from '@relais/core/crypto/keyring';
import { createRecordCodec } from '@relais/core/crypto/records';
import { createSyncEngine } from '@relais/core/sync/engine';
import type { LocalRecord } from '@relais/core/sync/types';
import { loadPrimitives, random } from '../crypto/sodium.ts';
import { IdbLocalStore } from '../storage/local-store.ts';
import { openUserDb } from '../storage/user-db.ts';
import { EngineStore } from './engine-store.ts';
import { clock, FakeServer, newId, newOrganisation } from './test-support.ts';

describe('EngineStore', () => {
  it('reports every stored record, reads each pulled page in one batch, and keeps a cursor per key', async () => {
    const p = await loadPrimitives();
    const org = newOrganisation();
    const server = new FakeServer();
    server.pageSize = 2;
    const codec = () => createRecordCodec(p, random, new Keyring(org.id, org.keys.map((k) => ({ ...k, key: k.key.slice() }))));

    const writerStore = new EngineStore(new IdbLocalStore(await openUserDb(newId())), () => undefined);
    const writer = createSyncEngine({ store: writerStore, transport: server.transport(newId()), codec: codec(), clock, random, userId: newId() });
    for (let i = 0; i < 5; i++) await writer.write('person', newId(), { name: `P${i}` });
    await writer.sync();

    const inner = new IdbLocalStore(await openUserDb(newId()));
    const calls = { get: 0, getMany: 0 };
    const get = inner.get.bind(inner);
    const getMany = inner.getMany.bind(inner);
    inner.get = (...args) => {
      calls.get++;
      return get(...args);
    };
    inner.getMany = (...args) => {
      calls.getMany++;
      return getMany(...args);
    };
    const stored: LocalRecord[] = [];
    const store = new EngineStore(inner, (records) => stored.push(...records));
    store.cursorKey = 'cursor:test';
    const reader = createSyncEngine({ store, transport: server.transport(newId()), codec: codec(), clock, random, userId: newId() });
    const report = await reader.sync();
    expect(report.pulled).toBe(5);
    expect(calls).toEqual({ get: 0, getMany: 3 });
    expect(stored.map((r) => r.collection)).toEqual(Array(5).fill('person'));
    expect(await inner.getCursor('cursor:test')).toBe(5);
    expect(await inner.getCursor()).toBe(0);
  });
});
