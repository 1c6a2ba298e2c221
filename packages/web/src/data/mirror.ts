// The page's copy of one collection's index, kept current by the Worker's events, read by React
// through useSyncExternalStore. Holds summaries only, never full documents.
import type { Collection } from '@relais/core/collections';
import type { WorkerEvent } from './protocol.ts';
import type { Item, TrashEntry } from './types.ts';

type Listener = () => void;

class Observable {
  readonly #listeners = new Set<Listener>();

  readonly subscribe = (listener: Listener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  protected notify(): void {
    for (const listener of this.#listeners) listener();
  }
}

/**
 * What changed from one snapshot of an index to a later one: the ids removed or replaced
 * (`touched`) and the items now live among them (`added`).
 */
export interface IndexChange {
  touched: ReadonlySet<string>;
  added: readonly Item<unknown>[];
}

/** A snapshot's changes from the snapshot before it. */
interface Step {
  from: Item<unknown>[];
  touched: Set<string>;
  latest: Map<string, Item<unknown>>;
}

/** How many snapshots back `changesBetween` can follow (a consumer further behind compares instead). */
const MAX_STEPS = 16;

export class IndexMirror extends Observable {
  #items = new Map<string, Item<unknown>>();
  #loaded = false;
  /** Rebuilt lazily after a change, so a burst of events costs one array. */
  #snapshot: Item<unknown>[] | null = null;
  /** The last snapshots built, oldest first (at most MAX_STEPS: each one's step holds the one before). */
  readonly #recent: Item<unknown>[][] = [];
  /** The changes applied since the last snapshot (null after a reset: not a change of it). */
  #pending: Omit<Step, 'from'> | null = null;
  /** The recent snapshots' changes from the one before each. */
  readonly #steps = new WeakMap<Item<unknown>[], Step>();

  constructor(readonly collection: Collection) {
    super();
  }

  get loaded(): boolean {
    return this.#loaded;
  }

  /** Every live record's summary, or null until the Worker has sent the whole index once. */
  readonly getSnapshot = (): Item<unknown>[] | null => {
    if (!this.#loaded) return null;
    if (this.#snapshot === null) {
      const snapshot = [...this.#items.values()];
      const previous = this.#recent.at(-1);
      if (previous && this.#pending !== null) this.#steps.set(snapshot, { from: previous, ...this.#pending });
      else this.#recent.length = 0;
      this.#recent.push(snapshot);
      // The oldest kept snapshot forgets its own predecessor: the chain holds MAX_STEPS arrays, not every one since the start.
      if (this.#recent.length > MAX_STEPS) {
        this.#recent.shift();
        this.#steps.delete(this.#recent[0]!);
      }
      this.#snapshot = snapshot;
      this.#pending = { touched: new Set(), latest: new Map() };
    }
    return this.#snapshot;
  };

  /**
   * What changed from snapshot `from` to the later snapshot `to` (both from getSnapshot), or null
   * when that is not known (a reset between them, or too many snapshots apart): the screens that
   * keep something per person (the search's order) update it from this instead of comparing
   * 5,000 items.
   */
  changesBetween(from: readonly Item<unknown>[], to: readonly Item<unknown>[]): IndexChange | null {
    const steps: Step[] = [];
    let at = to as Item<unknown>[];
    while (at !== from) {
      const step = this.#steps.get(at);
      if (!step) return null;
      steps.push(step);
      at = step.from;
    }
    if (steps.length === 1) return { touched: steps[0]!.touched, added: [...steps[0]!.latest.values()] };
    const touched = new Set<string>();
    const latest = new Map<string, Item<unknown>>();
    for (const step of steps.reverse()) {
      for (const id of step.touched) {
        touched.add(id);
        const item = step.latest.get(id);
        if (item) latest.set(id, item);
        else latest.delete(id);
      }
    }
    return { touched, added: [...latest.values()] };
  }

  get(id: string): Item<unknown> | undefined {
    return this.#items.get(id);
  }

  apply(event: Extract<WorkerEvent, { type: 'index' }>): void {
    if (event.reset) {
      this.#items = new Map();
      this.#loaded = false;
      this.#pending = null;
    }
    const pending = this.#pending;
    for (const id of event.removes) {
      this.#items.delete(id);
      pending?.touched.add(id);
      pending?.latest.delete(id);
    }
    for (const item of event.upserts) {
      this.#items.set(item.id, item);
      pending?.touched.add(item.id);
      pending?.latest.set(item.id, item);
    }
    this.#snapshot = null;
    if (!event.complete) return;
    this.#loaded = true;
    // The screens render in the next task, not in this one: receiving a few thousand summaries
    // and rendering the list they change are two tasks of a slow phone's main thread, not one
    // long one. Events arriving meanwhile are rendered together.
    if (this.#notifying) return;
    this.#notifying = true;
    setTimeout(() => {
      this.#notifying = false;
      this.notify();
    }, 0);
  }

  #notifying = false;
}

export class TrashMirror extends Observable {
  #entries: TrashEntry[] = [];

  readonly getSnapshot = (): TrashEntry[] => this.#entries;

  set(entries: TrashEntry[]): void {
    this.#entries = entries;
    this.notify();
  }
}

export class ValueStore<T> extends Observable {
  constructor(private value: T) {
    super();
  }

  readonly getSnapshot = (): T => this.value;

  set(value: T): void {
    this.value = value;
    this.notify();
  }
}

/**
 * One group of a collection's index as the data Worker answers it (data/protocol.ts watchGroup):
 * null until the first answer, then replaced by each 'group' event.
 */
export class GroupMirror extends Observable {
  #items: readonly Item<unknown>[] | null = null;
  #subscribers = 0;

  readonly getSnapshot = (): readonly Item<unknown>[] | null => this.#items;

  /** Counts subscribers, so the client can stop watching a group nobody shows. */
  readonly watch = (listener: Listener, onIdle: () => void): (() => void) => {
    this.#subscribers += 1;
    const unsubscribe = this.subscribe(listener);
    return () => {
      unsubscribe();
      this.#subscribers -= 1;
      if (this.#subscribers === 0) onIdle();
    };
  };

  get idle(): boolean {
    return this.#subscribers === 0;
  }

  /** The Worker's first answer: ignored when an event already brought newer items. */
  answer(items: readonly Item<unknown>[]): void {
    if (this.#items !== null) return;
    this.set(items);
  }

  set(items: readonly Item<unknown>[]): void {
    this.#items = items;
    this.notify();
  }
}
