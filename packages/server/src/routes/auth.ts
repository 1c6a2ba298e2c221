// Prelogin, login, logout, the signed-in user's view, and account recovery with the recovery code.
import {
  LoginRequest,
  Me,
  PreloginRequest,
  PreloginResponse,
  RecoveryOpenRequest,
  RecoveryOpenResponse,
  RecoveryResetRequest,
  SessionResponse,
  type KdfParams,
} from '@relais/core/protocol';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { checkAuthKey, findAccount } from '../accounts/credentials.ts';
import { checkSealedKeys, storeSealedKeys } from '../accounts/sealed-keys.ts';
import { loadMe } from '../accounts/views.ts';
import { fakeKdf } from '../auth/instance-secret.ts';
import { createSession, deleteSession, deleteUserSessions, type IssuedSession } from '../auth/sessions.ts';
import type { AppContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { authenticate } from '../http/guard.ts';
import { errorResponses, NoContent } from '../http/schemas.ts';
import { journal } from '../journal/journal.ts';

function sessionJson(session: IssuedSession): { token: string; expiresAt: string } {
  return { token: session.token, expiresAt: session.expiresAt.toISOString() };
}

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  r.post(
    '/api/auth/prelogin',
    {
      schema: {
        summary: 'Key-derivation parameters of an account (stable fake ones for unknown e-mails)',
        body: PreloginRequest,
        response: { 200: PreloginResponse, ...errorResponses(400) },
      },
    },
    async (request) => {
      const account = await findAccount(db, request.body.email);
      const kdf = account === undefined ? fakeKdf(ctx.instanceSecret, request.body.email) : (account.kdf as KdfParams);
      return { kdf };
    },
  );

  r.post(
    '/api/auth/login',
    {
      schema: {
        summary: 'Open a session with the auth key derived from the password',
        body: LoginRequest,
        response: { 200: SessionResponse, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => {
      const { email, authKey } = request.body;
      const account = await checkAuthKey(ctx, request, email, authKey, 'auth_hash', 'INVALID_CREDENTIALS');
      const session = await db.transaction().execute(async (trx) => {
        await journal(trx, { organisationId: account.organisation_id, actorId: account.id, event: 'login' });
        return createSession(trx, account.organisation_id, account.id);
      });
      return { session: sessionJson(session), me: await loadMe(db, account.organisation_id, account.id) };
    },
  );

  r.post(
    '/api/auth/logout',
    { schema: { summary: 'End the current session', response: { 204: NoContent, ...errorResponses(401) } } },
    async (request, reply) => {
      const actor = await authenticate(db, request, 'session');
      await db.transaction().execute(async (trx) => {
        await deleteSession(trx, actor);
        await journal(trx, { organisationId: actor.organisationId, actorId: actor.userId, event: 'logout' });
      });
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/me',
    { schema: { summary: 'The signed-in user, their sealed keys and the teams', response: { 200: Me, ...errorResponses(401) } } },
    async (request) => {
      const actor = await authenticate(db, request, 'session');
      return loadMe(db, actor.organisationId, actor.userId);
    },
  );

  r.post(
    '/api/recovery/open',
    {
      schema: {
        summary: 'Check a recovery code and return the organisation keys it wraps',
        body: RecoveryOpenRequest,
        response: { 200: RecoveryOpenResponse, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => {
      const { email, authKey } = request.body;
      const account = await checkAuthKey(ctx, request, email, authKey, 'recovery_auth_hash', 'RECOVERY_INVALID');
      if (account.recovery_wrapped_keys === null) throw new HttpError(401, 'RECOVERY_INVALID');
      return { userId: account.id, organisationId: account.organisation_id, wrappedKeys: account.recovery_wrapped_keys.toString('base64') };
    },
  );

  r.post(
    '/api/recovery/reset',
    {
      schema: {
        summary: 'Replace the credentials and sealed keys of an account with the recovery code; ends its other sessions',
        body: RecoveryResetRequest,
        response: { 200: SessionResponse, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => {
      const { email, authKey, credentials, keys } = request.body;
      const account = await checkAuthKey(ctx, request, email, authKey, 'recovery_auth_hash', 'RECOVERY_INVALID');
      const authHash = await ctx.hasher.hash(Buffer.from(credentials.authKey, 'base64'));
      const orgId = account.organisation_id;
      const result = await db.transaction().execute(async (trx) => {
        // Recovery seals again what the account may hold: the medical key only for a health
        // professional (decision 017). The recovery keyring was wrapped at creation and may hold a
        // medical key its owner may no longer hold: those boxes are left out, not refused, since
        // the client cannot know the account's current flag before the reset.
        const allowed = keys.filter((key) => key.kind !== 'medical' || account.health_professional);
        await checkSealedKeys(trx, orgId, allowed, { medicalAllowed: account.health_professional });
        await trx
          .updateTable('users')
          .set({
            kdf: JSON.stringify(credentials.kdf),
            auth_hash: authHash,
            public_key: Buffer.from(credentials.publicKey, 'base64'),
            wrapped_private_key: Buffer.from(credentials.wrappedPrivateKey, 'base64'),
          })
          .where('organisation_id', '=', orgId)
          .where('id', '=', account.id)
          .execute();
        await trx.deleteFrom('sealed_keys').where('organisation_id', '=', orgId).where('user_id', '=', account.id).execute();
        await storeSealedKeys(trx, orgId, account.id, allowed);
        await deleteUserSessions(trx, orgId, account.id);
        await journal(trx, { organisationId: orgId, actorId: account.id, event: 'recovery' });
        const session = await createSession(trx, orgId, account.id);
        return { session, me: await loadMe(trx, orgId, account.id) };
      });
      return { session: sessionJson(result.session), me: result.me };
    },
  );
}
