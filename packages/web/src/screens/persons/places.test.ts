import { describe, expect, it } from 'vitest';
import { matchingPlaces } from './places.ts';

const places = [
  { id: '1', name: 'Gare de l’Est' },
  { id: '2', name: 'Square Émile Chautemps' },
  { id: '3', name: 'Gare du Nord' },
  { id: '4', name: 'gare' },
];

describe('matchingPlaces', () => {
  it('matches every word without accents or case, exact match first', () => {
    const { suggestions, exact } = matchingPlaces(places, 'GARE', new Set());
    expect(exact?.id).toBe('4');
    expect(suggestions.map((p) => p.id)).toEqual(['4', '1', '3']);
    expect(matchingPlaces(places, 'emile square', new Set()).suggestions.map((p) => p.id)).toEqual(['2']);
  });

  it('leaves out places already linked but still reports the exact match', () => {
    const { suggestions, exact } = matchingPlaces(places, 'gare', new Set(['4', '3']));
    expect(suggestions.map((p) => p.id)).toEqual(['1']);
    expect(exact?.id).toBe('4');
  });

  it('suggests nothing for an empty query', () => {
    expect(matchingPlaces(places, '  ', new Set())).toEqual({ suggestions: [], exact: null });
  });
});
