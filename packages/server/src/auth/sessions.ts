// Sessions live in PostgreSQL so that any server process can serve any request. A session expires
// after 30 days without use (sliding), its expiry pushed forward at most once a day so that a busy
// client does not turn every request into a write.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, RoleColumn, StatusColumn } from '../db/schema.ts';
import { issueSecret, parseSecret } from './tokens.ts';

export const SESSION_DAYS = 30;
const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;

type Executor = Kysely<DB> | Transaction<DB>;

export interface Actor {
  readonly organisationId: string;
  readonly userId: string;
  readonly role: RoleColumn;
  readonly healthProfessional: boolean;
  readonly status: StatusColumn;
  readonly tokenHash: Buffer;
}

export interface IssuedSession {
  readonly token: string;
  readonly expiresAt: Date;
}

export async function createSession(db: Executor, organisationId: string, userId: string): Promise<IssuedSession> {
  const secret = issueSecret(organisationId);
  const row = await db
    .insertInto('sessions')
    .values({
      organisation_id: organisationId,
      token_hash: secret.hash,
      user_id: userId,
      expires_at: sql<Date>`now() + make_interval(days => ${SESSION_DAYS})`,
    })
    .returning('expires_at')
    .executeTakeFirstOrThrow();
  // Expired sessions of this user are swept here rather than by a background job.
  await db
    .deleteFrom('sessions')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .where('expires_at', '<=', sql<Date>`now()`)
    .execute();
  return { token: secret.text, expiresAt: row.expires_at };
}

/** The user behind a bearer token, or null when the token is malformed, unknown or expired. */
export async function findActor(db: Kysely<DB>, token: string): Promise<Actor | null> {
  const parsed = parseSecret(token);
  if (parsed === null) return null;
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', (join) => join.onRef('u.organisation_id', '=', 's.organisation_id').onRef('u.id', '=', 's.user_id'))
    .select(['s.organisation_id', 's.user_id', 's.expires_at', 'u.role', 'u.health_professional', 'u.status'])
    .select(sql<boolean>`s.expires_at > now()`.as('valid'))
    .where('s.organisation_id', '=', parsed.organisationId)
    .where('s.token_hash', '=', parsed.hash)
    .executeTakeFirst();
  if (row === undefined || !row.valid) return null;
  if (row.expires_at.getTime() - Date.now() < SESSION_DAYS * 24 * 60 * 60 * 1000 - REFRESH_AFTER_MS) {
    await db
      .updateTable('sessions')
      .set({ expires_at: sql<Date>`now() + make_interval(days => ${SESSION_DAYS})` })
      .where('organisation_id', '=', parsed.organisationId)
      .where('token_hash', '=', parsed.hash)
      .execute();
  }
  return {
    organisationId: row.organisation_id,
    userId: row.user_id,
    role: row.role,
    healthProfessional: row.health_professional,
    status: row.status,
    tokenHash: parsed.hash,
  };
}

export async function deleteSession(db: Executor, actor: Actor): Promise<void> {
  await db.deleteFrom('sessions').where('organisation_id', '=', actor.organisationId).where('token_hash', '=', actor.tokenHash).execute();
}

export async function deleteUserSessions(db: Executor, organisationId: string, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute();
}
