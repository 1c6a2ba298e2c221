import { describe, expect, it } from 'vitest';
import { ageLabel, ageOn } from './age.ts';

describe('age', () => {
  it('counts whole years, the birthday included', () => {
    expect(ageOn('1980-05-17', '2026-05-16')).toBe(45);
    expect(ageOn('1980-05-17', '2026-05-17')).toBe(46);
    expect(ageOn('2026-05-17', '2026-05-17')).toBe(0);
  });

  it('makes someone born on 29 February older on 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('is unknown without a valid past birth date', () => {
    expect(ageOn('', '2026-05-17')).toBeNull();
    expect(ageOn('1980-02-30', '2026-05-17')).toBeNull();
    expect(ageOn('2027-01-01', '2026-05-17')).toBeNull();
  });

  it('says it in French', () => {
    expect(ageLabel('1980-05-17', '2026-05-17')).toBe('46 ans');
    expect(ageLabel('2025-01-01', '2026-05-17')).toBe('1 an');
    expect(ageLabel('', '2026-05-17')).toBe('');
  });
});
