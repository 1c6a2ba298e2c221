// @vitest-environment node
// (libsodium checks `instanceof Uint8Array`, which jsdom's TextEncoder, from another realm, fails.)
import { describe, expect, it } from 'vitest';
import { Keyring } from '@relais/core/crypto/keyring';
import { loadPrimitives, random } from '../crypto/sodium.ts';
import { openUserDb } from '../storage/user-db.ts';
import { DraftStore, MEDICAL_DRAFT_PREFIX } from './drafts.ts';
import { IndexSnapshots } from './index-snapshot.ts';
import { newId, newOrganisation } from './test-support.ts';

describe('drafts of the dossier médical', () => {
  it('are sealed with the medical key: a session without it neither opens nor writes them', async () => {
    const p = await loadPrimitives();
    const org = newOrganisation();
    const userId = newId();
    const db = await openUserDb(userId);
    const ring = (kinds: string[]) => new Keyring(org.id, org.keys.filter((k) => kinds.includes(k.kind)).map((k) => ({ ...k, key: k.key.slice() })));
    const health = new DraftStore(db, p, random, ring(['general', 'medical']), () => 1);
    const medicalName = `${MEDICAL_DRAFT_PREFIX}consultation:x:new`;
    await health.put(medicalName, { notes: 'Douleur thoracique' });
    await health.put('comment:x:', { text: 'Café pris' });
    expect(await health.loadAll()).toEqual(new Map<string, unknown>([[medicalName, { notes: 'Douleur thoracique' }], ['comment:x:', { text: 'Café pris' }]]));
    const stored = await db.getAll('drafts');
    expect(stored.map((d) => d.keyKind ?? 'general').sort()).toEqual(['general', 'medical']);

    const generalOnly = new DraftStore(db, p, random, ring(['general']), () => 2);
    expect([...(await generalOnly.loadAll()).keys()]).toEqual(['comment:x:']);
    await generalOnly.put(`${MEDICAL_DRAFT_PREFIX}treatment:x:new`, { medication: 'Insuline' });
    expect(await db.getAll('drafts')).toHaveLength(2);
    db.close();
  });
});

describe('index snapshots of the dossier médical', () => {
  it('are sealed with the medical key: they open only with it', async () => {
    const p = await loadPrimitives();
    const org = newOrganisation();
    const userId = newId();
    const db = await openUserDb(userId);
    const ring = (kinds: string[]) => new Keyring(org.id, org.keys.filter((k) => kinds.includes(k.kind)).map((k) => ({ ...k, key: k.key.slice() })));
    const data = { items: [{ id: newId(), summary: { personId: newId(), type: 'Infirmier', date: '2026-11-23T10:00:00.000Z' }, pending: false }], trash: [], links: [] };
    expect(await new IndexSnapshots(db, p, random, ring(['general', 'medical']), userId).save('consultation', 0, data)).toBe(true);
    expect(await new IndexSnapshots(db, p, random, ring(['general']), userId).load('consultation')).toBeNull();
    expect((await new IndexSnapshots(db, p, random, ring(['general', 'medical']), userId).load('consultation'))?.parts).toEqual([data]);
    // A general collection's snapshot still opens with the general key alone.
    expect(await new IndexSnapshots(db, p, random, ring(['general', 'medical']), userId).save('comment', 0, { items: [], trash: [], links: [] })).toBe(true);
    expect(await new IndexSnapshots(db, p, random, ring(['general']), userId).load('comment')).not.toBeNull();
    db.close();
  });
});
