// @vitest-environment node
// (libsodium checks `instanceof Uint8Array`, which jsdom's TextEncoder, from another realm, fails.)
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '@relais/core/errors';
import type { KeyKind } from '@relais/core/protocol';
import type { RotationCursor } from '@relais/core/rotation/driver';
import { RotationClient, type RotationEndpoint } from './client.ts';
import type { RotationView } from './progress.ts';
import type { FromWorker } from './protocol.ts';
import { RotationRunner } from './runner.ts';
import { ADMIN, LEAVING, ModelServer, ORG, recordId, STAYING, testCrypto, type Crypto } from './test-support.ts';

let crypto: Crypto;
beforeAll(async () => {
  crypto = await testCrypto('rotation client tests');
});

/** The runner behind Worker-like messages, over the model server; cursors kept across runs like IndexedDB. */
function localEndpoint(server: ModelServer, cursors: Map<KeyKind, RotationCursor>, ended: { count: number }): RotationEndpoint {
  const handlers: ((message: FromWorker) => void)[] = [];
  const runner = new RotationRunner({
    primitives: async () => crypto.p,
    random: crypto.random,
    api: (token) => server.api(token),
    openStore: async () => ({
      load: async (kind) => cursors.get(kind) ?? null,
      save: async (cursor) => void cursors.set(cursor.kind, structuredClone(cursor)),
      close: () => undefined,
    }),
    sleep: async () => undefined,
    post: (message) => setTimeout(() => handlers.forEach((handler) => handler(structuredClone(message))), 0),
  });
  return {
    post: (message) => {
      const copy = structuredClone(message);
      setTimeout(() => runner.handle(copy), 0);
    },
    listen: (handler) => handlers.push(handler),
    terminate: () => {
      ended.count += 1;
      runner.handle({ type: 'stop' });
    },
  };
}

function setup(server: ModelServer, options: { renew?: () => void; kinds?: KeyKind[] } = {}) {
  const cursors = new Map<KeyKind, RotationCursor>();
  const ended = { count: 0 };
  let saved = server.token;
  let refreshes = 0;
  const client = new RotationClient({
    userId: ADMIN,
    organisationId: ORG,
    keyPair: server.keyPairOf(ADMIN),
    apiBase: '',
    token: async () => saved,
    api: (token) => server.api(token),
    refresh: async () => {
      refreshes += 1;
      // What controller.refreshMe does on a refused token: log in again and save the new token.
      if (options.renew) {
        options.renew();
        saved = server.token;
      }
    },
    endpoint: async () => localEndpoint(server, cursors, ended),
    ...(options.kinds ? { kinds: options.kinds } : {}),
  });
  const views: RotationView[] = [];
  client.subscribe(() => views.push(client.getState()));
  const settled = () =>
    new Promise<RotationView>((resolve) => {
      const check = () => {
        const view = client.getState();
        if (view.phase === 'finished' || view.phase === 'failed' || view.phase === 'blocked' || (view.phase === 'idle' && views.length > 0)) resolve(view);
        else setTimeout(check, 5);
      };
      check();
    });
  return { client, views, settled, cursors, ended, refreshes: () => refreshes };
}

describe('RotationClient', () => {
  it('after a revocation, publishes new versions to those who stay and re-encrypts every record', async () => {
    const server = new ModelServer(crypto);
    for (let n = 1; n <= 30; n++) server.add(n % 5 === 0 ? 'comment' : 'person', n);
    const { client, views, settled, ended, refreshes } = setup(server);

    await client.revoke(LEAVING);
    const end = await settled();

    expect(end).toEqual({ phase: 'finished', kinds: { general: { done: 30, total: 30, failed: 0 } }, blocked: [] });
    expect([...new Set(views.map((v) => v.phase))]).toEqual(['checking', 'publishing', 'running', 'finished']);
    // Only the kind the revoked member held is renewed; the admin's app reloads its keys once.
    expect(server.current).toEqual({ general: 2, medical: 1 });
    expect(refreshes()).toBe(1);
    expect(server.accounts.get(LEAVING)!.sealed.map((k) => k.version)).toEqual([1]);
    for (let n = 1; n <= 30; n++) {
      expect(server.records.get(recordId(n))!.keyVersion).toBe(2);
      expect(server.readAs(STAYING, recordId(n))).toEqual(server.expected(n));
    }
    expect(ended.count).toBe(1);
  });

  it("keeps to the kinds given: a health professional's background run renews and re-encrypts the medical key only", async () => {
    const server = new ModelServer(crypto);
    // The one who leaves held both kinds: both are due.
    server.addAccount(LEAVING, ['general', 'medical']);
    for (let n = 1; n <= 4; n++) server.add(n % 2 === 0 ? 'consultation' : 'person', n);
    server.revoke(LEAVING);
    const { client, settled } = setup(server, { kinds: ['medical'] });
    await client.resume();
    expect(await settled()).toEqual({ phase: 'finished', kinds: { medical: { done: 2, total: 2, failed: 0 } }, blocked: [] });
    expect(server.current).toEqual({ general: 1, medical: 2 });
    expect([2, 4].map((n) => server.records.get(recordId(n))!.keyVersion)).toEqual([2, 2]);
    expect([1, 3].map((n) => server.records.get(recordId(n))!.keyVersion)).toEqual([1, 1]);
    // Nothing of the general kind is asked of this client, and nothing is shown about it.
    const again = setup(server, { kinds: ['medical'] });
    await again.client.resume();
    expect(await again.settled()).toEqual({ phase: 'idle' });
  });

  it('resumes an unfinished pass on the next visit without publishing again, and says when nothing is due', async () => {
    const server = new ModelServer(crypto);
    for (let n = 1; n <= 5; n++) server.add('person', n);
    const first = setup(server);
    await first.client.revoke(LEAVING);
    await first.settled();
    // A device offline since before the rotation pushes a record under the old version.
    server.add('person', 6, 1);

    const next = setup(server);
    await next.client.resume();
    expect(await next.settled()).toMatchObject({ phase: 'finished', kinds: { general: { done: 6, total: 6 } } });
    expect(server.calls.filter((c) => c === 'publish')).toHaveLength(1);
    expect(server.current.general).toBe(2);
    expect(next.refreshes()).toBe(0);

    const idle = setup(server);
    await idle.client.resume();
    expect(idle.client.getState()).toEqual({ phase: 'idle' });
    expect(idle.views.map((v) => v.phase)).toEqual(['checking', 'idle']);
  });

  it('renews the keys once more when a second member is revoked while the first re-encryption runs', async () => {
    const server = new ModelServer(crypto);
    const second = '01900000-0000-7000-8000-0000000000d4';
    server.addAccount(second, ['general']);
    for (let n = 1; n <= 4; n++) server.add('person', n);
    const { client, settled } = setup(server);
    const page = server.page.bind(server);
    let revoked: Promise<void> | null = null;
    server.page = (...args) => {
      revoked ??= client.revoke(second);
      return page(...args);
    };
    await client.revoke(LEAVING);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await revoked;
    await expect.poll(() => server.current.general).toBe(3);
    expect(await settled()).toMatchObject({ phase: 'finished' });
    await expect.poll(() => [...server.records.values()].every((r) => r.keyVersion === 3)).toBe(true);
    expect(server.accounts.get(second)!.sealed.map((k) => k.version)).toEqual([1, 2]);
    expect(server.readAs(STAYING, recordId(4))).toEqual(server.expected(4));
  });

  it('reads the keys again when another administrator published first, and publishes the next version', async () => {
    const server = new ModelServer(crypto);
    server.add('person', 1);
    server.revoke(LEAVING);
    // status and keys go through, then the publication is refused as outdated once.
    server.faults = [null, null, null, 'outdated'];
    const { client, settled } = setup(server);
    await client.resume();
    expect(await settled()).toMatchObject({ phase: 'finished' });
    expect(server.calls.filter((c) => c === 'publish')).toHaveLength(2);
    expect(server.current.general).toBe(2);
    expect(server.readAs(STAYING, recordId(1))).toEqual(server.expected(1));
  });

  it('renews the session token for the Worker, and shows a refusal when it cannot be renewed', async () => {
    const server = new ModelServer(crypto);
    for (let n = 1; n <= 3; n++) server.add('person', n);
    let logins = 1;
    const renewed = setup(server, { renew: () => (server.token = `jeton-${++logins}`) });
    await renewed.client.revoke(LEAVING);
    // The token expires once the Worker runs.
    server.faults = [];
    const page = server.page.bind(server);
    let expired = false;
    server.page = (...args) => {
      if (!expired) {
        expired = true;
        server.token = 'jeton-expire';
      }
      return page(...args);
    };
    expect(await renewed.settled()).toMatchObject({ phase: 'finished' });
    expect(renewed.refreshes()).toBeGreaterThanOrEqual(2);

    const other = new ModelServer(crypto);
    other.add('person', 1);
    const refused = setup(other);
    await refused.client.revoke(LEAVING);
    other.token = 'jeton-revoque';
    expect(await refused.settled()).toEqual({ phase: 'failed', message: ERROR_MESSAGES.UNAUTHENTICATED });
  });

  it('leaves a kind it does not hold to another administrator, and shows the server refusing a revocation', async () => {
    const server = new ModelServer(crypto);
    server.add('person', 1);
    // The leaving member held the medical key too; this administrator does not.
    server.accounts.get(ADMIN)!.sealed = server.accounts.get(ADMIN)!.sealed.filter((k) => k.kind === 'general');
    server.accounts.get(LEAVING)!.sealed.push({ kind: 'medical', version: 1, sealed: server.accounts.get(LEAVING)!.sealed[0]!.sealed });
    server.accounts.get(ADMIN)!.kinds = ['general'];
    const { client, settled } = setup(server);
    await client.revoke(LEAVING);
    const end = await settled();
    // General is renewed and re-encrypted; medical waits for an administrator who holds it.
    expect(end).toMatchObject({ phase: 'finished', kinds: { general: { done: 1, total: 1 } }, blocked: ['medical'] });
    expect(server.current).toEqual({ general: 2, medical: 1 });

    await expect(client.revoke(ADMIN)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
