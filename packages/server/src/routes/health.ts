import { HealthResponse, PROTOCOL_VERSION } from '@relais/core/protocol';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';

export function healthRoutes(app: FastifyInstance, { db }: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    { schema: { summary: 'Server status; `fresh` while no organisation exists', response: { 200: HealthResponse } } },
    async () => {
      const any = await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
      return { status: 'ok' as const, protocol: PROTOCOL_VERSION, fresh: any === undefined };
    },
  );
}
