import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MEDICAL_COLLECTIONS } from '@relais/core/collections';
import { PROTOCOL_VERSION, type MedicalKeyState, type RotationStatus } from '@relais/core/protocol';
import { beforeAll, expect, it } from 'vitest';
import {
  addMember,
  call,
  createOrganisation,
  envelope,
  makeCredentials,
  newChange,
  organisationRequest,
  sealed,
  uniqueEmail,
  uuid,
  type TestOrganisation,
  type TestUser,
} from '../testing/fixtures.ts';
import { describeEachBackend } from '../testing/harness.ts';
import { CALLERS, MATRIX, matrixMarkdown, type Caller, type MatrixRow } from './matrix.ts';

const DOC = fileURLToPath(new URL('../../../../docs/authorization-matrix.md', import.meta.url));

interface Request {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  token?: string | undefined;
}

let address = 0;
/** A distinct client address per request: the matrix is about rights, not the login rate limit. */
const nextAddress = () => {
  address += 1;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
};

describeEachBackend('authorization matrix', (t) => {
  let own: TestOrganisation;
  let other: TestOrganisation;
  const users = new Map<Caller, TestUser>();

  beforeAll(async () => {
    own = await createOrganisation(t.app);
    other = await createOrganisation(t.app);
    users.set('admin', own.admin);
    users.set('pending', await addMember(t.app, own, { confirm: false }));
    users.set('stats', await addMember(t.app, own, { role: 'stats' }));
    users.set('restricted', await addMember(t.app, own, { role: 'restricted' }));
    users.set('member', await addMember(t.app, own));
    users.set('health', await addMember(t.app, own, { healthProfessional: true }));
  });

  const org = (scope: MatrixRow['scope']) => (scope === 'other' ? other : own);

  const invitation = async (target: TestOrganisation) => {
    const reply = await call(t.app, 'POST', '/api/invitations', { email: uniqueEmail('matrix'), role: 'member' }, { token: target.admin.token });
    expect(reply.status).toBe(201);
    return reply.json<{ invitation: { id: string }; secret: string }>();
  };

  const team = async (target: TestOrganisation) => {
    const id = uuid();
    expect((await call(t.app, 'POST', '/api/teams', { id, name: 'Équipe' }, { token: target.admin.token })).status).toBe(201);
    return id;
  };

  /** A valid request of `row` by `caller`: only the caller's rights can make it fail. */
  async function build(row: MatrixRow, caller: Caller): Promise<Request> {
    const user = users.get(caller);
    const token = user?.token;
    switch (`${row.endpoint} ${row.case}`) {
      case 'GET /api/health public':
        return { method: 'GET', url: '/api/health', token };
      case 'GET /api/openapi.json public':
        return { method: 'GET', url: '/api/openapi.json', token };
      case 'POST /api/organisations a new organisation (open to anyone)':
        return { method: 'POST', url: '/api/organisations', body: organisationRequest().request, token };
      case 'POST /api/auth/prelogin any e-mail (unknown ones get a stable fake answer)':
        return { method: 'POST', url: '/api/auth/prelogin', body: { email: user?.email ?? uniqueEmail('nobody') }, token };
      case "POST /api/auth/login the caller's own e-mail and key":
        return { method: 'POST', url: '/api/auth/login', body: { email: user?.email ?? uniqueEmail('nobody'), authKey: (user?.credentials ?? makeCredentials()).authKey } };
      case 'POST /api/auth/logout the session itself': {
        if (!user) return { method: 'POST', url: '/api/auth/logout' };
        // A session of its own, so that the caller's main one lives on for the other rows.
        const login = await call(t.app, 'POST', '/api/auth/login', { email: user.email, authKey: user.credentials.authKey }, { remoteAddress: nextAddress() });
        expect(login.status).toBe(200);
        return { method: 'POST', url: '/api/auth/logout', token: login.json<{ session: { token: string } }>().session.token };
      }
      case 'GET /api/me the session itself':
        return { method: 'GET', url: '/api/me', token };
      case "POST /api/recovery/open the caller's e-mail and the organisation creator's recovery key":
        return { method: 'POST', url: '/api/recovery/open', body: { email: user?.email ?? uniqueEmail('nobody'), authKey: own.recoveryAuthKey } };
      case "POST /api/recovery/reset the caller's e-mail and the organisation creator's recovery key": {
        // A reset ends the account's sessions: the creator's case runs on an organisation of its own.
        const target = caller === 'admin' ? await createOrganisation(t.app) : own;
        const email = caller === 'admin' ? target.admin.email : (user?.email ?? uniqueEmail('nobody'));
        const keys = [
          { kind: 'general', version: 1, sealed: sealed() },
          { kind: 'medical', version: 1, sealed: sealed() },
        ];
        return { method: 'POST', url: '/api/recovery/reset', body: { email, authKey: target.recoveryAuthKey, credentials: makeCredentials().request, keys } };
      }
      case 'POST /api/invitations a new invitation':
        return { method: 'POST', url: '/api/invitations', body: { email: uniqueEmail('matrix'), role: 'member' }, token };
      case 'DELETE /api/invitations/{id} an open invitation':
        return { method: 'DELETE', url: `/api/invitations/${(await invitation(org(row.scope))).invitation.id}`, token };
      case "POST /api/invitations/{id}/open the invitation's secret (no session needed)": {
        const { invitation: inv, secret } = await invitation(own);
        return { method: 'POST', url: `/api/invitations/${inv.id}/open`, body: { secret }, token };
      }
      case "POST /api/invitations/{id}/accept the invitation's secret (no session needed)": {
        const { invitation: inv, secret } = await invitation(own);
        const body = { secret, user: { id: uuid(), name: 'Nouvelle Personne' }, credentials: makeCredentials().request };
        return { method: 'POST', url: `/api/invitations/${inv.id}/accept`, body, token };
      }
      case 'GET /api/members the organisation':
        return { method: 'GET', url: '/api/members', token };
      case 'POST /api/members/{id}/confirm a pending member': {
        const target = await addMember(t.app, org(row.scope), { confirm: false });
        return { method: 'POST', url: `/api/members/${target.userId}/confirm`, body: { keys: [{ kind: 'general', version: 1, sealed: sealed() }] }, token };
      }
      case 'PATCH /api/members/{id} a confirmed member': {
        const target = await addMember(t.app, org(row.scope));
        return { method: 'PATCH', url: `/api/members/${target.userId}`, body: { role: 'restricted' }, token };
      }
      case 'POST /api/members/{id}/revoke a confirmed member': {
        const target = await addMember(t.app, org(row.scope));
        return { method: 'POST', url: `/api/members/${target.userId}/revoke`, token };
      }
      case 'GET /api/teams the organisation':
        return { method: 'GET', url: '/api/teams', token };
      case 'POST /api/teams a new team':
        return { method: 'POST', url: '/api/teams', body: { id: uuid(), name: 'Équipe de nuit' }, token };
      case 'PATCH /api/teams/{id} a team':
        return { method: 'PATCH', url: `/api/teams/${await team(org(row.scope))}`, body: { name: 'Équipe renommée' }, token };
      case 'PUT /api/teams/{id}/members a team':
        return { method: 'PUT', url: `/api/teams/${await team(org(row.scope))}/members`, body: { memberIds: [] }, token };
      case 'POST /api/sync/push a new general record (person)':
        return { method: 'POST', url: '/api/sync/push', body: { protocol: PROTOCOL_VERSION, changes: [newChange()] }, token };
      case "POST /api/sync/push the organisation's settings record":
        return { method: 'POST', url: '/api/sync/push', body: { protocol: PROTOCOL_VERSION, changes: [newChange({ collection: 'settings' })] }, token };
      case 'POST /api/sync/push a new medical record (consultation)':
        return { method: 'POST', url: '/api/sync/push', body: { protocol: PROTOCOL_VERSION, changes: [newChange({ collection: 'consultation' })] }, token };
      case 'GET /api/sync/pull every readable collection':
        return { method: 'GET', url: '/api/sync/pull', token };
      case 'GET /api/sync/pull the medical collections by name':
        return { method: 'GET', url: `/api/sync/pull?collections=${MEDICAL_COLLECTIONS.join(',')}`, token };
      case "GET /api/journal the organisation's journal":
        return { method: 'GET', url: '/api/journal', token };
      case 'PUT /api/journal/settings a retention of 12 months':
        return { method: 'PUT', url: '/api/journal/settings', body: { retentionMonths: 12 }, token };
      case "GET /api/keys the caller's own sealed keys":
        return { method: 'GET', url: '/api/keys', token };
      case "GET /api/rotation the organisation's rotation status":
        return { method: 'GET', url: '/api/rotation', token };
      case 'POST /api/rotation/keys the next general version sealed to every recipient': {
        const status = (await call(t.app, 'GET', '/api/rotation', undefined, { token: own.admin.token })).json<RotationStatus>();
        const general = status.kinds.find((k) => k.kind === 'general')!;
        const boxes = status.recipients.filter((r) => r.kinds.includes('general')).map((r) => ({ userId: r.userId, sealed: sealed() }));
        return { method: 'POST', url: '/api/rotation/keys', body: { keys: [{ kind: 'general', version: general.currentVersion + 1, sealed: boxes }] }, token };
      }
      case 'POST /api/rotation/keys the next medical version sealed to every recipient': {
        const status = (await call(t.app, 'GET', '/api/rotation', undefined, { token: own.admin.token })).json<RotationStatus>();
        const medical = status.kinds.find((k) => k.kind === 'medical')!;
        const boxes = status.recipients.filter((r) => r.kinds.includes('medical')).map((r) => ({ userId: r.userId, sealed: sealed() }));
        return { method: 'POST', url: '/api/rotation/keys', body: { keys: [{ kind: 'medical', version: medical.currentVersion + 1, sealed: boxes }] }, token };
      }
      case 'GET /api/rotation/records general records under an older version':
        return { method: 'GET', url: '/api/rotation/records?kind=general', token };
      case 'GET /api/rotation/records medical records under an older version':
        return { method: 'GET', url: '/api/rotation/records?kind=medical', token };
      case 'POST /api/rotation/rewrap a medical record already under the current version': {
        const health = users.get('health')!;
        const status = (await call(t.app, 'GET', '/api/rotation', undefined, { token: health.token })).json<RotationStatus>();
        const version = status.kinds.find((k) => k.kind === 'medical')!.currentVersion;
        const change = newChange({ collection: 'consultation', keyVersion: version });
        expect((await call(t.app, 'POST', '/api/sync/push', { protocol: PROTOCOL_VERSION, changes: [change] }, { token: health.token })).status).toBe(200);
        const item = { collection: change.collection, id: change.id, version: 1, keyVersion: version, ciphertext: envelope(version) };
        return { method: 'POST', url: '/api/rotation/rewrap', body: { protocol: PROTOCOL_VERSION, items: [item] }, token };
      }
      case 'GET /api/keys/medical/pending the medical key as the caller sees it':
        return { method: 'GET', url: '/api/keys/medical/pending', token };
      case 'POST /api/keys/medical the first medical key of an organisation without one, sealed to the caller': {
        if (caller !== 'health') return { method: 'POST', url: '/api/keys/medical', body: { version: 1, sealed: [{ userId: user?.userId ?? uuid(), sealed: sealed() }] }, token };
        // A health professional of an organisation whose medical key does not exist yet.
        const fresh = await createOrganisation(t.app);
        const first = await addMember(t.app, fresh, { healthProfessional: true, medicalKey: false });
        return { method: 'POST', url: '/api/keys/medical', body: { version: 1, sealed: [{ userId: first.userId, sealed: sealed() }] }, token: first.token };
      }
      case 'POST /api/keys/medical/grants the current medical version sealed to a health professional lacking it': {
        const target = await addMember(t.app, own, { healthProfessional: true, medicalKey: false });
        const state = (await call(t.app, 'GET', '/api/keys/medical/pending', undefined, { token: users.get('health')!.token })).json<MedicalKeyState>();
        return { method: 'POST', url: '/api/keys/medical/grants', body: { grants: [{ userId: target.userId, version: state.currentVersion, sealed: sealed() }] }, token };
      }
      case 'POST /api/rotation/rewrap a record already under the current version': {
        const status = (await call(t.app, 'GET', '/api/rotation', undefined, { token: own.admin.token })).json<RotationStatus>();
        const version = status.kinds.find((k) => k.kind === 'general')!.currentVersion;
        const change = newChange({ keyVersion: version });
        expect((await call(t.app, 'POST', '/api/sync/push', { protocol: PROTOCOL_VERSION, changes: [change] }, { token: own.admin.token })).status).toBe(200);
        const item = { collection: change.collection, id: change.id, version: 1, keyVersion: version, ciphertext: envelope(version) };
        return { method: 'POST', url: '/api/rotation/rewrap', body: { protocol: PROTOCOL_VERSION, items: [item] }, token };
      }
      default:
        throw new Error(`no request written for ${row.endpoint} (${row.case})`);
    }
  }

  it('answers every endpoint × caller × organisation with the status of the matrix', async () => {
    const seen: string[] = [];
    for (const row of MATRIX) {
      for (const caller of CALLERS) {
        const request = await build(row, caller);
        const reply = await call(t.app, request.method, request.url, request.body, { token: request.token, remoteAddress: nextAddress() });
        seen.push(`${row.endpoint} | ${row.case} | ${row.scope} | ${caller} → ${reply.status}${reply.code ? ` ${reply.code}` : ''}`);
      }
    }
    const expected = MATRIX.flatMap((row) => CALLERS.map((caller) => `${row.endpoint} | ${row.case} | ${row.scope} | ${caller} → ${row.expected[caller]}`));
    // Compared without error codes, which are printed to help reading a failure.
    expect(seen.map((line) => line.replace(/(→ \d+) .*$/, '$1'))).toEqual(expected);
  });

  it('covers every route the server documents', async () => {
    const doc = (await call(t.app, 'GET', '/api/openapi.json')).json<{ paths: Record<string, Record<string, unknown>> }>();
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    const inMatrix = new Set(MATRIX.map((row) => row.endpoint));
    expect(routes.filter((route) => !inMatrix.has(route))).toEqual([]);
  });
});

it('keeps docs/authorization-matrix.md generated from the matrix', () => {
  const markdown = matrixMarkdown();
  if (process.env.UPDATE_MATRIX === '1') writeFileSync(DOC, markdown);
  expect(readFileSync(DOC, 'utf8')).toBe(markdown);
});
