import { PROTOCOL_VERSION, PullResponse, PushResponse } from '@relais/core/protocol';
import { expect, it } from 'vitest';
import { addMember, call, createOrganisation, expectError, expectNothingWritten, newChange, pull, push } from '../testing/fixtures.ts';
import { describeEachBackend } from '../testing/harness.ts';
import { hiddenCollections, pullPage } from './pull.ts';
import { MEDICAL_COLLECTIONS } from '@relais/core/collections';

describeEachBackend('GET /api/sync/pull', (t) => {
  it('pages the changes since a sequence, oldest first, each record at its latest version', async () => {
    const org = await createOrganisation(t.app);
    const changes = Array.from({ length: 25 }, () => newChange());
    await push(t.app, org.admin.token, changes);
    const edit = newChange({ id: changes[3]!.id, baseVersion: 1 });
    await push(t.app, org.admin.token, [edit]);

    const seen: PullResponse['changes'] = [];
    let since = 0;
    let pages = 0;
    for (;;) {
      const reply = await pull(t.app, org.admin.token, since, 10);
      expect(reply.status).toBe(200);
      const page = reply.json<PullResponse>();
      expect(page.protocol).toBe(PROTOCOL_VERSION);
      expect(page.changes.length).toBeLessThanOrEqual(10);
      seen.push(...page.changes);
      pages += 1;
      since = page.next;
      if (!page.more) break;
    }
    expect(pages).toBe(3);
    expect(seen.map((c) => c.seq)).toEqual([...Array.from({ length: 25 }, (_, i) => i + 1).filter((s) => s !== 4), 26]);
    expect(seen.at(-1)).toMatchObject({ id: edit.id, version: 2, seq: 26, ciphertext: edit.ciphertext, authorId: org.admin.userId, collection: 'person', keyVersion: 1, deleted: false });
    expect(seen.map((c) => c.ciphertext)).toEqual([...changes.filter((_, i) => i !== 3).map((c) => c.ciphertext), edit.ciphertext]);
    const last = (await pull(t.app, org.admin.token, since)).json<PullResponse>();
    expect(last).toEqual({ protocol: PROTOCOL_VERSION, changes: [], next: since, more: false });
  });

  it('answers in the exact wire shape clients parse (core schemas)', async () => {
    const org = await createOrganisation(t.app);
    const member = await addMember(t.app, org, { role: 'stats' });
    const pushed = await push(t.app, org.admin.token, [newChange(), newChange({ collection: 'history', deleted: true })]);
    expect(() => PushResponse.parse(pushed.body)).not.toThrow();
    const conflict = await push(t.app, org.admin.token, [newChange({ id: pushed.json<PushResponse>().results[0]!.id, baseVersion: 5 })]);
    expect(PushResponse.parse(conflict.body).results[0]!.status).toBe('conflict');
    const page = await pull(t.app, member.token);
    expect(page.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(PullResponse.strict().parse(page.body).changes).toHaveLength(2);
    for (const change of page.json<PullResponse>().changes) expect(() => PullResponse.shape.changes.element.strict().parse(change)).not.toThrow();
  });

  it('leaves hidden collections out of pages and of `more`', async () => {
    const org = await createOrganisation(t.app);
    const person = newChange();
    const history = Array.from({ length: 3 }, () => newChange({ collection: 'history' }));
    await push(t.app, org.admin.token, [person, ...history]);
    const page = JSON.parse((await pullPage(t.db, org.id, { since: 0, limit: 1, hidden: ['history'] })).json) as PullResponse;
    expect(page.changes.map((c) => c.id)).toEqual([person.id]);
    expect([page.next, page.more]).toEqual([1, false]);
    const rest = JSON.parse((await pullPage(t.db, org.id, { since: 1, limit: 10, hidden: ['history'] })).json) as PullResponse;
    expect(rest).toEqual({ protocol: PROTOCOL_VERSION, changes: [], next: 1, more: false });
    const all = JSON.parse((await pullPage(t.db, org.id, { since: 0, limit: 10, hidden: [] })).json) as PullResponse;
    expect(all.changes).toHaveLength(4);
    // A member who is not a health professional has the dossier médical hidden, and only it.
    expect(hiddenCollections({ role: 'member', healthProfessional: false })).toEqual([...MEDICAL_COLLECTIONS]);
    expect(hiddenCollections({ role: 'member', healthProfessional: true })).toEqual([]);
  });

  it('limits a pull to the requested collections and, at its end, answers the organisation sequence as `next`', async () => {
    const org = await createOrganisation(t.app);
    const persons = [newChange(), newChange()];
    const others = Array.from({ length: 3 }, () => newChange({ collection: 'history' }));
    // Sequences: person 1, history 2-4, person 5, history 6.
    await push(t.app, org.admin.token, [persons[0]!, ...others]);
    await push(t.app, org.admin.token, [persons[1]!]);
    await push(t.app, org.admin.token, [newChange({ collection: 'history' })]);

    const first = (await call(t.app, 'GET', '/api/sync/pull?since=0&limit=1&collections=person', undefined, { token: org.admin.token })).json<PullResponse>();
    expect(first.changes.map((c) => c.id)).toEqual([persons[0]!.id]);
    expect([first.next, first.more]).toEqual([1, true]);
    const second = (await call(t.app, 'GET', `/api/sync/pull?since=${first.next}&limit=1&collections=person`, undefined, { token: org.admin.token })).json<PullResponse>();
    expect(second.changes.map((c) => c.id)).toEqual([persons[1]!.id]);
    // The last page: no person after 5, and nothing the filter could miss up to 6.
    expect([second.next, second.more]).toEqual([6, false]);

    const rest = (await call(t.app, 'GET', '/api/sync/pull?since=0&collections=history,history', undefined, { token: org.admin.token })).json<PullResponse>();
    expect(rest.changes.map((c) => c.collection)).toEqual(['history', 'history', 'history', 'history']);
    expect([rest.next, rest.more]).toEqual([6, false]);
    const both = JSON.parse((await pullPage(t.db, org.id, { since: 0, limit: 10, hidden: [], only: ['person', 'history'] })).json) as PullResponse;
    expect(both.changes).toHaveLength(6);
    expectError(await call(t.app, 'GET', '/api/sync/pull?collections=unknown', undefined, { token: org.admin.token }), 400, 'VALIDATION_FAILED');
  });

  it('says `more` only when another page exists, with a page exactly full', async () => {
    const org = await createOrganisation(t.app);
    await push(t.app, org.admin.token, Array.from({ length: 4 }, () => newChange()));
    const full = (await pull(t.app, org.admin.token, 0, 4)).json<PullResponse>();
    expect([full.changes.length, full.next, full.more]).toEqual([4, 4, false]);
    const partial = (await pull(t.app, org.admin.token, 0, 3)).json<PullResponse>();
    expect([partial.changes.length, partial.next, partial.more]).toEqual([3, 3, true]);
  });

  it('defaults to pages of 1000 and caps the limit', async () => {
    const org = await createOrganisation(t.app);
    const many = Array.from({ length: 1001 }, () => newChange({ ciphertext: undefined }));
    for (let i = 0; i < many.length; i += 500) await push(t.app, org.admin.token, many.slice(i, i + 500).map((c) => ({ ...c, ciphertext: newChange().ciphertext })));
    const page = await call(t.app, 'GET', '/api/sync/pull', undefined, { token: org.admin.token });
    const body = page.json<PullResponse>();
    expect([body.changes.length, body.next, body.more]).toEqual([1000, 1000, true]);
    expectError(await pull(t.app, org.admin.token, 0, 1001), 400, 'VALIDATION_FAILED');
  });

  it("returns only the caller's organisation", async () => {
    const org = await createOrganisation(t.app);
    const other = await createOrganisation(t.app);
    const mine = newChange();
    await push(t.app, org.admin.token, [mine]);
    await push(t.app, other.admin.token, [newChange(), newChange()]);
    const page = (await pull(t.app, org.admin.token)).json<PullResponse>();
    expect(page.changes.map((c) => c.id)).toEqual([mine.id]);
  });

  it('refuses bad queries with 400 and unauthenticated calls with 401, writing nothing', async () => {
    const org = await createOrganisation(t.app);
    const token = org.admin.token;
    await expectNothingWritten(t.db, async () => {
      for (const query of ['since=-1', 'since=abc', 'limit=0', 'limit=1.5', 'since=1e400', 'since=99999999999999999999', 'since=9223372036854775808']) {
        expectError(await call(t.app, 'GET', `/api/sync/pull?${query}`, undefined, { token }), 400, 'VALIDATION_FAILED');
      }
      expectError(await call(t.app, 'GET', `/api/sync/pull?protocol=${PROTOCOL_VERSION + 1}`, undefined, { token }), 400, 'PROTOCOL_MISMATCH');
      expectError(await call(t.app, 'GET', '/api/sync/pull'), 401, 'UNAUTHENTICATED');
    });
    expect((await call(t.app, 'GET', `/api/sync/pull?protocol=${PROTOCOL_VERSION}&since=0`, undefined, { token })).status).toBe(200);
  });
});
