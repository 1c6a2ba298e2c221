import type { Team } from '@relais/core/protocol';
import { expect, it } from 'vitest';
import { addMember, call, createOrganisation, expectError, expectNothingWritten, uuid } from '../testing/fixtures.ts';
import { describeEachBackend } from '../testing/harness.ts';

describeEachBackend('teams', (t) => {
  it('admins create, rename and staff teams; members read them', async () => {
    const org = await createOrganisation(t.app);
    const member = await addMember(t.app, org);
    const id = uuid();
    const created = await call(t.app, 'POST', '/api/teams', { id, name: '  Maraude de jour ' }, { token: org.admin.token });
    expect(created.status).toBe(201);
    expect(created.json()).toEqual({ id, name: 'Maraude de jour', memberIds: [] });
    expect((await call(t.app, 'PATCH', `/api/teams/${id}`, { name: 'Maraude du soir' }, { token: org.admin.token })).json()).toEqual({ id, name: 'Maraude du soir', memberIds: [] });
    const staffed = await call(t.app, 'PUT', `/api/teams/${id}/members`, { memberIds: [member.userId, org.admin.userId, member.userId] }, { token: org.admin.token });
    expect(staffed.status).toBe(200);
    expect(staffed.json<Team>().memberIds).toEqual([member.userId, org.admin.userId].sort());
    const read = await call(t.app, 'GET', '/api/teams', undefined, { token: member.token });
    expect(read.json()).toEqual({ teams: [{ id, name: 'Maraude du soir', memberIds: [member.userId, org.admin.userId].sort() }] });
    expect((await call(t.app, 'PUT', `/api/teams/${id}/members`, { memberIds: [] }, { token: org.admin.token })).json<Team>().memberIds).toEqual([]);
  });

  it('refuses non-admin writes, unknown and foreign ids, and bad input, writing nothing', async () => {
    const org = await createOrganisation(t.app);
    const member = await addMember(t.app, org);
    const other = await createOrganisation(t.app);
    const theirTeam = uuid();
    await call(t.app, 'POST', '/api/teams', { id: theirTeam, name: 'Ailleurs' }, { token: other.admin.token });
    const mine = uuid();
    await call(t.app, 'POST', '/api/teams', { id: mine, name: 'Ici' }, { token: org.admin.token });
    const token = org.admin.token;
    await expectNothingWritten(t.db, async () => {
      expectError(await call(t.app, 'POST', '/api/teams', { id: uuid(), name: 'X' }, { token: member.token }), 403, 'FORBIDDEN');
      expectError(await call(t.app, 'PATCH', `/api/teams/${mine}`, { name: 'X' }, { token: member.token }), 403, 'FORBIDDEN');
      expectError(await call(t.app, 'PUT', `/api/teams/${mine}/members`, { memberIds: [] }, { token: member.token }), 403, 'FORBIDDEN');
      expectError(await call(t.app, 'GET', '/api/teams'), 401, 'UNAUTHENTICATED');
      expectError(await call(t.app, 'POST', '/api/teams', { id: mine, name: 'Doublon' }, { token }), 409, 'ID_TAKEN');
      expectError(await call(t.app, 'PATCH', `/api/teams/${theirTeam}`, { name: 'Volée' }, { token }), 404, 'NOT_FOUND');
      expectError(await call(t.app, 'PATCH', `/api/teams/${uuid()}`, { name: 'X' }, { token }), 404, 'NOT_FOUND');
      expectError(await call(t.app, 'PUT', `/api/teams/${theirTeam}/members`, { memberIds: [] }, { token }), 404, 'NOT_FOUND');
      expectError(await call(t.app, 'PUT', `/api/teams/${mine}/members`, { memberIds: [other.admin.userId] }, { token }), 404, 'NOT_FOUND');
      expectError(await call(t.app, 'PUT', `/api/teams/${mine}/members`, { memberIds: [uuid()] }, { token }), 404, 'NOT_FOUND');
      expectError(await call(t.app, 'PUT', `/api/teams/${mine}/members`, { memberIds: 'all' }, { token }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', '/api/teams', { id: uuid(), name: '   ' }, { token }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', '/api/teams', { id: 'team-1', name: 'X' }, { token }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', '/api/teams', { id: uuid(), name: 'x'.repeat(101) }, { token }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', '/api/teams', undefined, { token, raw: '{"id":' }), 400, 'MALFORMED_JSON');
      expectError(await call(t.app, 'PATCH', `/api/teams/${mine}`, { name: 'x'.repeat(300 * 1024) }, { token }), 413, 'BODY_TOO_LARGE');
      expectError(await call(t.app, 'PATCH', '/api/teams/zzz', { name: 'X' }, { token }), 400, 'VALIDATION_FAILED');
      // Valid JSON and valid for the schema, but PostgreSQL text cannot hold a NUL character.
      expectError(await call(t.app, 'POST', '/api/teams', { id: uuid(), name: 'Nuit\u0000' }, { token }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'PATCH', `/api/teams/${mine}`, { name: '\u0000' }, { token }), 400, 'VALIDATION_FAILED');
    });
    const read = await call(t.app, 'GET', '/api/teams', undefined, { token: other.admin.token });
    expect(read.json()).toEqual({ teams: [{ id: theirTeam, name: 'Ailleurs', memberIds: [] }] });
  });
});
