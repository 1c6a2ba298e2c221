// The access journal (issue 5): who did what, when, on which collections. Kept apart from the
// records, holds no personal content (ids of members and collection names only), and is
// append-only: rows are never updated, and only the retention purge deletes them.
import type { Migration } from '../db/migrate.ts';

export const accessJournal: Migration = {
  name: '002_access_journal',
  statements: [
    `ALTER TABLE organisations ADD COLUMN journal_retention_months integer NOT NULL DEFAULT 12
      CHECK (journal_retention_months BETWEEN 1 AND 120)`,
    `CREATE TABLE access_journal (
      organisation_id uuid NOT NULL REFERENCES organisations (id),
      id bigint GENERATED ALWAYS AS IDENTITY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid NOT NULL,
      event text NOT NULL CHECK (event IN ('login', 'logout', 'recovery', 'pull', 'push', 'member_confirmed', 'member_changed', 'journal_settings', 'rotation', 'export')),
      subject_id uuid,
      collections text[] NOT NULL DEFAULT '{}',
      count integer NOT NULL DEFAULT 0 CHECK (count >= 0),
      PRIMARY KEY (organisation_id, id)
    )`,
    `CREATE INDEX access_journal_by_time ON access_journal (organisation_id, at)`,
    `CREATE FUNCTION access_journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'access_journal is append-only';
      END
    $$`,
    `CREATE TRIGGER access_journal_no_update BEFORE UPDATE ON access_journal
      FOR EACH ROW EXECUTE FUNCTION access_journal_append_only()`,
  ],
};
