// A fresh database on the real PostgreSQL per test suite, dropped afterwards. An unreachable
// server fails the suite: these tests never skip.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres, type Database } from '../db/database.ts';

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PREFIX = 'relais_t_';
const LEFTOVER_AGE_S = 3600;

export interface TemporaryDatabase {
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL is required for these tests and is unreachable at ${TEST_POSTGRES_URL}: ${String(error)}`);
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createTemporaryDatabase(): Promise<TemporaryDatabase> {
  const now = Math.floor(Date.now() / 1000);
  const name = `${PREFIX}${now}_${randomBytes(4).toString('hex')}`;
  await admin(async (client) => {
    // Databases left by a killed run (older than an hour) are dropped on the way.
    const old = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`);
    for (const { datname } of old.rows) {
      const created = Number(datname.slice(PREFIX.length).split('_')[0]);
      if (Number.isFinite(created) && now - created > LEFTOVER_AGE_S) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await client.query(`CREATE DATABASE "${name}"`);
  });
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin(async (client) => void (await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}

/** A Kysely handle on a new empty database; closing it drops the database. */
export async function temporaryPostgres(): Promise<Database & { readonly url: string }> {
  const temporary = await createTemporaryDatabase();
  const database = openPostgres(temporary.url);
  return {
    ...database,
    url: temporary.url,
    close: async () => {
      try {
        await database.close();
      } finally {
        await temporary.drop();
      }
    },
  };
}
