// « Accès restreint »: a restricted member reads and changes only their own comments. The server
// knows who wrote each record (in clear, by design) and enforces it; the texts stay encrypted
// (decision 016).
import type { PullResponse, PushResponse } from '@relais/core/protocol';
import { expect, it } from 'vitest';
import { addMember, createOrganisation, expectError, expectNothingWritten, newChange, pull, push } from '../testing/fixtures.ts';
import { describeEachBackend } from '../testing/harness.ts';

describeEachBackend('accès restreint', (t) => {
  async function ids(token: string): Promise<string[]> {
    const reply = await pull(t.app, token, 0, 1000);
    expect(reply.status).toBe(200);
    return reply.json<PullResponse>().changes.map((c) => c.id);
  }

  it("sends a restricted member their own comments and every person, never another member's comments", async () => {
    const org = await createOrganisation(t.app);
    const restricted = await addMember(t.app, org, { role: 'restricted' });
    const member = await addMember(t.app, org);
    const person = newChange();
    const theirComment = newChange({ collection: 'comment' });
    const ownComment = newChange({ collection: 'comment' });
    expect((await push(t.app, member.token, [person, theirComment])).status).toBe(200);
    expect((await push(t.app, restricted.token, [ownComment])).status).toBe(200);

    expect((await ids(restricted.token)).sort()).toEqual([person.id, ownComment.id].sort());
    // Everyone else reads everything.
    expect((await ids(member.token)).sort()).toEqual([person.id, theirComment.id, ownComment.id].sort());
    expect((await ids(org.admin.token)).sort()).toEqual([person.id, theirComment.id, ownComment.id].sort());
  });

  it("refuses a restricted member's change to another member's comment, writing nothing of the batch, and lets them change their own", async () => {
    const org = await createOrganisation(t.app);
    const restricted = await addMember(t.app, org, { role: 'restricted' });
    const member = await addMember(t.app, org);
    const theirComment = newChange({ collection: 'comment' });
    const ownComment = newChange({ collection: 'comment' });
    expect((await push(t.app, member.token, [theirComment])).status).toBe(200);
    expect((await push(t.app, restricted.token, [ownComment])).status).toBe(200);

    await expectNothingWritten(t.db, async () => {
      const refused = await push(t.app, restricted.token, [newChange(), newChange({ collection: 'comment', id: theirComment.id, baseVersion: 1 })]);
      expectError(refused, 403, 'FORBIDDEN');
      // A stale base version would have answered a conflict with the other's ciphertext: refused first.
      expectError(await push(t.app, restricted.token, [newChange({ collection: 'comment', id: theirComment.id, baseVersion: 0 })]), 403, 'FORBIDDEN');
    });
    const edited = await push(t.app, restricted.token, [newChange({ collection: 'comment', id: ownComment.id, baseVersion: 1 })]);
    expect(edited.status).toBe(200);
    expect(edited.json<PushResponse>().results.map((r) => r.status)).toEqual(['accepted']);
  });
});
