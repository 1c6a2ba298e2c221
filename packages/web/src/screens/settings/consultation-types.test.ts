import { describe, expect, it } from 'vitest';
import { checkConsultationTypes } from './consultation-types.ts';

describe('consultation types typed one per line', () => {
  it('are trimmed, blank lines and repeats (without case or accents) dropped, in order', () => {
    expect(checkConsultationTypes(' Infirmier \n\nMédecin\nmedecin\nPsychologue ')).toEqual({ ok: true, types: ['Infirmier', 'Médecin', 'Psychologue'] });
  });

  it('need at least one type, each of a reasonable length', () => {
    expect(checkConsultationTypes(' \n ')).toEqual({ ok: false, error: 'Veuillez saisir au moins un type de consultation.' });
    expect(checkConsultationTypes('x'.repeat(201)).ok).toBe(false);
    expect(checkConsultationTypes(Array.from({ length: 101 }, (_, i) => `Type ${i}`).join('\n')).ok).toBe(false);
  });
});
