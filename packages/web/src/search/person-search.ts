// Person search over the in-memory index (never stored). Accent- and case-insensitive, on the
// name, the other names and the phone. Results are ranked so the person being typed comes first:
// the name starts with the query, then a word of the names starts with each query word, then the
// words appear anywhere, then the phone matches; alphabetical within each rank.
import { normalisePhoneForSearch } from '@relais/core/domain/search';
import type { PersonSummary } from '@relais/core/domain/person';
import type { IndexChange } from '../data/mirror.ts';
import type { Item } from '../data/types.ts';
import { normaliseSearchText, personSearchKey, type PersonSearchKey } from './search-key.ts';

/**
 * Keys by item, for items the data Worker did not send a key with: an index snapshot after one
 * change shares every other item with the previous one, so only the changed person is normalised
 * again (5,000 normalisations cost ~100 ms on a slow phone; one costs nothing).
 */
const keys = new WeakMap<Item<PersonSummary>, PersonSearchKey>();

function keyOf(item: Item<PersonSummary>): PersonSearchKey {
  // The data Worker sends the key with the item; computed here only for items made elsewhere.
  const sent = (item as Item<PersonSummary> & { search?: PersonSearchKey }).search;
  if (sent) return sent;
  let key = keys.get(item);
  if (!key) keys.set(item, (key = personSearchKey(item.summary)));
  return key;
}

/** Alphabetical on the normalised name (accents and case ignored, as French readers expect), then by id. */
function compareItems(a: Item<PersonSummary>, b: Item<PersonSummary>): number {
  const an = keyOf(a).name;
  const bn = keyOf(b).name;
  if (an !== bn) return an < bn ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function isSorted(items: readonly Item<PersonSummary>[]): boolean {
  for (let i = 1; i < items.length; i++) if (compareItems(items[i - 1]!, items[i]!) > 0) return false;
  return true;
}

/** Sorts persons in the search's alphabetical order, in place (the data Worker, before sending them). */
export function sortPersonItems(items: Item<PersonSummary>[]): Item<PersonSummary>[] {
  return items.sort(compareItems);
}

interface Query {
  normalised: string;
  /** Each word with a space before it, for the word-start test. */
  spacedWords: string[];
  words: string[];
  phone: string | null;
}

function parse(query: string): Query {
  const normalised = normaliseSearchText(query);
  const words = normalised.split(' ').filter(Boolean);
  const digits = normalisePhoneForSearch(query);
  // A few digits and nothing but phone punctuation: a name query with a "1" must not match every phone.
  const phone = digits.length >= 3 && /^[\d\s.+()-]+$/.test(query.trim()) ? digits : null;
  return { normalised, words, spacedWords: words.map((w) => ` ${w}`), phone };
}

/**
 * The rank of a match (lower is better), or -1 when the person does not match. Plain loops and
 * string tests on the key the data Worker made, no closure and no allocation per person: this runs
 * for every person on the first key typed, possibly right after an unlock. The weakest test (every
 * word somewhere) comes first: most persons fail it, after one test instead of three. A name
 * starting with the query, or every word starting a word, implies it.
 */
function rank(key: PersonSearchKey, q: Query): number {
  const { words, spacedWords } = q;
  if (words.length > 0) {
    const { text } = key;
    let anywhere = true;
    for (let i = 0; i < words.length; i++) {
      if (!text.includes(words[i]!)) {
        anywhere = false;
        break;
      }
    }
    if (anywhere) {
      if (key.name.startsWith(q.normalised)) return 0;
      // A word of the text starts with w: at its very start, or after a space.
      for (let i = 0; i < words.length; i++) if (!text.startsWith(words[i]!) && !text.includes(spacedWords[i]!)) return 2;
      return 1;
    }
  }
  if (q.phone !== null && key.phone.includes(q.phone)) return 3;
  return -1;
}

/**
 * True when every person matching `next` also matches `previous` (a query typed further), so
 * that `next` need only be tried on `previous`'s matches. Words typed further still contain the
 * earlier ones (name prefix, word starts, substrings), and so do phone digits; a query turning
 * into a phone search (its third digit) may match persons the shorter one did not.
 */
function narrows(previous: Query, next: Query): boolean {
  if (!next.normalised.startsWith(previous.normalised)) return false;
  if (previous.phone === null) return next.phone === null;
  return next.phone !== null && next.phone.startsWith(previous.phone);
}

/** Built once per index snapshot: normalised keys and the alphabetical order are computed here, not per keystroke. */
export class PersonSearch {
  /** Every person, alphabetical. */
  readonly #order: Item<PersonSummary>[];
  /** #order's search keys, gathered at the first search typed (or ahead, by `prepare`). */
  #keys: PersonSearchKey[] | null = null;
  /** The last query and the positions (in #order) of its matches, for the next key typed. */
  #last: { query: Query; positions: Int32Array } | null = null;

  /**
   * `previous`: the search over the index before its last change. Its order is kept and only the
   * persons added or changed since are sorted in (a pull page of persons, one edit), instead of
   * sorting 5,000 names again on the page's main thread. `change`: what changed from `previous`'s
   * items to these, when the index knows (IndexMirror.changesBetween): then the persons kept are
   * found without comparing every item, and their search keys are kept too.
   */
  constructor(
    readonly items: readonly Item<PersonSummary>[],
    previous?: PersonSearch,
    change?: IndexChange | null,
  ) {
    if (previous) {
      this.#order = (change && previous.#apply(this, change)) ?? previous.#apply(this, previous.#changeTo(items))!;
      return;
    }
    // The data Worker sends the persons in this order already (sortPersonItems): checking costs
    // one comparison per person, sorting 5,000 names on a slow phone's main thread ~40 ms.
    this.#order = isSorted(items) ? [...items] : [...items].sort(compareItems);
  }

  /**
   * The order of `next`'s items from this one's and `change`, with `next`'s keys when this one
   * has them; null when the change does not account for `next`'s items (then found by comparing).
   */
  #apply(next: PersonSearch, change: IndexChange): Item<PersonSummary>[] | null {
    const { touched } = change;
    const added = (change.added as Item<PersonSummary>[]).slice().sort(compareItems);
    const order = this.#order;
    const keys = this.#keys;
    const merged: Item<PersonSummary>[] = [];
    const mergedKeys: PersonSearchKey[] | null = keys ? [] : null;
    let j = 0;
    for (let i = 0; i < order.length; i++) {
      const item = order[i]!;
      if (touched.has(item.id)) continue;
      while (j < added.length && compareItems(added[j]!, item) < 0) {
        mergedKeys?.push(keyOf(added[j]!));
        merged.push(added[j++]!);
      }
      mergedKeys?.push(keys![i]!);
      merged.push(item);
    }
    for (; j < added.length; j++) {
      mergedKeys?.push(keyOf(added[j]!));
      merged.push(added[j]!);
    }
    if (merged.length !== next.items.length) return null;
    next.#keys = mergedKeys;
    return merged;
  }

  /** The change from this search's items to `items`, found by comparing them (when the index could not say). */
  #changeTo(items: readonly Item<PersonSummary>[]): IndexChange {
    const current = new Set(items);
    const kept = new Set<Item<PersonSummary>>();
    const touched = new Set<string>();
    for (const item of this.#order) {
      if (current.has(item)) kept.add(item);
      else touched.add(item.id);
    }
    const added = items.filter((item) => !kept.has(item));
    for (const item of added) touched.add(item.id);
    return { touched, added };
  }

  /**
   * Gathers the search keys now (the page calls it when idle after showing the list), so that the
   * first key typed does not pay for them, and the list's first render does not either.
   */
  prepare(): void {
    this.#keys ??= this.#order.map(keyOf);
  }

  /** Every person (alphabetical) for an empty query; else the matches, best first. */
  search(query: string): Item<PersonSummary>[] {
    const q = parse(query);
    if (q.words.length === 0 && q.phone === null) {
      this.#last = null;
      return [...this.#order];
    }
    this.prepare();
    const keys = this.#keys!;
    const order = this.#order;
    const last = this.#last;
    const candidates = last !== null && narrows(last.query, q) ? last.positions : null;
    const count = candidates === null ? keys.length : candidates.length;
    const buckets: Item<PersonSummary>[][] = [[], [], [], []];
    const positions = new Int32Array(count);
    let matched = 0;
    for (let i = 0; i < count; i++) {
      const position = candidates === null ? i : candidates[i]!;
      const r = rank(keys[position]!, q);
      if (r < 0) continue;
      buckets[r]!.push(order[position]!);
      positions[matched++] = position;
    }
    this.#last = { query: q, positions: positions.subarray(0, matched) };
    return buckets.flat();
  }
}

const cache = new WeakMap<readonly Item<PersonSummary>[], PersonSearch>();
/** The last search built, which the next index snapshot's search starts from. */
let latest: PersonSearch | undefined;

/**
 * The search over one index snapshot, built on first use and kept while the snapshot lives.
 * `changes`: what changed from an earlier snapshot to this one (the index mirror's record), so
 * that the search need not compare every person to find them.
 */
export function personSearchFor(
  items: readonly Item<PersonSummary>[],
  changes?: (from: readonly Item<PersonSummary>[]) => IndexChange | null,
): PersonSearch {
  let search = cache.get(items);
  if (!search) {
    search = new PersonSearch(items, latest, latest && changes?.(latest.items));
    cache.set(items, search);
    latest = search;
  }
  return search;
}
