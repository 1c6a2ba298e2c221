// `npm start`: open the database (PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL), migrate it,
// serve the API and the built web app, and shut down cleanly on SIGTERM/SIGINT.
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';

const config = readConfig(process.env);
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
let app: Awaited<ReturnType<typeof buildApp>> | undefined;

try {
  await migrate(database.db, MIGRATIONS);
  app = await buildApp({
    db: database.db,
    webDist: config.webDist,
    trustProxy: config.trustProxy,
    logger: { level: config.logLevel },
  });
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { engine: database.engine, dataDir: database.engine === 'pglite' ? config.dataDir : undefined, webDist: config.webDist },
    `Relais listens on http://localhost:${config.port}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await app?.close();
  await database.close();
  process.exit(1);
}

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) {
    // A second signal while draining: stop at once.
    process.exit(1);
  }
  stopping = true;
  app?.log.info({ signal }, 'shutting down');
  try {
    await app?.close();
  } finally {
    await database.close();
  }
  process.exit(0);
}

process.on('SIGTERM', (signal) => void shutdown(signal));
process.on('SIGINT', (signal) => void shutdown(signal));
