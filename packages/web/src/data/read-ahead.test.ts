import { describe, expect, it } from 'vitest';
import type { Collection } from '@relais/core/collections';
import { PROTOCOL_VERSION, type PullResponse, type PushRequest } from '@relais/core/protocol';
import { TransportError } from '@relais/core/sync/types';
import { ReadAheadTransport } from './read-ahead.ts';
import type { SyncTransport } from './service.ts';
import { FakeServer, newId } from './test-support.ts';

function pushRequest(collection: Collection, count: number): PushRequest {
  return {
    protocol: PROTOCOL_VERSION,
    changes: Array.from({ length: count }, () => ({ changeId: newId(), collection, id: newId(), baseVersion: 0, keyVersion: 1, deleted: false, ciphertext: 'AAAA' })),
  };
}

/** Pulls as the sync engine does: from `since`, page after page, until the server says no more. */
async function pullAll(transport: SyncTransport, since = 0, between?: (page: number) => Promise<void>): Promise<{ ids: string[]; cursor: number }> {
  const ids: string[] = [];
  let cursor = since;
  for (let n = 0; ; n++) {
    const page = await transport.pull(cursor, 4);
    ids.push(...page.changes.map((c) => c.id));
    await between?.(n);
    const next = Math.max(cursor, page.next);
    if (!page.more || next === cursor) return { ids, cursor: next };
    cursor = next;
  }
}

/** A transport whose pulls the test answers by hand, to see when each one is asked. */
class ManualTransport implements SyncTransport {
  only: readonly Collection[] | undefined = undefined;
  readonly asked: { since: number; only: string; answer: (page: PullResponse) => void; fail: (error: Error) => void }[] = [];
  setToken(): void {}
  push(): Promise<never> {
    return Promise.reject(new Error('not used'));
  }
  pull(since: number): Promise<PullResponse> {
    return new Promise((answer, fail) => this.asked.push({ since, only: this.only?.join(',') ?? '*', answer, fail }));
  }
}

function page(next: number, more: boolean): PullResponse {
  return { protocol: PROTOCOL_VERSION, changes: [], next, more };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ReadAheadTransport', () => {
  it('asks for the next page as soon as a page with more arrives, and answers the next pull with it', async () => {
    const inner = new ManualTransport();
    const transport = new ReadAheadTransport(inner);
    const first = transport.pull(0, 4);
    inner.asked[0]!.answer(page(10, true));
    await first;
    // The page after it is already on its way before the engine asks for it.
    expect(inner.asked.map((a) => a.since)).toEqual([0, 10]);
    const second = transport.pull(10, 4);
    inner.asked[1]!.answer(page(20, false));
    expect(await second).toEqual(page(20, false));
    // The last page: nothing more is read ahead.
    await tick();
    expect(inner.asked).toHaveLength(2);
  });

  it('gives every record once, in order, the same as without read-ahead, even with a push in the middle', async () => {
    const server = new FakeServer();
    server.push(pushRequest('person', 10), 'a');
    server.push(pushRequest('comment', 13), 'a');
    const plain = await pullAll(server.transport('b'));
    const ahead = await pullAll(new ReadAheadTransport(server.transport('b')));
    expect(ahead).toEqual(plain);
    expect(new Set(ahead.ids).size).toBe(23);
    // Records written while a pull is under way come in the same pull.
    const transport = new ReadAheadTransport(server.transport('b'));
    const during = await pullAll(transport, 0, async (n) => {
      if (n === 1) await transport.push(pushRequest('comment', 3));
    });
    expect(during.ids).toHaveLength(26);
    expect(new Set(during.ids).size).toBe(26);
  });

  it('drops what it read ahead when the filter, the token or the cursor asked changes', async () => {
    const inner = new ManualTransport();
    const transport = new ReadAheadTransport(inner);
    transport.only = ['person'];
    expect(inner.only).toEqual(['person']);
    const first = transport.pull(0, 4);
    inner.asked[0]!.answer(page(10, true));
    await first;
    expect(inner.asked[1]).toMatchObject({ since: 10, only: 'person' });
    // The persons phase ends early (a lock, say) and the rest phase starts: a fresh request.
    transport.only = undefined;
    const rest = transport.pull(10, 4);
    expect(inner.asked[2]).toMatchObject({ since: 10, only: '*' });
    inner.asked[2]!.answer(page(30, true));
    expect(await rest).toEqual(page(30, true));
    transport.setToken('renewed');
    const again = transport.pull(30, 4);
    expect(inner.asked.map((a) => a.since)).toEqual([0, 10, 10, 30, 30]);
    inner.asked[4]!.answer(page(30, false));
    await again;
  });

  it('asks again when the read-ahead failed, so the engine sees the current answer', async () => {
    const inner = new ManualTransport();
    const transport = new ReadAheadTransport(inner);
    const first = transport.pull(0, 4);
    inner.asked[0]!.answer(page(10, true));
    await first;
    inner.asked[1]!.fail(new TransportError('offline', true));
    const second = transport.pull(10, 4);
    await tick();
    expect(inner.asked.map((a) => a.since)).toEqual([0, 10, 10]);
    inner.asked[2]!.fail(new TransportError('still offline', true));
    await expect(second).rejects.toThrow('still offline');
  });
});
