// One server process on one fresh database: PGlite in a temporary folder or a new database on the
// real PostgreSQL. Every scenario runs on both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';
import { artifactDir } from './paths.ts';
import { dumpPglite } from './pglite.ts';
import { createTemporaryDatabase, dumpPostgres, type TemporaryDatabase } from './postgres.ts';
import { requirePostgres } from './preconditions.ts';
import { ServerProcess } from './server.ts';
import { writeDump, type TableDump } from './table-dump.ts';

export const BACKENDS = ['pglite', 'postgres'] as const;
export type BackendKind = (typeof BACKENDS)[number];

export class Backend {
  private constructor(
    readonly kind: BackendKind,
    readonly server: ServerProcess,
    readonly artifacts: string,
    private readonly dataDir: string | undefined,
    private readonly database: TemporaryDatabase | undefined,
  ) {}

  get url(): string {
    return this.server.url;
  }

  static async start(kind: BackendKind, suite: string): Promise<Backend> {
    const artifacts = artifactDir(`${suite}-${kind}`);
    const port = await freePort();
    const logFile = join(artifacts, 'server.log');
    if (kind === 'pglite') {
      const root = mkdtempSync(join(tmpdir(), 'relais-e2e-pglite-'));
      // A folder that does not exist yet: the server must create it, as `npm start` does with ./data.
      const dataDir = join(root, 'data');
      const server = new ServerProcess({ port, logFile, env: { DATA_DIR: dataDir } });
      const backend = new Backend(kind, server, artifacts, root, undefined);
      await server.start();
      return backend;
    }
    await requirePostgres();
    const database = await createTemporaryDatabase();
    const server = new ServerProcess({ port, logFile, env: { DATABASE_URL: database.url } });
    try {
      await server.start();
    } catch (error) {
      await database.drop();
      throw error;
    }
    return new Backend(kind, server, artifacts, undefined, database);
  }

  /**
   * Every table of the server's database. PGlite belongs to one process, so the server is stopped,
   * the folder is read, and the server is started again on the same port.
   */
  async dumpDatabase(): Promise<TableDump[]> {
    let dumps: TableDump[];
    if (this.kind === 'pglite') {
      if (this.dataDir === undefined) throw new Error('no PGlite folder');
      const exit = await this.server.stop();
      if (!exit.graceful) throw new Error(`the server did not shut down on SIGTERM; its last lines:\n${this.server.text().split('\n').slice(-40).join('\n')}`);
      dumps = await dumpPglite(this.dataDir);
      await this.server.start();
    } else {
      if (this.database === undefined) throw new Error('no database');
      dumps = await dumpPostgres(this.database.url);
    }
    writeDump(join(this.artifacts, 'database-dump.txt'), dumps);
    return dumps;
  }

  async close(): Promise<void> {
    try {
      await this.server.stop();
    } finally {
      if (this.dataDir !== undefined) rmSync(this.dataDir, { recursive: true, force: true });
      await this.database?.drop();
    }
  }
}
