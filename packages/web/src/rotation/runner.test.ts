// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { generateOrgKey } from '@relais/core/crypto/keys';
import type { KeyKind } from '@relais/core/protocol';
import type { RotationCursor } from '@relais/core/rotation/driver';
import type { FromWorker, StartParams } from './protocol.ts';
import { RETRY_FIRST_MS, RotationRunner, type RunnerEnv } from './runner.ts';
import { ADMIN, LEAVING, ModelServer, ORG, recordId, STAYING, testCrypto, type Crypto } from './test-support.ts';

let crypto: Crypto;
beforeAll(async () => {
  crypto = await testCrypto('rotation runner tests');
});

class MemoryCursors {
  readonly cursors = new Map<KeyKind, RotationCursor>();
  closed = 0;
  async load(kind: KeyKind) {
    return this.cursors.get(kind) ?? null;
  }
  async save(cursor: RotationCursor) {
    this.cursors.set(cursor.kind, structuredClone(cursor));
  }
  close() {
    this.closed += 1;
  }
}

/** A server after a revocation and a publication of general key version 2: `count` records still under version 1. */
function rotatedServer(count: number): ModelServer {
  const server = new ModelServer(crypto);
  for (let n = 1; n <= count; n++) server.add('person', n);
  server.revoke(LEAVING);
  server.installKey(generateOrgKey(crypto.random, 'general', 2));
  return server;
}

function setup(server: ModelServer) {
  const posted: FromWorker[] = [];
  const slept: number[] = [];
  const cursors = new MemoryCursors();
  const env: RunnerEnv = {
    primitives: async () => crypto.p,
    random: crypto.random,
    api: (token) => server.api(token),
    openStore: async () => cursors,
    sleep: async (ms) => {
      slept.push(ms);
    },
    post: (message) => posted.push(message),
  };
  const keys = server.keys.filter((k) => k.kind === 'general').map((k) => ({ ...k, key: k.key.slice() }));
  const params: StartParams = { userId: ADMIN, organisationId: ORG, keys, kinds: ['general'], token: server.token, apiBase: '' };
  return { runner: new RotationRunner(env), posted, slept, cursors, params, keys };
}

describe('RotationRunner', () => {
  it('re-encrypts every record under the new version through network failures, then zeroes its keys', async () => {
    const server = rotatedServer(7);
    // status ok, first page fails twice, then everything goes through except one rewrap.
    server.faults = [null, 'down', 'down', null, null, null, 'down'];
    const { runner, posted, slept, cursors, params, keys } = setup(server);
    runner.handle({ type: 'start', params });
    await runner.whenDone();

    expect(posted.at(-1)).toEqual({ type: 'finished', failed: 0 });
    expect(posted.filter((m) => m.type === 'offline')).toEqual([
      { type: 'offline', retryInMs: RETRY_FIRST_MS },
      { type: 'offline', retryInMs: RETRY_FIRST_MS * 2 },
      // A batch went through in between: the wait starts small again.
      { type: 'offline', retryInMs: RETRY_FIRST_MS },
    ]);
    expect(slept).toEqual([RETRY_FIRST_MS, RETRY_FIRST_MS * 2, RETRY_FIRST_MS]);
    const last = posted.filter((m) => m.type === 'progress').at(-1);
    expect(last).toEqual({ type: 'progress', progress: { kind: 'general', done: 7, total: 7, failed: 0 } });
    for (let n = 1; n <= 7; n++) {
      const record = server.records.get(recordId(n))!;
      expect(record.keyVersion).toBe(2);
      // Content unchanged, readable by the member who stays, with the new version.
      expect(server.readAs(STAYING, record.id)).toEqual(server.expected(n));
    }
    expect(cursors.cursors.get('general')).toMatchObject({ version: 2 });
    expect(cursors.closed).toBe(1);
    expect(keys.every((k) => k.key.every((byte) => byte === 0))).toBe(true);
  });

  it('waits for a renewed token when the server refuses the session, then goes on with it', async () => {
    const server = rotatedServer(3);
    const { runner, posted, params } = setup(server);
    server.token = 'jeton-2';
    runner.handle({ type: 'start', params });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(posted).toEqual([{ type: 'unauthenticated' }]);
    runner.handle({ type: 'token', token: 'jeton-2' });
    await runner.whenDone();
    expect(posted.at(-1)).toEqual({ type: 'finished', failed: 0 });
    expect([...server.records.values()].every((r) => r.keyVersion === 2)).toBe(true);
  });

  it('stops when a newer key version appears, and between batches when asked, never with keys zeroed mid-batch', async () => {
    const outdated = rotatedServer(2);
    outdated.faults = [null, null, 'outdated'];
    const first = setup(outdated);
    first.runner.handle({ type: 'start', params: first.params });
    await first.runner.whenDone();
    expect(first.posted.at(-1)).toMatchObject({ type: 'failed', code: 'ROTATION_OUTDATED' });
    expect(outdated.records.get(recordId(1))!.keyVersion).toBe(1);

    const server = rotatedServer(1200);
    const second = setup(server);
    // Asked to stop while the first page is on its way: that batch completes, sealed with whole keys.
    const page = server.page.bind(server);
    server.page = (...args) => {
      second.runner.handle({ type: 'stop' });
      return page(...args);
    };
    second.runner.handle({ type: 'start', params: second.params });
    await second.runner.whenDone();
    expect(second.posted.some((m) => m.type === 'finished')).toBe(false);
    const moved = [...server.records.values()].filter((r) => r.keyVersion === 2);
    expect(moved.length).toBe(500);
    for (const record of moved.slice(0, 20)) expect(server.readAs(ADMIN, record.id).fields).toEqual({ nom: expect.stringMatching(/^Personne /) });
    expect(second.keys.every((k) => k.key.every((byte) => byte === 0))).toBe(true);
  });
});
