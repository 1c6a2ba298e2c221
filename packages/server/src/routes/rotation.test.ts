// Member exit and key rotation over HTTP, with shaped random bytes for keys and ciphertexts (the
// server never opens them). Real encryption and the client driver: rotation/rotation.pg.test.ts.
import { PROTOCOL_VERSION, type JournalResponse, type Member, type RewrapResponse, type RotationPage, type RotationStatus } from '@relais/core/protocol';
import { expect, it } from 'vitest';
import {
  addMember,
  call,
  createOrganisation,
  envelope,
  expectError,
  expectNothingWritten,
  newChange,
  pull,
  push,
  sealed,
  uuid,
  type TestOrganisation,
  type TestUser,
} from '../testing/fixtures.ts';
import { applyPush } from '../sync/push.ts';
import { describeEachBackend } from '../testing/harness.ts';

describeEachBackend('member exit and key rotation', (t) => {
  const revoke = (org: TestOrganisation, id: string, token = org.admin.token) => call(t.app, 'POST', `/api/members/${id}/revoke`, undefined, { token });
  const status = async (org: TestOrganisation) => {
    const reply = await call(t.app, 'GET', '/api/rotation', undefined, { token: org.admin.token });
    expect(reply.status).toBe(200);
    return reply.json<RotationStatus>();
  };
  const kind = (s: RotationStatus, k: 'general' | 'medical') => s.kinds.find((x) => x.kind === k)!;
  /** Sealed boxes (shaped bytes) for every recipient the status names for `k`. */
  const boxesFor = (s: RotationStatus, k: 'general' | 'medical') => s.recipients.filter((r) => r.kinds.includes(k)).map((r) => ({ userId: r.userId, sealed: sealed() }));
  const publish = (org: TestOrganisation, body: unknown, token = org.admin.token) => call(t.app, 'POST', '/api/rotation/keys', body, { token });
  const page = (org: TestOrganisation, query: string, token = org.admin.token) => call(t.app, 'GET', `/api/rotation/records?${query}`, undefined, { token });
  const rewrap = (org: TestOrganisation, items: unknown[], token = org.admin.token) => call(t.app, 'POST', '/api/rotation/rewrap', { protocol: PROTOCOL_VERSION, items }, { token });
  const journalEvents = async (org: TestOrganisation) =>
    (await call(t.app, 'GET', '/api/journal', undefined, { token: org.admin.token })).json<JournalResponse>().entries.map((e) => [e.event, e.subjectId, e.count]);

  it('revokes a member: sessions end, every request and push is refused, the journal says who did it', async () => {
    const org = await createOrganisation(t.app);
    const leaving = await addMember(t.app, org);
    const other = await addMember(t.app, org);
    expect((await push(t.app, leaving.token, [newChange()])).status).toBe(200);
    const reply = await revoke(org, leaving.userId);
    expect(reply.status).toBe(200);
    expect(reply.json<Member>()).toMatchObject({ id: leaving.userId, status: 'revoked' });
    expectError(await push(t.app, leaving.token, [newChange()]), 401, 'UNAUTHENTICATED');
    expectError(await pull(t.app, leaving.token), 401, 'UNAUTHENTICATED');
    expectError(await call(t.app, 'GET', '/api/me', undefined, { token: leaving.token }), 401, 'UNAUTHENTICATED');
    expectError(await call(t.app, 'GET', '/api/keys', undefined, { token: leaving.token }), 401, 'UNAUTHENTICATED');
    expectError(await call(t.app, 'POST', '/api/auth/login', { email: leaving.email, authKey: leaving.credentials.authKey }), 401, 'INVALID_CREDENTIALS');
    const sessions = await t.db.selectFrom('sessions').select('user_id').where('organisation_id', '=', org.id).where('user_id', '=', leaving.userId).execute();
    expect(sessions).toEqual([]);
    // The others carry on.
    expect((await push(t.app, other.token, [newChange()])).status).toBe(200);
    // Retried: same answer, nothing written twice.
    await expectNothingWritten(t.db, async () => {
      expect((await revoke(org, leaving.userId)).json<Member>().status).toBe('revoked');
    });
    expect((await journalEvents(org)).filter(([event]) => event === 'member_revoked')).toEqual([['member_revoked', leaving.userId, 0]]);
    // The revoked member still shows in the list, as revoked (their name stays on what they wrote).
    const members = (await call(t.app, 'GET', '/api/members', undefined, { token: org.admin.token })).json<{ members: Member[] }>().members;
    expect(members.find((m) => m.id === leaving.userId)?.status).toBe('revoked');
  });

  it('refuses a revocation by a non-admin, of oneself, of the last admin, of another organisation, with nothing written', async () => {
    const org = await createOrganisation(t.app);
    const member = await addMember(t.app, org);
    const other = await createOrganisation(t.app);
    await expectNothingWritten(t.db, async () => {
      expectError(await revoke(org, org.admin.userId, member.token), 403, 'FORBIDDEN');
      expectError(await revoke(org, org.admin.userId), 403, 'FORBIDDEN');
      expectError(await revoke(org, other.admin.userId), 404, 'NOT_FOUND');
      expectError(await revoke(org, uuid()), 404, 'NOT_FOUND');
      expectError(await revoke(org, 'nope'), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', `/api/members/${member.userId}/revoke`), 401, 'UNAUTHENTICATED');
    });
    // A second admin may revoke the first; the last one left may not be revoked.
    const second = await addMember(t.app, org, { role: 'admin' });
    expect((await revoke(org, org.admin.userId, second.token)).status).toBe(200);
    const lastAdmin = await revoke(org, second.userId, second.token);
    expectError(lastAdmin, 403, 'FORBIDDEN');
  });

  it('says which kinds need a new version and who must receive it', async () => {
    const org = await createOrganisation(t.app);
    const nurse = await addMember(t.app, org, { healthProfessional: true });
    const social = await addMember(t.app, org);
    const pending = await addMember(t.app, org, { confirm: false });
    let s = await status(org);
    expect(s.kinds.map((k) => [k.kind, k.currentVersion, k.rotationNeeded])).toEqual([
      ['general', 1, false],
      ['medical', 1, false],
    ]);
    // The medical key goes to health professionals only, never to an administrator who is not one (decision 017).
    expect(s.recipients.map((r) => [r.userId, r.kinds]).sort()).toEqual(
      [
        [org.admin.userId, ['general']],
        [nurse.userId, ['general', 'medical']],
        [social.userId, ['general']],
      ].sort(),
    );
    expect(s.recipients.some((r) => r.userId === pending.userId)).toBe(false);
    expect((await revoke(org, social.userId)).status).toBe(200);
    s = await status(org);
    expect(s.kinds.map((k) => [k.kind, k.rotationNeeded])).toEqual([
      ['general', true],
      ['medical', false],
    ]);
    expect((await revoke(org, nurse.userId)).status).toBe(200);
    s = await status(org);
    expect(s.kinds.map((k) => [k.kind, k.rotationNeeded])).toEqual([
      ['general', true],
      ['medical', true],
    ]);
    expect(s.recipients.map((r) => r.userId)).toEqual([org.admin.userId]);
    // Revoking a pending account needs no rotation of its own (it never held a key).
    const fresh = await createOrganisation(t.app);
    const invited = await addMember(t.app, fresh, { confirm: false });
    expect((await revoke(fresh, invited.userId)).status).toBe(200);
    expect((await status(fresh)).kinds.every((k) => !k.rotationNeeded)).toBe(true);
    // An organisation whose creator is not a health professional has no medical key yet: version 0.
    expect(kind(await status(fresh), 'medical')).toMatchObject({ currentVersion: 0, rotationNeeded: false, total: 0, remaining: 0 });
  });

  it('publishes the next versions sealed to exactly the members who stay, transactionally and journaled', async () => {
    // An administrator who is a health professional holds both kinds.
    const org = await createOrganisation(t.app, { healthProfessional: true });
    const nurse = await addMember(t.app, org, { healthProfessional: true });
    const social = await addMember(t.app, org);
    const leaving = await addMember(t.app, org);
    expect((await revoke(org, leaving.userId)).status).toBe(200);
    const s = await status(org);
    const general = boxesFor(s, 'general');
    const medical = boxesFor(s, 'medical');
    await expectNothingWritten(t.db, async () => {
      expectError(await publish(org, { keys: [{ kind: 'general', version: 3, sealed: general }] }), 409, 'ROTATION_OUTDATED');
      expectError(await publish(org, { keys: [{ kind: 'general', version: 1, sealed: general }] }), 400, 'VALIDATION_FAILED');
      expectError(await publish(org, { keys: [{ kind: 'general', version: 2, sealed: general.slice(1) }] }), 400, 'VALIDATION_FAILED');
      expectError(await publish(org, { keys: [{ kind: 'general', version: 2, sealed: [...general, { userId: leaving.userId, sealed: sealed() }] }] }), 400, 'VALIDATION_FAILED');
      expectError(await publish(org, { keys: [{ kind: 'general', version: 2, sealed: [...general, general[0]] }] }), 400, 'VALIDATION_FAILED');
      expectError(await publish(org, { keys: [{ kind: 'medical', version: 2, sealed: [...medical, { userId: social.userId, sealed: sealed() }] }] }), 400, 'VALIDATION_FAILED');
      // One bad kind spoils the whole request: the good one is not stored either.
      expectError(await publish(org, { keys: [{ kind: 'medical', version: 2, sealed: medical }, { kind: 'general', version: 2, sealed: general.slice(1) }] }), 400, 'VALIDATION_FAILED');
      expectError(await publish(org, { keys: [{ kind: 'general', version: 2, sealed: general }, { kind: 'general', version: 2, sealed: general }] }), 400, 'VALIDATION_FAILED');
      expectError(await publish(org, { keys: [] }), 400, 'VALIDATION_FAILED');
      expectError(await publish(org, { keys: [{ kind: 'general', version: 2, sealed: general }] }, social.token), 403, 'FORBIDDEN');
      expectError(await publish(org, { keys: [{ kind: 'general', version: 2, sealed: general }] }, leaving.token), 401, 'UNAUTHENTICATED');
    });
    const reply = await publish(org, { keys: [{ kind: 'general', version: 2, sealed: general }] });
    expect(reply.status).toBe(200);
    expect(kind(reply.json<RotationStatus>(), 'general')).toMatchObject({ currentVersion: 2, rotationNeeded: false });
    // The same publication again is now outdated.
    expectError(await publish(org, { keys: [{ kind: 'general', version: 2, sealed: general }] }), 409, 'ROTATION_OUTDATED');
    // Those who stay get both versions; the one who left gets nothing more.
    for (const user of [nurse, social]) {
      const keys = (await call(t.app, 'GET', '/api/keys', undefined, { token: user.token })).json<{ keys: { kind: string; version: number }[] }>().keys;
      expect(keys.filter((k) => k.kind === 'general').map((k) => k.version)).toEqual([1, 2]);
    }
    const held = await t.db.selectFrom('sealed_keys').select('version').where('organisation_id', '=', org.id).where('user_id', '=', leaving.userId).execute();
    expect(held.map((k) => k.version)).toEqual([1]);
    expect((await journalEvents(org)).filter(([event]) => event === 'rotation')).toEqual([['rotation', null, general.length]]);
    // A member confirmed from now on must be sealed the current version.
    const late = await addMember(t.app, org, { confirm: false });
    const confirm = (keys: unknown) => call(t.app, 'POST', `/api/members/${late.userId}/confirm`, { keys }, { token: org.admin.token });
    expectError(await confirm([{ kind: 'general', version: 1, sealed: sealed() }]), 400, 'VALIDATION_FAILED');
    expect((await confirm([{ kind: 'general', version: 1, sealed: sealed() }, { kind: 'general', version: 2, sealed: sealed() }])).status).toBe(200);
  });

  it('rotates and re-encrypts the medical key only by a health professional who holds it', async () => {
    const org = await createOrganisation(t.app);
    const nurse = await addMember(t.app, org, { healthProfessional: true });
    const waiting = await addMember(t.app, org, { healthProfessional: true, medicalKey: false });
    const promoted = await addMember(t.app, org, { role: 'admin' });
    const consultation = newChange({ collection: 'consultation' });
    expect((await push(t.app, nurse.token, [consultation])).status).toBe(200);
    const s = await status(org);
    expect(s.recipients.filter((r) => r.kinds.includes('medical')).map((r) => r.userId).sort()).toEqual([nurse.userId, waiting.userId].sort());
    const body = { keys: [{ kind: 'medical', version: 2, sealed: boxesFor(s, 'medical') }] };
    await expectNothingWritten(t.db, async () => {
      // Administrators who are not health professionals: refused by kind, whatever they hold.
      for (const admin of [org.admin, promoted]) {
        expectError(await publish(org, body, admin.token), 403, 'FORBIDDEN');
        expectError(await page(org, 'kind=medical', admin.token), 403, 'FORBIDDEN');
      }
      // A health professional who does not hold the current version yet.
      expectError(await publish(org, body, waiting.token), 403, 'FORBIDDEN');
      expectError(await page(org, 'kind=medical', waiting.token), 403, 'FORBIDDEN');
      // A health professional who is not an administrator does not rotate the general key.
      expectError(await publish(org, { keys: [{ kind: 'general', version: 2, sealed: boxesFor(s, 'general') }] }, nurse.token), 403, 'FORBIDDEN');
      expectError(await page(org, 'kind=general', nurse.token), 403, 'FORBIDDEN');
    });
    expect((await call(t.app, 'GET', '/api/rotation', undefined, { token: nurse.token })).status).toBe(200);
    expect((await publish(org, body, nurse.token)).status).toBe(200);
    const records = (await page(org, 'kind=medical', nurse.token)).json<RotationPage>();
    expect(records).toMatchObject({ currentVersion: 2, total: 1, remaining: 1 });
    const item = { collection: 'consultation', id: consultation.id, version: 1, keyVersion: 2, ciphertext: envelope(2) };
    expectError(await rewrap(org, [item], org.admin.token), 403, 'FORBIDDEN');
    expect((await rewrap(org, [item], nurse.token)).json<RewrapResponse>().results.map((r) => r.status)).toEqual(['rewrapped']);
    // The new version went to health professionals only.
    const holders = await t.db.selectFrom('sealed_keys').select('user_id').where('organisation_id', '=', org.id).where('kind', '=', 'medical').where('version', '=', 2).execute();
    expect(holders.map((h) => h.user_id).sort()).toEqual([nurse.userId, waiting.userId].sort());
  });

  /** An organisation with records under general v1, a rotation to v2 already published. */
  async function rotated(count: number): Promise<{ org: TestOrganisation; member: TestUser; ids: string[] }> {
    const org = await createOrganisation(t.app);
    const member = await addMember(t.app, org);
    const changes = Array.from({ length: count }, (_, i) => newChange({ collection: i % 2 === 0 ? 'person' : 'comment' }));
    expect((await push(t.app, member.token, changes)).status).toBe(200);
    const s = await status(org);
    expect((await publish(org, { keys: [{ kind: 'general', version: 2, sealed: boxesFor(s, 'general') }] })).status).toBe(200);
    return { org, member, ids: changes.map((c) => c.id) };
  }

  it('pages the records still under an older version, with counts', async () => {
    const { org, member } = await rotated(5);
    expect((await push(t.app, member.token, [newChange({ keyVersion: 2 })])).status).toBe(200);
    const first = await page(org, 'kind=general&limit=3');
    expect(first.status).toBe(200);
    const body = first.json<RotationPage>();
    expect(body).toMatchObject({ currentVersion: 2, more: true, total: 6, remaining: 5 });
    expect(body.records.map((r) => r.keyVersion)).toEqual([1, 1, 1]);
    const second = (await page(org, `kind=general&since=${body.next}&limit=3`)).json<RotationPage>();
    expect(second.records).toHaveLength(2);
    // The administrator is not a health professional: medical records are not theirs to re-encrypt.
    expectError(await page(org, 'kind=medical'), 403, 'FORBIDDEN');
    expectError(await page(org, 'kind=general', member.token), 403, 'FORBIDDEN');
    expectError(await page(org, 'kind=secret'), 400, 'VALIDATION_FAILED');
    expectError(await page(org, `kind=general&protocol=${PROTOCOL_VERSION - 1}`), 400, 'PROTOCOL_MISMATCH');
  });

  it('stores a rewrap only at the version read; answers unchanged on retry and stale after an edit', async () => {
    const { org, member } = await rotated(3);
    const records = (await page(org, 'kind=general')).json<RotationPage>().records;
    const [a, b, c] = records as [RotationPage['records'][number], RotationPage['records'][number], RotationPage['records'][number]];
    const item = (r: typeof a, overrides: Record<string, unknown> = {}) => ({ collection: r.collection, id: r.id, version: r.version, keyVersion: 2, ciphertext: envelope(2), ...overrides });
    // A member edits c after the driver read it.
    expect((await push(t.app, member.token, [newChange({ collection: c.collection, id: c.id, baseVersion: 1 })])).status).toBe(200);
    await expectNothingWritten(t.db, async () => {
      expectError(await rewrap(org, [item(a, { keyVersion: 1, ciphertext: envelope(1) })]), 409, 'ROTATION_OUTDATED');
      expectError(await rewrap(org, [item(a, { keyVersion: 3, ciphertext: envelope(3) })]), 409, 'ROTATION_OUTDATED');
      expectError(await rewrap(org, [item(a, { ciphertext: envelope(1) })]), 400, 'VALIDATION_FAILED');
      expectError(await rewrap(org, [item(a), item(a)]), 400, 'VALIDATION_FAILED');
      expectError(await rewrap(org, [item(a), item(a, { id: uuid() })]), 400, 'VALIDATION_FAILED');
      expectError(await rewrap(org, [item(a)], member.token), 403, 'FORBIDDEN');
      expectError(await call(t.app, 'POST', '/api/rotation/rewrap', { protocol: PROTOCOL_VERSION - 1, items: [item(a)] }, { token: org.admin.token }), 400, 'PROTOCOL_MISMATCH');
    });
    const first = await rewrap(org, [item(a), item(b), item(c)]);
    expect(first.status).toBe(200);
    const results = first.json<RewrapResponse>().results;
    expect(results.map((r) => r.status)).toEqual(['rewrapped', 'rewrapped', 'stale']);
    expect(results[0]).toMatchObject({ version: 2 });
    expect(results[2]).toMatchObject({ version: 2 });
    // The retried batch writes nothing.
    await expectNothingWritten(t.db, async () => {
      expect((await rewrap(org, [item(a), item(b)])).json<RewrapResponse>().results.map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
    });
    // A rewrap keeps the author and edit time and moves the record to a new sequence, so pulls bring it.
    const stored = await t.db.selectFrom('records').select(['id', 'version', 'key_version', 'author_id']).where('organisation_id', '=', org.id).where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ version: 2, key_version: 2, author_id: member.userId });
    const pulled = (await pull(t.app, member.token, a.seq)).json<{ changes: { id: string; keyVersion: number; updatedAt: string }[] }>().changes;
    expect(pulled.find((r) => r.id === a.id)).toMatchObject({ keyVersion: 2, updatedAt: a.updatedAt });
    // A member's push based on the version before the rewrap gets the ordinary conflict answer.
    const conflict = await push(t.app, member.token, [newChange({ collection: a.collection, id: a.id, baseVersion: 1, keyVersion: 2 })]);
    expect(conflict.json<{ results: { status: string }[] }>().results[0]!.status).toBe('conflict');
    const s = await status(org);
    expect(kind(s, 'general')).toMatchObject({ total: 3, remaining: 1 });
    expect((await journalEvents(org)).filter(([event]) => event === 'rotation').map(([, , count]) => count)).toEqual([2, 2]);
  });

  it('refuses a push that authenticated before a revocation committed', async () => {
    const org = await createOrganisation(t.app);
    const leaving = await addMember(t.app, org);
    // The actor as the guard saw it, before the revocation below committed.
    const actor = { organisationId: org.id, userId: leaving.userId, role: 'member', healthProfessional: false, status: 'active', tokenHash: Buffer.alloc(32) } as const;
    expect((await revoke(org, leaving.userId)).status).toBe(200);
    await expectNothingWritten(t.db, async () => {
      await expect(applyPush(t.db, actor, [newChange()])).rejects.toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    });
  });
});
