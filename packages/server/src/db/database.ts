// One Kysely dialect for both engines: node-postgres against a real PostgreSQL, or PGlite
// through its node-postgres adapter (one connection: PGlite is single-session).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

export type Engine = 'postgres' | 'pglite';

export interface Database {
  readonly db: Kysely<DB>;
  readonly engine: Engine;
  /** Ends the pool, then closes PGlite when this handle owns it. */
  close(): Promise<void>;
}

const INT8_OID = 20;

// bigint columns (sequences, counts) as numbers: an organisation will not reach 2^53 changes.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function openPostgres(connectionString: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, types });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

/** Wraps a PGlite instance; `owned` instances are closed with the handle. */
export function usePglite(instance: PGlite, owned: boolean): Database {
  const pool = new pg.Pool({
    ...(createPgConfig(instance) as unknown as pg.PoolConfig),
    max: 1,
    // The adapter's single connection object is reused: never let the pool drop it when idle.
    idleTimeoutMillis: 0,
    types,
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'pglite',
    close: async () => {
      await db.destroy();
      if (owned) await instance.close();
    },
  };
}

/** PGlite in `<dataDir>/pglite`, creating the folders when missing (PGlite does not). */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const instance = await PGlite.create(join(dataDir, 'pglite'));
  return usePglite(instance, true);
}

export interface DatabaseConfig {
  /** A PostgreSQL connection string; when absent, PGlite is used. */
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}
