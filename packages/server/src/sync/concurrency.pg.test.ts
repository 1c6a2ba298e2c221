// Pushes in parallel on the real PostgreSQL (several pool connections, real row locks): every
// accepted change gets a distinct sequence, the sequences have no gap, and a puller running
// during the pushes, page by page, ends up with every record (it never skips a sequence that
// commits after it has moved past it).
import type { PullResponse, PushResponse } from '@relais/core/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganisation, newChange, pull, push, type TestUser } from '../testing/fixtures.ts';
import { TestBackend } from '../testing/harness.ts';

describe('concurrent pushes [postgres]', () => {
  const t = new TestBackend('postgres', {});
  beforeAll(() => t.start());
  afterAll(() => t.stop());

  it('hands out distinct, gapless sequences in commit order while a puller follows', async () => {
    const org = await createOrganisation(t.app);
    const writers: TestUser[] = [org.admin];
    for (let i = 0; i < 3; i++) writers.push(await addMember(t.app, org));
    const shared = newChange();
    await push(t.app, org.admin.token, [shared]);

    const ROUNDS = 12;
    const PER_BATCH = 4;
    let writing = true;
    const pulled = new Map<string, number>();
    const pulledSeqs: number[] = [];
    const puller = (async () => {
      let since = 0;
      for (;;) {
        const done = !writing;
        const reply = await pull(t.app, org.admin.token, since, 7);
        if (reply.status !== 200) throw new Error(`pull answered ${reply.status}`);
        const page = reply.json<PullResponse>();
        for (const change of page.changes) {
          pulled.set(change.id, change.version);
          pulledSeqs.push(change.seq);
        }
        since = page.next;
        if (done && !page.more) return;
      }
    })();

    const accepted: { id: string; seq: number }[] = [];
    let sharedWins = 0;
    const outcomes = await Promise.allSettled(
      writers.flatMap((writer) =>
        Array.from({ length: 2 }, async () => {
          let sharedBase = 1;
          for (let round = 0; round < ROUNDS; round++) {
            const batch = Array.from({ length: PER_BATCH }, () => newChange());
            batch.push(newChange({ id: shared.id, baseVersion: sharedBase }));
            const reply = await push(t.app, writer.token, batch);
            expect(reply.status).toBe(200);
            for (const result of reply.json<PushResponse>().results) {
              if (result.status === 'accepted') {
                accepted.push({ id: result.id, seq: result.seq });
                if (result.id === shared.id) {
                  sharedWins += 1;
                  sharedBase = result.version;
                }
              } else {
                expect(result.id).toBe(shared.id);
                sharedBase = result.current.version;
              }
            }
          }
        }),
      ),
    );
    writing = false;
    await puller;
    for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;

    const seqs = accepted.map((a) => a.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(seqs.length);
    // Sequence 1 went to the shared record's creation; every later one to an accepted change here.
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 2));
    const newIds = accepted.filter((a) => a.id !== shared.id).map((a) => a.id);
    expect(newIds).toHaveLength(writers.length * 2 * ROUNDS * PER_BATCH);
    for (const id of newIds) expect(pulled.has(id)).toBe(true);
    expect(pulled.get(shared.id)).toBe(1 + sharedWins);
    // Pages came in strictly increasing sequence order.
    expect(pulledSeqs).toEqual([...pulledSeqs].sort((a, b) => a - b));
    expect(new Set(pulledSeqs).size).toBe(pulledSeqs.length);
    expect(sharedWins).toBeGreaterThan(0);
    const org_ = await t.db.selectFrom('organisations').select('seq').where('id', '=', org.id).executeTakeFirstOrThrow();
    expect(org_.seq).toBe(seqs.at(-1));
  });
});
