import { describe, expect, it } from 'vitest';
import { matches, normalisePhone, normaliseText } from './normalise.ts';

describe('normaliseText', () => {
  it.each([
    ['Hélène', 'helene'],
    ['ÉLODIE', 'elodie'],
    ['François-Xavier', 'francois xavier'],
    ['Noël  Çağlar', 'noel caglar'],
    ['Œuvre Lætitia', 'oeuvre laetitia'],
    ["  d'Artagnan ", 'd artagnan'],
    ['Ａｂｃ', 'abc'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });
});

describe('normalisePhone', () => {
  it('keeps digits and reads +33 as 0', () => {
    expect(normalisePhone('06 12-34.56 78')).toBe('0612345678');
    expect(normalisePhone('+33 6 12 34 56 78')).toBe('0612345678');
    expect(normalisePhone('')).toBe('');
  });
});

describe('matches', () => {
  const helene = { name: 'Hélène Dupré', phone: '06 12 34 56 78' };

  it('finds a name whatever the accents and case', () => {
    expect(matches(helene, 'helene')).toBe(true);
    expect(matches(helene, 'HÉLÈNE')).toBe(true);
    expect(matches(helene, 'dupre hel')).toBe(true);
    expect(matches(helene, 'Hélèna')).toBe(false);
  });

  it('finds a phone number in any format', () => {
    expect(matches(helene, '0612')).toBe(true);
    expect(matches(helene, '34 56')).toBe(true);
    expect(matches(helene, '+33 6 12')).toBe(true);
    expect(matches(helene, '0699')).toBe(false);
  });

  it('does not match phones on one or two digits', () => {
    expect(matches(helene, '12')).toBe(false);
  });

  it('matches everything on an empty query', () => {
    expect(matches(helene, '  ')).toBe(true);
  });
});
