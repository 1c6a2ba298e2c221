import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheName, codecFingerprint, encryptedRecords, ensureCache } from './cache.ts';
import { syntheticOrganisation, type SyntheticOrganisation } from './generator.ts';
import { createSealer, loadPrimitives, platformRandom } from './seal.ts';

/** Size S cut down to a few records of each collection: the cache logic, not the volume. */
function tinyOrganisation(): SyntheticOrganisation {
  const org = syntheticOrganisation(20261123, 'S');
  const shape = { ...org.shape, person: 3, territory: 1, action: 3, comment: 4, passage: 2, encounter: 1 };
  return { ...org, shape, count: 14 };
}

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'relais-cache-test-'));
  dirs.push(dir);
  return dir;
}

describe('bench cache', () => {
  it('fingerprints the codec by what it writes: stable, and different for other bytes', async () => {
    const p = await loadPrimitives();
    const org = tinyOrganisation();
    expect(codecFingerprint(p, org)).toBe(codecFingerprint(p, org));
    expect(codecFingerprint(p, org)).toMatch(/^[0-9a-f]{12}$/);
    // Another key gives other ciphertexts for the same documents: another fingerprint.
    const rekeyed = { ...org, generalKey: { version: 1, key: new Uint8Array(32).fill(9) } };
    expect(codecFingerprint(p, rekeyed)).not.toBe(codecFingerprint(p, org));
  });

  it('never reads a file written by another codec, and reads back what it wrote', async () => {
    const dir = await tempDir();
    const org = tinyOrganisation();
    const p = await loadPrimitives();
    // A complete cache of an older codec: same organisation, same counts, another fingerprint.
    const stale = cacheName(org, '000000000000');
    await writeFile(join(dir, `${stale}.ndjson`), '');
    await writeFile(join(dir, `${stale}.meta.json`), JSON.stringify({ count: org.count, organisationId: org.organisationId, codec: '000000000000' }));
    const { path, meta } = await ensureCache(org, dir);
    expect(path).toBe(join(dir, `${cacheName(org, codecFingerprint(p, org))}.ndjson`));
    expect(meta.codec).toBe(codecFingerprint(p, org));
    expect((await readdir(dir)).sort()).toHaveLength(4);
    const sealer = createSealer(p, platformRandom(), org);
    let count = 0;
    for await (const record of encryptedRecords(org, dir)) {
      expect(sealer.open(record).fields).toBeTypeOf('object');
      count++;
    }
    expect(count).toBe(org.count);
  });
});
