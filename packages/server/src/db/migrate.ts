// Numbered migrations applied in one transaction under an advisory lock, so several server
// processes starting together on one database migrate it once. A database whose applied history
// is not a prefix of the known list (an unknown, reordered or renamed migration, or a database
// migrated by newer code) is refused: running on a schema we do not know would corrupt it.
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

export interface Migration {
  /** "NNN_title": the number gives the order, the whole name is recorded. */
  readonly name: string;
  readonly statements: readonly string[];
}

export class MigrationHistoryError extends Error {
  override readonly name = 'MigrationHistoryError';
}

/** Arbitrary constant shared by every Relais process: the key of the migration advisory lock. */
const MIGRATION_LOCK_KEY = 7_351_024_611;

export interface MigrationReport {
  /** Names applied by this call, in order. */
  readonly applied: string[];
  /** Every name recorded in the database after this call. */
  readonly history: string[];
}

export async function migrate(db: Kysely<DB>, migrations: readonly Migration[]): Promise<MigrationReport> {
  checkNames(migrations);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
      position integer PRIMARY KEY,
      name text NOT NULL UNIQUE,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`.execute(trx);
    const rows = await trx.selectFrom('schema_migrations').select(['position', 'name']).orderBy('position').execute();
    const history = rows.map((row) => row.name);
    rows.forEach((row, index) => {
      const known = migrations[index];
      if (row.position !== index + 1 || known === undefined || known.name !== row.name) {
        throw new MigrationHistoryError(
          `The database migration history (${history.join(', ')}) is not a prefix of the migrations this server knows ` +
            `(${migrations.map((m) => m.name).join(', ')}): refusing to start.`,
        );
      }
    });
    const applied: string[] = [];
    for (const [index, migration] of migrations.entries()) {
      if (index < rows.length) continue;
      for (const statement of migration.statements) await sql.raw(statement).execute(trx);
      await trx.insertInto('schema_migrations').values({ position: index + 1, name: migration.name }).execute();
      applied.push(migration.name);
    }
    return { applied, history: [...history, ...applied] };
  });
}

function checkNames(migrations: readonly Migration[]): void {
  const seen = new Set<string>();
  migrations.forEach((migration, index) => {
    const number = Number.parseInt(migration.name.slice(0, 3), 10);
    if (!/^\d{3}_[a-z0-9_]+$/.test(migration.name) || number !== index + 1 || seen.has(migration.name)) {
      throw new MigrationHistoryError(`Migration ${index + 1} is misnamed: ${migration.name}`);
    }
    seen.add(migration.name);
  });
}
