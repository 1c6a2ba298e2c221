import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ControllerContext, WorkspaceContext } from '../app/context.ts';
import type { AppController, Unlocked, Workspace } from '../session/controller.ts';
import type { DataClient } from './client.ts';
import { LockedError } from './errors.ts';
import { useHistory, useRecord, useRecords, useWriter, type Writer } from './hooks.ts';
import { historyKey, recordKey } from './protocol.ts';
import type { FullRecord, HistoryEntry } from './types.ts';
import { reactRootPerTest } from '../test/react-root.ts';

const dom = reactRootPerTest();

/**
 * A data client as the hooks see it: reads answered from `records` (or refused as by a client
 * closing for a re-opening), nothing read ahead, change notices sent by the test.
 */
class FakeClient {
  readonly reads: string[] = [];
  readonly #listeners = new Set<(keys: ReadonlySet<string>) => void>();
  constructor(
    readonly records: Map<string, FullRecord<Record<string, unknown>>>,
    /** 'closed': refuses every request untouched; 'failing': as if a request was cut off mid-way. */
    readonly refusal: 'closed' | 'failing' | null = null,
  ) {}

  request(method: string, params: { collection: string; id?: string; ids?: string[] }): Promise<unknown> {
    this.reads.push(`${method} ${params.id ?? params.ids?.join(',') ?? ''}`);
    if (this.refusal) return Promise.reject(new LockedError(this.refusal === 'closed'));
    switch (method) {
      case 'create':
        return Promise.resolve('p-new');
      case 'derivedId':
        return Promise.resolve('derived');
      case 'read':
        return Promise.resolve(this.records.get(params.id ?? '') ?? null);
      case 'readMany':
        return Promise.resolve((params.ids ?? []).flatMap((id) => this.records.get(id) ?? []));
      case 'history':
        return Promise.resolve([{ at: params.id } as unknown as HistoryEntry]);
      default:
        return Promise.reject(new Error(`unexpected ${method}`));
    }
  }

  primedRecord(): undefined {
    return undefined;
  }
  primedHistory(): undefined {
    return undefined;
  }
  primed(): null {
    return null;
  }
  onChanged(listener: (keys: ReadonlySet<string>) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  notify(keys: string[]): void {
    for (const listener of this.#listeners) listener(new Set(keys));
  }
}

function person(id: string, name: string): FullRecord<Record<string, unknown>> {
  return { id, fields: { name }, pending: false, deleted: false } as unknown as FullRecord<Record<string, unknown>>;
}

const shown: string[] = [];

beforeEach(() => {
  shown.length = 0;
});

function File({ id }: { id: string }) {
  const record = useRecord('person', id);
  const history = useHistory('person', id);
  const others = useRecords('person', [id]);
  const text = `${record.status === 'found' ? `found ${String((record.fields as unknown as { name: string }).name)}` : record.status} / history ${history.length} / records ${others?.map((r) => String((r.fields as unknown as { name: string }).name)).join(',') ?? 'null'}`;
  shown.push(text);
  return <p>{text}</p>;
}

async function show(client: FakeClient, id: string): Promise<void> {
  const workspace = { data: client as unknown as DataClient } as Workspace;
  await act(async () => {
    dom.root.render(
      <WorkspaceContext.Provider value={{ session: {} as Unlocked, workspace }}>
        <File id={id} />
      </WorkspaceContext.Provider>,
    );
    await Promise.resolve();
  });
  // The reads' answers and the renders they cause.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('data hooks across a re-opened workspace (new keys after a rotation, screen kept mounted)', () => {
  it('read again from the new client; a read refused by the closing client shows nothing missing', async () => {
    const closing = new FakeClient(new Map([['p1', person('p1', 'Avant')]]), 'closed');
    await show(closing, 'p1');
    // Refused because the client was closing: still loading, never « introuvable ».
    expect(dom.container.textContent).toBe('loading / history 0 / records null');
    expect(shown.some((text) => text.startsWith('missing'))).toBe(false);

    const reopened = new FakeClient(new Map([['p1', person('p1', 'Après')]]));
    await show(reopened, 'p1');
    expect(reopened.reads.sort()).toEqual(['history p1', 'read p1', 'readMany p1']);
    expect(dom.container.textContent).toBe('found Après / history 1 / records Après');
  });

  it('what was shown stays until the new client answers, then its answer replaces it; its notices reload', async () => {
    const first = new FakeClient(new Map([['p1', person('p1', 'Un')]]));
    await show(first, 'p1');
    expect(dom.container.textContent).toBe('found Un / history 1 / records Un');

    const second = new FakeClient(new Map([['p1', person('p1', 'Deux')]]));
    shown.length = 0;
    await show(second, 'p1');
    expect(shown[0]).toBe('found Un / history 1 / records Un');
    expect(dom.container.textContent).toBe('found Deux / history 1 / records Deux');

    // The old client's notices no longer reach the screen; the new one's do.
    first.records.set('p1', person('p1', 'Ancien'));
    second.records.set('p1', person('p1', 'Trois'));
    await act(async () => {
      first.notify([recordKey('person', 'p1'), historyKey('person', 'p1')]);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(dom.container.textContent).toBe('found Deux / history 1 / records Deux');
    await act(async () => {
      second.notify([recordKey('person', 'p1')]);
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(dom.container.textContent).toBe('found Trois / history 1 / records Trois');
  });
});

describe('useWriter while the workspace re-opens with new keys', () => {
  function workspaceOf(client: FakeClient, synced: string[], name: string): Workspace {
    return { data: client as unknown as DataClient, sync: { afterWrite: () => synced.push(name) } } as unknown as Workspace;
  }

  async function writerFor(workspace: Workspace, afterReopening: Workspace | null): Promise<Writer> {
    let writer: Writer | null = null;
    function Probe() {
      writer = useWriter();
      return null;
    }
    const controller = { workspaceAfterReopening: () => Promise.resolve(afterReopening) } as unknown as AppController;
    await act(async () => {
      dom.root.render(
        <ControllerContext.Provider value={controller}>
          <WorkspaceContext.Provider value={{ session: {} as Unlocked, workspace }}>
            <Probe />
          </WorkspaceContext.Provider>
        </ControllerContext.Provider>,
      );
      await Promise.resolve();
    });
    if (!writer) throw new Error('no writer');
    return writer;
  }

  it('sends a write refused untouched to the re-opened workspace, and syncs that one', async () => {
    const synced: string[] = [];
    const closing = new FakeClient(new Map(), 'closed');
    const reopened = new FakeClient(new Map());
    const writer = await writerFor(workspaceOf(closing, synced, 'old'), workspaceOf(reopened, synced, 'new'));
    await expect(writer.create('person', { name: 'X' } as never)).resolves.toBe('p-new');
    expect(reopened.reads).toEqual(['create ']);
    expect(synced).toEqual(['new']);
    // An id derivation is retried the same way, and is not a write to sync.
    await expect(writer.derivedId('a', 'b')).resolves.toBe('derived');
    expect(synced).toEqual(['new']);
  });

  it('never sends again a write that may have run, nor one refused by a lock', async () => {
    const synced: string[] = [];
    const reopened = workspaceOf(new FakeClient(new Map()), synced, 'new');
    const cutOff = await writerFor(workspaceOf(new FakeClient(new Map(), 'failing'), synced, 'old'), reopened);
    await expect(cutOff.update('person', 'p1', { name: 'Y' } as never)).rejects.toMatchObject({ name: 'LockedError', untouched: false });
    const locked = await writerFor(workspaceOf(new FakeClient(new Map(), 'closed'), synced, 'old'), null);
    await expect(locked.remove('person', 'p1')).rejects.toMatchObject({ name: 'LockedError', untouched: true });
    expect(synced).toEqual([]);
  });
});
