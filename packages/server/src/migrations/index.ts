// The known migrations, in order. Append only: a database whose applied history is not a prefix
// of this list is refused at start (see db/migrate.ts).
import type { Migration } from '../db/migrate.ts';
import { initial } from './001_initial.ts';
import { accessJournal } from './002_access_journal.ts';
import { memberExit } from './003_member_exit.ts';
import { medicalKeyCustody } from './004_medical_key_custody.ts';

export const MIGRATIONS: readonly Migration[] = [initial, accessJournal, memberExit, medicalKeyCustody];
