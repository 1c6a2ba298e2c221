import { describe, expect, it } from 'vitest';
import { createSearchMatcher, matchesPersonSearch, normaliseForSearch, normalisePhoneForSearch, personSearchKey } from './search.ts';

describe('normaliseForSearch', () => {
  it.each([
    ['Hélène', 'helene'],
    ['ÉLODIE', 'elodie'],
    ['François-Xavier', 'francois xavier'],
    ['Noël  Çağlar', 'noel caglar'],
    ['Œuvre Lætitia', 'oeuvre laetitia'],
    ["  d'Artagnan ", 'd artagnan'],
    ['Ａｂｃ', 'abc'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseForSearch(input)).toBe(expected);
  });
});

describe('normalisePhoneForSearch', () => {
  it('keeps digits and reads +33 as 0', () => {
    expect(normalisePhoneForSearch('06 12-34.56 78')).toBe('0612345678');
    expect(normalisePhoneForSearch('+33 6 12 34 56 78')).toBe('0612345678');
    expect(normalisePhoneForSearch('')).toBe('');
  });
});

describe('person search', () => {
  const helene = { name: 'Hélène Dupré', otherNames: 'La Grande, Léna', phone: '06 12 34 56 78' };

  it('finds a name or another name whatever the accents and case', () => {
    expect(matchesPersonSearch(helene, 'helene')).toBe(true);
    expect(matchesPersonSearch(helene, 'HÉLÈNE')).toBe(true);
    expect(matchesPersonSearch(helene, 'dupre hel')).toBe(true);
    expect(matchesPersonSearch(helene, 'lena')).toBe(true);
    expect(matchesPersonSearch(helene, 'grande dupre')).toBe(true);
    expect(matchesPersonSearch(helene, 'Hélèna')).toBe(false);
  });

  it('finds a phone number in any format', () => {
    expect(matchesPersonSearch(helene, '0612')).toBe(true);
    expect(matchesPersonSearch(helene, '34 56')).toBe(true);
    expect(matchesPersonSearch(helene, '+33 6 12')).toBe(true);
    expect(matchesPersonSearch(helene, '0699')).toBe(false);
  });

  it('does not match phones on one or two digits', () => {
    expect(matchesPersonSearch(helene, '12')).toBe(false);
  });

  it('matches everything on an empty query', () => {
    expect(matchesPersonSearch(helene, '  ')).toBe(true);
  });

  it('prepares keys once and a matcher once per query', () => {
    const keys = [helene, { name: 'Noël', otherNames: '', phone: '' }].map(personSearchKey);
    expect(keys[1]).toEqual({ text: 'noel', phone: '' });
    const match = createSearchMatcher('noel');
    expect(keys.map(match)).toEqual([false, true]);
  });
});
