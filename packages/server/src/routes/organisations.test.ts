import { PROTOCOL_VERSION, type SessionResponse } from '@relais/core/protocol';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../testing/harness.ts';
import { call, createOrganisation, expectError, expectNothingWritten, organisationRequest, uniqueEmail, uuid } from '../testing/fixtures.ts';

describeEachBackend('POST /api/organisations', (t) => {
  it('creates the organisation, an active admin holding general v1 only, and a session', async () => {
    const { request } = organisationRequest();
    const reply = await call(t.app, 'POST', '/api/organisations', request);
    expect(reply.status).toBe(201);
    const { session, me } = reply.json<SessionResponse>();
    expect(session.token.startsWith(`${request.organisation.id}.`)).toBe(true);
    expect(Date.parse(session.expiresAt) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(me.user).toMatchObject({ id: request.user.id, email: request.user.email, role: 'admin', status: 'active', publicKey: request.credentials.publicKey });
    expect(me.organisation).toEqual({ id: request.organisation.id, name: request.organisation.name });
    expect(me.kdf).toEqual(request.credentials.kdf);
    expect(me.wrappedPrivateKey).toBe(request.credentials.wrappedPrivateKey);
    expect(me.keys.map((k) => [k.kind, k.version, k.sealed]).sort()).toEqual(request.keys.map((k) => [k.kind, k.version, k.sealed]).sort());
    expect(me.teams).toEqual([]);
    const keys = await t.db.selectFrom('org_keys').select(['kind', 'version']).where('organisation_id', '=', request.organisation.id).orderBy('kind').execute();
    // The creator is not a health professional: no medical key exists yet (decision 017).
    expect(keys).toEqual([{ kind: 'general', version: 1 }]);
    expect(me.keys.map((k) => k.kind)).toEqual(['general']);
    expect(me.user.healthProfessional).toBe(false);
    // Only hashes of the auth keys and of the session token are stored.
    const user = await t.db.selectFrom('users').selectAll().where('id', '=', request.user.id).executeTakeFirstOrThrow();
    expect(user.auth_hash).not.toContain(request.credentials.authKey);
    expect(user.auth_hash.startsWith('scrypt$')).toBe(true);
    expect(user.recovery_auth_hash).not.toContain(request.recovery.authKey);
    const secret = session.token.split('.')[1]!;
    const sessions = await t.db.selectFrom('sessions').select('token_hash').where('organisation_id', '=', request.organisation.id).execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.token_hash.toString('base64url')).not.toBe(secret);
  });

  it('creates medical v1 sealed to a creator who declares being a health professional, and refuses mismatched keys', async () => {
    const { request } = organisationRequest({ healthProfessional: true });
    const reply = await call(t.app, 'POST', '/api/organisations', request);
    expect(reply.status).toBe(201);
    const { me } = reply.json<SessionResponse>();
    expect(me.user).toMatchObject({ role: 'admin', healthProfessional: true });
    expect(me.keys.map((k) => [k.kind, k.version])).toEqual([['general', 1], ['medical', 1]]);
    const keys = await t.db.selectFrom('org_keys').select(['kind', 'version']).where('organisation_id', '=', request.organisation.id).orderBy('kind').execute();
    expect(keys).toEqual([{ kind: 'general', version: 1 }, { kind: 'medical', version: 1 }]);

    await expectNothingWritten(t.db, async () => {
      // A medical key for a creator who is not a health professional, or none for one who is.
      const notHealth = organisationRequest();
      const withMedical = { ...notHealth.request, keys: [...notHealth.request.keys, { kind: 'medical' as const, version: 1, sealed: notHealth.request.keys[0]!.sealed }] };
      expectError(await call(t.app, 'POST', '/api/organisations', withMedical), 400, 'VALIDATION_FAILED');
      const health = organisationRequest({ healthProfessional: true });
      const withoutMedical = { ...health.request, keys: health.request.keys.filter((k) => k.kind === 'general') };
      expectError(await call(t.app, 'POST', '/api/organisations', withoutMedical), 400, 'VALIDATION_FAILED');
    });
  });

  it('health says the instance is no longer fresh', async () => {
    await createOrganisation(t.app);
    const reply = await call(t.app, 'GET', '/api/health');
    expect(reply.json()).toEqual({ status: 'ok', protocol: PROTOCOL_VERSION, fresh: false });
  });

  it('answers 409 ID_TAKEN for an existing organisation id and writes nothing', async () => {
    const existing = await createOrganisation(t.app);
    const { request } = organisationRequest({ orgId: existing.id });
    await expectNothingWritten(t.db, async () => {
      expectError(await call(t.app, 'POST', '/api/organisations', request), 409, 'ID_TAKEN');
    });
  });

  it('answers 409 EMAIL_TAKEN for an e-mail used anywhere on the instance and writes nothing', async () => {
    const existing = await createOrganisation(t.app);
    const { request } = organisationRequest({ email: existing.admin.email.toUpperCase() });
    await expectNothingWritten(t.db, async () => {
      expectError(await call(t.app, 'POST', '/api/organisations', request), 409, 'EMAIL_TAKEN');
    });
  });

  it('refuses bad input with a stable 4xx code and writes nothing', async () => {
    const good = organisationRequest().request;
    const cases: [string, () => Promise<Awaited<ReturnType<typeof call>>>, number, string][] = [
      ['malformed JSON', () => call(t.app, 'POST', '/api/organisations', undefined, { raw: '{"organisation": ' }), 400, 'MALFORMED_JSON'],
      ['empty body', () => call(t.app, 'POST', '/api/organisations', undefined, { raw: '' }), 400, 'MALFORMED_JSON'],
      ['not JSON', () => call(t.app, 'POST', '/api/organisations', undefined, { raw: 'hello', headers: { 'content-type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['wrong types', () => call(t.app, 'POST', '/api/organisations', { ...good, organisation: { id: 42, name: ['x'] } }), 400, 'VALIDATION_FAILED'],
      ['bad uuid', () => call(t.app, 'POST', '/api/organisations', { ...good, user: { ...good.user, id: 'not-a-uuid' } }), 400, 'VALIDATION_FAILED'],
      ['bad base64', () => call(t.app, 'POST', '/api/organisations', { ...good, credentials: { ...good.credentials, authKey: 'éé==' } }), 400, 'VALIDATION_FAILED'],
      ['bad email', () => call(t.app, 'POST', '/api/organisations', { ...good, user: { ...good.user, email: 'nobody' } }), 400, 'VALIDATION_FAILED'],
      ['keys of the wrong kinds', () => call(t.app, 'POST', '/api/organisations', { ...good, keys: [good.keys[0], good.keys[0]] }), 400, 'VALIDATION_FAILED'],
      ['keys of version 2', () => call(t.app, 'POST', '/api/organisations', { ...good, keys: good.keys.map((k) => ({ ...k, version: 2 })) }), 400, 'VALIDATION_FAILED'],
      ['array body', () => call(t.app, 'POST', '/api/organisations', [good]), 400, 'VALIDATION_FAILED'],
      ['NUL in a name', () => call(t.app, 'POST', '/api/organisations', { ...good, organisation: { ...good.organisation, name: 'Asso\u0000ciation' } }), 400, 'VALIDATION_FAILED'],
      ['prototype pollution', () => call(t.app, 'POST', '/api/organisations', undefined, { raw: '{"__proto__": {"x": 1}}' }), 400, 'MALFORMED_JSON'],
      ['oversized body', () => call(t.app, 'POST', '/api/organisations', { ...good, padding: 'x'.repeat(300 * 1024) }), 413, 'BODY_TOO_LARGE'],
    ];
    await expectNothingWritten(t.db, async () => {
      for (const [label, run, status, code] of cases) {
        const reply = await run();
        expect({ label, status: reply.status, code: reply.code }).toEqual({ label, status, code });
      }
    });
  });

  it('never echoes rejected values in a validation error', async () => {
    const good = organisationRequest().request;
    const secretish = `${uuid()}-not-an-email`;
    const reply = await call(t.app, 'POST', '/api/organisations', { ...good, user: { ...good.user, email: secretish } });
    expectError(reply, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(reply.body)).not.toContain(secretish);
    expect(reply.json<{ error: { details: unknown } }>().error.details).toEqual({ in: 'body', issues: [{ path: '/user/email', code: 'invalid_format' }] });
  });

  it('keeps e-mails case-insensitive and trimmed', async () => {
    const email = uniqueEmail('Case');
    const { request } = organisationRequest({ email: `  ${email.toUpperCase()} ` });
    const reply = await call(t.app, 'POST', '/api/organisations', request);
    expect(reply.status).toBe(201);
    expect(reply.json<SessionResponse>().me.user.email).toBe(email.toLowerCase());
  });
});
