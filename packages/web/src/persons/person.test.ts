import { describe, expect, it } from 'vitest';
import { EMPTY_PERSON, personPatch, validatePerson } from './person.ts';

const TODAY = '2026-06-15';

describe('validatePerson', () => {
  it('requires a name and trims values', () => {
    expect(validatePerson({ ...EMPTY_PERSON, name: '   ' }, TODAY).errors.name).toMatch(/nom/);
    const { value, errors } = validatePerson({ ...EMPTY_PERSON, name: '  Jo  ', phone: ' 06 12 34 56 78 ' }, TODAY);
    expect(errors).toEqual({});
    expect(value.name).toBe('Jo');
    expect(value.phone).toBe('06 12 34 56 78');
  });

  it('refuses impossible and future birth dates', () => {
    expect(validatePerson({ ...EMPTY_PERSON, name: 'A', birthDate: '2026-02-30' }, TODAY).errors.birthDate).toBeDefined();
    expect(validatePerson({ ...EMPTY_PERSON, name: 'A', birthDate: '2026-06-16' }, TODAY).errors.birthDate).toMatch(/futur/);
    expect(validatePerson({ ...EMPTY_PERSON, name: 'A', birthDate: '1899-12-31' }, TODAY).errors.birthDate).toBeDefined();
    expect(validatePerson({ ...EMPTY_PERSON, name: 'A', birthDate: '1981-02-29' }, TODAY).errors.birthDate).toBeDefined();
    expect(validatePerson({ ...EMPTY_PERSON, name: 'A', birthDate: '1984-02-29' }, TODAY).errors).toEqual({});
  });

  it('accepts usual phone formats and refuses text', () => {
    for (const phone of ['06 12 34 56 78', '+33 6 12 34 56 78', '06.12.34.56.78', '(01) 23-45']) {
      expect(validatePerson({ ...EMPTY_PERSON, name: 'A', phone }, TODAY).errors).toEqual({});
    }
    expect(validatePerson({ ...EMPTY_PERSON, name: 'A', phone: 'pas de téléphone' }, TODAY).errors.phone).toBeDefined();
    expect(validatePerson({ ...EMPTY_PERSON, name: 'A', phone: '12' }, TODAY).errors.phone).toBeDefined();
  });
});

describe('personPatch', () => {
  it('sends only changed fields', () => {
    const before = { name: 'A', birthDate: '', phone: '01', description: 'x' };
    expect(personPatch(before, { ...before, phone: '02' })).toEqual({ phone: '02' });
    expect(personPatch(null, before)).toEqual(before);
  });
});
