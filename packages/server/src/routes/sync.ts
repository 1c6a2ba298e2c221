// The sync relay: push a batch of encrypted changes, pull the changes since a sequence.
import { PROTOCOL_VERSION, PullQuery, PullResponse, PushRequest, PushResponse } from '@relais/core/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { authenticate } from '../http/guard.ts';
import { errorResponses } from '../http/schemas.ts';
import { hiddenCollections, pullPage } from '../sync/pull.ts';
import { mayReadKind, ownOnlyCollections } from '../sync/rights.ts';
import { keyKindOf } from '@relais/core/collections';
import { applyPush } from '../sync/push.ts';
import { journal } from '../journal/journal.ts';

/** Room for a full batch of ~1 KiB records with margin; clients split larger outboxes. */
export const PUSH_BODY_LIMIT = 16 * 1024 * 1024;

/** A client speaking another protocol version gets PROTOCOL_MISMATCH rather than a schema error. */
export async function checkProtocol(request: FastifyRequest): Promise<void> {
  const declared = declaredProtocol(request.body) ?? declaredProtocol(request.query);
  // Anything but a number is left to the schema (VALIDATION_FAILED).
  if (declared !== undefined && declared !== PROTOCOL_VERSION) {
    throw new HttpError(400, 'PROTOCOL_MISMATCH', { server: PROTOCOL_VERSION });
  }
}

function declaredProtocol(source: unknown): number | undefined {
  if (source === null || typeof source !== 'object' || !('protocol' in source)) return undefined;
  const value = source.protocol;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d{1,9}$/.test(value)) return Number(value);
  return undefined;
}

export function syncRoutes(app: FastifyInstance, { db }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/sync/push',
    {
      bodyLimit: PUSH_BODY_LIMIT,
      preValidation: checkProtocol,
      schema: {
        summary: 'Push a batch of encrypted changes; each is accepted or answered with the conflicting record',
        body: PushRequest,
        response: { 200: PushResponse, ...errorResponses(400, 401, 403, 413) },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request, 'active');
      const response: PushResponse = { protocol: PROTOCOL_VERSION, results: await applyPush(db, actor, request.body.changes) };
      return response;
    },
  );

  r.get(
    '/api/sync/pull',
    {
      preValidation: checkProtocol,
      schema: {
        summary: 'Changes after `since`, oldest first, at most `limit` (≤ 1000) per page',
        querystring: PullQuery,
        response: { 200: PullResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = await authenticate(db, request, 'active');
      const { since, limit, collections } = request.query;
      // A sequence beyond 2^53 cannot be one we handed out (and would not fit a bigint).
      if (!Number.isSafeInteger(since)) throw new HttpError(400, 'VALIDATION_FAILED', { in: 'querystring', issues: [{ path: '/since', code: 'too_big' }] });
      // Asking by name for a collection one may not read is refused, not answered empty: an empty
      // page would look like "nothing medical here" to a client that should never have asked.
      const refused = collections?.findIndex((collection) => !mayReadKind(actor, keyKindOf(collection))) ?? -1;
      if (refused >= 0) throw new HttpError(403, 'MEDICAL_FORBIDDEN', { in: 'querystring', path: `/collections/${refused}` });
      const ownOnly = ownOnlyCollections(actor);
      const page = await pullPage(db, actor.organisationId, {
        since,
        limit,
        hidden: hiddenCollections(actor),
        only: collections,
        ownOnly: ownOnly.length > 0 ? { collections: ownOnly, authorId: actor.userId } : undefined,
      });
      // An empty page (a device checking for news) is not worth a line.
      if (page.count > 0) {
        await journal(db, { organisationId: actor.organisationId, actorId: actor.userId, event: 'pull', collections: page.collections, count: page.count });
      }
      // Already JSON, built by PostgreSQL: fastify sends a string with a JSON content type as is,
      // without the response serializer (the schema above still documents the shape).
      return reply.type('application/json; charset=utf-8').send(page.json as unknown as PullResponse);
    },
  );
}
