import type { SessionResponse } from '@relais/core/protocol';
import { expect, it } from 'vitest';
import { addMember, call, createOrganisation, expectError, expectNothingWritten, makeCredentials, randomB64, sealed, uniqueEmail } from '../testing/fixtures.ts';
import { describeEachBackend } from '../testing/harness.ts';

describeEachBackend('account recovery', (t) => {
  it('opens the recovery envelope with the recovery auth key', async () => {
    const org = await createOrganisation(t.app);
    const reply = await call(t.app, 'POST', '/api/recovery/open', { email: org.admin.email, authKey: org.recoveryAuthKey });
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ userId: org.admin.userId, organisationId: org.id, wrappedKeys: org.recoveryWrappedKeys });
  });

  it('refuses a wrong recovery key, an unknown e-mail, the password key and an account without recovery code', async () => {
    const org = await createOrganisation(t.app);
    const member = await addMember(t.app, org);
    await expectNothingWritten(
      t.db,
      async () => {
        for (const body of [
          { email: org.admin.email, authKey: randomB64(32) },
          { email: uniqueEmail(), authKey: org.recoveryAuthKey },
          { email: org.admin.email, authKey: org.admin.credentials.authKey },
          { email: member.email, authKey: member.credentials.authKey },
        ]) {
          expectError(await call(t.app, 'POST', '/api/recovery/open', body), 401, 'RECOVERY_INVALID');
          expectError(await call(t.app, 'POST', '/api/recovery/reset', { ...body, credentials: makeCredentials().request, keys: [{ kind: 'general', version: 1, sealed: sealed() }] }), 401, 'RECOVERY_INVALID');
        }
      },
      ['login_attempts'],
    );
  });

  it('resets the credentials and sealed keys, ends the other sessions, and the new password logs in', async () => {
    const org = await createOrganisation(t.app, { healthProfessional: true });
    const fresh = makeCredentials();
    const keys = [
      { kind: 'general' as const, version: 1, sealed: sealed() },
      { kind: 'medical' as const, version: 1, sealed: sealed() },
    ];
    const reply = await call(t.app, 'POST', '/api/recovery/reset', { email: org.admin.email, authKey: org.recoveryAuthKey, credentials: fresh.request, keys });
    expect(reply.status).toBe(200);
    const { session, me } = reply.json<SessionResponse>();
    expect(me.user.publicKey).toBe(fresh.request.publicKey);
    expect(me.kdf).toEqual(fresh.request.kdf);
    expect(me.wrappedPrivateKey).toBe(fresh.request.wrappedPrivateKey);
    expect(me.keys).toEqual(keys);

    expectError(await call(t.app, 'GET', '/api/me', undefined, { token: org.admin.token }), 401, 'UNAUTHENTICATED');
    expect((await call(t.app, 'GET', '/api/me', undefined, { token: session.token })).status).toBe(200);
    expectError(await call(t.app, 'POST', '/api/auth/login', { email: org.admin.email, authKey: org.admin.credentials.authKey }), 401, 'INVALID_CREDENTIALS');
    expect((await call(t.app, 'POST', '/api/auth/login', { email: org.admin.email, authKey: fresh.authKey })).status).toBe(200);
    // The recovery code stays valid.
    expect((await call(t.app, 'POST', '/api/recovery/open', { email: org.admin.email, authKey: org.recoveryAuthKey })).status).toBe(200);
  });

  it('leaves out the medical key of a recovery keyring when the account is no longer a health professional', async () => {
    const org = await createOrganisation(t.app, { healthProfessional: true });
    const other = await addMember(t.app, org, { role: 'admin' });
    expect((await call(t.app, 'PATCH', `/api/members/${org.admin.userId}`, { healthProfessional: false }, { token: other.token })).status).toBe(200);
    const keys = [
      { kind: 'general' as const, version: 1, sealed: sealed() },
      { kind: 'medical' as const, version: 1, sealed: sealed() },
    ];
    const reply = await call(t.app, 'POST', '/api/recovery/reset', { email: org.admin.email, authKey: org.recoveryAuthKey, credentials: makeCredentials().request, keys });
    expect(reply.status).toBe(200);
    expect(reply.json<SessionResponse>().me.keys).toEqual([keys[0]]);
    const stored = await t.db.selectFrom('sealed_keys').select('kind').where('organisation_id', '=', org.id).where('user_id', '=', org.admin.userId).execute();
    expect(stored.map((row) => row.kind)).toEqual(['general']);
  });

  it('refuses invalid key sets without changing anything', async () => {
    const org = await createOrganisation(t.app);
    const base = { email: org.admin.email, authKey: org.recoveryAuthKey, credentials: makeCredentials().request };
    await expectNothingWritten(t.db, async () => {
      const general = { kind: 'general', version: 1, sealed: sealed() };
      expectError(await call(t.app, 'POST', '/api/recovery/reset', { ...base, keys: [{ ...general, version: 9 }] }), 400, 'KEY_VERSION_UNKNOWN');
      expectError(await call(t.app, 'POST', '/api/recovery/reset', { ...base, keys: [general, general] }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', '/api/recovery/reset', { ...base, keys: [{ ...general, kind: 'medical' }] }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', '/api/recovery/reset', { ...base, keys: [] }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', '/api/recovery/reset', { ...base, keys: 'x' }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', '/api/recovery/reset', undefined, { raw: '{"email":' }), 400, 'MALFORMED_JSON');
      expectError(await call(t.app, 'POST', '/api/recovery/open', undefined, { raw: '[' }), 400, 'MALFORMED_JSON');
      expectError(await call(t.app, 'POST', '/api/recovery/open', { email: org.admin.email }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', '/api/recovery/reset', { ...base, keys: [general], pad: 'x'.repeat(300 * 1024) }), 413, 'BODY_TOO_LARGE');
    });
  });

  it('is rate limited like login', async () => {
    const org = await createOrganisation(t.app);
    for (let i = 0; i < 10; i++) {
      expectError(await call(t.app, 'POST', '/api/recovery/open', { email: org.admin.email, authKey: randomB64(32) }), 401, 'RECOVERY_INVALID');
    }
    expectError(await call(t.app, 'POST', '/api/recovery/open', { email: org.admin.email, authKey: org.recoveryAuthKey }), 429, 'RATE_LIMITED');
  });
});
