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

export class IndexMirror extends Observable {
  #items = new Map<string, Item<unknown>>();
  #loaded = false;
  /** Rebuilt lazily after a change, so a burst of events costs one array. */
  #snapshot: Item<unknown>[] | null = null;

  constructor(readonly collection: Collection) {
    super();
  }

  get loaded(): boolean {
    return this.#loaded;
  }

  /** Every live record's summary, or null until the Worker has sent the whole index once. */
  readonly getSnapshot = (): Item<unknown>[] | null => {
    if (!this.#loaded) return null;
    this.#snapshot ??= [...this.#items.values()];
    return this.#snapshot;
  };

  get(id: string): Item<unknown> | undefined {
    return this.#items.get(id);
  }

  apply(event: Extract<WorkerEvent, { type: 'index' }>): void {
    if (event.reset) {
      this.#items = new Map();
      this.#loaded = false;
    }
    for (const id of event.removes) this.#items.delete(id);
    for (const item of event.upserts) this.#items.set(item.id, item);
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
