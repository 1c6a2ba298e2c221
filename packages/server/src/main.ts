// `npm start`: open the database (PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL), migrate it,
// serve the API and the built web app, and shut down cleanly on SIGTERM/SIGINT: stop accepting,
// finish the requests in flight, then close the database (an unclosed PGlite may lose writes).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';

const config = readConfig(process.env);
let database: Database | undefined;
let app: FastifyInstance | undefined;
let stopping = false;

async function start(): Promise<void> {
  database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database.db, MIGRATIONS);
  if (stopping) return;
  app = await buildApp({ db: database.db, webDist: config.webDist, trustProxy: config.trustProxy, logger: { level: config.logLevel } });
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { engine: database.engine, dataDir: database.engine === 'pglite' ? config.dataDir : undefined, webDist: config.webDist },
    `Relais listens on http://localhost:${config.port}`,
  );
  if (!existsSync(join(config.webDist, 'index.html'))) {
    app.log.warn({ webDist: config.webDist }, 'the web app is not built: only the API is served (npm start builds it first)');
  }
}

async function close(): Promise<void> {
  try {
    await app?.close();
  } finally {
    await database?.close();
  }
}

// Installed before anything starts, so a signal during a slow first start (PGlite's initdb)
// still closes the database properly.
const starting = start();

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) process.exit(1); // a second signal while draining: stop at once
  stopping = true;
  app?.log.info({ signal }, 'shutting down');
  await starting.catch(() => undefined);
  await close();
  process.exit(0);
}

process.on('SIGTERM', (signal) => void shutdown(signal));
process.on('SIGINT', (signal) => void shutdown(signal));

try {
  await starting;
} catch (error) {
  console.error(`Relais could not start: ${error instanceof Error ? error.message : String(error)}`);
  await close().catch(() => undefined);
  process.exit(1);
}
