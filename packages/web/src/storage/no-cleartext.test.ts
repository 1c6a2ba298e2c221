// @vitest-environment node
// (libsodium checks `instanceof Uint8Array`, which jsdom's TextEncoder, from another realm, fails.)
// The device holds ciphertexts only: a person written through the real engine, codec and
// IndexedDB store leaves no trace of its fields in any database of the origin.
import { describe, expect, it } from 'vitest';
import { generateOrgKey, Keyring } from '@relais/core/crypto/keys';
import { createRecordCodec } from '@relais/core/crypto/records';
import { createSyncEngine } from '@relais/core/sync/engine';
import { TransportError, type Transport } from '@relais/core/sync/types';
import { uuidv7 } from '@relais/core/uuid';
import { loadPrimitives, random } from '../crypto/sodium.ts';
import { IdbLocalStore } from './local-store.ts';
import { openUserDb } from './user-db.ts';

const offline: Transport = {
  push: () => Promise.reject(new TransportError('offline', true)),
  pull: () => Promise.reject(new TransportError('offline', true)),
};

async function dumpAllDatabases(): Promise<string> {
  const out: unknown[] = [];
  for (const info of await indexedDB.databases()) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(info.name!);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error as Error);
    });
    for (const name of Array.from(db.objectStoreNames)) {
      const values = await new Promise<unknown[]>((resolve) => {
        const r = db.transaction(name).objectStore(name).getAll();
        r.onsuccess = () => resolve(r.result);
      });
      out.push(info.name, name, values);
    }
    db.close();
  }
  return JSON.stringify(out);
}

describe('local store content', () => {
  it('holds no person field in clear, and the outbox keeps the write while offline', async () => {
    const p = await loadPrimitives();
    const clock = { now: () => Date.now() };
    const organisationId = uuidv7(clock, random);
    const userId = uuidv7(clock, random);
    const keyring = new Keyring(organisationId, [generateOrgKey(random, 'general', 1)]);
    const store = new IdbLocalStore(await openUserDb(userId));
    const engine = createSyncEngine({ store, transport: offline, codec: createRecordCodec(p, random, keyring), clock, random, userId });

    const canary = `Canari-${uuidv7(clock, random)}`;
    const id = uuidv7(clock, random);
    await engine.write('person', id, { name: canary, phone: '06 98 76 54 32', description: `Décrit ${canary}` });
    await expect(engine.sync()).rejects.toBeInstanceOf(TransportError);

    expect(await engine.pendingCount()).toBe(1);
    expect((await engine.read('person', id))?.document.fields.name).toBe(canary);
    const dump = await dumpAllDatabases();
    expect(dump).toContain(id);
    expect(dump).not.toContain(canary);
    expect(dump).not.toContain('Canari');
    expect(dump).not.toContain('06 98 76 54 32');
  });
});
