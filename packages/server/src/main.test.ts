// `npm start` as a newcomer runs it: PGlite in a data folder whose parent does not exist yet.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROTOCOL_VERSION } from '@relais/core/protocol';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from './db/database.ts';
import { freePort, http, ServerProcess } from './testing/process.ts';

describe('main.ts on PGlite [pglite]', () => {
  const root = mkdtempSync(join(tmpdir(), 'relais-main-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates the data folder, answers /api/health, stops on SIGTERM, restarts, and refuses a foreign history', async () => {
    const dataDir = join(root, 'missing', 'data');
    const env = { DATA_DIR: dataDir, WEB_DIST: join(root, 'no-web') };
    const port = await freePort();
    const first = new ServerProcess(port, env);
    try {
      await first.ready(120_000);
      expect((await http(first.url, 'GET', '/api/health')).body).toEqual({ status: 'ok', protocol: PROTOCOL_VERSION, fresh: true });
    } finally {
      expect(await first.stop()).toEqual({ code: 0, signal: null });
    }
    expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);

    const second = new ServerProcess(port, env);
    try {
      await second.ready(120_000);
      expect((await http(second.url, 'GET', '/api/health')).status).toBe(200);
    } finally {
      expect(await second.stop()).toEqual({ code: 0, signal: null });
    }

    // The same folder, as if a newer Relais had migrated it further: this server must refuse it.
    const database = await openPglite(dataDir);
    try {
      await database.db.insertInto('schema_migrations').values({ position: 99, name: '099_from_the_future' }).execute();
    } finally {
      await database.close();
    }
    const third = new ServerProcess(port, env);
    await expect(third.ready(120_000)).rejects.toThrow(/not a prefix/);
    expect((await third.stop()).code).toBe(1);
    // Three PGlite starts, the first one creating the data folder (initdb): slow on a busy machine.
  }, 240_000);
});
