import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../migrations/index.ts';
import { BACKENDS } from '../testing/harness.ts';
import { emptyPglite } from '../testing/pglite-template.ts';
import { temporaryPostgres } from '../testing/postgres.ts';
import type { Database } from './database.ts';
import { migrate, MigrationHistoryError, type Migration } from './migrate.ts';

const m = (name: string, table: string): Migration => ({ name, statements: [`CREATE TABLE ${table} (id integer PRIMARY KEY)`] });
const one = m('001_one', 't_one');
const two = m('002_two', 't_two');
const otherTwo = m('002_other', 't_other');

for (const kind of BACKENDS) {
  describe(`migrations [${kind}]`, () => {
    const opened: Database[] = [];
    const open = async () => {
      const database = kind === 'pglite' ? await emptyPglite() : await temporaryPostgres();
      opened.push(database);
      return database;
    };
    afterEach(async () => {
      for (const database of opened.splice(0)) await database.close();
    });

    it('applies the known migrations once, in order', async () => {
      const { db } = await open();
      expect(await migrate(db, MIGRATIONS)).toEqual({ applied: MIGRATIONS.map((x) => x.name), history: MIGRATIONS.map((x) => x.name) });
      expect(await migrate(db, MIGRATIONS)).toEqual({ applied: [], history: MIGRATIONS.map((x) => x.name) });
      const tables = await sql<{ n: number }>`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'records'`.execute(db);
      expect(tables.rows[0]?.n).toBe(1);
    });

    it('applies only what is missing after an upgrade', async () => {
      const { db } = await open();
      await migrate(db, [one]);
      expect(await migrate(db, [one, two])).toEqual({ applied: ['002_two'], history: ['001_one', '002_two'] });
    });

    it('refuses a history that is not a prefix of the known list, and changes nothing', async () => {
      const { db } = await open();
      await migrate(db, [one, two]);
      // A database migrated by another branch (different second migration).
      await expect(migrate(db, [one, otherTwo])).rejects.toBeInstanceOf(MigrationHistoryError);
      // A database migrated by newer code than this server.
      await expect(migrate(db, [one])).rejects.toBeInstanceOf(MigrationHistoryError);
      // A reordered list.
      await expect(migrate(db, [m('001_two', 't_x'), m('002_one', 't_y')])).rejects.toBeInstanceOf(MigrationHistoryError);
      const tables = await sql<{ name: string }>`
        SELECT table_name AS name FROM information_schema.tables WHERE table_name IN ('t_other', 't_x', 't_y')
      `.execute(db);
      expect(tables.rows).toEqual([]);
      const history = await db.selectFrom('schema_migrations').select('name').orderBy('position').execute();
      expect(history.map((row) => row.name)).toEqual(['001_one', '002_two']);
    });

    it('rolls back a failing migration entirely', async () => {
      const { db } = await open();
      const broken: Migration = { name: '002_broken', statements: ['CREATE TABLE t_half (id integer)', 'SELECT * FROM no_such_table'] };
      await migrate(db, [one]);
      await expect(migrate(db, [one, broken])).rejects.toThrow();
      const half = await sql<{ n: number }>`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 't_half'`.execute(db);
      expect(half.rows[0]?.n).toBe(0);
      expect(await migrate(db, [one])).toEqual({ applied: [], history: ['001_one'] });
    });

    it('rejects a misnumbered list before touching the database', async () => {
      const { db } = await open();
      await expect(migrate(db, [two])).rejects.toBeInstanceOf(MigrationHistoryError);
      const exists = await sql<{ n: number }>`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'schema_migrations'`.execute(db);
      expect(exists.rows[0]?.n).toBe(0);
    });
  });
}

describe('migrations [postgres, concurrent starts]', () => {
  it('two processes migrating at once apply each migration once', async () => {
    const database = await temporaryPostgres();
    const second = (await import('./database.ts')).openPostgres(database.url);
    try {
      const [a, b] = await Promise.all([migrate(database.db, MIGRATIONS), migrate(second.db, MIGRATIONS)]);
      expect([...a.applied, ...b.applied]).toEqual(MIGRATIONS.map((x) => x.name));
    } finally {
      await second.close();
      await database.close();
    }
  });
});
