import { afterEach, describe, expect, it, vi } from 'vitest';
import { ERROR_MESSAGES } from '@relais/core/errors';
import { PROTOCOL_VERSION } from '@relais/core/protocol';
import { TransportError } from '@relais/core/sync/types';
import { ApiClient } from './client.ts';
import { ApiError } from './errors.ts';
import { HttpTransport } from './transport.ts';

function respond(status: number, body: unknown): void {
  vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }))));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ApiClient', () => {
  it('sends the bearer token and parses the answer with the shared schema', async () => {
    const fetchMock = vi.fn((_url: string, _init: RequestInit) =>
      Promise.resolve(new Response(JSON.stringify({ status: 'ok', protocol: PROTOCOL_VERSION, fresh: true }), { status: 200 })),
    );
    vi.stubGlobal('fetch', fetchMock);
    const api = new ApiClient('secret-token');
    expect(await api.health()).toEqual({ status: 'ok', protocol: PROTOCOL_VERSION, fresh: true });
    const init = fetchMock.mock.calls[0]?.[1];
    expect((init?.headers as Record<string, string>).authorization).toBe('Bearer secret-token');
  });

  it('turns an error body into an ApiError with the server code and French message', async () => {
    respond(401, { error: { code: 'INVALID_CREDENTIALS', message: ERROR_MESSAGES.INVALID_CREDENTIALS } });
    const error = await new ApiClient().login('a@b.fr', 'AAAA').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: ERROR_MESSAGES.INVALID_CREDENTIALS, status: 401 });
  });

  it('reports an unreachable server as OFFLINE', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(new ApiClient().me()).rejects.toMatchObject({ code: 'OFFLINE', offline: true });
    respond(503, 'Service Unavailable');
    await expect(new ApiClient().me()).rejects.toMatchObject({ code: 'OFFLINE' });
  });

  it('refuses an answer that does not match the protocol', async () => {
    respond(200, { status: 'ok' });
    await expect(new ApiClient().health()).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});

describe('HttpTransport', () => {
  it('gives the sync engine TransportErrors, offline or not', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const transport = new HttpTransport(new ApiClient('t'));
    const offline = await transport.pull(0, 10).catch((e: unknown) => e);
    expect(offline).toBeInstanceOf(TransportError);
    expect(offline).toMatchObject({ offline: true });

    respond(401, { error: { code: 'UNAUTHENTICATED', message: ERROR_MESSAGES.UNAUTHENTICATED } });
    const refused = await transport.pull(0, 10).catch((e: unknown) => e);
    expect(refused).toMatchObject({ offline: false, status: 401, code: 'UNAUTHENTICATED' });
  });
});
