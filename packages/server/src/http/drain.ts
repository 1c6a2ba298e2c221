// Graceful close that really ends. Node's server.close() drops the connections idle at that moment,
// but a request still in flight leaves its keep-alive connection open after its answer, for
// keepAliveTimeout (72 s in Fastify): a SIGTERM then seemed ignored. Once closing starts, every
// answer says `Connection: close`; whatever is still open after the grace period is cut.
import type { FastifyInstance } from 'fastify';

/** How long requests in flight may take to finish once the server is closing. */
export const DRAIN_GRACE_MS = 10_000;

export function drainOnClose(app: FastifyInstance, graceMs = DRAIN_GRACE_MS): void {
  let closing = false;
  let cutoff: NodeJS.Timeout | undefined;
  app.addHook('preClose', (done) => {
    closing = true;
    cutoff = setTimeout(() => app.server.closeAllConnections(), graceMs);
    cutoff.unref();
    done();
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onClose', (_instance, done) => {
    clearTimeout(cutoff);
    done();
  });
}
