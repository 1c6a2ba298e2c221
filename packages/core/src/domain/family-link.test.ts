import { describe, expect, it } from 'vitest';
import { emptyFamilyLink, FamilyLinkFields, familyLinkLabel, otherPersonOf } from './family-link.ts';
import { validateFields } from './registry.ts';
import { PERSON_1, PERSON_2, testId } from './test-support.ts';

describe('FamilyLinkFields', () => {
  it('links two persons with a described relation, read from either side', () => {
    const link = { ...emptyFamilyLink(PERSON_1, PERSON_2), relation: 'conjointe' };
    expect(FamilyLinkFields.safeParse(link).success).toBe(true);
    expect(otherPersonOf(link, PERSON_1)).toBe(PERSON_2);
    expect(otherPersonOf(link, PERSON_2)).toBe(PERSON_1);
    expect(otherPersonOf(link, testId(3))).toBeNull();
    expect(familyLinkLabel(link)).toBe('Lien familial : conjointe');
  });

  it('refuses a person linked to themself, a missing relation, a third person, in French', () => {
    expect(validateFields('familyLink', { personIds: [PERSON_1, PERSON_1], relation: 'frère' })).toEqual({
      ok: false,
      errors: { personIds: 'Une personne ne peut pas être liée à elle-même.' },
    });
    expect(validateFields('familyLink', { personIds: [PERSON_1, PERSON_2], relation: ' ' })).toEqual({
      ok: false,
      errors: { relation: 'Veuillez décrire le lien (par exemple « frère » ou « conjointe »).' },
    });
    expect(validateFields('familyLink', { personIds: [PERSON_1, PERSON_2, testId(3)], relation: 'frère' })).toMatchObject({ ok: false, errors: { personIds: expect.any(String) } });
  });
});
