import type { Me, SessionResponse } from '@relais/core/protocol';
import { expect, it } from 'vitest';
import { addMember, call, createOrganisation, expectError, expectNothingWritten, makeCredentials, uniqueEmail, uuid } from '../testing/fixtures.ts';
import { describeEachBackend } from '../testing/harness.ts';

describeEachBackend('invitations', (t) => {
  const invite = async (token: string, body: Record<string, unknown> = {}) =>
    call(t.app, 'POST', '/api/invitations', { email: uniqueEmail('invitee'), role: 'member', ...body }, { token });

  it('runs the whole flow: invite, open, accept (pending, no keys), confirm, active', async () => {
    // An administrator who is a health professional holds the medical key and may seal it at confirmation.
    const org = await createOrganisation(t.app, { healthProfessional: true });
    const team = uuid();
    expect((await call(t.app, 'POST', '/api/teams', { id: team, name: 'Équipe de nuit' }, { token: org.admin.token })).status).toBe(201);
    const email = uniqueEmail('nurse');
    const created = await invite(org.admin.token, { email, role: 'member', healthProfessional: true, teamIds: [team] });
    expect(created.status).toBe(201);
    const { invitation, secret } = created.json<{ invitation: { id: string; expiresAt: string }; secret: string }>();
    expect(invitation).toMatchObject({ email, role: 'member', healthProfessional: true, teamIds: [team] });
    const days = (Date.parse(invitation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
    // Only a hash of the secret is stored.
    const stored = await t.db.selectFrom('invitations').selectAll().where('id', '=', invitation.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(secret.split('.')[1]);

    const listed = await call(t.app, 'GET', '/api/members', undefined, { token: org.admin.token });
    expect(listed.json<{ invitations: { id: string }[] }>().invitations.map((i) => i.id)).toEqual([invitation.id]);

    const opened = await call(t.app, 'POST', `/api/invitations/${invitation.id}/open`, { secret });
    expect(opened.status).toBe(200);
    expect(opened.json()).toEqual({ organisationName: org.name, email, role: 'member' });

    const credentials = makeCredentials();
    const userId = uuid();
    const accepted = await call(t.app, 'POST', `/api/invitations/${invitation.id}/accept`, { secret, user: { id: userId, name: 'Alix Infirmière' }, credentials: credentials.request });
    expect(accepted.status).toBe(201);
    const { session, me } = accepted.json<SessionResponse>();
    expect(me.user).toMatchObject({ id: userId, email, status: 'pending', role: 'member', healthProfessional: true, publicKey: credentials.request.publicKey });
    expect(me.keys).toEqual([]);

    // Used once: a second acceptance or opening is refused.
    expectError(await call(t.app, 'POST', `/api/invitations/${invitation.id}/open`, { secret }), 410, 'INVITATION_INVALID');
    expectError(await call(t.app, 'POST', `/api/invitations/${invitation.id}/accept`, { secret, user: { id: uuid(), name: 'X' }, credentials: makeCredentials().request }), 410, 'INVITATION_INVALID');

    const keys = [
      { kind: 'general', version: 1, sealed: Buffer.alloc(80, 1).toString('base64') },
      { kind: 'medical', version: 1, sealed: Buffer.alloc(80, 2).toString('base64') },
    ];
    const confirmed = await call(t.app, 'POST', `/api/members/${userId}/confirm`, { keys }, { token: org.admin.token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json()).toMatchObject({ id: userId, status: 'active' });
    const after = (await call(t.app, 'GET', '/api/me', undefined, { token: session.token })).json<Me>();
    expect(after.keys).toEqual(keys);
    expect(after.teams).toEqual([{ id: team, name: 'Équipe de nuit', memberIds: [userId] }]);
    expect((await call(t.app, 'POST', '/api/auth/login', { email, authKey: credentials.authKey })).status).toBe(200);
  });

  it('refuses wrong secrets, expired and withdrawn invitations with the same answer', async () => {
    const org = await createOrganisation(t.app);
    const a = (await invite(org.admin.token)).json<{ invitation: { id: string }; secret: string }>();
    const b = (await invite(org.admin.token)).json<{ invitation: { id: string }; secret: string }>();
    const other = await createOrganisation(t.app);
    const c = (await invite(other.admin.token)).json<{ invitation: { id: string }; secret: string }>();
    await expectNothingWritten(t.db, async () => {
      for (const [id, secret] of [
        [a.invitation.id, b.secret],
        [a.invitation.id, `${org.id}.${'A'.repeat(43)}`],
        [a.invitation.id, 'x'.repeat(40)],
        [uuid(), a.secret],
        // Another organisation's invitation with its own secret but this organisation's id prefix.
        [c.invitation.id, `${org.id}.${c.secret.split('.')[1]}`],
      ] as const) {
        expectError(await call(t.app, 'POST', `/api/invitations/${id}/open`, { secret }), 410, 'INVITATION_INVALID');
        expectError(await call(t.app, 'POST', `/api/invitations/${id}/accept`, { secret, user: { id: uuid(), name: 'X' }, credentials: makeCredentials().request }), 410, 'INVITATION_INVALID');
      }
    });
    await t.db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', a.invitation.id).execute();
    expectError(await call(t.app, 'POST', `/api/invitations/${a.invitation.id}/open`, { secret: a.secret }), 410, 'INVITATION_INVALID');

    expect((await call(t.app, 'DELETE', `/api/invitations/${b.invitation.id}`, undefined, { token: org.admin.token })).status).toBe(204);
    expectError(await call(t.app, 'POST', `/api/invitations/${b.invitation.id}/open`, { secret: b.secret }), 410, 'INVITATION_INVALID');
    expectError(await call(t.app, 'DELETE', `/api/invitations/${b.invitation.id}`, undefined, { token: org.admin.token }), 404, 'NOT_FOUND');
  });

  it('only admins invite, list and withdraw; another organisation\'s invitation is not found', async () => {
    const org = await createOrganisation(t.app);
    const member = await addMember(t.app, org);
    const other = await createOrganisation(t.app);
    const theirs = (await invite(other.admin.token)).json<{ invitation: { id: string } }>();
    await expectNothingWritten(t.db, async () => {
      expectError(await invite(member.token), 403, 'FORBIDDEN');
      expectError(await call(t.app, 'GET', '/api/members', undefined, { token: member.token }), 403, 'FORBIDDEN');
      expectError(await call(t.app, 'DELETE', `/api/invitations/${theirs.invitation.id}`, undefined, { token: member.token }), 403, 'FORBIDDEN');
      expectError(await call(t.app, 'DELETE', `/api/invitations/${theirs.invitation.id}`, undefined, { token: org.admin.token }), 404, 'NOT_FOUND');
      expectError(await invite(''), 401, 'UNAUTHENTICATED');
    });
  });

  it('refuses bad input with 4xx and writes nothing', async () => {
    const org = await createOrganisation(t.app);
    const other = await createOrganisation(t.app);
    const otherTeam = uuid();
    await call(t.app, 'POST', '/api/teams', { id: otherTeam, name: 'Ailleurs' }, { token: other.admin.token });
    const { invitation, secret } = (await invite(org.admin.token)).json<{ invitation: { id: string }; secret: string }>();
    await expectNothingWritten(t.db, async () => {
      const token = org.admin.token;
      expectError(await call(t.app, 'POST', '/api/invitations', undefined, { token, raw: '{"email"' }), 400, 'MALFORMED_JSON');
      expectError(await invite(token, { role: 'boss' }), 400, 'VALIDATION_FAILED');
      expectError(await invite(token, { email: 'nope' }), 400, 'VALIDATION_FAILED');
      expectError(await invite(token, { teamIds: ['not-a-uuid'] }), 400, 'VALIDATION_FAILED');
      expectError(await invite(token, { teamIds: [uuid()] }), 404, 'NOT_FOUND');
      expectError(await invite(token, { teamIds: [otherTeam] }), 404, 'NOT_FOUND');
      expectError(await invite(token, { email: other.admin.email }), 409, 'EMAIL_TAKEN');
      expectError(await invite(token, { pad: 'x'.repeat(300 * 1024) }), 413, 'BODY_TOO_LARGE');
      expectError(await call(t.app, 'DELETE', '/api/invitations/not-a-uuid', undefined, { token }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', `/api/invitations/${invitation.id}/open`, { secret: 12 }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', `/api/invitations/${invitation.id}/accept`, { secret, user: { id: uuid() }, credentials: makeCredentials().request }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', `/api/invitations/${invitation.id}/accept`, { secret, user: { id: uuid(), name: 'X' }, credentials: { ...makeCredentials().request, kdf: { algorithm: 'md5' } } }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', `/api/invitations/${invitation.id}/accept`, undefined, { raw: '{' }), 400, 'MALFORMED_JSON');
    });
  });

  it('answers 409 when the user id or the e-mail was taken in the meantime, leaving the invitation usable', async () => {
    const org = await createOrganisation(t.app);
    const { invitation, secret } = (await invite(org.admin.token)).json<{ invitation: { id: string }; secret: string }>();
    await expectNothingWritten(t.db, async () => {
      const reply = await call(t.app, 'POST', `/api/invitations/${invitation.id}/accept`, { secret, user: { id: org.admin.userId, name: 'X' }, credentials: makeCredentials().request });
      expectError(reply, 409, 'ID_TAKEN');
    });
    const email = uniqueEmail('race');
    const raced = (await invite(org.admin.token, { email })).json<{ invitation: { id: string }; secret: string }>();
    const again = (await invite(org.admin.token, { email })).json<{ invitation: { id: string }; secret: string }>();
    expect((await call(t.app, 'POST', `/api/invitations/${raced.invitation.id}/accept`, { secret: raced.secret, user: { id: uuid(), name: 'A' }, credentials: makeCredentials().request })).status).toBe(201);
    expectError(await call(t.app, 'POST', `/api/invitations/${again.invitation.id}/accept`, { secret: again.secret, user: { id: uuid(), name: 'B' }, credentials: makeCredentials().request }), 409, 'EMAIL_TAKEN');
    expect((await call(t.app, 'POST', `/api/invitations/${invitation.id}/accept`, { secret, user: { id: uuid(), name: 'C' }, credentials: makeCredentials().request })).status).toBe(201);
  });
});
