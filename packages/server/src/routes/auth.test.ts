import type { Me, SessionResponse } from '@relais/core/protocol';
import { expect, it } from 'vitest';
import { addMember, call, createOrganisation, expectError, expectNothingWritten, randomB64, uniqueEmail } from '../testing/fixtures.ts';
import { describeEachBackend } from '../testing/harness.ts';

describeEachBackend('prelogin, login, logout, me', (t) => {
  it('prelogin returns the account KDF, and a stable real-looking one for unknown e-mails', async () => {
    const org = await createOrganisation(t.app);
    const known = await call(t.app, 'POST', '/api/auth/prelogin', { email: org.admin.email });
    expect(known.status).toBe(200);
    expect(known.json()).toEqual({ kdf: org.admin.credentials.request.kdf });

    const email = uniqueEmail('nobody');
    const first = await call(t.app, 'POST', '/api/auth/prelogin', { email });
    const second = await call(t.app, 'POST', '/api/auth/prelogin', { email: ` ${email.toUpperCase()}` });
    const other = await call(t.app, 'POST', '/api/auth/prelogin', { email: uniqueEmail('nobody') });
    expect(first.status).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect(other.json()).not.toEqual(first.json());
    const fake = first.json<{ kdf: { salt: string; opsLimit: number; memLimitBytes: number; algorithm: string } }>().kdf;
    expect(Buffer.from(fake.salt, 'base64')).toHaveLength(16);
    expect({ ...fake, salt: '' }).toEqual({ algorithm: 'argon2id13', salt: '', opsLimit: 3, memLimitBytes: 64 * 1024 * 1024 });
  });

  it('logs in with the auth key, serves /api/me, and logs out', async () => {
    const org = await createOrganisation(t.app);
    const login = await call(t.app, 'POST', '/api/auth/login', { email: org.admin.email.toUpperCase(), authKey: org.admin.credentials.authKey });
    expect(login.status).toBe(200);
    const { session, me } = login.json<SessionResponse>();
    expect(session.token).not.toBe(org.admin.token);
    expect(me.user.id).toBe(org.admin.userId);
    const current = await call(t.app, 'GET', '/api/me', undefined, { token: session.token });
    expect(current.status).toBe(200);
    expect(current.json<Me>()).toEqual(me);

    const logout = await call(t.app, 'POST', '/api/auth/logout', undefined, { token: session.token });
    expect(logout.status).toBe(204);
    expectError(await call(t.app, 'GET', '/api/me', undefined, { token: session.token }), 401, 'UNAUTHENTICATED');
    expectError(await call(t.app, 'POST', '/api/auth/logout', undefined, { token: session.token }), 401, 'UNAUTHENTICATED');
    // The other session is untouched.
    expect((await call(t.app, 'GET', '/api/me', undefined, { token: org.admin.token })).status).toBe(200);
  });

  it('refuses a wrong auth key or an unknown e-mail with the same answer', async () => {
    const org = await createOrganisation(t.app);
    await expectNothingWritten(
      t.db,
      async () => {
        expectError(await call(t.app, 'POST', '/api/auth/login', { email: org.admin.email, authKey: randomB64(32) }), 401, 'INVALID_CREDENTIALS');
        expectError(await call(t.app, 'POST', '/api/auth/login', { email: uniqueEmail(), authKey: randomB64(32) }), 401, 'INVALID_CREDENTIALS');
      },
      ['login_attempts'],
    );
  });

  it('refuses missing, malformed, forged and expired tokens with 401', async () => {
    const org = await createOrganisation(t.app);
    expectError(await call(t.app, 'GET', '/api/me'), 401, 'UNAUTHENTICATED');
    expectError(await call(t.app, 'GET', '/api/me', undefined, { headers: { authorization: 'Basic abc' } }), 401, 'UNAUTHENTICATED');
    expectError(await call(t.app, 'GET', '/api/me', undefined, { token: 'garbage' }), 401, 'UNAUTHENTICATED');
    expectError(await call(t.app, 'GET', '/api/me', undefined, { token: `${org.id}.${'A'.repeat(43)}` }), 401, 'UNAUTHENTICATED');
    // The right secret presented with another organisation's id finds nothing.
    const other = await createOrganisation(t.app);
    const secret = org.admin.token.split('.')[1]!;
    expectError(await call(t.app, 'GET', '/api/me', undefined, { token: `${other.id}.${secret}` }), 401, 'UNAUTHENTICATED');

    await t.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('organisation_id', '=', org.id).execute();
    expectError(await call(t.app, 'GET', '/api/me', undefined, { token: org.admin.token }), 401, 'UNAUTHENTICATED');
  });

  it('slides the expiry of a session that is used', async () => {
    const org = await createOrganisation(t.app);
    const soon = new Date(Date.now() + 3 * 86_400_000);
    await t.db.updateTable('sessions').set({ expires_at: soon }).where('organisation_id', '=', org.id).execute();
    expect((await call(t.app, 'GET', '/api/me', undefined, { token: org.admin.token })).status).toBe(200);
    const row = await t.db.selectFrom('sessions').select('expires_at').where('organisation_id', '=', org.id).executeTakeFirstOrThrow();
    expect(row.expires_at.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });

  it('lets a pending member read /api/me and nothing of the organisation', async () => {
    const org = await createOrganisation(t.app);
    const pending = await addMember(t.app, org, { confirm: false });
    const me = await call(t.app, 'GET', '/api/me', undefined, { token: pending.token });
    expect(me.status).toBe(200);
    expect(me.json<Me>()).toMatchObject({ user: { status: 'pending' }, keys: [], teams: [], colleagues: [] });
    expectError(await call(t.app, 'GET', '/api/teams', undefined, { token: pending.token }), 403, 'MEMBER_NOT_ACTIVE');
    expectError(await call(t.app, 'GET', '/api/sync/pull', undefined, { token: pending.token }), 403, 'MEMBER_NOT_ACTIVE');
  });

  it('refuses bad input on prelogin and login with 4xx and writes nothing', async () => {
    await expectNothingWritten(t.db, async () => {
      for (const url of ['/api/auth/prelogin', '/api/auth/login']) {
        expectError(await call(t.app, 'POST', url, undefined, { raw: '{' }), 400, 'MALFORMED_JSON');
        expectError(await call(t.app, 'POST', url, { email: 12 }), 400, 'VALIDATION_FAILED');
        expectError(await call(t.app, 'POST', url, { email: 'x'.repeat(300 * 1024) }), 413, 'BODY_TOO_LARGE');
        expectError(await call(t.app, 'POST', url, undefined, { raw: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
      }
      expectError(await call(t.app, 'POST', '/api/auth/login', { email: uniqueEmail(), authKey: 'short' }), 400, 'VALIDATION_FAILED');
    });
  });
});

describeEachBackend(
  'login rate limiting',
  (t) => {
    it('blocks an e-mail after 10 failures, even with the right key, and counts across addresses', async () => {
      const org = await createOrganisation(t.app);
      for (let i = 0; i < 10; i++) {
        const reply = await call(t.app, 'POST', '/api/auth/login', { email: org.admin.email, authKey: randomB64(32) }, { remoteAddress: `10.0.0.${i}` });
        expectError(reply, 401, 'INVALID_CREDENTIALS');
      }
      const blocked = await call(t.app, 'POST', '/api/auth/login', { email: org.admin.email, authKey: org.admin.credentials.authKey }, { remoteAddress: '10.0.1.1' });
      expectError(blocked, 429, 'RATE_LIMITED');
      // Another account is not affected.
      const other = await createOrganisation(t.app);
      expect((await call(t.app, 'POST', '/api/auth/login', { email: other.admin.email, authKey: other.admin.credentials.authKey })).status).toBe(200);
      // Once the window has passed, the right key works again and the failures are forgotten.
      await t.db.updateTable('login_attempts').set({ attempted_at: new Date(Date.now() - 16 * 60_000) }).execute();
      expect((await call(t.app, 'POST', '/api/auth/login', { email: org.admin.email, authKey: org.admin.credentials.authKey })).status).toBe(200);
    });

    it('blocks a client address after too many failures on any e-mail', async () => {
      const org = await createOrganisation(t.app);
      for (let i = 0; i < 5; i++) {
        expectError(await call(t.app, 'POST', '/api/auth/login', { email: uniqueEmail(), authKey: randomB64(32) }, { remoteAddress: '10.9.9.9' }), 401, 'INVALID_CREDENTIALS');
      }
      const blocked = await call(t.app, 'POST', '/api/auth/login', { email: org.admin.email, authKey: org.admin.credentials.authKey }, { remoteAddress: '10.9.9.9' });
      expectError(blocked, 429, 'RATE_LIMITED');
      expect((await call(t.app, 'POST', '/api/auth/login', { email: org.admin.email, authKey: org.admin.credentials.authKey }, { remoteAddress: '10.9.9.10' })).status).toBe(200);
    });

    it('stores no e-mail address in clear in the attempt table', async () => {
      const email = uniqueEmail('trace');
      await call(t.app, 'POST', '/api/auth/login', { email, authKey: randomB64(32) }, { remoteAddress: '10.7.7.7' });
      const rows = await t.db.selectFrom('login_attempts').selectAll().where('ip', '=', '10.7.7.7').execute();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(email);
    });
  },
  // The per-address limit lowered so the test does not spend 100 slow hashes; per-e-mail is the default.
  { rateLimits: { perIp: 5 } },
);
