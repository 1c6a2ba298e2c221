import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncEngine, SyncReport } from '@relais/core/sync/engine';
import { TransportError } from '@relais/core/sync/types';
import { SyncController, SYNC_INTERVAL_MS, WRITE_DEBOUNCE_MS, type SyncClockStore } from './sync-controller.ts';

class FakeEngine {
  pending = 0;
  calls = 0;
  next: () => Promise<SyncReport> = () => Promise.resolve({ pushed: this.pending, pulled: 0, conflicts: 0, pending: 0, cursor: 0 });
  readonly engine: SyncEngine = {
    write: () => Promise.reject(new Error('unused')),
    remove: () => Promise.reject(new Error('unused')),
    read: () => Promise.reject(new Error('unused')),
    list: () => Promise.reject(new Error('unused')),
    history: () => Promise.reject(new Error('unused')),
    pendingCount: () => Promise.resolve(this.pending),
    sync: async () => {
      this.calls++;
      const report = await this.next();
      this.pending = report.pending;
      return report;
    },
  };
}

class FakeClockStore implements SyncClockStore {
  value: number | undefined;
  getLastSyncAt() {
    return Promise.resolve(this.value);
  }
  setLastSyncAt(ms: number) {
    this.value = ms;
    return Promise.resolve();
  }
}

async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}

describe('SyncController', () => {
  let fake: FakeEngine;
  let clockStore: FakeClockStore;
  let unauthenticated: ReturnType<typeof vi.fn<() => void>>;
  let controller: SyncController;

  beforeEach(() => {
    vi.useFakeTimers();
    fake = new FakeEngine();
    clockStore = new FakeClockStore();
    unauthenticated = vi.fn<() => void>();
    controller = new SyncController(fake.engine, clockStore, () => unauthenticated());
  });

  afterEach(() => {
    controller.stop();
    vi.useRealTimers();
  });

  it('syncs at start, records the time and reports online', async () => {
    fake.pending = 2;
    await controller.start();
    await settle();
    expect(fake.calls).toBe(1);
    const state = controller.getState();
    expect(state).toMatchObject({ online: true, syncing: false, pending: 0, error: null });
    expect(state.lastSyncAt).toBe(clockStore.value);
    expect(state.revision).toBe(1);
  });

  it('goes offline without losing the pending count, and back online on the online event', async () => {
    fake.pending = 3;
    fake.next = () => Promise.reject(new TransportError('offline', true));
    await controller.start();
    await settle();
    expect(controller.getState()).toMatchObject({ online: false, pending: 3, syncing: false, lastSyncAt: null });

    fake.next = () => Promise.resolve({ pushed: 3, pulled: 0, conflicts: 0, pending: 0, cursor: 9 });
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(fake.calls).toBe(2);
    expect(controller.getState()).toMatchObject({ online: true, pending: 0 });
  });

  it('debounces syncs after writes and shows the pending count at once', async () => {
    await controller.start();
    await settle();
    const before = fake.calls;
    for (let i = 1; i <= 3; i++) {
      fake.pending = i;
      await controller.afterWrite();
      expect(controller.getState().pending).toBe(i);
      await vi.advanceTimersByTimeAsync(WRITE_DEBOUNCE_MS / 2);
    }
    expect(fake.calls).toBe(before);
    await vi.advanceTimersByTimeAsync(WRITE_DEBOUNCE_MS);
    expect(fake.calls).toBe(before + 1);
  });

  it('syncs again every interval', async () => {
    await controller.start();
    await settle();
    await vi.advanceTimersByTimeAsync(SYNC_INTERVAL_MS * 2);
    expect(fake.calls).toBe(3);
  });

  it('queues one more sync when asked during a sync', async () => {
    let release: () => void = () => undefined;
    fake.next = () => new Promise((resolve) => (release = () => resolve({ pushed: 0, pulled: 0, conflicts: 0, pending: 0, cursor: 0 })));
    await controller.start();
    await settle();
    expect(controller.getState().syncing).toBe(true);
    const a = controller.syncNow();
    const b = controller.syncNow();
    release();
    await settle();
    release();
    await Promise.all([a, b]);
    expect(fake.calls).toBe(2);
  });

  it('tells the session when the server refuses the token', async () => {
    fake.next = () => Promise.reject(new TransportError('expired', false, 401, 'UNAUTHENTICATED'));
    await controller.start();
    await settle();
    expect(unauthenticated).toHaveBeenCalledOnce();
    expect(controller.getState()).toMatchObject({ unauthenticated: true, online: true });
  });
});
