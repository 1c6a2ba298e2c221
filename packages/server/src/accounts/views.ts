// Rows → wire shapes (protocol.ts) for users, teams and the signed-in user's own view.
import type { KdfParams, Me, Member, SealedKey, Team } from '@relais/core/protocol';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, UsersTable } from '../db/schema.ts';
import { mayHoldMedicalKey } from './sealed-keys.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export type MemberRow = Pick<
  Selectable<UsersTable>,
  'id' | 'name' | 'email' | 'role' | 'health_professional' | 'status' | 'public_key' | 'created_at'
>;

export const MEMBER_COLUMNS = ['id', 'name', 'email', 'role', 'health_professional', 'status', 'public_key', 'created_at'] as const;

export function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    healthProfessional: row.health_professional,
    status: row.status,
    publicKey: row.public_key === null ? null : row.public_key.toString('base64'),
    createdAt: row.created_at.toISOString(),
  };
}

export async function listTeams(db: Executor, organisationId: string, teamId?: string): Promise<Team[]> {
  let query = db
    .selectFrom('teams as t')
    .leftJoin('team_members as m', (join) => join.onRef('m.organisation_id', '=', 't.organisation_id').onRef('m.team_id', '=', 't.id'))
    .select([
      't.id',
      't.name',
      sql<string[]>`coalesce(array_agg(m.user_id::text ORDER BY m.user_id) FILTER (WHERE m.user_id IS NOT NULL), '{}')::text[]`.as('member_ids'),
    ])
    .where('t.organisation_id', '=', organisationId)
    .groupBy(['t.id', 't.name', 't.created_at'])
    .orderBy('t.created_at')
    .orderBy('t.id');
  if (teamId !== undefined) query = query.where('t.id', '=', teamId);
  const rows = await query.execute();
  return rows.map((row) => ({ id: row.id, name: row.name, memberIds: row.member_ids }));
}

/** Names of the members who may have written something: active and revoked, not pending. */
async function listColleagues(db: Executor, organisationId: string): Promise<Me['colleagues']> {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .where('status', '!=', 'pending')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function loadMe(db: Executor, organisationId: string, userId: string): Promise<Me> {
  const user = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([...MEMBER_COLUMNS.map((column) => `u.${column}` as const), 'u.kdf', 'u.wrapped_private_key', 'o.name as organisation_name'])
    .where('u.organisation_id', '=', organisationId)
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  const keys = await db
    .selectFrom('sealed_keys')
    .select(['kind', 'version', 'sealed'])
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .orderBy('kind')
    .orderBy('version')
    .execute();
  const active = user.status === 'active';
  return {
    user: toMember(user),
    organisation: { id: organisationId, name: user.organisation_name },
    kdf: user.kdf as KdfParams,
    wrappedPrivateKey: user.wrapped_private_key.toString('base64'),
    keys: keys
      .filter((key) => key.kind !== 'medical' || mayHoldMedicalKey({ healthProfessional: user.health_professional }))
      .map((key): SealedKey => ({ kind: key.kind, version: key.version, sealed: key.sealed.toString('base64') })),
    // Someone not yet confirmed sees nothing of the organisation but its name.
    teams: active ? await listTeams(db, organisationId) : [],
    colleagues: active ? await listColleagues(db, organisationId) : [],
  };
}
