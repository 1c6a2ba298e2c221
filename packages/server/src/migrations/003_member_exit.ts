// Member exit and key rotation (issue 5): the access journal learns the revocation event. The
// rotation itself needs no new table: new key versions go to org_keys and sealed_keys, and each
// record already carries its key version (docs/decisions/011-member-exit-and-key-rotation.md).
import type { Migration } from '../db/migrate.ts';

export const memberExit: Migration = {
  name: '003_member_exit',
  statements: [
    // The CHECK of migration 002 was unnamed: PostgreSQL named it <table>_<column>_check.
    `ALTER TABLE access_journal DROP CONSTRAINT access_journal_event_check`,
    `ALTER TABLE access_journal ADD CONSTRAINT access_journal_event_check CHECK (event IN ('login', 'logout', 'recovery', 'pull', 'push',
      'member_confirmed', 'member_changed', 'member_revoked', 'journal_settings', 'rotation', 'export'))`,
  ],
};
