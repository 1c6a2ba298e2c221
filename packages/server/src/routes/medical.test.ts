// The dossier médical on the server: its collections are written and read by health
// professionals only, and nobody else is even told which medical records exist (decision 014).
import { MEDICAL_COLLECTIONS, type Collection } from '@relais/core/collections';
import type { KeysResponse, Me, PullResponse, PushResponse } from '@relais/core/protocol';
import { expect, it } from 'vitest';
import { addMember, call, createOrganisation, expectError, expectNothingWritten, newChange, pull, push, sealed } from '../testing/fixtures.ts';
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

  it('serves the medical key only to health professionals and administrators, even if a sealed copy was left behind', async () => {
    const { org, nurse, worker } = await organisation();
    const kinds = async (token: string) => ({
      me: (await call(t.app, 'GET', '/api/me', undefined, { token })).json<Me>().keys.map((k) => k.kind),
      keys: (await call(t.app, 'GET', '/api/keys', undefined, { token })).json<KeysResponse>().keys.map((k) => k.kind),
    });
    expect(await kinds(nurse.token)).toEqual({ me: ['general', 'medical'], keys: ['general', 'medical'] });
    expect(await kinds(worker.token)).toEqual({ me: ['general'], keys: ['general'] });
    // The creating administrator holds it to seal it to new health professionals (decision 014).
    expect(await kinds(org.admin.token)).toEqual({ me: ['general', 'medical'], keys: ['general', 'medical'] });

    // A stray row (no route writes one for this member): still never served.
    await t.db
      .insertInto('sealed_keys')
      .values({ organisation_id: org.id, user_id: worker.userId, kind: 'medical', version: 1, sealed: Buffer.from(sealed(), 'base64') })
      .execute();
    expect(await kinds(worker.token)).toEqual({ me: ['general'], keys: ['general'] });

    // The health flag turned off: the key is no longer served, and pushes are refused from then on.
    expect((await call(t.app, 'PATCH', `/api/members/${nurse.userId}`, { healthProfessional: false }, { token: org.admin.token })).status).toBe(200);
    expect(await kinds(nurse.token)).toEqual({ me: ['general'], keys: ['general'] });
    expectError(await push(t.app, nurse.token, [newChange({ collection: 'consultation' })]), 403, 'MEDICAL_FORBIDDEN');
  });
});
