import { describe, expect, it } from 'vitest';
import { syntheticOrganisation, syntheticPerson } from '../generator.ts';
import { personPageCount, pickPersons, typedPrefixes } from './persons.ts';

describe('what the browser benchmarks type and open', () => {
  const org = syntheticOrganisation(20261123, 'S');
  const picks = pickPersons(org, 24);

  it('searches for a person of the file active by a phone number nobody else has, late in the list', () => {
    const { query, name } = picks.last;
    expect(query).toMatch(/^0[67]\d{8}$/);
    const owners = picks.tuples.filter(([, , phone]) => phone.replace(/\D/g, '') === query);
    expect(owners).toHaveLength(1);
    expect(owners[0]![0]).toBe(name);
    const index = picks.tuples.findIndex(([, , phone]) => phone.replace(/\D/g, '') === query);
    expect(index).toBeGreaterThan(org.shape.person * 0.9);
    expect(syntheticPerson(org, index).document.fields.outOfActiveList).toBe(false);
  });

  it('opens persons of the file active whose names are their own, spread over the list', () => {
    expect(picks.toOpen).toHaveLength(24);
    expect(new Set(picks.toOpen).size).toBe(24);
    const names = picks.tuples.map(([name]) => name);
    for (const name of picks.toOpen) {
      expect(names.filter((n) => n === name)).toHaveLength(1);
      expect(syntheticPerson(org, names.indexOf(name)).document.fields.outOfActiveList).toBe(false);
    }
    expect(names.indexOf(picks.toOpen[23]!)).toBeGreaterThan(org.shape.person * 0.8);
  });

  it('types every prefix of every query, one key at a time', () => {
    expect(typedPrefixes(['ab', 'c'])).toEqual(['a', 'ab', 'c']);
    expect(typedPrefixes()).toHaveLength(26);
  });

  it('counts the person pages of a phased first sync, or the pages persons fill when there are no phases', () => {
    const base = 'http://127.0.0.1:1/api/sync/pull';
    const phased = [`${base}?since=0&limit=1000&collections=person`, `${base}?since=1000&limit=1000&collections=person`, `${base}?since=0&limit=1000`];
    expect(personPageCount(phased, 5000)).toBe(2);
    const flat = Array.from({ length: 30 }, (_, i) => `${base}?since=${i * 500}&limit=500`);
    expect(personPageCount(flat, 5000)).toBe(10);
    expect(personPageCount(flat.slice(0, 3), 5000)).toBe(3);
  });
});
