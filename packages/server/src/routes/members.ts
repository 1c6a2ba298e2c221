// Members as the administrators see and manage them: the list (with open invitations),
// confirmation of a pending member (sealing them the organisation keys), role changes, and
// revocation (a member leaves: sessions ended, pushes refused; the key rotation that follows is
// routes/rotation.ts).
import { ConfirmMemberRequest, Member, MembersResponse, UpdateMemberRequest } from '@relais/core/protocol';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { checkSealedKeys, storeSealedKeys } from '../accounts/sealed-keys.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import { MEMBER_COLUMNS, toMember } from '../accounts/views.ts';
import type { AppContext } from '../context.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { authenticate } from '../http/guard.ts';
import { errorResponses, IdParams } from '../http/schemas.ts';
import { journal } from '../journal/journal.ts';
import { checkCurrentVersionsSealed, currentVersions, requireCurrentKey, requireKindRights } from '../rotation/keys.ts';
import { toInvitation } from './invitations.ts';

export function memberRoutes(app: FastifyInstance, { db }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/members',
    { schema: { summary: 'Members and open invitations (admin)', response: { 200: MembersResponse, ...errorResponses(401, 403) } } },
    async (request) => {
      const actor = await authenticate(db, request, 'admin');
      const orgId = actor.organisationId;
      const members = await db
        .selectFrom('users')
        .select(MEMBER_COLUMNS)
        .where('organisation_id', '=', orgId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const invitations = await db
        .selectFrom('invitations')
        .select(['id', 'email', 'role', 'health_professional', 'team_ids', 'expires_at'])
        .where('organisation_id', '=', orgId)
        .where('accepted_at', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return { members: members.map(toMember), invitations: invitations.map(toInvitation) };
    },
  );

  r.post(
    '/api/members/:id/confirm',
    {
      schema: {
        summary: 'Confirm a pending member and store the organisation keys sealed to them (admin)',
        params: IdParams,
        body: ConfirmMemberRequest,
        response: { 200: Member, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request, 'admin');
      const orgId = actor.organisationId;
      const row = await db.transaction().execute(async (trx) => {
        const member = await trx
          .selectFrom('users')
          .select(['status', 'health_professional', 'public_key'])
          .where('organisation_id', '=', orgId)
          .where('id', '=', request.params.id)
          .forUpdate()
          .executeTakeFirst();
        if (member === undefined) throw notFound();
        if (member.status !== 'pending' || member.public_key === null) throw new HttpError(409, 'MEMBER_NOT_PENDING');
        await checkSealedKeys(trx, orgId, request.body.keys, { medicalAllowed: member.health_professional });
        // An administrator seals the general keys; only one who is a health professional holding
        // the current medical version may add the medical key (decision 017). Otherwise the new
        // health professional gets it from a holder's device (POST /api/keys/medical/grants).
        if (request.body.keys.some((key) => key.kind === 'medical')) {
          requireKindRights(actor, 'medical');
          await requireCurrentKey(trx, orgId, actor.userId, 'medical', (await currentVersions(trx, orgId)).medical);
        }
        // After a rotation, a member confirmed with old versions only could not read what is written now.
        await checkCurrentVersionsSealed(trx, orgId, request.body.keys);
        await storeSealedKeys(trx, orgId, request.params.id, request.body.keys);
        await journal(trx, { organisationId: orgId, actorId: actor.userId, event: 'member_confirmed', subjectId: request.params.id });
        return trx
          .updateTable('users')
          .set({ status: 'active' })
          .where('organisation_id', '=', orgId)
          .where('id', '=', request.params.id)
          .returning(MEMBER_COLUMNS)
          .executeTakeFirstOrThrow();
      });
      return toMember(row);
    },
  );

  r.patch(
    '/api/members/:id',
    {
      schema: {
        summary: "Change a member's role or health-professional flag (admin)",
        params: IdParams,
        body: UpdateMemberRequest,
        response: { 200: Member, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request, 'admin');
      const orgId = actor.organisationId;
      const { role, healthProfessional } = request.body;
      const row = await db.transaction().execute(async (trx) => {
        // Admin changes of one organisation are serialised so the last-admin check holds.
        await trx.selectFrom('organisations').select('id').where('id', '=', orgId).forUpdate().execute();
        const member = await trx
          .selectFrom('users')
          .select(['role', 'status', 'health_professional'])
          .where('organisation_id', '=', orgId)
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (member === undefined) throw notFound();
        if (member.role === 'admin' && role !== undefined && role !== 'admin') {
          const admins = await trx
            .selectFrom('users')
            .select(sql<number>`count(*)::integer`.as('n'))
            .where('organisation_id', '=', orgId)
            .where('role', '=', 'admin')
            .where('status', '=', 'active')
            .executeTakeFirstOrThrow();
          // An organisation never loses its last active administrator.
          if (member.status === 'active' && admins.n <= 1) throw new HttpError(403, 'FORBIDDEN', { reason: 'last_admin' });
        }
        const updated = await trx
          .updateTable('users')
          .set({ role: role ?? member.role, health_professional: healthProfessional ?? member.health_professional })
          .where('organisation_id', '=', orgId)
          .where('id', '=', request.params.id)
          .returning(MEMBER_COLUMNS)
          .executeTakeFirstOrThrow();
        // Someone who is no longer a health professional keeps no sealed medical key, administrators
        // included (decision 017). Turning the flag on needs nothing here: a holder's device seals
        // the key to them (grants). Rotating the medical key is a health professional's choice.
        if (!updated.health_professional) {
          await trx
            .deleteFrom('sealed_keys')
            .where('organisation_id', '=', orgId)
            .where('user_id', '=', request.params.id)
            .where('kind', '=', 'medical')
            .execute();
        }
        await journal(trx, { organisationId: orgId, actorId: actor.userId, event: 'member_changed', subjectId: request.params.id });
        return updated;
      });
      return toMember(row);
    },
  );

  r.post(
    '/api/members/:id/revoke',
    {
      schema: {
        summary: "Revoke a member: their sessions end and the server refuses them from now on (admin); then rotate the keys",
        params: IdParams,
        response: { 200: Member, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request, 'admin');
      const orgId = actor.organisationId;
      const targetId = request.params.id;
      // An administrator cannot lock themselves out (another administrator revokes them).
      if (targetId === actor.userId) throw new HttpError(403, 'FORBIDDEN', { reason: 'self' });
      const row = await db.transaction().execute(async (trx) => {
        // The organisation row lock serialises this with pushes (which re-check the pusher's
        // status under the same lock) and with other admin changes (the last-admin rule).
        await trx.selectFrom('organisations').select('id').where('id', '=', orgId).forUpdate().execute();
        const member = await trx
          .selectFrom('users')
          .select(MEMBER_COLUMNS)
          .where('organisation_id', '=', orgId)
          .where('id', '=', targetId)
          .executeTakeFirst();
        if (member === undefined) throw notFound();
        // Already revoked: the same answer and nothing written, so a retried request is harmless.
        if (member.status === 'revoked') return member;
        if (member.role === 'admin' && member.status === 'active') {
          const admins = await trx
            .selectFrom('users')
            .select(sql<number>`count(*)::integer`.as('n'))
            .where('organisation_id', '=', orgId)
            .where('role', '=', 'admin')
            .where('status', '=', 'active')
            .executeTakeFirstOrThrow();
          if (admins.n <= 1) throw new HttpError(403, 'FORBIDDEN', { reason: 'last_admin' });
        }
        const updated = await trx
          .updateTable('users')
          .set({ status: 'revoked' })
          .where('organisation_id', '=', orgId)
          .where('id', '=', targetId)
          .returning(MEMBER_COLUMNS)
          .executeTakeFirstOrThrow();
        await deleteUserSessions(trx, orgId, targetId);
        // Their sealed keys stay: they show which key kinds the member held, hence which ones
        // must be rotated (GET /api/rotation), and the server refuses them every request anyway.
        await journal(trx, { organisationId: orgId, actorId: actor.userId, event: 'member_revoked', subjectId: targetId });
        return updated;
      });
      return toMember(row);
    },
  );
}
