// Creating an organisation: the organisation, its first administrator (active at once), the first
// version of its `general` key sealed to that administrator, and the recovery code's hash and key
// envelope. The first `medical` key version too, but only when the creator declares being a health
// professional: otherwise the organisation has no medical key until the first health professional
// creates it (decision 017). All or nothing.
import { CreateOrganisationRequest, SessionResponse } from '@relais/core/protocol';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loadMe } from '../accounts/views.ts';
import { storeSealedKeys } from '../accounts/sealed-keys.ts';
import { createSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { HttpError, invalid } from '../http/errors.ts';
import { errorResponses } from '../http/schemas.ts';

export function organisationRoutes(app: FastifyInstance, { db, hasher }: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/organisations',
    {
      schema: {
        summary: 'Create an organisation and its first administrator',
        body: CreateOrganisationRequest,
        response: { 201: SessionResponse, ...errorResponses(400, 409, 413, 415) },
      },
    },
    async (request, reply) => {
      const { organisation, user, credentials, keys, recovery } = request.body;
      const kinds = keys.map((key) => `${key.kind}:${key.version}`).sort();
      const expected = user.healthProfessional ? ['general:1', 'medical:1'] : ['general:1'];
      if (kinds.join(',') !== expected.join(',')) throw invalid('/keys', user.healthProfessional ? 'expected_general_1_and_medical_1' : 'expected_general_1');
      const [authHash, recoveryHash] = await Promise.all([
        hasher.hash(Buffer.from(credentials.authKey, 'base64')),
        hasher.hash(Buffer.from(recovery.authKey, 'base64')),
      ]);
      const result = await db.transaction().execute(async (trx) => {
        const created = await trx
          .insertInto('organisations')
          .values({ id: organisation.id, name: organisation.name })
          .onConflict((conflict) => conflict.column('id').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (created === undefined) throw new HttpError(409, 'ID_TAKEN');
        await trx
          .insertInto('users')
          .values({
            organisation_id: organisation.id,
            id: user.id,
            email: user.email,
            name: user.name,
            role: 'admin',
            health_professional: user.healthProfessional,
            status: 'active',
            kdf: JSON.stringify(credentials.kdf),
            auth_hash: authHash,
            public_key: Buffer.from(credentials.publicKey, 'base64'),
            wrapped_private_key: Buffer.from(credentials.wrappedPrivateKey, 'base64'),
            recovery_auth_hash: recoveryHash,
            recovery_wrapped_keys: Buffer.from(recovery.wrappedKeys, 'base64'),
          })
          .execute();
        const email = await trx
          .insertInto('user_emails')
          .values({ email: user.email, organisation_id: organisation.id, user_id: user.id })
          .onConflict((conflict) => conflict.column('email').doNothing())
          .returning('email')
          .executeTakeFirst();
        if (email === undefined) throw new HttpError(409, 'EMAIL_TAKEN');
        await trx
          .insertInto('org_keys')
          .values(keys.map((key) => ({ organisation_id: organisation.id, kind: key.kind, version: 1 })))
          .execute();
        await storeSealedKeys(trx, organisation.id, user.id, keys);
        const session = await createSession(trx, organisation.id, user.id);
        return { session, me: await loadMe(trx, organisation.id, user.id) };
      });
      return reply.code(201).send({
        session: { token: result.session.token, expiresAt: result.session.expiresAt.toISOString() },
        me: result.me,
      });
    },
  );
}
