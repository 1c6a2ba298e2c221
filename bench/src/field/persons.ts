// What the browser benchmarks type and click, chosen from the synthetic persons: the person the
// server sends last (found by their phone number, which no other person shares), persons with a
// name of their own to open, and the queries typed letter by letter.
import { syntheticPerson, type SyntheticOrganisation } from '../generator.ts';
import type { SearchTarget } from './app.ts';

/** Typed one key at a time: accents left out (é → e), a last name, a nickname, phone digits. */
export const SEARCH_QUERIES = ['helene', 'diallo', 'titi', '0612', 'benoit'] as const;
export const OPEN_PERSONS = 24;

export interface PersonPicks {
  /** name, other names, phone of every person, in generation order (the plain-loop baseline). */
  tuples: [string, string, string][];
  /** The last person in the file active (the list hides the others by default) with a phone number nobody else has. */
  last: SearchTarget;
  /** Persons in the file active whose name no other person has, spread over the whole list. */
  toOpen: string[];
}

export function pickPersons(org: SyntheticOrganisation, toOpen = OPEN_PERSONS): PersonPicks {
  const tuples: [string, string, string][] = [];
  const active: boolean[] = [];
  for (let i = 0; i < org.shape.person; i++) {
    const f = syntheticPerson(org, i).document.fields;
    tuples.push([String(f.name), String(f.otherNames), String(f.phone)]);
    active.push(f.outOfActiveList !== true);
  }
  const phones = countBy(tuples.map(([, , phone]) => digits(phone)));
  const names = countBy(tuples.map(([name]) => name));
  let last: SearchTarget | undefined;
  for (let i = tuples.length - 1; i >= 0 && last === undefined; i--) {
    const [name, , phone] = tuples[i]!;
    const d = digits(phone);
    if (active[i] && d.length === 10 && phones.get(d) === 1) last = { query: d, name };
  }
  if (last === undefined) throw new Error('no person has a phone number of their own');
  const unique = tuples.map(([name]) => name).filter((name, i) => active[i] && names.get(name) === 1);
  const step = unique.length / toOpen;
  const open = Array.from({ length: Math.min(toOpen, unique.length) }, (_, i) => unique[Math.floor(i * step)]!);
  return { tuples, last, toOpen: open };
}

/** Every prefix of every query: what the list must answer, one keystroke after another. */
export function typedPrefixes(queries: readonly string[] = SEARCH_QUERIES): string[] {
  return queries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
}

/**
 * How many of the first sync's pull pages brought the persons: the pages asked with
 * collections=person, or, for an app that pulls everything in server order (persons were loaded
 * first), the pages the persons fill.
 */
export function personPageCount(urls: readonly string[], persons: number): number {
  const only = urls.filter((u) => new URL(u).searchParams.get('collections') === 'person').length;
  if (only > 0) return only;
  const limit = Number(new URL(urls[0] ?? 'http://localhost/?limit=1000').searchParams.get('limit') ?? '1000');
  return Math.min(urls.length, Math.ceil(persons / limit));
}

function digits(text: string): string {
  return text.replace(/\D+/g, '');
}

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}
