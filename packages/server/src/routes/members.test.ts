import type { Me, Member } from '@relais/core/protocol';
import { expect, it } from 'vitest';
import { addMember, call, createOrganisation, expectError, expectNothingWritten, receiveMedicalKey, sealed, uuid } from '../testing/fixtures.ts';
import { describeEachBackend } from '../testing/harness.ts';

describeEachBackend('members', (t) => {
  it('lists members with their status for admins', async () => {
    const org = await createOrganisation(t.app);
    const active = await addMember(t.app, org, { role: 'restricted' });
    const pending = await addMember(t.app, org, { confirm: false });
    const reply = await call(t.app, 'GET', '/api/members', undefined, { token: org.admin.token });
    expect(reply.status).toBe(200);
    const { members, invitations } = reply.json<{ members: Member[]; invitations: unknown[] }>();
    expect(members.map((m) => [m.id, m.role, m.status])).toEqual([
      [org.admin.userId, 'admin', 'active'],
      [active.userId, 'restricted', 'active'],
      [pending.userId, 'member', 'pending'],
    ]);
    expect(invitations).toEqual([]);

    // Any active member knows who wrote what: the names of confirmed members, not of pending ones.
    const me = (await call(t.app, 'GET', '/api/me', undefined, { token: active.token })).json<Me>();
    const names = new Map(members.map((m) => [m.id, m.name]));
    expect(me.colleagues.map((c) => c.id).sort()).toEqual([org.admin.userId, active.userId].sort());
    for (const colleague of me.colleagues) expect(colleague.name).toBe(names.get(colleague.id));
  });

  it('confirms only pending members, with known key versions, medical only for health professionals', async () => {
    const org = await createOrganisation(t.app);
    const social = await addMember(t.app, org, { confirm: false });
    const general = { kind: 'general', version: 1, sealed: sealed() };
    const medical = { kind: 'medical', version: 1, sealed: sealed() };
    const confirm = (id: string, keys: unknown, token = org.admin.token) => call(t.app, 'POST', `/api/members/${id}/confirm`, { keys }, { token });
    await expectNothingWritten(t.db, async () => {
      expectError(await confirm(social.userId, [general, medical]), 400, 'VALIDATION_FAILED');
      expectError(await confirm(social.userId, [{ ...general, version: 2 }]), 400, 'KEY_VERSION_UNKNOWN');
      expectError(await confirm(social.userId, [general, general]), 400, 'VALIDATION_FAILED');
      expectError(await confirm(social.userId, []), 400, 'VALIDATION_FAILED');
      expectError(await confirm(social.userId, [{ ...general, sealed: 'not base64!' }]), 400, 'VALIDATION_FAILED');
      expectError(await confirm(social.userId, [{ ...general, kind: 'secret' }]), 400, 'VALIDATION_FAILED');
      expectError(await confirm(uuid(), [general]), 404, 'NOT_FOUND');
      expectError(await confirm('nope', [general]), 400, 'VALIDATION_FAILED');
      expectError(await confirm(org.admin.userId, [general]), 409, 'MEMBER_NOT_PENDING');
      expectError(await call(t.app, 'POST', `/api/members/${social.userId}/confirm`, undefined, { token: org.admin.token, raw: '{"keys": [' }), 400, 'MALFORMED_JSON');
      expectError(await call(t.app, 'POST', `/api/members/${social.userId}/confirm`, { keys: [general], pad: 'x'.repeat(300 * 1024) }, { token: org.admin.token }), 413, 'BODY_TOO_LARGE');
      expectError(await confirm(social.userId, [general], social.token), 403, 'MEMBER_NOT_ACTIVE');
    });
    expect((await confirm(social.userId, [general])).status).toBe(200);
    expectError(await confirm(social.userId, [general]), 409, 'MEMBER_NOT_PENDING');
    // No medical key exists yet (the creator is not a health professional): the administrator seals
    // the general key; the nurse's own device creates the medical key (decision 017).
    const nurse = await addMember(t.app, org, { confirm: false, healthProfessional: true });
    expectError(await confirm(nurse.userId, [general, medical]), 400, 'KEY_VERSION_UNKNOWN');
    expect((await confirm(nurse.userId, [general])).status).toBe(200);
    const kinds = async (token: string) => (await call(t.app, 'GET', '/api/me', undefined, { token })).json<Me>().keys.map((k) => k.kind);
    expect(await kinds(nurse.token)).toEqual(['general']);
    await receiveMedicalKey(t.app, org, nurse);
    expect(await kinds(nurse.token)).toEqual(['general', 'medical']);

    // Now that it exists, an administrator who does not hold it cannot seal it to anyone…
    const second = await addMember(t.app, org, { confirm: false, healthProfessional: true });
    await expectNothingWritten(t.db, async () => {
      expectError(await confirm(second.userId, [general, medical]), 403, 'FORBIDDEN');
    });
    // …while an administrator who is a health professional holding it may.
    expect((await call(t.app, 'PATCH', `/api/members/${nurse.userId}`, { role: 'admin' }, { token: org.admin.token })).status).toBe(200);
    expect((await confirm(second.userId, [general, medical], nurse.token)).status).toBe(200);
    expect(await kinds(second.token)).toEqual(['general', 'medical']);
  });

  it("never touches another organisation's members", async () => {
    const org = await createOrganisation(t.app);
    const other = await createOrganisation(t.app);
    const theirs = await addMember(t.app, other, { confirm: false });
    await expectNothingWritten(t.db, async () => {
      expectError(await call(t.app, 'POST', `/api/members/${theirs.userId}/confirm`, { keys: [{ kind: 'general', version: 1, sealed: sealed() }] }, { token: org.admin.token }), 404, 'NOT_FOUND');
      expectError(await call(t.app, 'PATCH', `/api/members/${theirs.userId}`, { role: 'admin' }, { token: org.admin.token }), 404, 'NOT_FOUND');
      expectError(await call(t.app, 'PATCH', `/api/members/${other.admin.userId}`, { role: 'stats' }, { token: org.admin.token }), 404, 'NOT_FOUND');
    });
  });

  it('changes roles and the health flag; a non-admin losing the flag loses the sealed medical key', async () => {
    const org = await createOrganisation(t.app);
    const nurse = await addMember(t.app, org, { healthProfessional: true });
    const patch = (body: unknown, token = org.admin.token) => call(t.app, 'PATCH', `/api/members/${nurse.userId}`, body, { token });
    const promoted = await patch({ role: 'restricted' });
    expect(promoted.status).toBe(200);
    expect(promoted.json()).toMatchObject({ id: nurse.userId, role: 'restricted', healthProfessional: true });
    expect((await patch({})).json()).toMatchObject({ role: 'restricted', healthProfessional: true });
    expect((await patch({ healthProfessional: false })).json()).toMatchObject({ role: 'restricted', healthProfessional: false });
    const me = (await call(t.app, 'GET', '/api/me', undefined, { token: nurse.token })).json<Me>();
    expect(me.keys.map((k) => k.kind)).toEqual(['general']);
    await expectNothingWritten(t.db, async () => {
      expectError(await patch({ role: 'king' }), 400, 'VALIDATION_FAILED');
      expectError(await patch({ healthProfessional: 'yes' }), 400, 'VALIDATION_FAILED');
      expectError(await patch(undefined), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'PATCH', `/api/members/${nurse.userId}`, undefined, { token: org.admin.token, raw: '{"role":}' }), 400, 'MALFORMED_JSON');
      expectError(await patch({ role: 'admin' }, nurse.token), 403, 'FORBIDDEN');
      expectError(await call(t.app, 'PATCH', `/api/members/${uuid()}`, { role: 'admin' }, { token: org.admin.token }), 404, 'NOT_FOUND');
      expectError(await call(t.app, 'PATCH', `/api/members/${nurse.userId}`, undefined, { token: org.admin.token, raw: 'role=admin', headers: { 'content-type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });
  });

  it('never demotes the last active administrator', async () => {
    const org = await createOrganisation(t.app);
    await expectNothingWritten(t.db, async () => {
      expectError(await call(t.app, 'PATCH', `/api/members/${org.admin.userId}`, { role: 'member' }, { token: org.admin.token }), 403, 'FORBIDDEN');
    });
    const second = await addMember(t.app, org, { role: 'admin' });
    expect((await call(t.app, 'PATCH', `/api/members/${org.admin.userId}`, { role: 'member' }, { token: second.token })).status).toBe(200);
    expectError(await call(t.app, 'GET', '/api/members', undefined, { token: org.admin.token }), 403, 'FORBIDDEN');
  });
});
