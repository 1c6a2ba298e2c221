import { describe, expect, it } from 'vitest';
import { EMPTY_PERSON } from './form-state.ts';
import { validatePerson } from './validation.ts';

const TODAY = '2026-06-15';

describe('validatePerson', () => {
  it('accepts a complete person', () => {
    expect(
      validatePerson(
        {
          ...EMPTY_PERSON,
          name: 'Dupont Jeanne',
          gender: 'woman',
          birthDate: '1970-05-04',
          email: 'jeanne@example.fr',
          teamIds: ['0190a1b2-0000-7000-8000-000000000001'],
          outOfActiveList: true,
          outOfActiveListDate: '2026-06-01',
          outOfActiveListReasons: ['Relogement'],
        },
        TODAY,
      ),
    ).toEqual({});
  });

  it('gives the shared schema’s French message next to each field', () => {
    const errors = validatePerson({ ...EMPTY_PERSON, name: '   ', email: 'pas-un-mail', birthDate: '2026-02-30', description: 'x'.repeat(10_001) }, TODAY);
    expect(errors.name).toBe('Veuillez saisir un nom, un prénom ou un surnom.');
    expect(errors.email).toMatch(/adresse e-mail valide/);
    expect(errors.birthDate).toMatch(/date valide/);
    expect(errors.description).toMatch(/trop long/);
  });

  it('adds the checks that need a clock', () => {
    expect(validatePerson({ ...EMPTY_PERSON, name: 'A', birthDate: '2027-01-01' }, TODAY).birthDate).toMatch(/futur/);
    expect(validatePerson({ ...EMPTY_PERSON, name: 'A', outOfActiveList: true }, TODAY).outOfActiveListDate).toMatch(/date de sortie/);
  });
});
