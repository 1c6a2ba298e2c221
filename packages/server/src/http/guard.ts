// Who is calling, and may they? Every authenticated handler starts with one of these calls.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { findActor, type Actor } from '../auth/sessions.ts';
import type { DB } from '../db/schema.ts';
import { HttpError } from './errors.ts';

export type Requirement =
  /** Any signed-in user, even one an admin has not confirmed yet. */
  | 'session'
  /** A confirmed (active) member. */
  | 'active'
  /** A confirmed administrator. */
  | 'admin';

const BEARER = /^Bearer ([^\s]{1,200})$/;

export async function authenticate(db: Kysely<DB>, request: FastifyRequest, requirement: Requirement): Promise<Actor> {
  const match = BEARER.exec(request.headers.authorization ?? '');
  const actor = match?.[1] === undefined ? null : await findActor(db, match[1]);
  if (actor === null || actor.status === 'revoked') throw new HttpError(401, 'UNAUTHENTICATED');
  if (requirement === 'session') return actor;
  if (actor.status !== 'active') throw new HttpError(403, 'MEMBER_NOT_ACTIVE');
  if (requirement === 'admin' && actor.role !== 'admin') throw new HttpError(403, 'FORBIDDEN');
  return actor;
}
