// The harness is what makes the e2e verdicts trustworthy: these checks show that each detector
// finds a planted canary (so "not found" in the scenarios means something) and that processes,
// databases and devices are started and cleaned up.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from './axe.ts';
import { readBrowserStorage, storageHaystacks } from './browser-storage.ts';
import { findCanaries, makeCanary } from './canary.ts';
import { Device } from './device.ts';
import { freePort } from './free-port.ts';
import { artifactDir, REPO_ROOT } from './paths.ts';
import { dumpPglite } from './pglite.ts';
import { createTemporaryDatabase, databaseExists, dumpPostgres } from './postgres.ts';
import { requireChromium, requirePostgres } from './preconditions.ts';
import { ServerProcess } from './server.ts';
import { tableHaystacks } from './table-dump.ts';

describe('canary search', () => {
  const canary = makeCanary('Canari');
  const hidden = (text: string) => findCanaries([canary.needle], [{ where: 'x', text }]).length > 0;

  it('finds the canary in clear, upper-cased, base64, base64url, hex and nested encodings', () => {
    const bytes = Buffer.from(`{"name":"${canary.typed}"}`);
    expect(hidden(canary.typed)).toBe(true);
    expect(hidden(canary.typed.toUpperCase())).toBe(true);
    expect(hidden(`x=${bytes.toString('base64')};`)).toBe(true);
    expect(hidden(bytes.toString('base64url'))).toBe(true);
    expect(hidden(`\\x${bytes.toString('hex')}`)).toBe(true);
    expect(hidden(JSON.stringify({ v: Buffer.from(bytes.toString('base64')).toString('base64') }))).toBe(true);
    expect(hidden(Buffer.from(canary.typed, 'utf16le').toString('base64'))).toBe(true);
  });

  it('does not find it in unrelated or encrypted-looking data', () => {
    expect(hidden(makeCanary('Canari').typed)).toBe(false);
    expect(hidden(Buffer.from(crypto.getRandomValues(new Uint8Array(4096))).toString('base64'))).toBe(false);
  });
});

const PLANT_SQL = (needle: string) => `
  create schema other;
  create table public.plain (id int primary key, note text);
  create table other.binary_things (id int primary key, blob bytea, blobs bytea[], doc jsonb, encoded text);
  insert into public.plain values (1, 'rien');
  insert into other.binary_things values
    (1, convert_to('bytea:${needle}', 'UTF8'), array[convert_to('array:${needle}', 'UTF8')], '{"a":"json:${needle}"}', encode(convert_to('b64:${needle}', 'UTF8'), 'base64'));
`;

describe('database dumps', () => {
  it('finds a canary planted in any column of any schema of a fresh PostgreSQL database, then drops it', async () => {
    await requirePostgres();
    const canary = makeCanary('Canari');
    const database = await createTemporaryDatabase();
    try {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query(PLANT_SQL(canary.needle));
      await client.end();
      const dumps = await dumpPostgres(database.url);
      expect(dumps.map((dump) => dump.table)).toEqual(['other.binary_things', 'public.plain', 'pg_catalog.pg_largeobject']);
      const hits = findCanaries([canary.needle], tableHaystacks(dumps));
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((hit) => hit.where.startsWith('table other.binary_things'))).toBe(true);
      const binaryRow = dumps[0]?.rows[0] ?? '';
      for (const label of ['bytea:', 'array:', 'json:']) expect(binaryRow).toContain(`${label}${canary.needle}`);
      expect(binaryRow).toContain(Buffer.from(`bytea:${canary.needle}`).toString('hex'));
    } finally {
      await database.drop();
    }
    expect(await databaseExists(database.name)).toBe(false);
  });

  it('finds a canary planted in a PGlite folder', async () => {
    const canary = makeCanary('Canari');
    const root = mkdtempSync(join(tmpdir(), 'relais-e2e-test-'));
    try {
      const db = await PGlite.create(join(root, 'pgdata'));
      await db.exec(PLANT_SQL(canary.needle));
      await db.close();
      const dumps = await dumpPglite(root);
      const hits = findCanaries([canary.needle], tableHaystacks(dumps));
      expect(hits.map((hit) => hit.where)).toContain('table other.binary_things row 0');
      expect(findCanaries([makeCanary('Canari').needle], tableHaystacks(dumps))).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('server process', () => {
  it('captures every stdout and stderr line, waits for health and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relais-e2e-test-'));
    const script = join(dir, 'fake-main.ts');
    writeFileSync(
      script,
      `import { createServer } from 'node:http';
       console.log('hello from stdout');
       console.error('hello from stderr');
       const server = createServer((req, res) => { console.log('request ' + req.url); res.end('{"status":"ok"}'); });
       server.listen(Number(process.env.PORT), '127.0.0.1');
       process.on('SIGTERM', () => { console.log('bye ' + process.env.DATA_DIR); server.close(() => process.exit(0)); });`,
    );
    const logFile = join(dir, 'server.log');
    const server = new ServerProcess({ port: await freePort(), logFile, env: { DATA_DIR: 'somewhere' }, entry: relative(REPO_ROOT, script) });
    try {
      await server.start();
      const exit = await server.stop();
      expect(exit.graceful).toBe(true);
      const lines = server.logs.map((entry) => `${entry.stream}: ${entry.line}`);
      expect(lines).toContain('stdout: hello from stdout');
      expect(lines).toContain('stderr: hello from stderr');
      expect(lines).toContain('stdout: request /api/health');
      expect(lines).toContain('stdout: bye somewhere');
      expect(readFileSync(logFile, 'utf8')).toContain('stderr: hello from stderr');
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const STORAGE_PAGE = `<!doctype html><html lang="fr"><head><title>Test</title></head><body><main><h1>Test</h1></main></body></html>`;
const BAD_PAGE = `<!doctype html><html><body><img src="x.png"><button></button></body></html>`;

describe('browser device', () => {
  let http: Server;
  let origin: string;
  let device: Device;

  beforeAll(async () => {
    requireChromium();
    http = createServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(req.url === '/bad' ? BAD_PAGE : STORAGE_PAGE);
    });
    const port = await freePort();
    await new Promise<void>((resolveListen) => http.listen(port, '127.0.0.1', resolveListen));
    origin = `http://127.0.0.1:${port}`;
    device = await Device.open('harness', artifactDir('harness'));
  });

  afterAll(async () => {
    await device.close();
    await new Promise((resolveClose) => http.close(resolveClose));
  });

  it('reads every IndexedDB store, binary values included, plus localStorage', async () => {
    const canaries = ['buffer', 'typed', 'blob', 'key', 'local', 'nested'].map((label) => [label, makeCanary(label)] as const);
    const needle = (label: string) => canaries.find(([name]) => name === label)?.[1].needle ?? '';
    await device.page.goto(origin);
    await device.page.evaluate(`(async () => {
      const open = (name, stores) => new Promise((resolve, reject) => {
        const r = indexedDB.open(name, 1);
        r.onupgradeneeded = () => { for (const s of stores) r.result.createObjectStore(s); };
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const put = (db, store, key, value) => new Promise((resolve, reject) => {
        const tx = db.transaction(store, 'readwrite');
        tx.objectStore(store).put(value, key);
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      const enc = (s) => new TextEncoder().encode(s);
      const a = await open('first', ['one', 'two']);
      await put(a, 'one', 'k1', enc('${needle('buffer')}').buffer);
      await put(a, 'two', 'k2', { deep: [{ bytes: enc('${needle('typed')}') }] });
      await put(a, 'two', 'k3', new Blob([enc('${needle('blob')}')]));
      const b = await open('second', ['three']);
      await put(b, 'three', '${needle('key')}', 1);
      await put(b, 'three', 'k4', new Map([['m', { s: '${needle('nested')}' }]]));
      a.close(); b.close();
      localStorage.setItem('x', '${needle('local')}');
    })()`);
    const dump = await readBrowserStorage(device.page);
    expect(dump.databases.map((db) => db.name).sort()).toEqual(['first', 'second']);
    const haystacks = storageHaystacks('harness', dump);
    for (const [label, canary] of canaries) {
      expect(findCanaries([canary.needle], haystacks), label).toHaveLength(1);
    }
    expect(findCanaries([makeCanary('x').needle], haystacks)).toEqual([]);
  });

  it('goes offline and back', async () => {
    await device.page.goto(origin);
    await device.setOffline(true);
    const offline = await device.page.evaluate(`fetch('/').then(() => 'reached', () => 'failed')`);
    await device.setOffline(false);
    const online = await device.page.evaluate(`fetch('/').then(() => 'reached', () => 'failed')`);
    expect([offline, online]).toEqual(['failed', 'reached']);
  });

  it('runs axe: a broken page has blocking violations, a clean one has none', async () => {
    const dir = artifactDir('harness');
    await device.page.goto(`${origin}/bad`);
    const bad = await runAxe(device.page, 'bad', dir);
    expect(bad.blocking.map((violation) => violation.id)).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
    await device.page.goto(origin);
    expect((await runAxe(device.page, 'good', dir)).blocking).toEqual([]);
    await device.shot('good');
  });
});
