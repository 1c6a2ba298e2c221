// The real server, as `npm start` runs it, on a fresh PostgreSQL database for one bench run. Both
// go afterwards, and also when the run is interrupted (Ctrl-C, a time limit), not only this process.
import { existsSync, readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../e2e/src/harness/free-port.ts';
import { ServerProcess } from '../../e2e/src/harness/server.ts';
import { dropDatabase, withPostgresDatabase } from './databases.ts';
import { note } from './report.ts';

export async function withBenchServer<T>(label: string, runDir: string, use: (server: ServerProcess, databaseUrl: string) => Promise<T>): Promise<T> {
  return withPostgresDatabase(async (databaseUrl) => {
    const server = new ServerProcess({ port: await freePort(), logFile: join(runDir, 'server.log'), env: { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' } });
    const interrupted = (signal: NodeJS.Signals) => {
      note(`${label}: ${signal}: stopping the server and dropping the database`);
      void server
        .stop(2000)
        .then(() => dropDatabase(databaseUrl))
        .finally(() => process.exit(1));
    };
    process.once('SIGINT', interrupted);
    process.once('SIGTERM', interrupted);
    try {
      await server.start();
      return await use(server, databaseUrl);
    } finally {
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
      await server.stop();
    }
  });
}

/** Sets the niceness of every thread of a process: on Linux a priority is a thread's, not its process's. */
export function lowerPriority(pid: number, niceness: number): void {
  const tasks = `/proc/${pid}/task`;
  const threads = existsSync(tasks) ? readdirSync(tasks).map(Number) : [pid];
  for (const tid of threads) setPriority(tid, niceness);
}
