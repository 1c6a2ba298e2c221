// Key rotation after a member left (docs/decisions/011-member-exit-and-key-rotation.md): the
// caller's own sealed keys (every version), where the rotation stands, publishing new key
// versions, and the re-encryption driver's two calls (read a page of records under an older
// version, store their re-encryptions).
import {
  KeysResponse,
  PROTOCOL_VERSION,
  PublishKeysRequest,
  RewrapRequest,
  RewrapResponse,
  RotationPage,
  RotationPageQuery,
  RotationStatus,
  type SealedKey,
} from '@relais/core/protocol';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { mayHoldMedicalKey } from '../accounts/sealed-keys.ts';
import { HttpError } from '../http/errors.ts';
import { authenticate } from '../http/guard.ts';
import { errorResponses } from '../http/schemas.ts';
import { journal } from '../journal/journal.ts';
import { rotationPage } from '../rotation/page.ts';
import { publishKeys } from '../rotation/publish.ts';
import { applyRewrap } from '../rotation/rewrap.ts';
import { rotationStatus } from '../rotation/status.ts';
import { checkProtocol, PUSH_BODY_LIMIT } from './sync.ts';

/** A thousand recipients × two kinds of ~170-character boxes, with room. */
const PUBLISH_BODY_LIMIT = 1024 * 1024;

export function rotationRoutes(app: FastifyInstance, { db }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/keys',
    {
      schema: {
        summary: 'The organisation keys sealed to the caller, every version (a device meeting an unknown key version reloads them)',
        response: { 200: KeysResponse, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request, 'active');
      const rows = await db
        .selectFrom('sealed_keys')
        .select(['kind', 'version', 'sealed'])
        .where('organisation_id', '=', actor.organisationId)
        .where('user_id', '=', actor.userId)
        .orderBy('kind')
        .orderBy('version')
        .execute();
      return {
        keys: rows
          .filter((row) => row.kind !== 'medical' || mayHoldMedicalKey(actor))
          .map((row): SealedKey => ({ kind: row.kind, version: row.version, sealed: row.sealed.toString('base64') })),
      };
    },
  );

  r.get(
    '/api/rotation',
    {
      schema: {
        summary: 'Where the key rotation stands: versions, whether one is due, records left under older versions, who must receive new keys (admin, health professional)',
        response: { 200: RotationStatus, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request, 'active');
      // Administrators rotate the general key, health professionals the medical one (decision 017).
      if (actor.role !== 'admin' && !actor.healthProfessional) throw new HttpError(403, 'FORBIDDEN');
      return rotationStatus(db, actor.organisationId);
    },
  );

  r.post(
    '/api/rotation/keys',
    {
      bodyLimit: PUBLISH_BODY_LIMIT,
      schema: {
        summary: 'Publish new key versions (current + 1), each sealed to exactly the members who must receive it (general: admin; medical: health professional; holding the current version)',
        body: PublishKeysRequest,
        response: { 200: RotationStatus, ...errorResponses(400, 401, 403, 409, 413) },
      },
    },
    async (request) => {
      // Rights by kind (publishKeys): general for administrators, medical for health professionals.
      const actor = await authenticate(db, request, 'active');
      return db.transaction().execute(async (trx) => {
        await publishKeys(trx, actor, request.body);
        return rotationStatus(trx, actor.organisationId);
      });
    },
  );

  r.get(
    '/api/rotation/records',
    {
      preValidation: checkProtocol,
      schema: {
        summary: 'Records of one key kind still under an older version, after `since`, in sequence order (general: admin; medical: health professional; holding the current version)',
        querystring: RotationPageQuery,
        response: { 200: RotationPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      // Rights by kind (rotationPage): general for administrators, medical for health professionals.
      const actor = await authenticate(db, request, 'active');
      const { kind, since, limit } = request.query;
      if (!Number.isSafeInteger(since)) throw new HttpError(400, 'VALIDATION_FAILED', { in: 'querystring', issues: [{ path: '/since', code: 'too_big' }] });
      const page = await rotationPage(db, { actor, kind, since, limit });
      // Ciphertexts leaving the server are journaled like pulls.
      if (page.records.length > 0) {
        await journal(db, { organisationId: actor.organisationId, actorId: actor.userId, event: 'pull', collections: page.records.map((record) => record.collection), count: page.records.length });
      }
      return page;
    },
  );

  r.post(
    '/api/rotation/rewrap',
    {
      bodyLimit: PUSH_BODY_LIMIT,
      preValidation: checkProtocol,
      schema: {
        summary: 'Store re-encrypted records; each is rewrapped, unchanged (already current) or stale (edited since it was read) (general: admin; medical: health professional)',
        body: RewrapRequest,
        response: { 200: RewrapResponse, ...errorResponses(400, 401, 403, 409, 413) },
      },
    },
    async (request) => {
      // Rights by kind (applyRewrap): general for administrators, medical for health professionals.
      const actor = await authenticate(db, request, 'active');
      const response: RewrapResponse = { protocol: PROTOCOL_VERSION, results: await applyRewrap(db, actor, request.body.items) };
      return response;
    },
  );
}
