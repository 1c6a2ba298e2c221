// Encrypting 100k records takes seconds; benchmarks that only need the ciphertexts read them from
// bench/.cache (gitignored), one NDJSON line per record, keyed by everything that changes them.
// The record codec's format is part of the key through a fingerprint of what it writes, not a
// version constant someone must remember to bump: a codec that compresses, adds a format byte or
// changes the envelope writes other bytes for the same input, so a cache built by an older codec
// is never read again.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { ENVELOPE_VERSION } from '@relais/core/crypto/index';
import type { CryptoPrimitives, Random } from '@relais/core';
import { GENERATOR_VERSION, SYNTHETIC_COLLECTIONS, plainRecords, syntheticRecord, type SyntheticCollection, type SyntheticOrganisation } from './generator.ts';
import { createSealer, loadPrimitives, platformRandom, type EncryptedRecord } from './seal.ts';

export const CACHE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '.cache');

export interface CacheMeta {
  generatorVersion: number;
  envelopeVersion: number;
  /** codecFingerprint() of the codec that wrote the file. */
  codec: string;
  seed: number;
  size: string;
  organisationId: string;
  count: number;
  counts: Record<SyntheticCollection, number>;
  /** Sum of the UTF-8 JSON sizes of the plaintext documents. */
  plaintextBytes: number;
  /** Sum of the envelope sizes (binary, before base64). */
  ciphertextBytes: number;
}

interface CacheLine {
  c: SyntheticCollection;
  i: string;
  k: number;
  x: string;
}

/** Nonces that are the same on every run (a counter): only for the fingerprint, never for stored data. */
function fixedRandom(): Random {
  let n = 0;
  return {
    fill(bytes) {
      for (let i = 0; i < bytes.length; i++) bytes[i] = (n++ * 131 + 7) & 0xff;
      return bytes;
    },
  };
}

/**
 * What the current record codec writes for the first record of every collection under fixed
 * nonces, hashed: equal for two codecs only if they write the same bytes for realistic documents.
 */
export function codecFingerprint(p: CryptoPrimitives, org: SyntheticOrganisation): string {
  const sealer = createSealer(p, fixedRandom(), org);
  const hash = createHash('sha256');
  for (const collection of SYNTHETIC_COLLECTIONS) {
    if (org.shape[collection] === 0) continue;
    const record = syntheticRecord(org, collection, 0);
    hash.update(`${collection}\n${sealer.seal(collection, record.id, record.document).ciphertext}\n`);
  }
  return hash.digest('hex').slice(0, 12);
}

export function cacheName(org: SyntheticOrganisation, codec: string): string {
  return `org-g${GENERATOR_VERSION}-e${ENVELOPE_VERSION}-c${codec}-s${org.seed}-${org.size}`;
}

/** Builds the cache file unless a complete one exists (its meta file is written last). */
export async function ensureCache(org: SyntheticOrganisation, dir = CACHE_DIR): Promise<{ path: string; meta: CacheMeta }> {
  const p = await loadPrimitives();
  const codec = codecFingerprint(p, org);
  const base = join(dir, cacheName(org, codec));
  const path = `${base}.ndjson`;
  const metaPath = `${base}.meta.json`;
  try {
    const meta = JSON.parse(await readFile(metaPath, 'utf8')) as CacheMeta;
    if (meta.count === org.count && meta.organisationId === org.organisationId && meta.codec === codec) return { path, meta };
  } catch {
    // No cache yet: build it below.
  }
  await mkdir(dir, { recursive: true });
  const sealer = createSealer(p, platformRandom(), org);
  const tmp = `${path}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  const counts = Object.fromEntries(SYNTHETIC_COLLECTIONS.map((c) => [c, 0])) as Record<SyntheticCollection, number>;
  let plaintextBytes = 0;
  let ciphertextBytes = 0;
  let buffer = '';
  try {
    for (const record of plainRecords(org)) {
      plaintextBytes += Buffer.byteLength(JSON.stringify(record.document), 'utf8');
      const sealed = sealer.seal(record.collection, record.id, record.document);
      ciphertextBytes += (sealed.ciphertext.length / 4) * 3 - (sealed.ciphertext.endsWith('==') ? 2 : sealed.ciphertext.endsWith('=') ? 1 : 0);
      counts[record.collection]++;
      const line: CacheLine = { c: sealed.collection, i: sealed.id, k: sealed.keyVersion, x: sealed.ciphertext };
      buffer += JSON.stringify(line) + '\n';
      if (buffer.length > 1 << 20) {
        if (!out.write(buffer)) await once(out, 'drain');
        buffer = '';
      }
    }
    out.end(buffer);
    await once(out, 'finish');
    await rename(tmp, path);
  } catch (error) {
    out.destroy();
    await rm(tmp, { force: true });
    throw error;
  }
  const meta: CacheMeta = {
    generatorVersion: GENERATOR_VERSION,
    envelopeVersion: ENVELOPE_VERSION,
    codec,
    seed: org.seed,
    size: org.size,
    organisationId: org.organisationId,
    count: org.count,
    counts,
    plaintextBytes,
    ciphertextBytes,
  };
  await writeFile(metaPath, JSON.stringify(meta, null, 2) + '\n');
  return { path, meta };
}

/** The organisation's encrypted records in generation order, read back from the cache. */
export async function* encryptedRecords(org: SyntheticOrganisation, dir = CACHE_DIR): AsyncGenerator<EncryptedRecord> {
  const { path } = await ensureCache(org, dir);
  const lines = createInterface({ input: createReadStream(path, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const text of lines) {
    if (text.length === 0) continue;
    const line = JSON.parse(text) as CacheLine;
    yield { collection: line.c, id: line.i, keyVersion: line.k, ciphertext: line.x };
  }
}

/** Groups an iterable into arrays of `size` (the last one may be shorter). */
export async function* chunks<T>(source: AsyncIterable<T> | Iterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of source) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
