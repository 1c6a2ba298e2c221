// The HTTP application, built around a database handle it does not own (the caller opens and
// closes it). Tests build it with app.inject; main.ts listens with it.
import fastifySwagger from '@fastify/swagger';
import { errorBody } from '@relais/core/errors';
import { PROTOCOL_VERSION } from '@relais/core/protocol';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { loadInstanceSecret } from './auth/instance-secret.ts';
import { secretHasher } from './auth/password-hash.ts';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './auth/rate-limit.ts';
import type { AppContext } from './context.ts';
import type { DB } from './db/schema.ts';
import { drainOnClose } from './http/drain.ts';
import { frameworkErrorHandler, installErrorHandler } from './http/errors.ts';
import { authRoutes } from './routes/auth.ts';
import { healthRoutes } from './routes/health.ts';
import { invitationRoutes } from './routes/invitations.ts';
import { journalRoutes } from './routes/journal.ts';
import { memberRoutes } from './routes/members.ts';
import { openapiRoutes } from './routes/openapi.ts';
import { organisationRoutes } from './routes/organisations.ts';
import { medicalKeyRoutes } from './routes/medical-keys.ts';
import { rotationRoutes } from './routes/rotation.ts';
import { registerStatic, sendAppShell, wantsAppShell } from './routes/static.ts';
import { syncRoutes } from './routes/sync.ts';
import { teamRoutes } from './routes/teams.ts';

export interface AppOptions {
  /** A migrated database. */
  readonly db: Kysely<DB>;
  /** Fastify's logger option (false by default); pass `{ level, stream }` to capture lines. */
  readonly logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app; served when it holds an index.html. */
  readonly webDist?: string | undefined;
  readonly rateLimits?: Partial<RateLimits>;
  /** Trust X-Forwarded-For (behind a reverse proxy) for the client address used by rate limits. */
  readonly trustProxy?: boolean;
  /** log2 of scrypt's N for new auth-key hashes; tests lower it, production keeps the default. */
  readonly hashCost?: number;
}

/** Request bodies above this size are refused (413) on every route but push. */
export const BODY_LIMIT = 256 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: withRedaction(options.logger ?? false),
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    frameworkErrors: frameworkErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: any other request content type is answered 415.
  app.removeContentTypeParser('text/plain');
  installErrorHandler(app);
  drainOnClose(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Relais API', version: String(PROTOCOL_VERSION) },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });

  const ctx: AppContext = {
    db: options.db,
    instanceSecret: await loadInstanceSecret(options.db),
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    hasher: secretHasher(options.hashCost),
  };
  healthRoutes(app, ctx);
  openapiRoutes(app);
  organisationRoutes(app, ctx);
  authRoutes(app, ctx);
  invitationRoutes(app, ctx);
  memberRoutes(app, ctx);
  teamRoutes(app, ctx);
  syncRoutes(app, ctx);
  journalRoutes(app, ctx);
  rotationRoutes(app, ctx);
  medicalKeyRoutes(app, ctx);

  const serving = await registerStatic(app, options.webDist);
  app.setNotFoundHandler((request, reply) => {
    if (serving && wantsAppShell(request)) return sendAppShell(reply);
    return reply.code(404).send(errorBody('ROUTE_NOT_FOUND'));
  });
  await app.ready();
  return app;
}

/** Whatever the logger configuration, credentials in headers are never written. */
function withRedaction(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === undefined || typeof logger === 'boolean') return logger === true ? { redact: REDACT } : logger;
  return { ...logger, redact: REDACT };
}

const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'];
