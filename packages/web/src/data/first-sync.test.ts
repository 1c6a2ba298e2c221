// @vitest-environment node
// (libsodium checks `instanceof Uint8Array`, which jsdom's TextEncoder, from another realm, fails.)
import { describe, expect, it } from 'vitest';
import { emptyPerson } from '@relais/core/domain/person';
import { TransportError } from '@relais/core/sync/types';
import { IdbLocalStore } from '../storage/local-store.ts';
import { openUserDb } from '../storage/user-db.ts';
import { EngineStore } from './engine-store.ts';
import { PERSONS_CURSOR, readPhase, readProgress, REST_CURSOR } from './first-sync.ts';
import type { Fields, WorkerEvent } from './protocol.ts';
import { DataService } from './service.ts';
import { FakeServer, newId, newOrganisation, openParams, testEnv, type Organisation } from './test-support.ts';

async function open(server: FakeServer, org: Organisation, userId: string, events: WorkerEvent[] = []) {
  const service = new DataService(testEnv(server, userId, events));
  const opened = await service.handle('open', openParams(org, userId));
  await service.whenBuilt();
  return { service, opened };
}

/** An organisation on the server: persons, comments and actions written (and pushed) by device A. */
async function seededServer() {
  const server = new FakeServer();
  const org = newOrganisation();
  const { service } = await open(server, org, newId());
  const team = newId();
  const persons: string[] = [];
  for (let i = 0; i < 5; i++) {
    const id = await service.handle('create', { collection: 'person', fields: { ...(emptyPerson() as unknown as Fields), name: `Personne ${i}` } });
    persons.push(id);
    await service.handle('create', { collection: 'comment', fields: { text: `Note ${i}`, personId: id, actionId: '', teamId: team, date: '2026-11-23T10:00:00.000Z', priority: false } });
    await service.handle('create', { collection: 'territory', fields: { name: `Secteur ${i}` } });
  }
  await service.handle('sync', null);
  service.close();
  return { server, org, persons };
}

describe('first sync in phases', () => {
  it('pulls persons first, then the rest, then resumes the full pull where both phases meet', async () => {
    const { server, org } = await seededServer();
    expect(server.seq).toBe(15);
    server.pageSize = 2;
    server.pulls.length = 0;
    const events: WorkerEvent[] = [];
    const { service, opened } = await open(server, org, newId(), events);
    expect(opened.progress).toEqual({ phase: 'persons', pulled: 0 });
    await service.handle('watchIndex', { collection: 'person' });
    const report = await service.handle('sync', null);
    expect(report.pulled).toBe(15);

    const filters = server.pulls.map((p) => (p.only ? p.only.join(',') : 'all'));
    const personPulls = filters.filter((f) => f === 'person').length;
    expect(filters.slice(0, personPulls)).toEqual(Array(3).fill('person'));
    expect(filters.slice(personPulls).every((f) => f !== 'person')).toBe(true);
    expect(filters.at(-1)).toBe('all');
    // The ordinary pull starts where both phases are complete: nothing is fetched twice.
    expect(server.pulls.at(-1)?.since).toBe(15);

    const phases = events.flatMap((e) => (e.type === 'progress' ? [e.progress] : []));
    expect(phases.at(0)).toEqual({ phase: 'persons', pulled: 0 });
    expect(phases.find((p) => p.phase === 'rest')?.pulled).toBe(5);
    expect(phases.at(-1)).toEqual({ phase: 'done', pulled: 15 });
    const pulledCounts = phases.map((p) => p.pulled);
    expect([...pulledCounts].sort((a, b) => a - b)).toEqual(pulledCounts);
    service.close();
  });

  it('makes persons searchable before the rest, and resumes each phase from its cursor after a reload', async () => {
    const { server, org, persons } = await seededServer();
    server.pageSize = 2;
    const userId = newId();
    const events: WorkerEvent[] = [];
    const first = await open(server, org, userId, events);
    await first.service.handle('watchIndex', { collection: 'person' });
    await first.service.handle('watchIndex', { collection: 'comment' });
    // The network goes away in the middle of the second phase (3 person pages, then 2 of the rest).
    server.pagesBeforeOutage = 5;
    await expect(first.service.handle('sync', null)).rejects.toBeInstanceOf(TransportError);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const indexed = (collection: string) =>
      new Set(events.flatMap((e) => (e.type === 'index' && e.collection === collection ? e.upserts.map((i) => i.id) : [])));
    expect(indexed('person')).toEqual(new Set(persons));
    expect(indexed('comment').size).toBeLessThan(5);
    first.service.close();

    // Reload: the phase and the count survive; the second phase goes on from its own cursor.
    const db = await openUserDb(userId);
    const store = new EngineStore(new IdbLocalStore(db), () => undefined);
    expect(await readPhase(store)).toBe('rest');
    expect((await readProgress(store)).pulled).toBe(9);
    const restCursor = await store.inner.getCursor(REST_CURSOR);
    expect(restCursor).toBeGreaterThan(0);
    expect(await store.inner.getCursor(PERSONS_CURSOR)).toBe(15);
    db.close();

    server.pagesBeforeOutage = null;
    server.pulls.length = 0;
    const resumed: WorkerEvent[] = [];
    const second = await open(server, org, userId, resumed);
    await second.service.handle('watchIndex', { collection: 'comment' });
    expect(second.opened.progress).toEqual({ phase: 'rest', pulled: 9 });
    const report = await second.service.handle('sync', null);
    expect(server.pulls[0]).toMatchObject({ since: restCursor });
    expect(server.pulls[0]?.only).not.toContain('person');
    expect(report.pulled).toBe(15 - 9);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const comments = new Set(resumed.flatMap((e) => (e.type === 'index' && e.collection === 'comment' ? e.upserts.map((i) => i.id) : [])));
    expect(comments.size).toBe(5);
    second.service.close();
  });

  it('treats a device that synced before phases existed as done', async () => {
    const userId = newId();
    const db = await openUserDb(userId);
    const store = new EngineStore(new IdbLocalStore(db), () => undefined);
    expect(await readPhase(store)).toBe('persons');
    await store.inner.put([], 42);
    expect(await readPhase(store)).toBe('done');
    db.close();
  });
});
