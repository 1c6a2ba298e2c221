// Service counters: every member keeps their own counter record per team × day × service (core's
// serviceCountId), so two people tapping « + » at once never conflict. A tap must feel instant and rapid taps must not be lost while earlier writes are still on their
// way to the local store, hence the per-record queue with an optimistic value.

export interface CounterStore {
  create(id: string, count: number): Promise<void>;
  update(id: string, count: number): Promise<void>;
}

interface Override {
  value: number;
  inFlight: number;
  exists: boolean;
}

export class CounterQueue {
  private readonly overrides = new Map<string, Override>();
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly store: CounterStore,
    private readonly onChange: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** This member's count for the record: the latest tap while it is not yet in the index. */
  value(id: string, indexed: number | undefined): number {
    const o = this.overrides.get(id);
    if (!o) return indexed ?? 0;
    if (o.inFlight === 0 && indexed === o.value) this.overrides.delete(id);
    return o.value;
  }

  /** Whether a write for the record has not reached the local store yet. */
  busy(id: string): boolean {
    return (this.overrides.get(id)?.inFlight ?? 0) > 0;
  }

  /** Once writes are done, the index is the truth again (it may hold another device's change). */
  settle(id: string): void {
    const o = this.overrides.get(id);
    if (o && o.inFlight === 0) {
      this.overrides.delete(id);
      this.onChange();
    }
  }

  /** Adds `delta` to this member's count; false (nothing written) when it would go below zero. */
  step(id: string, indexed: number | undefined, delta: number): boolean {
    const current = this.value(id, indexed);
    const next = current + delta;
    if (next < 0) return false;
    const o = this.overrides.get(id) ?? { value: current, inFlight: 0, exists: indexed !== undefined };
    o.value = next;
    o.inFlight += 1;
    this.overrides.set(id, o);
    this.onChange();
    const previous = this.chains.get(id) ?? Promise.resolve();
    const run = previous.then(async () => {
      try {
        if (o.exists) await this.store.update(id, next);
        else {
          await this.store.create(id, next);
          o.exists = true;
        }
      } catch (error) {
        // The record may have arrived from elsewhere meanwhile: the next tap retries as an update.
        o.exists = o.exists || indexed !== undefined;
        this.overrides.delete(id);
        this.onError(error);
      } finally {
        o.inFlight -= 1;
        this.onChange();
      }
    });
    this.chains.set(id, run);
    void run.finally(() => {
      if (this.chains.get(id) === run) this.chains.delete(id);
    });
    return true;
  }

  /** Resolves when every queued write has been attempted (tests, leaving the screen). */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }
}
