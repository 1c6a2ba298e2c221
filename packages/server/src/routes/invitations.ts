// Inviting a member: the admin gets a one-time secret (it travels in the link's URL fragment, so
// it never reaches a server log); the invitee opens the link, sets a password and creates a key
// pair, and becomes a pending member until an admin confirms them and seals them the keys.
import {
  AcceptInvitationRequest,
  CreateInvitationRequest,
  CreateInvitationResponse,
  OpenInvitationRequest,
  OpenInvitationResponse,
  SessionResponse,
} from '@relais/core/protocol';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Kysely, type Selectable } from 'kysely';
import { timingSafeEqual } from 'node:crypto';
import { loadMe } from '../accounts/views.ts';
import { createSession } from '../auth/sessions.ts';
import { issueSecret, parseSecret } from '../auth/tokens.ts';
import type { AppContext } from '../context.ts';
import type { DB, InvitationsTable } from '../db/schema.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { authenticate } from '../http/guard.ts';
import { errorResponses, IdParams, NoContent } from '../http/schemas.ts';

export const INVITATION_DAYS = 7;

export type InvitationRow = Selectable<InvitationsTable>;

export function toInvitation(row: Pick<InvitationRow, 'id' | 'email' | 'role' | 'health_professional' | 'team_ids' | 'expires_at'>) {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    healthProfessional: row.health_professional,
    teamIds: row.team_ids,
    expiresAt: row.expires_at.toISOString(),
  };
}

const invalidInvitation = (): HttpError => new HttpError(410, 'INVITATION_INVALID');

/**
 * The open invitation `id` whose secret is `secret`. Unknown id, wrong secret, expired or already
 * used all give the same answer.
 */
async function findOpenInvitation(db: Kysely<DB>, id: string, secret: string): Promise<InvitationRow & { organisation_name: string }> {
  const parsed = parseSecret(secret);
  if (parsed === null) throw invalidInvitation();
  const row = await db
    .selectFrom('invitations as i')
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .selectAll('i')
    .select(['o.name as organisation_name', sql<boolean>`i.expires_at > now()`.as('valid')])
    .where('i.organisation_id', '=', parsed.organisationId)
    .where('i.id', '=', id)
    .executeTakeFirst();
  if (row === undefined || !timingSafeEqual(row.secret_hash, parsed.hash) || !row.valid || row.accepted_at !== null) {
    throw invalidInvitation();
  }
  return row;
}

export function invitationRoutes(app: FastifyInstance, { db, hasher }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/invitations',
    {
      schema: {
        summary: 'Invite a member (admin); the secret is returned once',
        body: CreateInvitationRequest,
        response: { 201: CreateInvitationResponse, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = await authenticate(db, request, 'admin');
      const { email, role, healthProfessional, teamIds } = request.body;
      const orgId = actor.organisationId;
      const secret = issueSecret(orgId);
      const row = await db.transaction().execute(async (trx) => {
        const taken = await trx.selectFrom('user_emails').select('email').where('email', '=', email).executeTakeFirst();
        if (taken !== undefined) throw new HttpError(409, 'EMAIL_TAKEN');
        const uniqueTeams = [...new Set(teamIds)];
        if (uniqueTeams.length > 0) {
          const found = await trx.selectFrom('teams').select('id').where('organisation_id', '=', orgId).where('id', 'in', uniqueTeams).execute();
          if (found.length !== uniqueTeams.length) throw notFound();
        }
        return trx
          .insertInto('invitations')
          .values({
            organisation_id: orgId,
            id: sql<string>`gen_random_uuid()`,
            email,
            role,
            health_professional: healthProfessional,
            team_ids: uniqueTeams,
            secret_hash: secret.hash,
            invited_by: actor.userId,
            expires_at: sql<Date>`now() + make_interval(days => ${INVITATION_DAYS})`,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
      });
      return reply.code(201).send({ invitation: toInvitation(row), secret: secret.text });
    },
  );

  r.delete(
    '/api/invitations/:id',
    { schema: { summary: 'Withdraw an invitation not yet used (admin)', params: IdParams, response: { 204: NoContent, ...errorResponses(400, 401, 403, 404) } } },
    async (request, reply) => {
      const actor = await authenticate(db, request, 'admin');
      const deleted = await db
        .deleteFrom('invitations')
        .where('organisation_id', '=', actor.organisationId)
        .where('id', '=', request.params.id)
        .where('accepted_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (deleted === undefined) throw notFound();
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/invitations/:id/open',
    {
      schema: {
        summary: 'What an invitation link is for (organisation, e-mail, role)',
        params: IdParams,
        body: OpenInvitationRequest,
        response: { 200: OpenInvitationResponse, ...errorResponses(400, 410) },
      },
    },
    async (request) => {
      const row = await findOpenInvitation(db, request.params.id, request.body.secret);
      return { organisationName: row.organisation_name, email: row.email, role: row.role };
    },
  );

  r.post(
    '/api/invitations/:id/accept',
    {
      schema: {
        summary: 'Accept an invitation: create the pending member and open their session',
        params: IdParams,
        body: AcceptInvitationRequest,
        response: { 201: SessionResponse, ...errorResponses(400, 409, 410) },
      },
    },
    async (request, reply) => {
      const { secret, user, credentials } = request.body;
      const invitation = await findOpenInvitation(db, request.params.id, secret);
      const orgId = invitation.organisation_id;
      const authHash = await hasher.hash(Buffer.from(credentials.authKey, 'base64'));
      const result = await db.transaction().execute(async (trx) => {
        // Marking it used first, conditionally, makes two concurrent accepts end with one winner.
        const claimed = await trx
          .updateTable('invitations')
          .set({ accepted_at: sql<Date>`now()`, accepted_user_id: user.id })
          .where('organisation_id', '=', orgId)
          .where('id', '=', invitation.id)
          .where('accepted_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (claimed === undefined) throw invalidInvitation();
        const inserted = await trx
          .insertInto('users')
          .values({
            organisation_id: orgId,
            id: user.id,
            email: invitation.email,
            name: user.name,
            role: invitation.role,
            health_professional: invitation.health_professional,
            status: 'pending',
            kdf: JSON.stringify(credentials.kdf),
            auth_hash: authHash,
            public_key: Buffer.from(credentials.publicKey, 'base64'),
            wrapped_private_key: Buffer.from(credentials.wrappedPrivateKey, 'base64'),
          })
          .onConflict((conflict) => conflict.columns(['organisation_id', 'id']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (inserted === undefined) throw new HttpError(409, 'ID_TAKEN');
        const email = await trx
          .insertInto('user_emails')
          .values({ email: invitation.email, organisation_id: orgId, user_id: user.id })
          .onConflict((conflict) => conflict.column('email').doNothing())
          .returning('email')
          .executeTakeFirst();
        if (email === undefined) throw new HttpError(409, 'EMAIL_TAKEN');
        // Teams deleted since the invitation are skipped rather than failing the acceptance.
        if (invitation.team_ids.length > 0) {
          await trx
            .insertInto('team_members')
            .columns(['organisation_id', 'team_id', 'user_id'])
            .expression((eb) =>
              eb
                .selectFrom('teams')
                .select(['organisation_id', 'id', sql<string>`${user.id}::uuid`.as('user_id')])
                .where('organisation_id', '=', orgId)
                .where('id', 'in', invitation.team_ids),
            )
            .execute();
        }
        const session = await createSession(trx, orgId, user.id);
        return { session, me: await loadMe(trx, orgId, user.id) };
      });
      return reply.code(201).send({
        session: { token: result.session.token, expiresAt: result.session.expiresAt.toISOString() },
        me: result.me,
      });
    },
  );
}
