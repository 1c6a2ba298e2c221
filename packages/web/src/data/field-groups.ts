// Items of one collection grouped by the value of a summary field (« the comments of this person »,
// « the actions of this person »): built by one pass over the items the first time a field is asked
// for, then kept current item by item, so each question is a lookup and answers the same array until
// that group changes. Used by the data Worker's index (what a person's file asks for) and by the
// page's mirrors.
import type { Item } from './types.ts';

const NO_ITEMS: readonly Item<unknown>[] = Object.freeze([]);

interface Grouping {
  /** Ids by value. */
  members: Map<string, Set<string>>;
  /** Arrays already answered, dropped when their group changes. */
  arrays: Map<string, readonly Item<unknown>[]>;
}

/** The values an item has for a field: the field's string, or each string of a list field. */
export function groupKeysOf(item: Item<unknown>, field: string): string[] {
  const key = (item.summary as Record<string, unknown> | null)?.[field];
  const keys = Array.isArray(key) ? key : [key];
  return keys.filter((k): k is string => typeof k === 'string' && k !== '');
}

export class FieldGroups {
  #fields = new Map<string, Grouping>();

  constructor(
    private readonly all: () => Iterable<Item<unknown>>,
    private readonly get: (id: string) => Item<unknown> | undefined,
  ) {}

  /** The items whose `field` is (or, for a list, holds) `value`. */
  group(field: string, value: string): readonly Item<unknown>[] {
    let grouping = this.#fields.get(field);
    if (!grouping) {
      grouping = { members: new Map(), arrays: new Map() };
      for (const item of this.all()) add(grouping, field, item);
      this.#fields.set(field, grouping);
    }
    let items = grouping.arrays.get(value);
    if (!items) {
      const ids = grouping.members.get(value);
      items = ids ? [...ids].map((id) => this.get(id)!) : NO_ITEMS;
      grouping.arrays.set(value, items);
    }
    return items;
  }

  /** An item is about to be replaced or removed: call with its current state. */
  leave(item: Item<unknown> | undefined): void {
    if (!item) return;
    for (const [field, grouping] of this.#fields) remove(grouping, field, item);
  }

  /** An item has been stored (its final state for this change). */
  enter(item: Item<unknown>): void {
    for (const [field, grouping] of this.#fields) add(grouping, field, item);
  }

  /** Every item changed at once (a reset, a snapshot opened): groups are rebuilt when next asked. */
  reset(): void {
    this.#fields = new Map();
  }
}

function add(grouping: Grouping, field: string, item: Item<unknown>): void {
  for (const k of groupKeysOf(item, field)) {
    let ids = grouping.members.get(k);
    if (!ids) grouping.members.set(k, (ids = new Set()));
    ids.add(item.id);
    grouping.arrays.delete(k);
  }
}

function remove(grouping: Grouping, field: string, item: Item<unknown>): void {
  for (const k of groupKeysOf(item, field)) {
    const ids = grouping.members.get(k);
    if (!ids) continue;
    ids.delete(item.id);
    if (ids.size === 0) grouping.members.delete(k);
    grouping.arrays.delete(k);
  }
}
