// The medical key among health professionals (docs/decisions/017-medical-key-custody.md): where it
// stands for the caller, its creation by the first health professional, and the versions a holder
// seals to the health professionals who lack them.
import { MedicalKeyBootstrapRequest, MedicalKeyGrantsRequest, MedicalKeyState } from '@relais/core/protocol';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { authenticate } from '../http/guard.ts';
import { errorResponses } from '../http/schemas.ts';
import { bootstrapMedicalKey, grantMedicalKeys, medicalKeyState, requireHealthProfessional } from '../rotation/medical-custody.ts';

/** A thousand boxes of ~700 characters, with room. */
const GRANTS_BODY_LIMIT = 1024 * 1024;

export function medicalKeyRoutes(app: FastifyInstance, { db }: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/keys/medical/pending',
    {
      schema: {
        summary: 'The medical key for this health professional: its version, whether it must be created, who lacks the versions the caller holds (health professional)',
        response: { 200: MedicalKeyState, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request, 'active');
      requireHealthProfessional(actor);
      return medicalKeyState(db, actor);
    },
  );

  r.post(
    '/api/keys/medical',
    {
      bodyLimit: GRANTS_BODY_LIMIT,
      schema: {
        summary: 'Create the next medical key version when no active member holds the current one, sealed to the caller (health professional)',
        body: MedicalKeyBootstrapRequest,
        response: { 200: MedicalKeyState, ...errorResponses(400, 401, 403, 409, 413) },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request, 'active');
      requireHealthProfessional(actor);
      return db.transaction().execute(async (trx) => {
        await bootstrapMedicalKey(trx, actor, request.body);
        return medicalKeyState(trx, actor);
      });
    },
  );

  r.post(
    '/api/keys/medical/grants',
    {
      bodyLimit: GRANTS_BODY_LIMIT,
      schema: {
        summary: 'Store medical key versions the caller holds, sealed to active health professionals who lack them; idempotent (health professional)',
        body: MedicalKeyGrantsRequest,
        response: { 200: MedicalKeyState, ...errorResponses(400, 401, 403, 413) },
      },
    },
    async (request) => {
      const actor = await authenticate(db, request, 'active');
      requireHealthProfessional(actor);
      return db.transaction().execute(async (trx) => {
        await grantMedicalKeys(trx, actor, request.body);
        return medicalKeyState(trx, actor);
      });
    },
  );
}
