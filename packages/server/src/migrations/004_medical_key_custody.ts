// Only health professionals hold the medical key (docs/decisions/017-medical-key-custody.md):
// administrators who are not health professionals used to hold it (decision 014); their sealed
// copies go. Revoked members' copies stay: they are how the rotation status knows that a
// version was held by someone who left (decision 011), and the server serves nothing to them.
// The access journal learns the two medical key events (creation by the first health
// professional, a holder sealing it to another one).
import type { Migration } from '../db/migrate.ts';

export const medicalKeyCustody: Migration = {
  name: '004_medical_key_custody',
  statements: [
    `DELETE FROM sealed_keys s USING users u
      WHERE s.organisation_id = u.organisation_id AND s.user_id = u.id AND s.kind = 'medical'
        AND NOT u.health_professional AND u.status <> 'revoked'`,
    `ALTER TABLE access_journal DROP CONSTRAINT access_journal_event_check`,
    `ALTER TABLE access_journal ADD CONSTRAINT access_journal_event_check CHECK (event IN ('login', 'logout', 'recovery', 'pull', 'push',
      'member_confirmed', 'member_changed', 'member_revoked', 'journal_settings', 'rotation', 'export',
      'medical_key_created', 'medical_key_granted'))`,
  ],
};
