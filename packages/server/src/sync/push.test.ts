import { PROTOCOL_VERSION, type PullResponse, type PushResponse } from '@relais/core/protocol';
import { expect, it } from 'vitest';
import { addMember, call, createOrganisation, envelope, expectError, expectNothingWritten, newChange, pull, push, randomB64, uuid } from '../testing/fixtures.ts';
import { describeEachBackend } from '../testing/harness.ts';

describeEachBackend('POST /api/sync/push', (t) => {
  it('accepts new records with version 1 and increasing sequences, then updates on the right base', async () => {
    const org = await createOrganisation(t.app);
    const a = newChange();
    const b = newChange({ collection: 'history' });
    const first = await push(t.app, org.admin.token, [a, b]);
    expect(first.status).toBe(200);
    expect(first.json<PushResponse>()).toEqual({
      protocol: PROTOCOL_VERSION,
      results: [
        { changeId: a.changeId, id: a.id, status: 'accepted', version: 1, seq: 1 },
        { changeId: b.changeId, id: b.id, status: 'accepted', version: 1, seq: 2 },
      ],
    });
    const update = newChange({ id: a.id, baseVersion: 1, deleted: true });
    expect((await push(t.app, org.admin.token, [update])).json<PushResponse>().results).toEqual([
      { changeId: update.changeId, id: a.id, status: 'accepted', version: 2, seq: 3 },
    ]);
    const rows = await t.db.selectFrom('records').selectAll().where('organisation_id', '=', org.id).orderBy('seq').execute();
    expect(rows.map((r) => [r.collection, r.id, r.version, r.seq, r.deleted, r.author_id, r.ciphertext])).toEqual([
      ['history', b.id, 1, 2, false, org.admin.userId, b.ciphertext],
      ['person', a.id, 2, 3, true, org.admin.userId, update.ciphertext],
    ]);
    const orgRow = await t.db.selectFrom('organisations').select('seq').where('id', '=', org.id).executeTakeFirstOrThrow();
    expect(orgRow.seq).toBe(3);
  });

  it('answers a stale base version with a conflict carrying the current record, and writes nothing for it', async () => {
    const org = await createOrganisation(t.app);
    const member = await addMember(t.app, org);
    const created = newChange();
    await push(t.app, org.admin.token, [created]);
    const winner = newChange({ id: created.id, baseVersion: 1 });
    await push(t.app, member.token, [winner]);
    const stale = newChange({ id: created.id, baseVersion: 1 });
    const fresh = newChange();
    let reply: Awaited<ReturnType<typeof push>> | undefined;
    await expectNothingWritten(t.db, async () => {
      reply = await push(t.app, org.admin.token, [stale]);
    });
    const [result] = reply!.json<PushResponse>().results;
    expect(result).toMatchObject({
      changeId: stale.changeId,
      id: created.id,
      status: 'conflict',
      current: { collection: 'person', id: created.id, version: 2, seq: 2, keyVersion: 1, deleted: false, authorId: member.userId, ciphertext: winner.ciphertext },
    });
    expect(Number.isNaN(Date.parse((result as { current: { updatedAt: string } }).current.updatedAt))).toBe(false);
    // A conflict does not block the other changes of the batch; a base ahead of the server conflicts too.
    const ahead = newChange({ id: created.id, baseVersion: 7 });
    const mixed = (await push(t.app, org.admin.token, [ahead, fresh])).json<PushResponse>().results;
    expect(mixed.map((r) => r.status)).toEqual(['conflict', 'accepted']);
    // The conflict answer equals what a pull shows for that record.
    const pulled = (await pull(t.app, org.admin.token)).json<PullResponse>().changes.find((c) => c.id === created.id);
    expect(pulled).toEqual((mixed[0] as { current: unknown }).current);
  });

  it('answers a retried batch identically and writes nothing the second time', async () => {
    const org = await createOrganisation(t.app);
    const base = newChange();
    await push(t.app, org.admin.token, [base]);
    const batch = [newChange(), newChange({ id: base.id, baseVersion: 1 }), newChange({ collection: 'history' })];
    const first = await push(t.app, org.admin.token, batch);
    expect(first.status).toBe(200);
    let second: Awaited<ReturnType<typeof push>> | undefined;
    await expectNothingWritten(t.db, async () => {
      second = await push(t.app, org.admin.token, batch);
    });
    expect(second!.json()).toEqual(first.json());
    // Retried one by one, in another order, with a new change added: same answers, one new sequence.
    const extra = newChange();
    const third = (await push(t.app, org.admin.token, [batch[2]!, extra, batch[0]!])).json<PushResponse>().results;
    const firstResults = first.json<PushResponse>().results;
    expect(third).toEqual([firstResults[2], { changeId: extra.changeId, id: extra.id, status: 'accepted', version: 1, seq: 5 }, firstResults[0]]);
    const count = await t.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', org.id).executeTakeFirstOrThrow();
    expect(count.n).toBe(4);
  });

  it('applies two changes of one record in one batch in order, and repeated change ids once', async () => {
    const org = await createOrganisation(t.app);
    const c1 = newChange();
    const c2 = newChange({ id: c1.id, baseVersion: 1 });
    const c3 = newChange({ id: c1.id, baseVersion: 1 });
    const results = (await push(t.app, org.admin.token, [c1, c2, c1, c3])).json<PushResponse>().results;
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'conflict']);
    expect(results[2]).toEqual(results[0]);
    expect(results[3]).toMatchObject({ status: 'conflict', current: { version: 2, seq: 2, ciphertext: c2.ciphertext } });
    const row = await t.db.selectFrom('records').selectAll().where('organisation_id', '=', org.id).executeTakeFirstOrThrow();
    expect([row.version, row.seq, row.ciphertext]).toEqual([2, 2, c2.ciphertext]);
  });

  it('refuses a whole batch with one invalid change, writing nothing', async () => {
    const org = await createOrganisation(t.app);
    const existing = newChange();
    await push(t.app, org.admin.token, [existing]);
    const good = newChange();
    const bytes = Buffer.from(envelope(1), 'base64');
    const wrongFormat = Buffer.from(bytes);
    wrongFormat[0] = 2;
    const cases: [string, unknown, number, string][] = [
      ['unknown collection', { ...newChange(), collection: 'secrets' }, 400, 'VALIDATION_FAILED'],
      ['negative base', { ...newChange(), baseVersion: -1 }, 400, 'VALIDATION_FAILED'],
      ['not base64', { ...newChange(), ciphertext: 'not base64!' }, 400, 'VALIDATION_FAILED'],
      ['too short for an envelope', { ...newChange(), ciphertext: randomB64(44) }, 400, 'VALIDATION_FAILED'],
      ['unknown envelope format', { ...newChange(), ciphertext: wrongFormat.toString('base64') }, 400, 'VALIDATION_FAILED'],
      ['header key version differs', { ...newChange(), ciphertext: envelope(2) }, 400, 'VALIDATION_FAILED'],
      ['key version not in org_keys', newChange({ keyVersion: 2 }), 400, 'KEY_VERSION_UNKNOWN'],
      ['base version of a record the server lacks', newChange({ baseVersion: 3 }), 400, 'VALIDATION_FAILED'],
      ['change id reused for another record', { ...newChange(), changeId: existing.changeId }, 400, 'VALIDATION_FAILED'],
      ['bad record id', { ...newChange(), id: 'abc' }, 400, 'VALIDATION_FAILED'],
      ['missing field', { ...newChange(), deleted: undefined }, 400, 'VALIDATION_FAILED'],
      ['oversized record', { ...newChange(), ciphertext: envelope(1, 300 * 1024) }, 400, 'VALIDATION_FAILED'],
    ];
    await expectNothingWritten(t.db, async () => {
      for (const [label, bad, status, code] of cases) {
        const reply = await push(t.app, org.admin.token, [good, bad as never]);
        expect({ label, status: reply.status, code: reply.code }).toEqual({ label, status, code });
      }
      const token = org.admin.token;
      expectError(await call(t.app, 'POST', '/api/sync/push', { protocol: PROTOCOL_VERSION, changes: [] }, { token }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', '/api/sync/push', { protocol: PROTOCOL_VERSION, changes: Array.from({ length: 501 }, () => newChange()) }, { token }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', '/api/sync/push', { changes: [good] }, { token }), 400, 'VALIDATION_FAILED');
      expectError(await call(t.app, 'POST', '/api/sync/push', { protocol: PROTOCOL_VERSION + 1, changes: [good] }, { token }), 400, 'PROTOCOL_MISMATCH');
      expectError(await call(t.app, 'POST', '/api/sync/push', { protocol: 0, changes: 'x' }, { token }), 400, 'PROTOCOL_MISMATCH');
      expectError(await call(t.app, 'POST', '/api/sync/push', undefined, { token, raw: '{"protocol":1,"changes":[' }), 400, 'MALFORMED_JSON');
      expectError(await call(t.app, 'POST', '/api/sync/push', undefined, { token, raw: 'x', headers: { 'content-type': 'application/octet-stream' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
      const huge = Array.from({ length: 80 }, () => ({ ...newChange(), ciphertext: envelope(1, 200 * 1024) }));
      expectError(await call(t.app, 'POST', '/api/sync/push', { protocol: PROTOCOL_VERSION, changes: huge }, { token }), 413, 'BODY_TOO_LARGE');
      expectError(await push(t.app, 'nope', [good]), 401, 'UNAUTHENTICATED');
    });
  });

  it("keeps organisations apart: the same record id elsewhere is another record, and foreign tokens don't reach", async () => {
    const org = await createOrganisation(t.app);
    const other = await createOrganisation(t.app);
    const mine = newChange();
    await push(t.app, org.admin.token, [mine]);
    // The other organisation writing the same id creates its own record, version 1, its own seq 1.
    const theirs = newChange({ id: mine.id });
    expect((await push(t.app, other.admin.token, [theirs])).json<PushResponse>().results[0]).toMatchObject({ status: 'accepted', version: 1, seq: 1 });
    // Updating "my" record from the other organisation with my base version is not possible: it sees its own.
    const attempt = newChange({ id: mine.id, baseVersion: 1, changeId: uuid() });
    expect((await push(t.app, other.admin.token, [attempt])).json<PushResponse>().results[0]).toMatchObject({ status: 'accepted', version: 2 });
    const row = await t.db.selectFrom('records').select(['version', 'ciphertext']).where('organisation_id', '=', org.id).where('id', '=', mine.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ version: 1, ciphertext: mine.ciphertext });
    // A change id used by another organisation is a new change here.
    expect((await push(t.app, org.admin.token, [newChange({ changeId: theirs.changeId })])).json<PushResponse>().results[0]).toMatchObject({ status: 'accepted', seq: 2 });
  });

  it('lets the stats role pull but not push; pending members do neither', async () => {
    const org = await createOrganisation(t.app);
    const stats = await addMember(t.app, org, { role: 'stats' });
    const restricted = await addMember(t.app, org, { role: 'restricted' });
    const pending = await addMember(t.app, org, { confirm: false });
    await push(t.app, org.admin.token, [newChange()]);
    await expectNothingWritten(t.db, async () => {
      expectError(await push(t.app, stats.token, [newChange()]), 403, 'FORBIDDEN');
      expectError(await push(t.app, pending.token, [newChange()]), 403, 'MEMBER_NOT_ACTIVE');
    });
    expect((await pull(t.app, stats.token)).json<PullResponse>().changes).toHaveLength(1);
    expect((await push(t.app, restricted.token, [newChange()])).status).toBe(200);
  });
});
