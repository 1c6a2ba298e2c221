import { describe, expect, it } from 'vitest';
import { fromBase64 } from '@relais/core';
import { Keyring, createRecordCodec, envelopeKeyVersion } from '@relais/core/crypto/index';
import { validateFields } from '@relais/core/domain/registry';
import { SHAPES, SYNTHETIC_COLLECTIONS, extraRecords, plainRecords, syntheticOrganisation, syntheticPerson, type PlainRecord } from './generator.ts';
import { createSealer, loadPrimitives, platformRandom } from './seal.ts';

function fingerprint(records: Iterable<PlainRecord>): string[] {
  return Array.from(records, (r) => `${r.collection}:${r.id}:${JSON.stringify(r.document)}`);
}

function take<T>(items: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (out.length === n) break;
    out.push(item);
  }
  return out;
}

describe('synthetic organisation', () => {
  it('gives the same organisation for the same seed, and another for another seed', () => {
    const a = syntheticOrganisation(42, 'S');
    const b = syntheticOrganisation(42, 'S');
    const c = syntheticOrganisation(43, 'S');
    expect(b.organisationId).toBe(a.organisationId);
    expect(b.generalKey.key).toEqual(a.generalKey.key);
    const first = fingerprint(take(plainRecords(a), 6000));
    expect(fingerprint(take(plainRecords(b), 6000))).toEqual(first);
    expect(c.organisationId).not.toBe(a.organisationId);
    expect(syntheticOrganisation(42, 'L').organisationId).not.toBe(a.organisationId);
    expect(fingerprint(take(plainRecords(c), 10))).not.toEqual(first.slice(0, 10));
  });

  it('has the shape of size S and ~1.1 KiB of plaintext JSON per record on average', () => {
    const org = syntheticOrganisation(20261123, 'S');
    const counts: Record<string, number> = {};
    const ids = new Set<string>();
    let bytes = 0;
    for (const r of plainRecords(org)) {
      counts[r.collection] = (counts[r.collection] ?? 0) + 1;
      ids.add(r.id);
      bytes += Buffer.byteLength(JSON.stringify(r.document), 'utf8');
      expect(Object.keys(r.document.stamps)).toEqual(Object.keys(r.document.fields));
    }
    const { teams: _t, members: _m, ...collections } = SHAPES.S;
    expect(counts).toEqual(collections);
    expect(Object.keys(collections).sort()).toEqual([...SYNTHETIC_COLLECTIONS].sort());
    expect(ids.size).toBe(org.count);
    const mean = bytes / org.count;
    expect(mean).toBeGreaterThan(1.0 * 1024);
    expect(mean).toBeLessThan(1.2 * 1024);
  });

  it('size S is a fifth of size L (the few territories apart)', () => {
    for (const key of Object.keys(SHAPES.L) as (keyof typeof SHAPES.L)[]) {
      if (key === 'teams' || key === 'members' || key === 'territory') continue;
      expect(SHAPES.S[key] * 5).toBe(SHAPES.L[key]);
    }
  });

  it('assigns persons to the organisation teams and spreads actions over ±6 months', () => {
    const org = syntheticOrganisation(7, 'S');
    const teamIds = new Set(org.teams.map((t) => t.id));
    let due: number[] = [];
    for (const r of take(plainRecords(org), 3000)) {
      if (r.collection === 'person') {
        const assigned = r.document.fields.teamIds as string[];
        expect(assigned.length).toBeGreaterThan(0);
        for (const id of assigned) expect(teamIds.has(id)).toBe(true);
      }
      if (r.collection === 'action') due.push(Date.parse(r.document.fields.dueDate as string));
    }
    due = due.sort((x, y) => x - y);
    const spanDays = (due[due.length - 1]! - due[0]!) / 86_400_000;
    expect(spanDays).toBeGreaterThan(330);
    expect(spanDays).toBeLessThan(370);
  });

  it('encrypts records so that the real codec opens them, and extra records get new ids', async () => {
    const org = syntheticOrganisation(5, 'S');
    const p = await loadPrimitives();
    const sealer = createSealer(p, platformRandom(), org);
    const codec = createRecordCodec(
      p,
      platformRandom(),
      new Keyring(org.organisationId, [
        { kind: 'general', version: 1, key: org.generalKey.key },
        { kind: 'medical', version: 1, key: new Uint8Array(32).fill(9) },
      ]),
    );
    const records = take(plainRecords(org), 1400);
    for (const r of records.filter((_, i) => i % 97 === 0 || i === 1000)) {
      const sealed = sealer.seal(r.collection, r.id, r.document);
      expect(envelopeKeyVersion(fromBase64(sealed.ciphertext))).toBe(1);
      expect(sealer.open(sealed)).toEqual(r.document);
      expect(codec.decrypt(r.collection, r.id, 1, sealed.ciphertext)).toEqual(r.document);
      // The collection is bound to the ciphertext: an action does not open as a comment.
      expect(() => codec.decrypt(r.collection === 'comment' ? 'action' : 'comment', r.id, 1, sealed.ciphertext)).toThrow();
      // A ciphertext made for one record does not open as another.
      expect(() => sealer.open({ ...sealed, id: records[1]!.id })).toThrow();
    }
    const known = new Set(records.map((r) => r.id));
    for (const r of extraRecords(org, 50)) expect(known.has(r.id)).toBe(false);
  });

  it('writes documents that core validates, with every reference pointing at a record of the organisation', () => {
    const org = syntheticOrganisation(20261123, 'S');
    const ids: Record<string, Set<string>> = Object.fromEntries(SYNTHETIC_COLLECTIONS.map((c) => [c, new Set<string>()]));
    const references: { collection: string; id: string }[] = [];
    const seen = new Set<string>();
    for (const r of plainRecords(org)) {
      ids[r.collection]!.add(r.id);
      const f = r.document.fields;
      // Validating all 28,000 documents takes long: every person and territory, one record in 7 otherwise.
      if (r.collection === 'person' || r.collection === 'territory' || ids[r.collection]!.size % 7 === 0) {
        const result = validateFields(r.collection, f);
        if (!result.ok) throw new Error(`${r.collection} ${r.id}: ${JSON.stringify(result.errors)}`);
        seen.add(r.collection);
      }
      expect(typeof f.createdAt).toBe('string');
      expect(org.memberIds).toContain(f.createdBy);
      for (const key of ['personIds'] as const) {
        for (const id of (f[key] as string[] | undefined) ?? []) references.push({ collection: 'person', id });
      }
      if (typeof f.personId === 'string' && f.personId !== '') references.push({ collection: 'person', id: f.personId });
      if (typeof f.actionId === 'string' && f.actionId !== '') references.push({ collection: 'action', id: f.actionId });
      if (typeof f.territoryId === 'string' && f.territoryId !== '') references.push({ collection: 'territory', id: f.territoryId });
    }
    expect([...seen].sort()).toEqual([...SYNTHETIC_COLLECTIONS].sort());
    expect(references.length).toBeGreaterThan(15_000);
    for (const ref of references) expect(ids[ref.collection]!.has(ref.id)).toBe(true);
  });

  it('makes any one person alone, identical to the one in the stream', () => {
    const org = syntheticOrganisation(3, 'S');
    const all = take(plainRecords(org), org.shape.person);
    for (const index of [0, 17, org.shape.person - 1]) expect(syntheticPerson(org, index)).toEqual(all[index]);
    expect(() => syntheticPerson(org, org.shape.person)).toThrow();
  });
});
