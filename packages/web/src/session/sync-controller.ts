// Drives the sync engine in the background and publishes its status to the UI. Nothing here
// blocks a screen: writes land in the outbox and a sync follows on its own (after writes, every
// 30 s, when the network comes back, and when asked).
import { TransportError } from '@relais/core/sync/types';
import { Store } from './store.ts';

export interface SyncStatus {
  online: boolean;
  syncing: boolean;
  pending: number;
  lastSyncAt: number | null;
  /** French message of the last failure other than being offline. */
  error: string | null;
  /** The server refused the session token. */
  unauthenticated: boolean;
  /** Bumped whenever local data may have changed, so lists reload. */
  revision: number;
}

/** What drives a sync: the data service (in its Worker), or an engine in tests. */
export interface SyncDriver {
  sync(): Promise<{ pushed: number; pulled: number; conflicts: number; pending: number }>;
  pendingCount(): Promise<number>;
}

/** Where the time of the last successful sync is kept (the user database's meta store). */
export interface SyncClockStore {
  getLastSyncAt(): Promise<number | undefined>;
  setLastSyncAt(ms: number): Promise<void>;
}

export const SYNC_INTERVAL_MS = 30_000;
export const WRITE_DEBOUNCE_MS = 1_000;

const SYNC_FAILED = 'La synchronisation a échoué. Vos modifications restent enregistrées sur cet appareil.';

export class SyncController extends Store<SyncStatus> {
  private timer: ReturnType<typeof setInterval> | null = null;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly engine: SyncDriver,
    private readonly store: SyncClockStore,
    private readonly onUnauthenticated: () => void,
  ) {
    super({
      online: typeof navigator === 'undefined' ? true : navigator.onLine,
      syncing: false,
      pending: 0,
      lastSyncAt: null,
      error: null,
      unauthenticated: false,
      revision: 0,
    });
  }

  private readonly handleOnline = () => {
    this.update({ online: true });
    void this.syncNow();
  };

  private readonly handleOffline = () => {
    this.update({ online: false });
  };

  async start(): Promise<void> {
    window.addEventListener('online', this.handleOnline);
    window.addEventListener('offline', this.handleOffline);
    this.timer = setInterval(() => void this.syncNow(), SYNC_INTERVAL_MS);
    const [pending, lastSyncAt] = await Promise.all([this.engine.pendingCount(), this.store.getLastSyncAt()]);
    this.update({ pending, lastSyncAt: lastSyncAt ?? null });
    void this.syncNow();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.handleOnline);
    window.removeEventListener('offline', this.handleOffline);
    if (this.timer) clearInterval(this.timer);
    if (this.debounce) clearTimeout(this.debounce);
  }

  /** Resolves when the sync (or the one it queued behind) ends; never rejects. */
  syncNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** After a local write: show the new pending count now, sync a moment later. */
  async afterWrite(): Promise<void> {
    this.update({ pending: await this.engine.pendingCount(), revision: this.state.revision + 1 });
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.syncNow(), WRITE_DEBOUNCE_MS);
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      await this.once();
    } while (this.again && !this.stopped);
  }

  private async once(): Promise<void> {
    this.update({ syncing: true });
    try {
      const report = await this.engine.sync();
      if (this.stopped) return;
      const now = Date.now();
      await this.store.setLastSyncAt(now);
      const changed = report.pulled > 0 || report.pushed > 0 || report.conflicts > 0;
      this.update({
        online: true,
        syncing: false,
        pending: report.pending,
        lastSyncAt: now,
        error: null,
        unauthenticated: false,
        revision: changed ? this.state.revision + 1 : this.state.revision,
      });
    } catch (error) {
      if (this.stopped) return;
      const pending = await this.engine.pendingCount().catch(() => this.state.pending);
      if (error instanceof TransportError && error.offline) {
        this.update({ online: false, syncing: false, pending, error: null });
      } else if (error instanceof TransportError && error.code === 'UNAUTHENTICATED') {
        this.update({ online: true, syncing: false, pending, unauthenticated: true, error: error.message });
        this.onUnauthenticated();
      } else {
        console.error('sync failed', error);
        const message = error instanceof TransportError ? error.message : SYNC_FAILED;
        this.update({ syncing: false, pending, error: message, revision: this.state.revision + 1 });
      }
    }
  }
}
