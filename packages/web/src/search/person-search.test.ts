import { describe, expect, it } from 'vitest';
import type { PersonSummary } from '@relais/core/domain/person';
import type { Item } from '../data/types.ts';
import { PersonSearch, personSearchFor } from './person-search.ts';

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
