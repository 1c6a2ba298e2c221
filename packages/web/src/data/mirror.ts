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
   * person » in every section): one pass over the index the first time a field is asked for,
   * then kept current change by change (a pull page of 1,000 records must not cost a pass over
   * 95,000 for every field watched), and each question is a lookup answering the same array
   * until that group changes.
   */
  #groups = new Map<string, Grouping>();
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
    let grouping = this.#groups.get(field);
    if (!grouping) {
      grouping = { members: new Map(), arrays: new Map() };
      for (const item of this.#items.values()) addTo(grouping, field, item);
      this.#groups.set(field, grouping);
    }
    let items = grouping.arrays.get(value);
    if (!items) {
      const ids = grouping.members.get(value);
      items = ids ? [...ids].map((id) => this.#items.get(id)!) : NO_ITEMS;
      grouping.arrays.set(value, items);
    }
    return items;
  }

  apply(event: Extract<WorkerEvent, { type: 'index' }>): void {
    if (event.reset) {
      this.#items = new Map();
      this.#loaded = false;
      this.#groups = new Map();
    }
    for (const [field, grouping] of this.#groups) {
      for (const id of event.removes) removeFrom(grouping, field, this.#items.get(id));
      for (const item of event.upserts) removeFrom(grouping, field, this.#items.get(item.id));
    }
    for (const id of event.removes) this.#items.delete(id);
    for (const item of event.upserts) this.#items.set(item.id, item);
    for (const [field, grouping] of this.#groups) {
      // An id twice in one batch: only its last state is in the index.
      for (const item of event.upserts) if (this.#items.get(item.id) === item) addTo(grouping, field, item);
    }
    this.#snapshot = null;
    this.#version += 1;
    if (!event.complete) return;
    this.#loaded = true;
    this.notify();
  }
}

/** Ids by value of one field, and the arrays already answered (dropped when their group changes). */
interface Grouping {
  members: Map<string, Set<string>>;
  arrays: Map<string, readonly Item<unknown>[]>;
}

function keysOf(item: Item<unknown>, field: string): string[] {
  const key = (item.summary as Record<string, unknown> | null)?.[field];
  const keys = Array.isArray(key) ? key : [key];
  return keys.filter((k): k is string => typeof k === 'string' && k !== '');
}

function addTo(grouping: Grouping, field: string, item: Item<unknown>): void {
  for (const k of keysOf(item, field)) {
    let ids = grouping.members.get(k);
    if (!ids) grouping.members.set(k, (ids = new Set()));
    ids.add(item.id);
    grouping.arrays.delete(k);
  }
}

function removeFrom(grouping: Grouping, field: string, item: Item<unknown> | undefined): void {
  if (!item) return;
  for (const k of keysOf(item, field)) {
    const ids = grouping.members.get(k);
    if (!ids) continue;
    ids.delete(item.id);
    if (ids.size === 0) grouping.members.delete(k);
    grouping.arrays.delete(k);
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
