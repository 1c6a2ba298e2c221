// The dossier médical on the server: its collections are written and read by health
// professionals only, and nobody else is even told which medical records exist (decision 014).
import { MEDICAL_COLLECTIONS, type Collection } from '@relais/core/collections';
import type { JournalResponse, KeysResponse, MedicalKeyState, Me, PullResponse, PushResponse, RotationStatus } from '@relais/core/protocol';
import { expect, it } from 'vitest';
import { addMember, call, createOrganisation, expectError, expectNothingWritten, newChange, pull, push, sealed, uuid, type TestOrganisation, type TestUser } from '../testing/fixtures.ts';
import { describeEachBackend } from '../testing/harness.ts';

describeEachBackend('the dossier médical', (t) => {
  async function organisation() {
    const org = await createOrganisation(t.app);
    const nurse = await addMember(t.app, org, { healthProfessional: true });
    const worker = await addMember(t.app, org);
    return { org, nurse, worker };
  }

  /** Every page of a member's full pull, one record per page, as the raw bodies the member received. */
  async function pullAll(token: string): Promise<{ bodies: string[]; changes: PullResponse['changes'] }> {
    const bodies: string[] = [];
    const changes: PullResponse['changes'] = [];
    let since = 0;
    for (;;) {
      const reply = await pull(t.app, token, since, 1);
      expect(reply.status).toBe(200);
      bodies.push(JSON.stringify(reply.body));
      const page = reply.json<PullResponse>();
      changes.push(...page.changes);
      since = page.next;
      if (!page.more) return { bodies, changes };
    }
  }

  it("accepts a health professional's medical records and keeps them from everyone else's pulls, ids included", async () => {
    const { org, nurse, worker } = await organisation();
    const medical = MEDICAL_COLLECTIONS.map((collection) => newChange({ collection }));
    const person = newChange();
    const accepted = await push(t.app, nurse.token, [person, ...medical]);
    expect(accepted.status).toBe(200);
    expect(accepted.json<PushResponse>().results.map((r) => r.status)).toEqual(Array(1 + medical.length).fill('accepted'));

    const theirs = await pullAll(nurse.token);
    expect(theirs.changes.map((c) => c.id)).toEqual([person.id, ...medical.map((c) => c.id)]);

    // The social worker and the administrator (not a health professional) page through everything.
    for (const token of [worker.token, org.admin.token]) {
      const { bodies, changes } = await pullAll(token);
      expect(changes.map((c) => c.id)).toEqual([person.id]);
      for (const body of bodies) {
        for (const change of medical) {
          expect(body).not.toContain(change.id);
          expect(body).not.toContain(change.ciphertext);
          expect(body).not.toContain(`"${change.collection}"`);
        }
      }
    }
  });

  it('refuses a medical push from a member who is not a health professional, writing nothing of the batch', async () => {
    const { org, worker } = await organisation();
    await expectNothingWritten(t.db, async () => {
      for (const collection of MEDICAL_COLLECTIONS) {
        expectError(await push(t.app, worker.token, [newChange({ collection })]), 403, 'MEDICAL_FORBIDDEN');
      }
      // A general record in the same batch is not written either: the batch is refused whole.
      const refused = await push(t.app, worker.token, [newChange(), newChange({ collection: 'consultation' })]);
      expectError(refused, 403, 'MEDICAL_FORBIDDEN');
      expect(refused.json<{ error: { message: string; details: unknown } }>().error).toEqual({
        code: 'MEDICAL_FORBIDDEN',
        message: 'Le dossier médical est réservé aux professionnels de santé de votre organisation.',
        details: { path: '/changes/1' },
      });
      expectError(await push(t.app, org.admin.token, [newChange({ collection: 'treatment' })]), 403, 'MEDICAL_FORBIDDEN');
    });
  });

  it('refuses a pull that names a medical collection to a member who may not read it', async () => {
    const { nurse, worker } = await organisation();
    const ask = (token: string, collections: string) => call(t.app, 'GET', `/api/sync/pull?since=0&collections=${collections}`, undefined, { token });
    expectError(await ask(worker.token, 'consultation'), 403, 'MEDICAL_FORBIDDEN');
    expectError(await ask(worker.token, 'person,medicalFile'), 403, 'MEDICAL_FORBIDDEN');
    expect((await ask(worker.token, 'person,comment')).status).toBe(200);
    expect((await ask(nurse.token, (MEDICAL_COLLECTIONS as Collection[]).join(','))).status).toBe(200);
  });

  const kindsOf = async (token: string) => ({
    me: (await call(t.app, 'GET', '/api/me', undefined, { token })).json<Me>().keys.map((k) => k.kind),
    keys: (await call(t.app, 'GET', '/api/keys', undefined, { token })).json<KeysResponse>().keys.map((k) => k.kind),
  });
  const state = async (token: string) => {
    const reply = await call(t.app, 'GET', '/api/keys/medical/pending', undefined, { token });
    expect(reply.status).toBe(200);
    return reply.json<MedicalKeyState>();
  };
  const bootstrap = (user: TestUser, version: number, others: string[] = []) =>
    call(t.app, 'POST', '/api/keys/medical', { version, sealed: [user.userId, ...others].map((userId) => ({ userId, sealed: sealed() })) }, { token: user.token });
  const grant = (user: TestUser, grants: { userId: string; version: number }[]) =>
    call(t.app, 'POST', '/api/keys/medical/grants', { grants: grants.map((g) => ({ ...g, sealed: sealed() })) }, { token: user.token });
  const journalOf = async (org: TestOrganisation) =>
    (await call(t.app, 'GET', '/api/journal', undefined, { token: org.admin.token })).json<JournalResponse>().entries.filter((e) => e.event.startsWith('medical_key'));

  it('serves the medical key only to health professionals, never to an administrator who is not one, even if a sealed copy was left behind', async () => {
    const { org, nurse, worker } = await organisation();
    expect(await kindsOf(nurse.token)).toEqual({ me: ['general', 'medical'], keys: ['general', 'medical'] });
    expect(await kindsOf(worker.token)).toEqual({ me: ['general'], keys: ['general'] });
    expect(await kindsOf(org.admin.token)).toEqual({ me: ['general'], keys: ['general'] });
    // Nor does the rotation status name the administrator among the medical recipients.
    const status = (await call(t.app, 'GET', '/api/rotation', undefined, { token: org.admin.token })).json<RotationStatus>();
    expect(status.recipients.filter((r) => r.kinds.includes('medical')).map((r) => r.userId)).toEqual([nurse.userId]);
    expect(status.recipients.find((r) => r.userId === org.admin.userId)?.kinds).toEqual(['general']);

    // Stray rows (no route writes one for these members): still never served.
    for (const userId of [worker.userId, org.admin.userId]) {
      await t.db.insertInto('sealed_keys').values({ organisation_id: org.id, user_id: userId, kind: 'medical', version: 1, sealed: Buffer.from(sealed(), 'base64') }).execute();
    }
    expect(await kindsOf(worker.token)).toEqual({ me: ['general'], keys: ['general'] });
    expect(await kindsOf(org.admin.token)).toEqual({ me: ['general'], keys: ['general'] });

    // The health flag turned off: the key is no longer served, and pushes are refused from then on.
    expect((await call(t.app, 'PATCH', `/api/members/${nurse.userId}`, { healthProfessional: false }, { token: org.admin.token })).status).toBe(200);
    expect(await kindsOf(nurse.token)).toEqual({ me: ['general'], keys: ['general'] });
    expectError(await push(t.app, nurse.token, [newChange({ collection: 'consultation' })]), 403, 'MEDICAL_FORBIDDEN');
  });

  it('deletes the sealed medical key of an administrator who loses the health flag, as for anyone', async () => {
    const org = await createOrganisation(t.app, { healthProfessional: true });
    expect(await kindsOf(org.admin.token)).toEqual({ me: ['general', 'medical'], keys: ['general', 'medical'] });
    const other = await addMember(t.app, org, { role: 'admin' });
    expect((await call(t.app, 'PATCH', `/api/members/${org.admin.userId}`, { healthProfessional: false }, { token: other.token })).status).toBe(200);
    const rows = await t.db.selectFrom('sealed_keys').select('kind').where('organisation_id', '=', org.id).where('user_id', '=', org.admin.userId).execute();
    expect(rows.map((r) => r.kind)).toEqual(['general']);
  });

  it('lets the first health professional create the medical key, and only while no active member holds it', async () => {
    const org = await createOrganisation(t.app);
    const first = await addMember(t.app, org, { healthProfessional: true, medicalKey: false });
    const second = await addMember(t.app, org, { healthProfessional: true, medicalKey: false });
    const worker = await addMember(t.app, org);
    expect(await state(first.token)).toEqual({ currentVersion: 0, bootstrapNeeded: true, pending: [] });
    await expectNothingWritten(t.db, async () => {
      // Not a health professional: the administrator, a social worker.
      expectError(await bootstrap(org.admin, 1), 403, 'MEDICAL_FORBIDDEN');
      expectError(await bootstrap(worker, 1), 403, 'MEDICAL_FORBIDDEN');
      expectError(await call(t.app, 'GET', '/api/keys/medical/pending', undefined, { token: org.admin.token }), 403, 'MEDICAL_FORBIDDEN');
      // A version that does not follow, boxes for someone who may not hold it, none for the caller, twice the same.
      expectError(await bootstrap(first, 2), 409, 'ROTATION_OUTDATED');
      expectError(await bootstrap(first, 1, [worker.userId]), 400, 'VALIDATION_FAILED');
      expectError(await bootstrap(first, 1, [org.admin.userId]), 400, 'VALIDATION_FAILED');
      expectError(await bootstrap(first, 1, [first.userId]), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', '/api/keys/medical', { version: 1, sealed: [{ userId: second.userId, sealed: sealed() }] }, { token: first.token }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', '/api/keys/medical', { version: 1, sealed: [{ userId: first.userId, sealed: 'not base64!' }] }, { token: first.token }), 400, 'VALIDATION_FAILED');
    });
    const created = await bootstrap(first, 1);
    expect(created.status).toBe(200);
    expect(created.json<MedicalKeyState>()).toEqual({ currentVersion: 1, bootstrapNeeded: false, pending: [{ userId: second.userId, publicKey: second.credentials.request.publicKey, missing: [1] }] });
    expect(await kindsOf(first.token)).toEqual({ me: ['general', 'medical'], keys: ['general', 'medical'] });
    // Someone holds it now: a second creation is refused with a stable code and a French message.
    const refused = await bootstrap(second, 2);
    expectError(refused, 409, 'MEDICAL_KEY_HELD');
    expect(refused.json<{ error: { message: string } }>().error.message).toContain('professionnel de santé');
    expect(await state(second.token)).toEqual({ currentVersion: 1, bootstrapNeeded: false, pending: [] });
    expect((await journalOf(org)).map((e) => [e.event, e.actorId, e.count])).toEqual([['medical_key_created', first.userId, 1]]);

    // Every holder gone (revoked): the next health professional creates the next version.
    expect((await call(t.app, 'POST', `/api/members/${first.userId}/revoke`, undefined, { token: org.admin.token })).status).toBe(200);
    expect(await state(second.token)).toEqual({ currentVersion: 1, bootstrapNeeded: true, pending: [] });
    expect((await bootstrap(second, 2)).status).toBe(200);
    const held = await t.db.selectFrom('sealed_keys').select(['user_id', 'version']).where('organisation_id', '=', org.id).where('kind', '=', 'medical').orderBy('version').execute();
    expect(held).toEqual([{ user_id: first.userId, version: 1 }, { user_id: second.userId, version: 2 }]);
  });

  it('lets exactly one of two health professionals creating the medical key at once win', async () => {
    const org = await createOrganisation(t.app);
    const a = await addMember(t.app, org, { healthProfessional: true, medicalKey: false });
    const b = await addMember(t.app, org, { healthProfessional: true, medicalKey: false });
    const replies = await Promise.all([bootstrap(a, 1), bootstrap(b, 1)]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(replies.find((r) => r.status === 409)?.code).toBe('MEDICAL_KEY_HELD');
    const versions = await t.db.selectFrom('org_keys').select('version').where('organisation_id', '=', org.id).where('kind', '=', 'medical').execute();
    expect(versions).toEqual([{ version: 1 }]);
    const holders = await t.db.selectFrom('sealed_keys').select('user_id').where('organisation_id', '=', org.id).where('kind', '=', 'medical').execute();
    expect(holders).toHaveLength(1);
    // The loser waits for a grant from the winner.
    const winner = replies[0]!.status === 200 ? a : b;
    const loser = winner === a ? b : a;
    expect((await state(winner.token)).pending.map((p) => p.userId)).toEqual([loser.userId]);
  });

  it('lets a holder seal the versions it holds to health professionals who lack them, idempotently and journaled', async () => {
    const org = await createOrganisation(t.app);
    const nurse = await addMember(t.app, org, { healthProfessional: true });
    // A second version, so that a newcomer needs both (records under version 1 remain).
    const status = (await call(t.app, 'GET', '/api/rotation', undefined, { token: nurse.token })).json<RotationStatus>();
    const boxes = status.recipients.filter((r) => r.kinds.includes('medical')).map((r) => ({ userId: r.userId, sealed: sealed() }));
    expect((await call(t.app, 'POST', '/api/rotation/keys', { keys: [{ kind: 'medical', version: 2, sealed: boxes }] }, { token: nurse.token })).status).toBe(200);
    const doctor = await addMember(t.app, org, { healthProfessional: true, medicalKey: false });
    const waiting = await addMember(t.app, org, { healthProfessional: true, medicalKey: false });
    const worker = await addMember(t.app, org);
    const pending = await state(nurse.token);
    expect(pending).toMatchObject({ currentVersion: 2, bootstrapNeeded: false });
    expect(pending.pending.map((p) => [p.userId, p.missing]).sort()).toEqual([[doctor.userId, [1, 2]], [waiting.userId, [1, 2]]].sort());
    // Those without the current version see nobody pending (they could not seal it).
    expect((await state(doctor.token)).pending).toEqual([]);

    const other = await createOrganisation(t.app);
    await expectNothingWritten(t.db, async () => {
      // Not a health professional.
      expectError(await grant(org.admin, [{ userId: doctor.userId, version: 2 }]), 403, 'MEDICAL_FORBIDDEN');
      expectError(await grant(worker, [{ userId: doctor.userId, version: 2 }]), 403, 'MEDICAL_FORBIDDEN');
      // A health professional without the current version, or granting a version they do not hold.
      expectError(await grant(waiting, [{ userId: doctor.userId, version: 2 }]), 403, 'FORBIDDEN');
      expectError(await grant(nurse, [{ userId: doctor.userId, version: 3 }]), 403, 'FORBIDDEN');
      // Targets who may not hold it: a social worker, an administrator, another organisation's member, unknown.
      for (const userId of [worker.userId, org.admin.userId, other.admin.userId, uuid()]) {
        expectError(await grant(nurse, [{ userId, version: 2 }]), 400, 'VALIDATION_FAILED');
      }
      // Twice the same box, a malformed box.
      expectError(await grant(nurse, [{ userId: doctor.userId, version: 2 }, { userId: doctor.userId, version: 2 }]), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', '/api/keys/medical/grants', { grants: [{ userId: doctor.userId, version: 2, sealed: 'x' }] }, { token: nurse.token }), 400, 'VALIDATION_FAILED');
    });

    const granted = await grant(nurse, [
      { userId: doctor.userId, version: 1 },
      { userId: doctor.userId, version: 2 },
    ]);
    expect(granted.status).toBe(200);
    expect(granted.json<MedicalKeyState>().pending.map((p) => p.userId)).toEqual([waiting.userId]);
    expect(await kindsOf(doctor.token)).toEqual({ me: ['general', 'medical', 'medical'], keys: ['general', 'medical', 'medical'] });
    const before = (await journalOf(org)).length;
    // Retried: nothing written, nothing journaled, the same answer.
    await expectNothingWritten(t.db, async () => {
      const again = await grant(nurse, [{ userId: doctor.userId, version: 2 }]);
      expect(again.status).toBe(200);
    });
    expect((await journalOf(org)).length).toBe(before);
    // The one who received it may seal it in turn.
    expect((await grant(doctor, [{ userId: waiting.userId, version: 2 }])).status).toBe(200);
    const lines = (await journalOf(org)).filter((e) => e.event === 'medical_key_granted').map((e) => [e.actorId, e.subjectId, e.count, e.collections]);
    expect(lines).toEqual([
      [doctor.userId, waiting.userId, 1, []],
      [nurse.userId, doctor.userId, 2, []],
    ]);
  });
});
