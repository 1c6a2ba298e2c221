// @vitest-environment node
// (libsodium checks `instanceof Uint8Array`, which jsdom's TextEncoder, from another realm, fails.)
import { describe, expect, it, vi } from 'vitest';
import { emptyPerson } from '@relais/core/domain/person';
import { DataClient } from './client.ts';
import { localEndpoint } from './endpoint.ts';
import type { Fields } from './protocol.ts';
import { DataService } from './service.ts';
import { dumpAllDatabases, FakeServer, newId, newOrganisation, openParams, testEnv, type Organisation } from './test-support.ts';

async function client(server: FakeServer, org: Organisation, userId: string): Promise<DataClient> {
  const endpoint = localEndpoint((emit) => new DataService({ ...testEnv(server, userId), emit }));
  const data = await DataClient.connect(endpoint, openParams(org, userId), true);
  return data;
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return check();
};

describe('DataClient', () => {
  it('mirrors an index for the page, null until loaded, then current after writes', async () => {
    const server = new FakeServer();
    const data = await client(server, newOrganisation(), newId());
    const mirror = data.index('person');
    expect(mirror.getSnapshot()).toBeNull();
    expect(await until(() => mirror.getSnapshot() !== null)).toBe(true);
    expect(mirror.getSnapshot()).toEqual([]);
    let notified = 0;
    mirror.subscribe(() => notified++);
    const id = await data.request('create', { collection: 'person', fields: { ...(emptyPerson() as unknown as Fields), name: 'Nadia' } });
    expect(await until(() => mirror.getSnapshot()?.length === 1)).toBe(true);
    expect(mirror.getSnapshot()?.[0]).toMatchObject({ id, pending: true, summary: { name: 'Nadia' } });
    // Screens hear of it in the task after the one that received it (mirror.ts).
    expect(await until(() => notified > 0)).toBe(true);
    await data.close();
  });

  it('refuses requests once closed, saying nothing of them ran (a re-opened workspace may take them)', async () => {
    const data = await client(new FakeServer(), newOrganisation(), newId());
    await data.close();
    await expect(data.request('create', { collection: 'person', fields: { ...(emptyPerson() as unknown as Fields), name: 'Nadia' } })).rejects.toMatchObject({
      name: 'LockedError',
      untouched: true,
    });
  });

  it('keeps drafts sealed in IndexedDB across a lock, restores them after unlock, and forgets them once cleared', async () => {
    const server = new FakeServer();
    const org = newOrganisation();
    const userId = newId();
    const canary = `Canari-${newId()}`;
    const first = await client(server, org, userId);
    first.setDraft('personne/nouvelle', { name: canary, phone: '06 55 44 33 22' });
    // Locked before the save delay: closing saves it first.
    await first.close();
    const dump = await dumpAllDatabases();
    // Control: the dump reaches the drafts store, and the draft is there (sealed).
    expect(dump).toMatch(new RegExp(`relais-user-${userId}","drafts","\\[\\{`));
    expect(dump).not.toContain(canary);
    expect(dump).not.toContain('06 55 44 33 22');
    expect(dump).not.toContain('personne/nouvelle');

    const second = await client(server, org, userId);
    expect(second.draft('personne/nouvelle')).toEqual({ name: canary, phone: '06 55 44 33 22' });
    second.clearDraft('personne/nouvelle');
    await second.close();
    const third = await client(server, org, userId);
    expect(third.draft('personne/nouvelle')).toBeUndefined();
    await third.close();
  });

  it('seals what was just typed when the page is left, without waiting for the save delay', async () => {
    const page = new EventTarget();
    vi.stubGlobal('window', page);
    try {
      const server = new FakeServer();
      const org = newOrganisation();
      const userId = newId();
      const first = await client(server, org, userId);
      first.setDraft('action/nouvelle', { title: 'Appeler le 115' });
      page.dispatchEvent(new Event('pagehide'));
      const drafts = new RegExp(`relais-user-${userId}","drafts","\\[\\{`);
      let sealed = false;
      // Well within DRAFT_SAVE_DELAY_MS: the timer cannot be what saved it.
      for (let i = 0; i < 30 && !sealed; i++) {
        sealed = drafts.test(await dumpAllDatabases());
        if (!sealed) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(sealed).toBe(true);
      // The page is gone without a lock: the next start finds the draft.
      const second = await client(server, org, userId);
      expect(second.draft('action/nouvelle')).toEqual({ title: 'Appeler le 115' });
      await second.close();
      await first.close();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('does not open drafts sealed with another organisation key', async () => {
    const server = new FakeServer();
    const userId = newId();
    const first = await client(server, newOrganisation(), userId);
    first.setDraft('x', 'secret');
    await first.close();
    const other = await client(server, newOrganisation(), userId);
    expect(other.draft('x')).toBeUndefined();
    await other.close();
  });
});

describe('DataClient read batches', () => {
  it('sends the reads asked in one task as one message and resolves them together; other requests go alone', async () => {
    const server = new FakeServer();
    const org = newOrganisation();
    const userId = newId();
    const posted: unknown[] = [];
    const inner = localEndpoint((emit) => new DataService({ ...testEnv(server, userId), emit }));
    const endpoint = { ...inner, post: (request: Parameters<typeof inner.post>[0]) => (posted.push(request), inner.post(request)) };
    const data = await DataClient.connect(endpoint, openParams(org, userId), true);
    const a = await data.request('create', { collection: 'person', fields: { ...(emptyPerson() as unknown as Fields), name: 'Ana' } });
    const b = await data.request('create', { collection: 'person', fields: { ...(emptyPerson() as unknown as Fields), name: 'Bea' } });
    posted.length = 0;

    const settled: string[] = [];
    const reads = [
      data.request('read', { collection: 'person', id: a }).then((r) => settled.push(`a:${String(r?.fields.name)}`)),
      data.request('readMany', { collection: 'person', ids: [b, newId()] }).then((r) => settled.push(`b:${r.map((x) => x.fields.name).join()}`)),
      data.request('history', { collection: 'person', id: a }).then((r) => settled.push(`h:${r.length}`)),
    ];
    await Promise.all(reads);
    expect(posted).toHaveLength(1);
    expect(Array.isArray(posted[0]) && posted[0].map((r: { method: string }) => r.method)).toEqual(['read', 'readMany', 'history']);
    expect(settled.sort()).toEqual(['a:Ana', 'b:Bea', 'h:0']);

    posted.length = 0;
    await Promise.all([data.request('pendingCount', null), data.request('read', { collection: 'person', id: b })]);
    // The count is not a read: alone; the single read: alone too (no array for one request).
    expect(posted.map((p) => (Array.isArray(p) ? 'batch' : (p as { method: string }).method))).toEqual(['pendingCount', 'read']);
    await data.close();
  });
});

describe('DataClient primed records', () => {
  it('keeps the records a group brought until they change, so a file shows its comments with the group', async () => {
    const server = new FakeServer();
    const data = await client(server, newOrganisation(), newId());
    const personId = newId();
    const comment = (text: string) => ({ text, personId, actionId: '', teamId: newId(), date: '2026-11-24T10:00:00.000Z', priority: false });
    const c1 = await data.request('create', { collection: 'comment', fields: comment('Premier') });
    const c2 = await data.request('create', { collection: 'comment', fields: comment('Second') });
    expect(data.primed('comment', [c1])).toBeNull();

    const group = data.group({ collection: 'comment', field: 'personId', value: personId });
    const stop = group.subscribe(() => undefined);
    expect(await until(() => group.mirror.getSnapshot() !== null)).toBe(true);
    // In the order asked; one id the group did not bring: nothing primed, the caller reads.
    expect(data.primed('comment', [c2, c1])?.map((r) => r.fields.text)).toEqual(['Second', 'Premier']);
    expect(data.primed('comment', [c1, newId()])).toBeNull();

    // A change drops the primed copy: the next reader asks the service for the new text.
    await data.request('update', { collection: 'comment', id: c1, patch: { text: 'Premier, corrigé' } });
    expect(await until(() => data.primed('comment', [c1]) === null)).toBe(true);
    expect((await data.request('readMany', { collection: 'comment', ids: [c1] }))[0]?.fields.text).toBe('Premier, corrigé');
    stop();
    await data.close();
    expect(data.primed('comment', [c2])).toBeNull();
  });
});

describe('DataClient read-ahead', () => {
  it('reads a file ahead (record, history, groups) and keeps it until it changes', async () => {
    const server = new FakeServer();
    const data = await client(server, newOrganisation(), newId());
    const personId = await data.request('create', { collection: 'person', fields: { ...(emptyPerson() as unknown as Fields), name: 'Nadia' } });
    await data.request('update', { collection: 'person', id: personId, patch: { otherNames: 'Nana' } });
    const commentId = await data.request('create', {
      collection: 'comment',
      fields: { text: 'Vue au parc', personId, actionId: '', teamId: newId(), date: '2026-11-24T10:00:00.000Z', priority: false },
    });
    expect(data.primedRecord('person', personId)).toBeUndefined();
    expect(data.primedHistory('person', personId)).toBeUndefined();

    data.readAhead('person', personId, [['comment', 'personId']]);
    // The group is answered once the Worker has indexed its collection, possibly after the record.
    const group = data.group({ collection: 'comment', field: 'personId', value: personId });
    expect(
      await until(() => data.primedRecord('person', personId) !== undefined && data.primedHistory('person', personId) !== undefined && group.mirror.getSnapshot() !== null),
    ).toBe(true);
    expect(data.primedRecord('person', personId)?.fields.otherNames).toBe('Nana');
    expect(data.primedHistory('person', personId)?.some((e) => e.kind === 'change' && e.field === 'otherNames')).toBe(true);
    // The group is watched already, its texts primed: a file opened now has them at its first render.
    expect(group.mirror.getSnapshot()?.map((item) => item.id)).toEqual([commentId]);
    expect(data.primed('comment', [commentId])?.[0]?.fields.text).toBe('Vue au parc');

    expect((await data.groupItems({ collection: 'comment', field: 'personId', value: personId })).map((item) => item.id)).toEqual([commentId]);
    expect(await data.groupItems({ collection: 'passage', field: 'personIds', value: personId })).toEqual([]);

    // A change drops the record and its history: the file reads them again.
    await data.request('update', { collection: 'person', id: personId, patch: { otherNames: 'Nanou' } });
    expect(await until(() => data.primedRecord('person', personId) === undefined && data.primedHistory('person', personId) === undefined)).toBe(true);
    await data.close();
    expect(data.primedRecord('person', personId)).toBeUndefined();
  });

  it('answers a group still awaited, and any asked afterwards, with nothing once the client closes', async () => {
    const data = await client(new FakeServer(), newOrganisation(), newId());
    // Asked in the same task as the close: the Worker never answers it.
    const awaited = data.groupItems({ collection: 'comment', field: 'personId', value: newId() });
    await data.close();
    await expect(awaited).resolves.toEqual([]);
    await expect(data.groupItems({ collection: 'comment', field: 'personId', value: newId() })).resolves.toEqual([]);
  });
});
