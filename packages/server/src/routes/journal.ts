// The access journal, for administrators: read it (newest first, paged) and set how long it is kept.
import { JournalQuery, JournalResponse, JournalSettingsRequest } from '@relais/core/protocol';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { authenticate } from '../http/guard.ts';
import { errorResponses } from '../http/schemas.ts';
import { journal, purgeJournal, readJournal } from '../journal/journal.ts';

export function journalRoutes(app: FastifyInstance, { db }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/journal',
    {
      schema: {
        summary: 'Access journal of the organisation, newest first (admin)',
        querystring: JournalQuery,
        response: { 200: JournalResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request, 'admin');
      const orgId = actor.organisationId;
      // Retention is enforced whenever the journal is looked at, and when it is set (below).
      await purgeJournal(db, orgId);
      const { journal_retention_months } = await db.selectFrom('organisations').select('journal_retention_months').where('id', '=', orgId).executeTakeFirstOrThrow();
      const entries = await readJournal(db, orgId, { before: request.query.before, limit: request.query.limit });
      return { entries, retentionMonths: journal_retention_months };
    },
  );

  r.put(
    '/api/journal/settings',
    {
      schema: {
        summary: 'Set how many months the access journal keeps (admin)',
        body: JournalSettingsRequest,
        response: { 200: JournalSettingsRequest, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request, 'admin');
      const orgId = actor.organisationId;
      const { retentionMonths } = request.body;
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('organisations').set({ journal_retention_months: retentionMonths }).where('id', '=', orgId).execute();
        await journal(trx, { organisationId: orgId, actorId: actor.userId, event: 'journal_settings' });
        await purgeJournal(trx, orgId);
      });
      return { retentionMonths };
    },
  );
}
