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

const NO_ITEMS: readonly Item<unknown>[] = Object.freeze([]);

export class IndexMirror extends Observable {
  #items = new Map<string, Item<unknown>>();
  #loaded = false;
  /** Rebuilt lazily after a change, so a burst of events costs one array. */
  #snapshot: Item<unknown>[] | null = null;
  /**
   * Items by the value of one summary field (a person's file asks for « the comments of this
   * person » in every section): one pass over the index per field after a change, then each
   * question is a lookup, and the same array is answered until the index changes again.
   */
  #groups = new Map<string, Map<string, Item<unknown>[]>>();
  /** Changes once per applied batch: what hooks combining several groups memoise on. */
  #version = 0;

  readonly getVersion = (): number => this.#version;

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

  /**
   * The items whose summary `field` equals `value`, or contains it when the field is a list
   * (`personIds`); null until loaded. Stable between changes, as useSyncExternalStore needs.
   */
  group(field: string, value: string): readonly Item<unknown>[] | null {
    if (!this.#loaded) return null;
    let groups = this.#groups.get(field);
    if (!groups) {
      groups = new Map();
      for (const item of this.#items.values()) {
        const key = (item.summary as Record<string, unknown> | null)?.[field];
        for (const k of Array.isArray(key) ? key : [key]) {
          if (typeof k !== 'string' || k === '') continue;
          let list = groups.get(k);
          if (!list) groups.set(k, (list = []));
          list.push(item);
        }
      }
      this.#groups.set(field, groups);
    }
    return groups.get(value) ?? NO_ITEMS;
  }

  apply(event: Extract<WorkerEvent, { type: 'index' }>): void {
    if (event.reset) {
      this.#items = new Map();
      this.#loaded = false;
    }
    for (const id of event.removes) this.#items.delete(id);
    for (const item of event.upserts) this.#items.set(item.id, item);
    this.#snapshot = null;
    this.#groups = new Map();
    this.#version += 1;
    if (!event.complete) return;
    this.#loaded = true;
    this.notify();
  }
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
