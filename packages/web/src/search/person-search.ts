// Person search over the in-memory index (never stored). Accent- and case-insensitive, on the
// name, the other names and the phone. Results are ranked so the person being typed comes first:
// the name starts with the query, then a word of the names starts with each query word, then the
// words appear anywhere, then the phone matches; alphabetical within each rank.
import { normalisePhoneForSearch } from '@relais/core/domain/search';
import type { PersonSummary } from '@relais/core/domain/person';
import type { Item } from '../data/types.ts';
import { normaliseSearchText, personSearchKey, type PersonSearchKey } from './search-key.ts';

interface Entry {
  item: Item<PersonSummary>;
  name: string;
  /** Name and other names, normalised. */
  text: string;
  words: string[];
  phone: string;
}

/**
 * Entries by item: an index snapshot after one change shares every other item with the previous
 * one, so only the changed person is normalised again (5,000 normalisations cost ~100 ms on a
 * slow phone; one costs nothing).
 */
const entries = new WeakMap<Item<PersonSummary>, Entry>();

function entryOf(item: Item<PersonSummary>): Entry {
  let entry = entries.get(item);
  if (!entry) {
    // The data Worker sends the key with the item; computed here only for items made elsewhere.
    const key = (item as Item<PersonSummary> & { search?: PersonSearchKey }).search ?? personSearchKey(item.summary);
    entry = { item, name: key.name, text: key.text, words: key.text.split(' ').filter(Boolean), phone: key.phone };
    entries.set(item, entry);
  }
  return entry;
}

/** Alphabetical on the normalised name (accents and case ignored, as French readers expect), then by id. */
function compareEntries(a: Entry, b: Entry): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0;
}

/** The rank of a match (lower is better), or -1 when the entry does not match. */
function rank(entry: Entry, query: string, words: readonly string[], phone: string | null): number {
  if (words.length > 0) {
    if (entry.name.startsWith(query)) return 0;
    if (words.every((w) => entry.words.some((word) => word.startsWith(w)))) return 1;
    if (words.every((w) => entry.text.includes(w))) return 2;
  }
  if (phone !== null && entry.phone.includes(phone)) return 3;
  return -1;
}

/** Built once per index snapshot: normalised keys and the alphabetical order are computed here, not per keystroke. */
export class PersonSearch {
  readonly #entries: Entry[];

  constructor(items: readonly Item<PersonSummary>[]) {
    this.#entries = items.map(entryOf).sort(compareEntries);
  }

  /** Every person (alphabetical) for an empty query; else the matches, best first. */
  search(query: string): Item<PersonSummary>[] {
    const normalised = normaliseSearchText(query);
    const words = normalised.split(' ').filter(Boolean);
    const digits = normalisePhoneForSearch(query);
    // A few digits and nothing but phone punctuation: a name query with a "1" must not match every phone.
    const phone = digits.length >= 3 && /^[\d\s.+()-]+$/.test(query.trim()) ? digits : null;
    if (words.length === 0 && phone === null) return this.#entries.map((e) => e.item);
    const first: Item<PersonSummary>[] = [];
    const later: Item<PersonSummary>[][] = [[], [], []];
    for (const entry of this.#entries) {
      const r = rank(entry, normalised, words, phone);
      if (r === 0) first.push(entry.item);
      else if (r > 0) later[r - 1]?.push(entry.item);
    }
    for (const items of later) for (const item of items) first.push(item);
    return first;
  }
}

const cache = new WeakMap<readonly Item<PersonSummary>[], PersonSearch>();

/** The search over one index snapshot, built on first use and kept while the snapshot lives. */
export function personSearchFor(items: readonly Item<PersonSummary>[]): PersonSearch {
  let search = cache.get(items);
  if (!search) {
    search = new PersonSearch(items);
    cache.set(items, search);
  }
  return search;
}
