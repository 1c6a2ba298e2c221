// The Worker's in-memory index: for each live record a small summary (core's `summarise`), for
// each deleted one its corbeille entry, and the history events of each record. Built by decrypting
// every record once (or opened from its sealed snapshot: data/index-snapshot.ts), then kept current
// record by record as they are stored. Never written anywhere in clear: it is personal data, gone
// from memory when the app locks.
import type { Collection } from '@relais/core/collections';
import type { Json, RecordDocument } from '@relais/core/sync/types';
import { FieldGroups } from './field-groups.ts';
import { recordKey } from './protocol.ts';
import type { Item, TrashEntry } from './types.ts';

/** What the index needs from core's domain, per collection. */
export interface IndexDomain {
  summarise(collection: Collection, fields: Record<string, Json>): unknown;
  label(collection: Collection, fields: Record<string, Json>): string;
  /** Extra keys sent with an item (a person's search key), computed here rather than on the page. */
  extras?(collection: Collection, summary: unknown): Record<string, unknown> | null;
}

/** A record's current state, decrypted (null when it cannot be: a key this device lacks). */
export interface DecodedState {
  document: RecordDocument;
  deleted: boolean;
  pending: boolean;
}

export interface IndexDelta {
  collection: Collection;
  upserts: Item<unknown>[];
  removes: string[];
}

type TrashRefs = { personId: string; placeId: string };

/** One collection's part of the index as plain data: what a sealed snapshot holds. */
export interface CollectionIndexData {
  items: Item<unknown>[];
  /** Corbeille entries of the collection, with the person and place they point at. */
  trash: [TrashEntry, TrashRefs | null][];
  /** History events only: event id → `collection/id` of the record it is about. */
  links: [string, string][];
}

interface Dirty {
  upserts: Map<string, Item<unknown>>;
  removes: Set<string>;
}

function text(value: Json | undefined): string {
  return typeof value === 'string' ? value : '';
}

export class SummaryIndex {
  readonly #live = new Map<Collection, Map<string, Item<unknown>>>();
  /** Per collection, its items by summary field (what a person's file asks for). */
  readonly #groups = new Map<Collection, FieldGroups>();
  readonly #trash = new Map<string, TrashEntry>();
  /** What a trashed record points at (a person, a place), named when the corbeille is read. */
  readonly #trashRefs = new Map<string, TrashRefs>();
  /** `collection/id` of a record → ids of its history events. */
  readonly #history = new Map<string, Set<string>>();
  /** Target of each history event, to unlink it when it changes. */
  readonly #historyTarget = new Map<string, string>();
  readonly #dirty = new Map<Collection, Dirty>();
  #trashDirty = false;

  constructor(private readonly domain: IndexDomain) {}

  /** Brings one record's state into the index (null: drop it, e.g. it could not be decrypted). */
  apply(collection: Collection, id: string, state: DecodedState | null): void {
    const live = this.#collection(collection);
    const key = recordKey(collection, id);
    if (collection === 'history') this.#unlinkHistory(id);
    if (state === null || state.deleted) {
      this.#groupsOf(collection).leave(live.get(id));
      if (live.delete(id)) this.#markRemoved(collection, id);
      if (state?.deleted && collection !== 'history') {
        const f = state.document.fields;
        this.#trash.set(key, {
          collection,
          id,
          label: this.#label(collection, f),
          deletedAt: text(f.deletedAt),
          deletedBy: text(f.deletedBy),
        });
        const personIds = Array.isArray(f.personIds) ? f.personIds : [];
        this.#trashRefs.set(key, { personId: text(f.personId) || text(personIds[0]), placeId: collection === 'place' ? '' : text(f.placeId) });
        this.#trashDirty = true;
      } else if (this.#trash.delete(key)) {
        this.#trashRefs.delete(key);
        this.#trashDirty = true;
      }
      return;
    }
    if (this.#trash.delete(key)) {
      this.#trashRefs.delete(key);
      this.#trashDirty = true;
    }
    let summary: unknown;
    try {
      summary = this.domain.summarise(collection, state.document.fields);
    } catch (error) {
      // A document another version wrote in a shape this one does not read: left out, not fatal.
      console.error(`cannot summarise a ${collection}`, error);
      this.#groupsOf(collection).leave(live.get(id));
      if (live.delete(id)) this.#markRemoved(collection, id);
      return;
    }
    const extras = this.domain.extras?.(collection, summary) ?? null;
    const item: Item<unknown> = extras ? { id, summary, pending: state.pending, ...extras } : { id, summary, pending: state.pending };
    const groups = this.#groupsOf(collection);
    groups.leave(live.get(id));
    live.set(id, item);
    groups.enter(item);
    const dirty = this.#dirtyOf(collection);
    dirty.removes.delete(id);
    dirty.upserts.set(id, item);
    if (collection === 'history') this.#linkHistory(id, state.document.fields);
  }

  items(collection: Collection): Item<unknown>[] {
    return [...this.#collection(collection).values()];
  }

  /** The live items of `collection` whose summary `field` is (or, for a list, holds) `value`. */
  group(collection: Collection, field: string, value: string): readonly Item<unknown>[] {
    return this.#groupsOf(collection).group(field, value);
  }

  get(collection: Collection, id: string): Item<unknown> | undefined {
    return this.#live.get(collection)?.get(id);
  }

  size(collection: Collection): number {
    return this.#live.get(collection)?.size ?? 0;
  }

  /**
   * The corbeille, newest first. A record about a person or a place says which (« Lieu fréquenté :
   * Gare du Nord — Jeanne Dupont »), from the live index at the time of reading: its own fields
   * hold ids only.
   */
  trash(): TrashEntry[] {
    const nameOf = (collection: Collection, id: string): string => {
      if (!id) return '';
      const summary = this.get(collection, id)?.summary as { name?: unknown } | undefined;
      return typeof summary?.name === 'string' ? summary.name : '';
    };
    const entries = [...this.#trash.entries()].map(([key, entry]) => {
      const refs = this.#trashRefs.get(key);
      if (!refs) return entry;
      const place = nameOf('place', refs.placeId);
      const person = entry.collection === 'person' ? '' : nameOf('person', refs.personId);
      const label = `${entry.label}${place ? ` : ${place}` : ''}${person ? ` — ${person}` : ''}`;
      return label === entry.label ? entry : { ...entry, label };
    });
    return entries.sort((a, b) => (a.deletedAt < b.deletedAt ? 1 : a.deletedAt > b.deletedAt ? -1 : 0));
  }

  /** The collection's live items, corbeille entries and history links, for a sealed snapshot. */
  exportCollection(collection: Collection): CollectionIndexData {
    const items = this.items(collection);
    const trash: [TrashEntry, TrashRefs | null][] = [];
    for (const [key, entry] of this.#trash) {
      if (entry.collection === collection) trash.push([entry, this.#trashRefs.get(key) ?? null]);
    }
    const links: [string, string][] = [];
    if (collection === 'history') for (const item of items) {
      const target = this.#historyTarget.get(item.id);
      if (target !== undefined) links.push([item.id, target]);
    }
    return { items, trash, links };
  }

  /**
   * Adds what exportCollection gave (a snapshot's part) without decrypting anything. `skip` names
   * records already applied from a newer state (stored while the index was being built).
   */
  importCollection(collection: Collection, data: CollectionIndexData, skip: (id: string) => boolean): void {
    const live = this.#collection(collection);
    for (const item of data.items) if (!skip(item.id)) live.set(item.id, item);
    this.#groupsOf(collection).reset();
    for (const [entry, refs] of data.trash) {
      if (entry.collection !== collection || skip(entry.id)) continue;
      const key = recordKey(collection, entry.id);
      this.#trash.set(key, entry);
      if (refs) this.#trashRefs.set(key, refs);
      this.#trashDirty = true;
    }
    if (collection !== 'history') return;
    for (const [id, target] of data.links) {
      if (skip(id) || !live.has(id)) continue;
      let ids = this.#history.get(target);
      if (!ids) this.#history.set(target, (ids = new Set()));
      ids.add(id);
      this.#historyTarget.set(id, target);
    }
  }

  /** Ids of the history events about one record. */
  historyOf(collection: Collection, id: string): string[] {
    return [...(this.#history.get(recordKey(collection, id)) ?? [])];
  }

  /** What changed since the last call, per collection (summaries to send to the page). */
  takeDeltas(): IndexDelta[] {
    const deltas: IndexDelta[] = [];
    for (const [collection, dirty] of this.#dirty) {
      deltas.push({ collection, upserts: [...dirty.upserts.values()], removes: [...dirty.removes] });
    }
    this.#dirty.clear();
    return deltas;
  }

  /** Forgets the changes gathered for one collection (a full snapshot is being sent instead). */
  discardDelta(collection: Collection): void {
    this.#dirty.delete(collection);
  }

  /** True once if the corbeille changed since the last call. */
  takeTrashChanged(): boolean {
    const changed = this.#trashDirty;
    this.#trashDirty = false;
    return changed;
  }

  clear(): void {
    this.#live.clear();
    this.#groups.clear();
    this.#trash.clear();
    this.#trashRefs.clear();
    this.#history.clear();
    this.#historyTarget.clear();
    this.#dirty.clear();
    this.#trashDirty = false;
  }

  #label(collection: Collection, fields: Record<string, Json>): string {
    try {
      return this.domain.label(collection, fields);
    } catch {
      return '';
    }
  }

  #groupsOf(collection: Collection): FieldGroups {
    let groups = this.#groups.get(collection);
    if (!groups) {
      const live = this.#collection(collection);
      groups = new FieldGroups(
        () => live.values(),
        (id) => live.get(id),
      );
      this.#groups.set(collection, groups);
    }
    return groups;
  }

  #collection(collection: Collection): Map<string, Item<unknown>> {
    let live = this.#live.get(collection);
    if (!live) {
      live = new Map();
      this.#live.set(collection, live);
    }
    return live;
  }

  #dirtyOf(collection: Collection): Dirty {
    let dirty = this.#dirty.get(collection);
    if (!dirty) {
      dirty = { upserts: new Map(), removes: new Set() };
      this.#dirty.set(collection, dirty);
    }
    return dirty;
  }

  #markRemoved(collection: Collection, id: string): void {
    const dirty = this.#dirtyOf(collection);
    dirty.upserts.delete(id);
    dirty.removes.add(id);
  }

  #linkHistory(id: string, fields: Record<string, Json>): void {
    const target = recordKey(text(fields.recordCollection), text(fields.recordId));
    let ids = this.#history.get(target);
    if (!ids) {
      ids = new Set();
      this.#history.set(target, ids);
    }
    ids.add(id);
    this.#historyTarget.set(id, target);
  }

  #unlinkHistory(id: string): void {
    const target = this.#historyTarget.get(id);
    if (target === undefined) return;
    this.#historyTarget.delete(id);
    const ids = this.#history.get(target);
    ids?.delete(id);
    if (ids?.size === 0) this.#history.delete(target);
  }
}
