import { afterEach, describe, expect, it, vi } from 'vitest';
import { ERROR_MESSAGES } from '@relais/core/errors';
import { PROTOCOL_VERSION } from '@relais/core/protocol';
import { OFFLINE_MESSAGE } from '../api/errors.ts';
import { REFUSAL_MESSAGES, RotationApi } from './api.ts';

const MEMBER = '01900000-0000-7000-8000-0000000000c3';

function answer(status: number, body: unknown) {
  return vi.fn(async (_url: string, _init?: RequestInit) => new Response(body === undefined ? '' : JSON.stringify(body), { status }));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('RotationApi', () => {
  it('sends the token and the protocol, and parses the answers with the shared schemas', async () => {
    const fetch = answer(200, { protocol: PROTOCOL_VERSION, results: [{ collection: 'person', id: MEMBER, status: 'unchanged' }] });
    vi.stubGlobal('fetch', fetch);
    const api = new RotationApi('jeton', 'https://relais.example');
    const results = await api.rewrap([{ collection: 'person', id: MEMBER, version: 1, keyVersion: 2, ciphertext: 'AAAA' }]);
    expect(results).toEqual([{ collection: 'person', id: MEMBER, status: 'unchanged' }]);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://relais.example/api/rotation/rewrap');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer jeton');
    expect(JSON.parse(String(init?.body))).toMatchObject({ protocol: PROTOCOL_VERSION });

    vi.stubGlobal('fetch', answer(200, { protocol: PROTOCOL_VERSION, records: 'pas une liste' }));
    await expect(api.page('general', 0, 10)).rejects.toMatchObject({ code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL });
  });

  it('tells an administrator why a revocation is refused, in French', async () => {
    const api = new RotationApi('jeton');
    for (const reason of ['self', 'last_admin'] as const) {
      vi.stubGlobal('fetch', answer(403, { error: { code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN, details: { reason } } }));
      await expect(api.revoke(MEMBER)).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403, message: REFUSAL_MESSAGES[reason] });
    }
    // Any other refusal keeps the server's own message.
    vi.stubGlobal('fetch', answer(404, { error: { code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND } }));
    await expect(api.revoke(MEMBER)).rejects.toMatchObject({ code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND });
  });

  it('reports an unreachable server as offline (the Worker then retries)', async () => {
    const api = new RotationApi('jeton');
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(api.status()).rejects.toMatchObject({ code: 'OFFLINE', message: OFFLINE_MESSAGE });
    vi.stubGlobal('fetch', answer(503, undefined));
    await expect(api.status()).rejects.toMatchObject({ code: 'OFFLINE' });
  });
});
