// Row types of every table, as Kysely sees them. bigint columns arrive as numbers (see
// database.ts: sequences stay far below 2^53), timestamptz as Date, bytea as Buffer.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface SchemaMigrationsTable {
  position: number;
  name: string;
  applied_at: Generated<Date>;
}

export interface InstanceSecretsTable {
  name: string;
  value: Buffer;
  created_at: Timestamp;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  seq: Defaulted<number>;
  journal_retention_months: Defaulted<number>;
  created_at: Timestamp;
}

export type RoleColumn = 'admin' | 'member' | 'restricted' | 'stats';
export type StatusColumn = 'pending' | 'active' | 'revoked';
export type KeyKindColumn = 'general' | 'medical';

export interface UsersTable {
  organisation_id: string;
  id: string;
  email: string;
  name: string;
  role: RoleColumn;
  health_professional: Defaulted<boolean>;
  status: StatusColumn;
  kdf: ColumnType<unknown, string, string>;
  auth_hash: string;
  public_key: Buffer | null;
  wrapped_private_key: Buffer;
  recovery_auth_hash: string | null;
  recovery_wrapped_keys: Buffer | null;
  created_at: Timestamp;
}

export interface UserEmailsTable {
  email: string;
  organisation_id: string;
  user_id: string;
}

export interface OrgKeysTable {
  organisation_id: string;
  kind: KeyKindColumn;
  version: number;
  created_at: Timestamp;
}

export interface SealedKeysTable {
  organisation_id: string;
  user_id: string;
  kind: KeyKindColumn;
  version: number;
  sealed: Buffer;
  created_at: Timestamp;
}

export interface SessionsTable {
  organisation_id: string;
  token_hash: Buffer;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface TeamsTable {
  organisation_id: string;
  id: string;
  name: string;
  created_at: Timestamp;
}

export interface TeamMembersTable {
  organisation_id: string;
  team_id: string;
  user_id: string;
}

export interface InvitationsTable {
  organisation_id: string;
  id: string;
  email: string;
  role: RoleColumn;
  health_professional: boolean;
  team_ids: string[];
  secret_hash: Buffer;
  invited_by: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  accepted_at: Date | null;
  accepted_user_id: string | null;
}

export interface RecordsTable {
  organisation_id: string;
  collection: string;
  id: string;
  version: number;
  seq: number;
  key_version: number;
  deleted: boolean;
  author_id: string;
  updated_at: Timestamp;
  /** Standard padded base64 of the envelope, exactly as the client sent it. */
  ciphertext: string;
}

export interface PushReceiptsTable {
  organisation_id: string;
  change_id: string;
  user_id: string;
  collection: string;
  record_id: string;
  version: number;
  seq: number;
  created_at: Timestamp;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  email_hash: Buffer;
  ip: string;
  attempted_at: Timestamp;
}

export type JournalEventColumn =
  | 'login'
  | 'logout'
  | 'recovery'
  | 'pull'
  | 'push'
  | 'member_confirmed'
  | 'member_changed'
  | 'member_revoked'
  | 'journal_settings'
  | 'rotation'
  | 'export'
  | 'medical_key_created'
  | 'medical_key_granted';

export interface AccessJournalTable {
  organisation_id: string;
  id: Generated<number>;
  at: Timestamp;
  actor_id: string;
  event: JournalEventColumn;
  subject_id: string | null;
  collections: Defaulted<string[]>;
  count: Defaulted<number>;
}

export interface DB {
  schema_migrations: SchemaMigrationsTable;
  instance_secrets: InstanceSecretsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  user_emails: UserEmailsTable;
  org_keys: OrgKeysTable;
  sealed_keys: SealedKeysTable;
  sessions: SessionsTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  invitations: InvitationsTable;
  records: RecordsTable;
  push_receipts: PushReceiptsTable;
  login_attempts: LoginAttemptsTable;
  access_journal: AccessJournalTable;
}

/** Every table, for tests that fingerprint the whole database. */
export const TABLES = [
  'schema_migrations',
  'instance_secrets',
  'organisations',
  'users',
  'user_emails',
  'org_keys',
  'sealed_keys',
  'sessions',
  'teams',
  'team_members',
  'invitations',
  'records',
  'push_receipts',
  'login_attempts',
  'access_journal',
] as const satisfies readonly (keyof DB)[];
