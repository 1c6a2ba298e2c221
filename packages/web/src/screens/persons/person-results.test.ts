import { describe, expect, it } from 'vitest';
import type { PersonSummary } from '@relais/core/domain/person';
import type { Item } from '../../data/types.ts';
import { personSearchFor } from '../../search/person-search.ts';
import { countSentence, PersonResults, READ_AHEAD_MAX } from './person-results.ts';

let n = 0;
function person(name: string, outOfActiveList = false): Item<PersonSummary> {
  n += 1;
  return {
    id: `p${String(n).padStart(4, '0')}`,
    pending: false,
    summary: { name, otherNames: '', phone: '', birthDate: '', teamIds: [], highlyVulnerable: false, outOfActiveList, alerts: false, createdAt: '' },
  };
}

const names = (items: readonly Item<PersonSummary>[]) => items.map((i) => i.summary.name);

describe('countSentence', () => {
  it.each([
    [false, 0, '', 0, 0, 'Chargement…'],
    [true, 0, '', 0, 0, 'Aucune personne enregistrée pour le moment.'],
    [true, 3, '', 0, 3, 'Aucune personne dans la file active. 3 autres, sorties de la file active, sont masquées.'],
    [true, 3, ' zoé ', 0, 0, 'Aucune personne ne correspond à « zoé ».'],
    [true, 3, '', 3, 0, '3 personnes.'],
    [true, 3, 'mar', 1, 1, '1 personne trouvée. 1 autre, sortie de la file active, est masquée.'],
  ])('loaded %s, %i persons, query « %s », %i shown, %i hidden: %s', (loaded, total, query, shown, hidden, sentence) => {
    expect(countSentence(loaded, total, query, shown, hidden)).toBe(sentence);
  });
});

describe('PersonResults', () => {
  const people = [person('Martin Karim'), person('Marc Dupont', true), person('Zoé Mille'), person('Amélie Poulain')];
  const search = personSearchFor(people);

  it('shows « Chargement… » and no row while the index loads', () => {
    const view = new PersonResults('mar').view(null, 0, false);
    expect(view).toMatchObject({ shown: [], count: 'Chargement…', loaded: false, readAhead: '' });
  });

  it('gives the same view for the same inputs, so a render for another reason patches nothing', () => {
    const results = new PersonResults('');
    const first = results.view(search, people.length, false);
    expect(results.view(search, people.length, false)).toBe(first);
    expect(names(first.shown)).toEqual(['Amélie Poulain', 'Martin Karim', 'Zoé Mille']);
    expect(first.count).toBe('3 personnes. 1 autre, sortie de la file active, est masquée.');
  });

  it('answers the query typed since the last view, and the filter', () => {
    const results = new PersonResults('');
    const before = results.view(search, people.length, false);
    results.query = 'mar';
    const typed = results.view(search, people.length, false);
    expect(typed).not.toBe(before);
    expect(names(typed.shown)).toEqual(['Martin Karim']);
    expect(typed.count).toBe('1 personne trouvée. 1 autre, sortie de la file active, est masquée.');
    const withOut = results.view(search, people.length, true);
    expect(names(withOut.shown)).toEqual(['Marc Dupont', 'Martin Karim']);
    expect(withOut.count).toBe('2 personnes trouvées.');
  });

  it('reads ahead the few persons a search narrowed to, never the whole list', () => {
    const results = new PersonResults('mar');
    expect(results.view(search, people.length, true).readAhead).toBe(`${people[1]!.id},${people[0]!.id}`);
    results.query = '';
    expect(results.view(search, people.length, true).readAhead).toBe('');
    const many = Array.from({ length: READ_AHEAD_MAX + 1 }, (_, i) => person(`Martine ${i}`));
    const crowd = new PersonResults('martine');
    expect(crowd.view(personSearchFor(many), many.length, false).readAhead).toBe('');
  });

  it('follows a new index (a sync brought a person) with the same query', () => {
    const results = new PersonResults('zo');
    expect(names(results.view(search, people.length, false).shown)).toEqual(['Zoé Mille']);
    const more = [...people, person('Zora Neale')];
    expect(names(results.view(personSearchFor(more), more.length, false).shown)).toEqual(['Zoé Mille', 'Zora Neale']);
  });
});
