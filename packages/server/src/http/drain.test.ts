import { request, Agent } from 'node:http';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { drainOnClose } from './drain.ts';

// A keep-alive client, as a browser is: one socket reused for every request.
function client(port: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path: string) =>
    new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path, agent }, (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }));
      })
        .on('error', reject)
        .end();
    });
  return { get, destroy: () => agent.destroy() };
}

async function server(options: { drain: boolean; slowMs: number; graceMs?: number }) {
  const app = Fastify();
  if (options.drain) drainOnClose(app, options.graceMs);
  app.get('/fast', async () => ({ ok: true }));
  app.get('/slow', async () => {
    await new Promise((resolve) => setTimeout(resolve, options.slowMs));
    return { ok: true };
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { app, port: address.port };
}

describe('drainOnClose', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  /** Closes the server while /slow is in flight on a kept-alive socket; the close's duration. */
  async function closeDuringSlowRequest(options: { drain: boolean; slowMs: number; graceMs?: number }) {
    const { app, port } = await server(options);
    const http = client(port);
    cleanups.push(http.destroy);
    expect((await http.get('/fast')).connection).toBe('keep-alive');
    const slow = http.get('/slow').catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    const closed = app.close().then(() => Date.now() - started);
    return { slow: await slow, closedAfterMs: await Promise.race([closed, new Promise<number>((resolve) => setTimeout(() => resolve(Infinity), 3_000))]) };
  }

  it('without it, a request in flight at close keeps the server open (the bug it fixes)', async () => {
    const { slow, closedAfterMs } = await closeDuringSlowRequest({ drain: false, slowMs: 200 });
    expect(slow).toMatchObject({ status: 200, connection: 'keep-alive' });
    expect(closedAfterMs).toBe(Infinity);
  });

  it('answers the request in flight with Connection: close, and the close ends right after it', async () => {
    const { slow, closedAfterMs } = await closeDuringSlowRequest({ drain: true, slowMs: 200 });
    expect(slow).toMatchObject({ status: 200, connection: 'close' });
    expect(closedAfterMs).toBeLessThan(1_000);
  });

  it('cuts a request still running after the grace period', async () => {
    const { slow, closedAfterMs } = await closeDuringSlowRequest({ drain: true, slowMs: 60_000, graceMs: 300 });
    expect(slow).toBeInstanceOf(Error);
    expect(closedAfterMs).toBeLessThan(1_500);
  });
});
