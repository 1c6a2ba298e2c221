// Two server processes on one real PostgreSQL database, two clients each talking to a different
// one: sessions, sequences, rate limits and migrations live in the database, so it all works.
import { PROTOCOL_VERSION, type PullResponse, type PushResponse, type SessionResponse } from '@relais/core/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, makeCredentials, newChange, organisationRequest, randomB64, sealed, uniqueEmail, uuid } from './testing/fixtures.ts';
import { createTemporaryDatabase, type TemporaryDatabase } from './testing/postgres.ts';
import { freePort, http, ServerProcess } from './testing/process.ts';

describe('two server processes on one PostgreSQL [postgres]', () => {
  let database: TemporaryDatabase;
  let one: ServerProcess;
  let two: ServerProcess;

  beforeAll(async () => {
    database = await createTemporaryDatabase();
    // Started together on an empty database: both migrate, under the advisory lock.
    const env = { DATABASE_URL: database.url, WEB_DIST: '/nonexistent' };
    one = new ServerProcess(await freePort(), env);
    two = new ServerProcess(await freePort(), env);
    await Promise.all([one.ready(), two.ready()]);
  });

  afterAll(async () => {
    await Promise.allSettled([one?.stop(), two?.stop()]);
    await database?.drop();
  });

  it('syncs two clients through different servers, and both stop cleanly', { timeout: 120_000 }, async () => {
    // Client A (the admin) talks to server one, client B (the member) to server two.
    const A = one.url;
    const B = two.url;
    const { request } = organisationRequest();
    const created = await http<SessionResponse>(A, 'POST', '/api/organisations', request);
    expect(created.status).toBe(201);
    const admin = created.body.session.token;
    expect((await http(B, 'GET', '/api/health')).body).toEqual({ status: 'ok', protocol: PROTOCOL_VERSION, fresh: false });

    const email = uniqueEmail('b');
    const invited = await http<{ invitation: { id: string }; secret: string }>(A, 'POST', '/api/invitations', { email, role: 'member' }, admin);
    expect(invited.status).toBe(201);
    const memberId = uuid();
    const credentials = makeCredentials();
    const accepted = await http<SessionResponse>(B, 'POST', `/api/invitations/${invited.body.invitation.id}/accept`, {
      secret: invited.body.secret,
      user: { id: memberId, name: 'Client B' },
      credentials: credentials.request,
    });
    expect(accepted.status).toBe(201);
    const member = accepted.body.session.token;
    expect((await http(A, 'POST', `/api/members/${memberId}/confirm`, { keys: [{ kind: 'general', version: 1, sealed: sealed() }] }, admin)).status).toBe(200);

    // A pushes through one; B pulls through two.
    const records = Array.from({ length: 3 }, () => newChange());
    const pushedA = await http<PushResponse>(A, 'POST', '/api/sync/push', { protocol: PROTOCOL_VERSION, changes: records }, admin);
    expect(pushedA.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const pulledB = await http<PullResponse>(B, 'GET', '/api/sync/pull?since=0', undefined, member);
    expect(pulledB.body.changes.map((c) => c.id)).toEqual(records.map((r) => r.id));

    // B edits one through two; A pulls through one from its cursor and sees only that.
    const edit = newChange({ id: records[1]!.id, baseVersion: 1 });
    const pushedB = await http<PushResponse>(B, 'POST', '/api/sync/push', { protocol: PROTOCOL_VERSION, changes: [edit] }, member);
    expect(pushedB.body.results[0]).toMatchObject({ status: 'accepted', version: 2, seq: 4 });
    const pulledA = await http<PullResponse>(A, 'GET', '/api/sync/pull?since=3', undefined, admin);
    expect(pulledA.body.changes).toMatchObject([{ id: edit.id, version: 2, seq: 4, authorId: memberId, ciphertext: edit.ciphertext }]);

    // A's stale edit through one conflicts with B's version; the retry through two answers the same.
    const stale = newChange({ id: records[1]!.id, baseVersion: 1, ciphertext: envelope(1) });
    const conflict = await http<PushResponse>(A, 'POST', '/api/sync/push', { protocol: PROTOCOL_VERSION, changes: [stale] }, admin);
    expect(conflict.body.results[0]).toMatchObject({ status: 'conflict', current: { version: 2, ciphertext: edit.ciphertext } });
    const retried = await http<PushResponse>(B, 'POST', '/api/sync/push', { protocol: PROTOCOL_VERSION, changes: [edit] }, member);
    expect(retried.body).toEqual(pushedB.body);

    // A session opened on one ends on two.
    const login = await http<SessionResponse>(A, 'POST', '/api/auth/login', { email, authKey: credentials.authKey });
    expect(login.status).toBe(200);
    expect((await http(B, 'POST', '/api/auth/logout', undefined, login.body.session.token)).status).toBe(204);
    expect((await http(A, 'GET', '/api/me', undefined, login.body.session.token)).status).toBe(401);

    // Login failures count on both servers together.
    for (let i = 0; i < 10; i++) {
      expect((await http(i % 2 === 0 ? A : B, 'POST', '/api/auth/login', { email, authKey: randomB64(32) })).status).toBe(401);
    }
    expect((await http(A, 'POST', '/api/auth/login', { email, authKey: credentials.authKey })).status).toBe(429);
    expect((await http(B, 'POST', '/api/auth/login', { email, authKey: credentials.authKey })).status).toBe(429);

    const [stopOne, stopTwo] = await Promise.all([one.stop(), two.stop()]);
    expect(stopOne).toEqual({ code: 0, signal: null });
    expect(stopTwo).toEqual({ code: 0, signal: null });

    // Neither log holds a token, an auth key, a ciphertext or a request body.
    const logs = [...one.lines, ...two.lines].join('\n');
    expect(logs).toContain('request completed');
    for (const secret of [admin.split('.')[1]!, member.split('.')[1]!, credentials.authKey, records[0]!.ciphertext, edit.ciphertext, invited.body.secret.split('.')[1]!]) {
      expect(logs).not.toContain(secret);
    }
  });
});
