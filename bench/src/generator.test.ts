import { describe, expect, it } from 'vitest';
import { fromBase64 } from '@relais/core';
import { COLLECTIONS } from '@relais/core/collections';
import { Keyring, createRecordCodec, envelopeKeyVersion } from '@relais/core/crypto/index';
import { SHAPES, extraRecords, plainRecords, syntheticOrganisation, type PlainRecord } from './generator.ts';
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
    expect(ids.size).toBe(org.count);
    const mean = bytes / org.count;
    expect(mean).toBeGreaterThan(1.0 * 1024);
    expect(mean).toBeLessThan(1.2 * 1024);
  });

  it('size S is a fifth of size L', () => {
    for (const key of Object.keys(SHAPES.L) as (keyof typeof SHAPES.L)[]) {
      if (key === 'teams' || key === 'members') continue;
      expect(SHAPES.S[key] * 5).toBe(SHAPES.L[key]);
    }
  });

  it('assigns persons to the organisation teams and spreads actions over ±6 months', () => {
    const org = syntheticOrganisation(7, 'S');
    const teamIds = new Set(org.teams.map((t) => t.id));
    let due: number[] = [];
    for (const r of take(plainRecords(org), 3000)) {
      if (r.collection === 'person') {
        const assigned = r.document.fields.assignedTeams as string[];
        expect(assigned.length).toBeGreaterThan(0);
        for (const id of assigned) expect(teamIds.has(id)).toBe(true);
      }
      if (r.collection === 'action') due.push(Date.parse(r.document.fields.dueAt as string));
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
    const records = take(plainRecords(org), 1200);
    for (const r of records.filter((_, i) => i % 97 === 0)) {
      const sealed = sealer.seal(r.collection, r.id, r.document);
      expect(envelopeKeyVersion(fromBase64(sealed.ciphertext))).toBe(1);
      expect(sealer.open(sealed)).toEqual(r.document);
      if (r.collection in COLLECTIONS) expect(codec.decrypt('person', r.id, 1, sealed.ciphertext)).toEqual(r.document);
      // A ciphertext made for one record does not open as another.
      expect(() => sealer.open({ ...sealed, id: records[1]!.id })).toThrow();
    }
    const known = new Set(records.map((r) => r.id));
    for (const r of extraRecords(org, 50)) expect(known.has(r.id)).toBe(false);
  });
});
