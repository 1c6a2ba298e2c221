// @vitest-environment node
// (libsodium checks `instanceof Uint8Array`, which jsdom's TextEncoder, from another realm, fails.)
// Another member's device after a key rotation: it pulls records under a key version it does not
// hold yet, asks the page to reload the keys (`keysMissing`), never seals an index that lacks
// those records, and reads old and new versions once reopened with the new keyring.
import { describe, expect, it, vi } from 'vitest';
import { generateOrgKey } from '@relais/core/crypto/keys';
import type { PersonSummary } from '@relais/core/domain/person';
import { emptyPerson } from '@relais/core/domain/person';
import { random } from '../crypto/sodium.ts';
import type { Fields, WorkerEvent } from '../data/protocol.ts';
import { DataService, FLUSH_DELAY_MS } from '../data/service.ts';
import { FakeServer, newId, newOrganisation, openParams, testEnv, type Organisation } from '../data/test-support.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, FLUSH_DELAY_MS * 3));
const person = (name: string): Fields => ({ ...(emptyPerson() as unknown as Fields), name });

function names(events: readonly WorkerEvent[]): string[] {
  const items = new Map<string, string>();
  for (const event of events) {
    if (event.type !== 'index' || event.collection !== 'person') continue;
    if (event.reset) items.clear();
    for (const id of event.removes) items.delete(id);
    for (const item of event.upserts) items.set(item.id, (item.summary as PersonSummary).name);
  }
  return [...items.values()].sort();
}

async function open(server: FakeServer, org: Organisation, userId: string) {
  const events: WorkerEvent[] = [];
  const service = new DataService(testEnv(server, userId, events));
  await service.handle('open', openParams(org, userId));
  await service.whenBuilt();
  await service.handle('watchIndex', { collection: 'person' });
  return { service, events };
}

/** The organisation after a rotation of the general key: version 1 kept, version 2 current. */
function rotated(org: Organisation): Organisation {
  return { id: org.id, keys: [...org.keys, generateOrgKey(random, 'general', 2)] };
}

describe('a device meeting a key version it does not hold', () => {
  it('asks for the keys once, does not seal an index missing records, and reads both versions after reopening', async () => {
    const server = new FakeServer();
    const before = newOrganisation();
    const after = rotated(before);
    const admin = newId();
    const member = newId();

    const a1 = await open(server, before, admin);
    const ana = await a1.service.handle('create', { collection: 'person', fields: person('Ana') });
    await a1.service.handle('sync', null);
    a1.service.close();

    const b1 = await open(server, before, member);
    await b1.service.handle('sync', null);
    await settle();
    expect(names(b1.events)).toEqual(['Ana']);

    // The administrator's device now holds version 2 and writes under it.
    const a2 = await open(server, after, admin);
    await a2.service.handle('create', { collection: 'person', fields: person('Chloé') });
    await a2.service.handle('update', { collection: 'person', id: ana, patch: { name: 'Ana B.' } });
    await a2.service.handle('sync', null);
    a2.service.close();

    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await b1.service.handle('sync', null);
    await settle();
    expect(b1.events.filter((e) => e.type === 'keysMissing')).toHaveLength(1);
    // Both records are stored (ciphertexts) but cannot be shown with version 1 alone.
    expect(names(b1.events)).toEqual([]);
    // The lock seals the index: not the person index, which lacks two records.
    await b1.service.handle('close', null);
    errors.mockRestore();

    const b2 = await open(server, after, member);
    await settle();
    expect(names(b2.events)).toEqual(['Ana B.', 'Chloé']);
    expect(b2.events.some((e) => e.type === 'keysMissing')).toBe(false);
    b2.service.close();
  });

  it('asks for the keys when a pulled change to merge is under a version it lacks, and merges once reopened', async () => {
    const server = new FakeServer();
    const before = newOrganisation();
    const after = rotated(before);
    const admin = newId();
    const member = newId();

    const a1 = await open(server, before, admin);
    const id = await a1.service.handle('create', { collection: 'person', fields: person('Ana') });
    await a1.service.handle('sync', null);
    a1.service.close();
    const b1 = await open(server, before, member);
    await b1.service.handle('sync', null);

    const a2 = await open(server, after, admin);
    await a2.service.handle('update', { collection: 'person', id, patch: { name: 'Ana B.' } });
    await a2.service.handle('sync', null);
    a2.service.close();

    // The member edits another field offline, under version 1, then syncs.
    server.offline = true;
    await b1.service.handle('update', { collection: 'person', id, patch: { phone: '06 12' } });
    server.offline = false;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(b1.service.handle('sync', null)).rejects.toMatchObject({ code: 'KEY_UNKNOWN' });
    errors.mockRestore();
    expect(b1.events.filter((e) => e.type === 'keysMissing')).toHaveLength(1);
    await b1.service.handle('close', null);

    const b2 = await open(server, after, member);
    await b2.service.handle('sync', null);
    const merged = await b2.service.handle('read', { collection: 'person', id });
    expect(merged?.fields).toMatchObject({ name: 'Ana B.', phone: '06 12' });
    b2.service.close();
  });
});
