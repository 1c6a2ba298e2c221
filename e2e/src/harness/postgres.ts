// A fresh PostgreSQL database per suite on the real server, dropped afterwards, so runs never see
// each other's data.
import pg from 'pg';
import { randomWord } from './canary.ts';
import { POSTGRES_ADMIN_URL } from './paths.ts';
import { dumpAllTables, type TableDump } from './table-dump.ts';

export interface TemporaryDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTemporaryDatabase(): Promise<TemporaryDatabase> {
  const name = `relais_e2e_${randomWord(10)}`;
  await withAdmin((client) => client.query(`create database ${name}`));
  const url = POSTGRES_ADMIN_URL.replace(/\/postgres$/, `/${name}`);
  return {
    name,
    url,
    drop: () => withAdmin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

export async function databaseExists(name: string): Promise<boolean> {
  const { rows } = await withAdmin((client) => client.query('select 1 from pg_database where datname = $1', [name]));
  return rows.length === 1;
}

/** Dumps through a second connection while the server keeps running. */
export async function dumpPostgres(url: string): Promise<TableDump[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await dumpAllTables(client);
  } finally {
    await client.end();
  }
}
