// @vitest-environment node
// (libsodium checks `instanceof Uint8Array`, which jsdom's TextEncoder, from another realm, fails.)
import { describe, expect, it, vi } from 'vitest';
import { MEDICAL_COLLECTIONS, type Collection } from '@relais/core/collections';
import { emptyConsultation } from '@relais/core/domain/consultation';
import { emptyPerson } from '@relais/core/domain/person';
import type { PullResponse } from '@relais/core/protocol';
import { IdbLocalStore } from '../storage/local-store.ts';
import { openUserDb } from '../storage/user-db.ts';
import { DataError } from './errors.ts';
import type { Fields } from './protocol.ts';
import { DataService, SNAPSHOT_QUIET_MS } from './service.ts';
import { FakeServer, newId, newOrganisation, openParams, testEnv, type Organisation } from './test-support.ts';

/** Like the real server: medical records are left out of the pulls of a member without the role. */
class RelayServer extends FakeServer {
  hideMedical = false;
  override pull(since: number, limit: number, only: readonly Collection[] | undefined): PullResponse {
    if (this.hideMedical && only?.some((c) => MEDICAL_COLLECTIONS.includes(c))) throw new Error('asked for a medical collection');
    const page = super.pull(since, limit, only);
    return this.hideMedical ? { ...page, changes: page.changes.filter((c) => !MEDICAL_COLLECTIONS.includes(c.collection)) } : page;
  }
}

async function open(server: FakeServer, org: Organisation, userId: string, medicalKey: boolean) {
  const service = new DataService(testEnv(server, userId));
  const params = openParams(org, userId);
  await service.handle('open', { ...params, keys: params.keys.filter((k) => medicalKey || k.kind !== 'medical') });
  await service.whenBuilt();
  return service;
}

async function stored(userId: string, collection: Collection): Promise<string[]> {
  const db = await openUserDb(userId);
  try {
    return (await new IdbLocalStore(db).list(collection)).map((r) => r.id);
  } finally {
    db.close();
  }
}

describe('the dossier médical in the data layer', () => {
  it('never asks for, writes or stores medical records without the medical key, and catches up once it has it', async () => {
    const server = new RelayServer();
    server.pageSize = 2;
    const org = newOrganisation();
    const nurse = await open(server, org, newId(), true);
    const personId = await nurse.handle('create', { collection: 'person', fields: { ...(emptyPerson() as unknown as Fields), name: 'Camille' } });
    const consultation = { ...emptyConsultation(personId, '2026-11-23T10:00:00.000Z'), type: 'Infirmier', notes: 'Pansement' };
    const consultationId = await nurse.handle('create', { collection: 'consultation', fields: consultation as unknown as Fields });
    await nurse.handle('sync', null);
    nurse.close();

    // The social worker: first sync in phases, then ordinary syncs, never naming a medical collection.
    server.hideMedical = true;
    server.pulls.length = 0;
    const workerId = newId();
    const worker = await open(server, org, workerId, false);
    await worker.handle('sync', null);
    await worker.handle('sync', null);
    const named = server.pulls.flatMap((p) => p.only ?? []);
    expect(named).toContain('comment');
    for (const c of MEDICAL_COLLECTIONS) expect(named).not.toContain(c);
    expect(await stored(workerId, 'person')).toEqual([personId]);
    expect(await stored(workerId, 'consultation')).toEqual([]);
    await expect(worker.handle('create', { collection: 'consultation', fields: consultation as unknown as Fields })).rejects.toBeInstanceOf(DataError);
    expect(await worker.handle('pendingCount', null)).toBe(0);
    worker.close();

    // The worker becomes a health professional: the next sync fetches the medical collections
    // from the start (the ordinary cursor went past them), once.
    server.hideMedical = false;
    server.pulls.length = 0;
    const health = await open(server, org, workerId, true);
    await health.handle('sync', null);
    const catchUp = server.pulls.filter((p) => p.only?.includes('consultation'));
    expect(catchUp[0]).toEqual({ since: 0, only: [...MEDICAL_COLLECTIONS] });
    expect(await stored(workerId, 'consultation')).toEqual([consultationId]);
    expect((await health.handle('read', { collection: 'consultation', id: consultationId }))?.fields).toMatchObject({ notes: 'Pansement' });
    server.pulls.length = 0;
    await health.handle('sync', null);
    expect(server.pulls.every((p) => p.only === undefined)).toBe(true);
    health.close();
  });

  it('seals the indexes of a session without the medical key, and never tries the medical ones', async () => {
    const server = new FakeServer();
    const org = newOrganisation();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const worker = await open(server, org, newId(), false);
      await worker.handle('create', { collection: 'person', fields: { ...(emptyPerson() as unknown as Fields), name: 'Camille' } });
      // The seal follows SNAPSHOT_QUIET_MS after the last change.
      await new Promise((resolve) => setTimeout(resolve, SNAPSHOT_QUIET_MS + 500));
      expect(errors.mock.calls.filter(([message]) => String(message).startsWith('cannot seal'))).toEqual([]);
      worker.close();
    } finally {
      errors.mockRestore();
    }
  });
});
