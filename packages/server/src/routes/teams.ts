// Teams (équipes): every confirmed member reads them, administrators create, rename and staff them.
import { CreateTeamRequest, SetTeamMembersRequest, Team, TeamsResponse, UpdateTeamRequest } from '@relais/core/protocol';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Transaction } from 'kysely';
import { listTeams } from '../accounts/views.ts';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { authenticate } from '../http/guard.ts';
import { errorResponses, IdParams } from '../http/schemas.ts';

async function oneTeam(trx: Transaction<DB>, organisationId: string, id: string): Promise<Team> {
  const [team] = await listTeams(trx, organisationId, id);
  if (team === undefined) throw notFound();
  return team;
}

export function teamRoutes(app: FastifyInstance, { db }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/teams',
    { schema: { summary: 'Teams of the organisation with their members', response: { 200: TeamsResponse, ...errorResponses(401, 403) } } },
    async (request) => {
      const actor = await authenticate(db, request, 'active');
      return { teams: await listTeams(db, actor.organisationId) };
    },
  );

  r.post(
    '/api/teams',
    {
      schema: {
        summary: 'Create a team (admin)',
        body: CreateTeamRequest,
        response: { 201: Team, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const actor = await authenticate(db, request, 'admin');
      const orgId = actor.organisationId;
      const team = await db.transaction().execute(async (trx) => {
        const created = await trx
          .insertInto('teams')
          .values({ organisation_id: orgId, id: request.body.id, name: request.body.name })
          .onConflict((conflict) => conflict.columns(['organisation_id', 'id']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (created === undefined) throw new HttpError(409, 'ID_TAKEN');
        return oneTeam(trx, orgId, request.body.id);
      });
      return reply.code(201).send(team);
    },
  );

  r.patch(
    '/api/teams/:id',
    {
      schema: {
        summary: 'Rename a team (admin)',
        params: IdParams,
        body: UpdateTeamRequest,
        response: { 200: Team, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request, 'admin');
      const orgId = actor.organisationId;
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('teams')
          .set({ name: request.body.name })
          .where('organisation_id', '=', orgId)
          .where('id', '=', request.params.id)
          .returning('id')
          .executeTakeFirst();
        if (updated === undefined) throw notFound();
        return oneTeam(trx, orgId, request.params.id);
      });
    },
  );

  r.put(
    '/api/teams/:id/members',
    {
      schema: {
        summary: 'Replace the members of a team (admin)',
        params: IdParams,
        body: SetTeamMembersRequest,
        response: { 200: Team, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request, 'admin');
      const orgId = actor.organisationId;
      const teamId = request.params.id;
      const memberIds = [...new Set(request.body.memberIds)];
      return db.transaction().execute(async (trx) => {
        const team = await trx.selectFrom('teams').select('id').where('organisation_id', '=', orgId).where('id', '=', teamId).forUpdate().executeTakeFirst();
        if (team === undefined) throw notFound();
        if (memberIds.length > 0) {
          const found = await trx.selectFrom('users').select('id').where('organisation_id', '=', orgId).where('id', 'in', memberIds).execute();
          if (found.length !== memberIds.length) throw notFound();
        }
        await trx.deleteFrom('team_members').where('organisation_id', '=', orgId).where('team_id', '=', teamId).execute();
        if (memberIds.length > 0) {
          await trx
            .insertInto('team_members')
            .values(memberIds.map((userId) => ({ organisation_id: orgId, team_id: teamId, user_id: userId })))
            .execute();
        }
        return oneTeam(trx, orgId, teamId);
      });
    },
  );
}
