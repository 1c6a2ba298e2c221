import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PersonSummary } from '@relais/core/domain/person';
import { IndexMirror } from '../data/mirror.ts';
import type { Item } from '../data/types.ts';
import { PersonSearch, personSearchFor, sortPersonItems } from './person-search.ts';

let n = 0;
function person(name: string, otherNames = '', phone = ''): Item<PersonSummary> {
  n += 1;
  return {
    id: `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`,
    pending: false,
    summary: { name, otherNames, phone, birthDate: '', teamIds: [], highlyVulnerable: false, outOfActiveList: false, alerts: false, createdAt: '' },
  };
}

const names = (items: Item<PersonSummary>[]) => items.map((i) => i.summary.name);

describe('PersonSearch', () => {
  const people = [
    person('Martin Karim', '', '07 00 00 00 01'),
    person('Émile Durand', 'Milou'),
    person('Jean-Marc Émery'),
    person('Amélie Poulain', '', '+33 6 12 34 56 78'),
    person('Zoé Mille'),
    person('Hélène', 'la Milanaise'),
    person('Milan Kovač'),
    person('Camille Roy'),
  ];
  const search = new PersonSearch(people);

  it('lists everyone alphabetically (French order) for an empty query', () => {
    expect(names(search.search('  '))).toEqual(['Amélie Poulain', 'Camille Roy', 'Émile Durand', 'Hélène', 'Jean-Marc Émery', 'Martin Karim', 'Milan Kovač', 'Zoé Mille']);
  });

  it('ranks a name starting with the query first, then word prefixes, then inner matches, accents ignored', () => {
    expect(names(search.search('mil'))).toEqual([
      // the name starts with the query
      'Milan Kovač',
      // a word of the names starts with it (Milou, Milanaise, Mille), alphabetical by name
      'Émile Durand',
      'Hélène',
      'Zoé Mille',
      // inside a word
      'Camille Roy',
    ]);
    expect(names(search.search('EM'))).toEqual(['Émile Durand', 'Jean-Marc Émery']);
    expect(names(search.search('helene'))).toEqual(['Hélène']);
    expect(names(search.search('mar kar'))).toEqual(['Martin Karim']);
  });

  it('counts a word at the very start of the names as a word start', () => {
    const two = new PersonSearch([person('Amaro Akar'), person('Martin Karim')]);
    // « mar » and « kar » start words of Martin Karim (the first at the very start), only inside Amaro Akar's.
    expect(names(two.search('mar kar'))).toEqual(['Martin Karim', 'Amaro Akar']);
    expect(names(two.search('kar mar'))).toEqual(['Martin Karim', 'Amaro Akar']);
  });

  it('finds phones by their digits, +33 read as 0, only for phone-like queries', () => {
    expect(names(search.search('06 12 34'))).toEqual(['Amélie Poulain']);
    expect(names(search.search('0700'))).toEqual(['Martin Karim']);
    expect(names(search.search('07'))).toEqual([]);
  });

  it('builds once per index snapshot', () => {
    expect(personSearchFor(people)).toBe(personSearchFor(people));
    expect(personSearchFor([...people])).not.toBe(personSearchFor(people));
  });
});

describe('PersonSearch typed key by key', () => {
  it('answers each prefix as a fresh search would, whatever was typed before (fast-check)', () => {
    const letters = fc.constantFrom('a', 'e', 'é', 'l', 'm', 'n', 'o', ' ', '-', '0', '6', '1', '2');
    const text = fc.array(letters, { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text, fc.array(fc.constantFrom('0', '6', '1', '2', ' '), { maxLength: 10 }).map((d) => d.join(''))), { minLength: 1, maxLength: 30 }), fc.array(text, { minLength: 1, maxLength: 6 }), (rows, typed) => {
        const items = rows.map(([name, other, phone]) => person(name, other, phone));
        const incremental = new PersonSearch(items);
        for (const query of typed) {
          // Key by key, as a person types: every prefix in turn, then the next query from scratch.
          for (let i = 0; i <= query.length; i++) {
            const prefix = query.slice(0, i);
            expect(incremental.search(prefix).map((it) => it.id)).toEqual(new PersonSearch(items).search(prefix).map((it) => it.id));
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('PersonSearch built from the previous one', () => {
  it('orders persons added, changed or removed since as a search built from scratch (fast-check)', () => {
    const name = fc.array(fc.constantFrom('a', 'é', 'b', 'z', ' ', 'M'), { maxLength: 6 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(name, { maxLength: 25 }), fc.array(fc.nat(40), { maxLength: 10 }), fc.array(name, { maxLength: 10 }), (names, dropped, added) => {
        const before = names.map((n) => person(n));
        const after = [...before.filter((_, i) => !dropped.includes(i)), ...added.map((n) => person(n))];
        const incremental = new PersonSearch(after, new PersonSearch(before));
        expect(incremental.search('').map((it) => it.id)).toEqual(new PersonSearch(after).search('').map((it) => it.id));
      }),
      { numRuns: 200 },
    );
  });
});

describe('PersonSearch built from the index mirror’s changes', () => {
  it('lists and finds as a search from scratch, through pages, edits, removals, resets and skipped snapshots (fast-check)', () => {
    const name = fc.array(fc.constantFrom('a', 'é', 'b', 'z', ' ', 'M'), { maxLength: 6 }).map((cs) => cs.join(''));
    // Ids from a small pool, so that events replace and remove persons already there.
    const event = fc.record({
      reset: fc.boolean().map((b) => b && Math.random() < 0.1),
      upserts: fc.array(fc.tuple(fc.nat(30), name), { maxLength: 8 }),
      removes: fc.array(fc.nat(30), { maxLength: 4 }),
      // Whether the screen looks at this snapshot (unseen ones make the change span several steps).
      seen: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 25 }), (events) => {
        const mirror = new IndexMirror('person');
        const id = (k: number) => `01900000-0000-7000-9000-${String(k).padStart(12, '0')}`;
        let previous: PersonSearch | undefined;
        for (const e of events) {
          mirror.apply({
            type: 'index',
            collection: 'person',
            reset: e.reset,
            complete: true,
            upserts: e.upserts.map(([k, n]) => ({ ...person(n), id: id(k) })),
            removes: e.removes.map(id),
          });
          if (!e.seen) {
            mirror.getSnapshot();
            continue;
          }
          const items = mirror.getSnapshot() as Item<PersonSummary>[];
          const search: PersonSearch = new PersonSearch(items, previous, previous && mirror.changesBetween(previous.items, items));
          const fresh = new PersonSearch(items);
          expect(search.search('').map((it) => it.id)).toEqual(fresh.search('').map((it) => it.id));
          // Entries carried from the previous search answer as fresh ones.
          for (const query of ['a', 'm', 'é b']) expect(search.search(query).map((it) => it.id)).toEqual(fresh.search(query).map((it) => it.id));
          previous = search;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('knows the changes only within its recent snapshots and never across a reset', () => {
    const mirror = new IndexMirror('person');
    const page = (upserts: Item<unknown>[], reset = false) => mirror.apply({ type: 'index', collection: 'person', reset, complete: true, upserts, removes: [] });
    page([person('Ana')]);
    const first = mirror.getSnapshot()!;
    const added = person('Bob');
    page([added]);
    const second = mirror.getSnapshot()!;
    expect(mirror.changesBetween(first, second)).toEqual({ touched: new Set([added.id]), added: [added] });
    expect(mirror.changesBetween(second, second)).toEqual({ touched: new Set(), added: [] });
    for (let i = 0; i < 20; i++) {
      page([person(`P${i}`)]);
      mirror.getSnapshot();
    }
    // Too far back: the screen compares instead (and the mirror holds no chain of old arrays).
    expect(mirror.changesBetween(first, mirror.getSnapshot()!)).toBeNull();
    const beforeReset = mirror.getSnapshot()!;
    page([person('Zoé')], true);
    expect(mirror.changesBetween(beforeReset, mirror.getSnapshot()!)).toBeNull();
  });
});

describe('sortPersonItems', () => {
  it('puts persons in the order the search lists them, so the page need not sort', () => {
    const items = [person('Zoé'), person('émile'), person('Ana'), person('Émile')];
    const sorted = sortPersonItems([...items]);
    expect(sorted.map((i) => i.id)).toEqual(new PersonSearch(items).search('').map((i) => i.id));
  });
});
