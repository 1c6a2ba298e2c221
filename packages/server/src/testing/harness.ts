// Integration suites run twice: on PGlite and on the real PostgreSQL. Each suite gets its own
// database (PGlite from the migrated template, a new PostgreSQL database) and one app built on
// it; tests inside a suite isolate themselves by creating their own organisations.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp, type AppOptions } from '../app.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { MIGRATIONS } from '../migrations/index.ts';
import { migratedPglite } from './pglite-template.ts';
import { temporaryPostgres } from './postgres.ts';

export const BACKENDS = ['pglite', 'postgres'] as const;
/** Cheap scrypt for the suites (same code path; password-hash.test.ts covers the real cost). */
export const TEST_HASH_COST = 8;
export type BackendKind = (typeof BACKENDS)[number];

export async function openTestDatabase(kind: BackendKind): Promise<Database> {
  if (kind === 'pglite') return migratedPglite();
  const database = await temporaryPostgres();
  try {
    await migrate(database.db, MIGRATIONS);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export class TestBackend {
  /** Every line the app logged, as written. */
  readonly logs: string[] = [];
  private current: { database: Database; app: FastifyInstance } | undefined;

  constructor(
    readonly kind: BackendKind,
    private readonly options: Omit<AppOptions, 'db' | 'logger'>,
  ) {}

  get app(): FastifyInstance {
    if (this.current === undefined) throw new Error('backend not started (use it inside a test)');
    return this.current.app;
  }

  get database(): Database {
    if (this.current === undefined) throw new Error('backend not started (use it inside a test)');
    return this.current.database;
  }

  get db(): Database['db'] {
    return this.database.db;
  }

  async start(): Promise<void> {
    const database = await openTestDatabase(this.kind);
    try {
      const app = await buildApp({
        hashCost: TEST_HASH_COST,
        ...this.options,
        db: database.db,
        logger: { level: 'info', stream: { write: (line: string) => void this.logs.push(line) } },
      });
      this.current = { database, app };
    } catch (error) {
      await database.close();
      throw error;
    }
  }

  async stop(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    if (current === undefined) return;
    try {
      await current.app.close();
    } finally {
      await current.database.close();
    }
  }
}

/** Declares `body` once per backend, each in its own describe block with its own database. */
export function describeEachBackend(
  name: string,
  body: (backend: TestBackend) => void,
  options: Omit<AppOptions, 'db' | 'logger'> = {},
): void {
  for (const kind of BACKENDS) {
    describe(`${name} [${kind}]`, () => {
      const backend = new TestBackend(kind, options);
      beforeAll(() => backend.start());
      afterAll(() => backend.stop());
      body(backend);
    });
  }
}
