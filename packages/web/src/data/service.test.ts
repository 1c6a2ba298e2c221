// @vitest-environment node
// (libsodium checks `instanceof Uint8Array`, which jsdom's TextEncoder, from another realm, fails.)
import { describe, expect, it, vi } from 'vitest';
import type { PersonSummary } from '@relais/core/domain/person';
import { emptyPerson } from '@relais/core/domain/person';
import type { CryptoPrimitives } from '@relais/core/ports';
import { loadPrimitives } from '../crypto/sodium.ts';
import { DataError, LockedError, ValidationError } from './errors.ts';
import { groupKey, historyKey, type Fields, type WorkerEvent } from './protocol.ts';
import { DataService, FLUSH_DELAY_MS } from './service.ts';
import { dumpAllDatabases, FakeServer, newId, newOrganisation, openParams, testEnv } from './test-support.ts';
import { openUserDb } from '../storage/user-db.ts';
import type { Item } from './types.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, FLUSH_DELAY_MS * 3));

function person(name: string, extra: Partial<Fields> = {}): Fields {
  return { ...(emptyPerson() as unknown as Fields), name, ...extra };
}

/** The index of a collection as the page would rebuild it from the events. */
function mirror(events: readonly WorkerEvent[], collection: string): Map<string, Item<unknown>> {
  const items = new Map<string, Item<unknown>>();
  for (const event of events) {
    if (event.type !== 'index' || event.collection !== collection) continue;
    if (event.reset) items.clear();
    for (const id of event.removes) items.delete(id);
    for (const item of event.upserts) items.set(item.id, item);
  }
  return items;
}

async function device(server = new FakeServer(), org = newOrganisation(), counting?: { decrypts: number }, userId = newId()) {
  const events: WorkerEvent[] = [];
  const env = testEnv(server, userId, events);
  if (counting) {
    env.primitives = async (): Promise<CryptoPrimitives> => {
      const p = await loadPrimitives();
      return {
        ...p,
        aeadDecrypt: (...args) => {
          counting.decrypts++;
          return p.aeadDecrypt(...args);
        },
      };
    };
  }
  const service = new DataService(env);
  const params = openParams(org, userId);
  await service.handle('open', params);
  await service.whenBuilt();
  return { service, events, server, org, userId, params };
}

describe('DataService', () => {
  it('indexes summaries, persons first, and follows writes and pulls with deltas', async () => {
    const a = await device();
    const ids = [];
    for (const name of ['Zoé Martin', 'Élodie Durand', 'Karim']) ids.push(await a.service.handle('create', { collection: 'person', fields: person(name, { description: 'Secret médical' }) }));
    await a.service.handle('sync', null);

    const b = await device(a.server, a.org);
    await b.service.handle('watchIndex', { collection: 'person' });
    await b.service.handle('sync', null);
    await settle();
    const persons = mirror(b.events, 'person');
    expect([...persons.values()].map((i) => (i.summary as PersonSummary).name).sort()).toEqual(['Karim', 'Zoé Martin', 'Élodie Durand']);
    // Summaries only: the description stays in the ciphertext until the file is opened.
    expect(JSON.stringify([...persons.values()])).not.toContain('Secret');
    expect([...persons.values()].every((i) => !i.pending)).toBe(true);

    // A file open on B: the page read the record and its history.
    await b.service.handle('read', { collection: 'person', id: ids[0]! });
    await b.service.handle('history', { collection: 'person', id: ids[0]! });
    // A local write arrives as a pending upsert, a pulled change as a confirmed one.
    await b.service.handle('update', { collection: 'person', id: ids[2]!, patch: { name: 'Karim B.' } });
    await settle();
    expect(mirror(b.events, 'person').get(ids[2]!)).toMatchObject({ pending: true, summary: { name: 'Karim B.' } });
    await a.service.handle('update', { collection: 'person', id: ids[0]!, patch: { phone: '06 12 34 56 78' } });
    await a.service.handle('sync', null);
    await b.service.handle('sync', null);
    await settle();
    const after = mirror(b.events, 'person');
    expect(after.get(ids[0]!)).toMatchObject({ pending: false, summary: { phone: '06 12 34 56 78' } });
    expect(after.get(ids[2]!)).toMatchObject({ pending: false, summary: { name: 'Karim B.' } });
    // The page also hears which of the records it read changed (open files reload), and their
    // histories; not of the others, which it never asked for.
    const changed = b.events.flatMap((e) => (e.type === 'changed' ? e.keys : []));
    expect(changed).toContain(`person/${ids[0]!}`);
    expect(changed).toContain(historyKey('person', ids[0]!));
    expect(changed).not.toContain(`person/${ids[1]!}`);
    a.service.close();
    b.service.close();
  });

  it('refuses invalid documents with French messages per field, and writes nothing', async () => {
    const { service } = await device();
    const error = await service.handle('create', { collection: 'person', fields: person('   ', { birthDate: '2026-02-30' }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const errors = (error as ValidationError).errors;
    expect(errors.name).toBe('Veuillez saisir un nom, un prénom ou un surnom.');
    expect(errors.birthDate).toMatch(/date valide/);
    const action = await service.handle('create', { collection: 'action', fields: { title: 'Appeler le 115', dueDate: '2026-11-23' } }).catch((e: unknown) => e);
    expect((action as ValidationError).errors.teamIds).toMatch(/équipe/);
    expect(await service.handle('pendingCount', null)).toBe(0);
    await expect(service.handle('update', { collection: 'person', id: newId(), patch: { name: 'X' } })).rejects.toBeInstanceOf(DataError);
    service.close();
  });

  it('sets createdAt/createdBy, keeps one history record per changed person field, newest first', async () => {
    const { service, userId } = await device();
    const id = await service.handle('create', { collection: 'person', fields: person('  Jo  ', { phone: '01' }) });
    const created = await service.handle('read', { collection: 'person', id });
    expect(created?.fields).toMatchObject({ name: 'Jo', createdBy: userId, deletedAt: '' });
    expect(created?.fields.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await service.handle('history', { collection: 'person', id })).toEqual([]);

    await service.handle('update', { collection: 'person', id, patch: { phone: '02', name: 'Jo', description: 'Chien : Filou.' } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await service.handle('update', { collection: 'person', id, patch: { phone: '03' } });
    const history = await service.handle('history', { collection: 'person', id });
    const changes = history.map((h) => [h.field, h.kind === 'change' ? [h.before, h.after] : null]);
    expect(changes[0]).toEqual(['phone', ['02', '03']]);
    // The first edit's two fields share their time: in either order after the newer edit.
    expect(changes.slice(1)).toEqual(
      expect.arrayContaining([
        ['description', ['', 'Chien : Filou.']],
        ['phone', ['01', '02']],
      ]),
    );
    expect(history).toHaveLength(3);
    expect(history.every((h) => h.by === userId && h.recordId === id)).toBe(true);
    // Other collections keep no field history.
    const territory = await service.handle('create', { collection: 'territory', fields: { name: 'Gare du Nord' } });
    await service.handle('update', { collection: 'territory', id: territory, patch: { name: 'Gare de l’Est' } });
    expect(await service.handle('history', { collection: 'territory', id: territory })).toEqual([]);
    service.close();
  });

  it('sends deleted records to the corbeille with who and when, and restores them', async () => {
    const { service, events, userId } = await device();
    await service.handle('watchIndex', { collection: 'person' });
    await service.handle('watchTrash', null);
    const id = await service.handle('create', { collection: 'person', fields: person('Lou') });
    await service.handle('remove', { collection: 'person', id });
    await settle();
    expect(mirror(events, 'person').has(id)).toBe(false);
    const trash = events.filter((e) => e.type === 'trash').at(-1);
    expect(trash?.type === 'trash' && trash.entries).toEqual([
      { collection: 'person', id, label: 'Lou', deletedAt: expect.stringMatching(/^\d{4}-/) as unknown as string, deletedBy: userId },
    ]);
    expect(await service.handle('read', { collection: 'person', id })).toMatchObject({ deleted: true });
    expect(await service.handle('readMany', { collection: 'person', ids: [id] })).toEqual([]);

    await service.handle('restore', { collection: 'person', id });
    await settle();
    expect(mirror(events, 'person').get(id)).toMatchObject({ summary: { name: 'Lou' } });
    const last = events.filter((e) => e.type === 'trash').at(-1);
    expect(last?.type === 'trash' && last.entries).toEqual([]);
    expect(await service.handle('read', { collection: 'person', id })).toMatchObject({ deleted: false, fields: { deletedAt: '', deletedBy: '' } });
    service.close();
  });

  it('decrypts each record once to index it, a full document once when opened, then serves it from a cache', async () => {
    const counting = { decrypts: 0 };
    const first = await device(undefined, undefined, counting);
    const id = await first.service.handle('create', { collection: 'person', fields: person('Ana', { description: 'Long texte' }) });
    for (let i = 0; i < 3; i++) await first.service.handle('create', { collection: 'comment', fields: { text: `Note ${i}`, personId: id, actionId: '', teamId: newId(), date: '2026-11-23T10:00:00.000Z', priority: false } });
    first.service.close();

    // The same device after a reload: the index build decrypts every record exactly once.
    counting.decrypts = 0;
    const again = await device(first.server, first.org, counting, first.userId);
    expect(counting.decrypts).toBe(4);
    counting.decrypts = 0;
    const opened = await again.service.handle('read', { collection: 'person', id });
    expect(opened?.fields).toMatchObject({ name: 'Ana', description: 'Long texte' });
    expect(counting.decrypts).toBe(1);
    await again.service.handle('read', { collection: 'person', id });
    expect(counting.decrypts).toBe(1);
    again.service.close();
  });

  it('reads many in the order asked, skipping unknown ids, and caches what it read', async () => {
    const counting = { decrypts: 0 };
    const { service } = await device(undefined, undefined, counting);
    const ids = [];
    for (const name of ['A', 'B', 'C']) ids.push(await service.handle('create', { collection: 'person', fields: person(name) }));
    const before = counting.decrypts;
    const read = await service.handle('readMany', { collection: 'person', ids: [ids[2]!, newId(), ids[0]!] });
    expect(read.map((r) => r.fields.name)).toEqual(['C', 'A']);
    const decrypted = counting.decrypts - before;
    expect(decrypted).toBeLessThanOrEqual(2);
    const cached = counting.decrypts;
    expect((await service.handle('read', { collection: 'person', id: ids[2]! }))?.fields.name).toBe('C');
    expect(counting.decrypts).toBe(cached);
    // An update refreshes the cached document with the state it just stored.
    await service.handle('update', { collection: 'person', id: ids[2]!, patch: { name: 'C2' } });
    expect((await service.handle('read', { collection: 'person', id: ids[2]! }))?.fields.name).toBe('C2');
    service.close();
  });

  it('zeroes its keys on close and refuses every later request', async () => {
    const { service, params } = await device();
    await service.handle('close', null);
    for (const k of params.keys) expect(k.key.every((b) => b === 0)).toBe(true);
    await expect(service.handle('read', { collection: 'person', id: newId() })).rejects.toBeInstanceOf(LockedError);
    await expect(service.handle('sync', null)).rejects.toBeInstanceOf(LockedError);
  });
});

describe('DataService sealed index', () => {
  const names = (events: readonly WorkerEvent[]) => [...mirror(events, 'person').values()].map((i) => (i.summary as PersonSummary).name).sort();

  /** Sealed parts per collection in the user's database (each costs one decryption to open). */
  async function sealedParts(userId: string): Promise<Map<string, number>> {
    const db = await openUserDb(userId);
    const out = new Map<string, number>();
    for (const part of await db.getAll('snapshots')) out.set(part.collection, (out.get(part.collection) ?? 0) + 1);
    db.close();
    return out;
  }
  const total = (parts: Map<string, number>) => [...parts.values()].reduce((a, b) => a + b, 0);

  async function reopen(from: { server: FakeServer; org: ReturnType<typeof newOrganisation>; userId: string }, counting: { decrypts: number }) {
    counting.decrypts = 0;
    const next = await device(from.server, from.org, counting, from.userId);
    await next.service.handle('watchIndex', { collection: 'person' });
    await next.service.handle('watchTrash', null);
    return next;
  }

  it('opens the index sealed at the last lock instead of decrypting every record, with the same content', async () => {
    const counting = { decrypts: 0 };
    const first = await device(undefined, undefined, counting);
    const ids = [];
    for (const name of ['Zoé', 'Élodie', 'Karim']) ids.push(await first.service.handle('create', { collection: 'person', fields: person(name) }));
    await first.service.handle('update', { collection: 'person', id: ids[0]!, patch: { phone: '0612' } });
    await first.service.handle('remove', { collection: 'person', id: ids[2]! });
    await first.service.handle('close', null);
    const parts = await sealedParts(first.userId);
    expect(parts.get('person')).toBe(2); // the live persons, then the corbeille

    const second = await reopen(first, counting);
    // One decryption per sealed part, none per record.
    expect(counting.decrypts).toBe(total(parts));
    await settle();
    expect(names(second.events)).toEqual(['Zoé', 'Élodie']);
    const trash = second.events.filter((e) => e.type === 'trash').at(-1);
    expect(trash?.type === 'trash' && trash.entries.map((e) => e.id)).toEqual([ids[2]]);
    // History links came back too: the file's history is found without an index rebuild.
    expect((await second.service.handle('history', { collection: 'person', id: ids[0]! })).map((h) => h.field)).toEqual(['phone']);
    // The sealed index holds names only inside envelopes.
    expect(await dumpAllDatabases()).not.toContain('Élodie');
    second.service.close();
  });

  it('indexes a collection from its records again when it was written after the seal, here or in another tab', async () => {
    const counting = { decrypts: 0 };
    const first = await device(undefined, undefined, counting);
    await first.service.handle('create', { collection: 'person', fields: person('Ana') });
    await first.service.handle('create', { collection: 'territory', fields: { name: 'Gare du Nord' } });
    await first.service.handle('close', null);
    const parts = await sealedParts(first.userId);

    // Another tab (its own service on the same database) writes a person and is closed without sealing.
    const other = await reopen(first, counting);
    await other.service.handle('create', { collection: 'person', fields: person('Bea') });
    other.service.close();

    const third = await reopen(first, counting);
    await settle();
    expect(names(third.events)).toEqual(['Ana', 'Bea']);
    // Persons (2 records) were decrypted again; the other sealed indexes, territories included, were still current.
    expect(counting.decrypts).toBe(total(parts) - parts.get('person')! + 2);
    third.service.close();
  });

  it('falls back to the records when a sealed part does not open', async () => {
    const counting = { decrypts: 0 };
    const first = await device(undefined, undefined, counting);
    await first.service.handle('create', { collection: 'person', fields: person('Ana') });
    await first.service.handle('close', null);
    const db = await openUserDb(first.userId);
    const sealedPerson = (await db.getAll('snapshots')).filter((part) => part.collection === 'person');
    expect(sealedPerson).toHaveLength(1);
    sealedPerson[0]!.envelope[sealedPerson[0]!.envelope.length - 1]! ^= 1;
    await db.put('snapshots', sealedPerson[0]!);
    db.close();
    const parts = await sealedParts(first.userId);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const second = await reopen(first, counting);
    await settle();
    expect(names(second.events)).toEqual(['Ana']);
    // Every sealed part tried once, the damaged one failing, then the one person record.
    expect(counting.decrypts).toBe(total(parts) + 1);
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/index snapshot of person unusable/), expect.anything());
    errors.mockRestore();
    second.service.close();
  });
});

describe('DataService watched groups', () => {
  it('answers a group once indexed, then sends it again when an item joins, changes in or leaves it, until unwatched', async () => {
    const a = await device();
    const p1 = newId();
    const p2 = newId();
    const comment = (text: string, personId: string) => ({ text, personId, actionId: '', teamId: newId(), date: '2026-11-23T10:00:00.000Z', priority: false });
    const c1 = await a.service.handle('create', { collection: 'comment', fields: comment('Un', p1) });
    await a.service.handle('create', { collection: 'comment', fields: comment('Autre', p2) });
    const g1 = { collection: 'comment' as const, field: 'personId', value: p1 };
    const g2 = { collection: 'comment' as const, field: 'personId', value: p2 };
    const first = await a.service.handle('watchGroup', g1);
    expect(first.items.map((i) => i.id)).toEqual([c1]);
    // Comments are shown in full with their group: the answer brings their records.
    expect(first.records.map((r) => [r.id, r.fields.text])).toEqual([[c1, 'Un']]);
    expect((await a.service.handle('watchGroup', g2)).items).toHaveLength(1);
    await settle();
    a.events.length = 0;
    const groupEvents = () => a.events.flatMap((e) => (e.type === 'group' ? [e] : []));

    const c2 = await a.service.handle('create', { collection: 'comment', fields: comment('Deux', p1) });
    await settle();
    expect(groupEvents().map((e) => [e.key, e.items.map((i) => i.id).sort()])).toEqual([[groupKey(g1), [c1, c2].sort()]]);

    // Moved to the other person: both groups hear of it.
    a.events.length = 0;
    await a.service.handle('update', { collection: 'comment', id: c1, patch: { personId: p2 } });
    await settle();
    expect(groupEvents().map((e) => e.key).sort()).toEqual([groupKey(g1), groupKey(g2)].sort());
    expect(groupEvents().find((e) => e.key === groupKey(g1))?.items.map((i) => i.id)).toEqual([c2]);

    a.events.length = 0;
    await a.service.handle('unwatchGroup', g1);
    await a.service.handle('remove', { collection: 'comment', id: c2 });
    await settle();
    expect(groupEvents()).toEqual([]);

    // An emptied group brings no records; a collection not shown in full brings none.
    expect((await a.service.handle('watchGroup', g1)).records).toEqual([]);
    const link = await a.service.handle('create', { collection: 'personPlace', fields: { personId: p1, placeId: newId() } });
    const places = await a.service.handle('watchGroup', { collection: 'personPlace', field: 'personId', value: p1 });
    expect(places.items.map((i) => i.id)).toEqual([link]);
    expect(places.records).toEqual([]);
    a.service.close();
  });
});
