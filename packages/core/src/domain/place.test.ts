import { describe, expect, it } from 'vitest';
import { emptyPersonPlace, PersonPlaceFields } from './person-place.ts';
import { emptyPlace, PlaceFields } from './place.ts';
import { validateFields } from './registry.ts';
import { PERSON_1, testId } from './test-support.ts';

describe('places and person-place links', () => {
  it('accepts a place and a link', () => {
    expect(PlaceFields.safeParse({ ...emptyPlace(), name: 'Accueil de jour Saint-Martin' }).success).toBe(true);
    expect(PersonPlaceFields.safeParse(emptyPersonPlace(PERSON_1, testId(60))).success).toBe(true);
  });

  it('refuses what is missing, in French', () => {
    expect(validateFields('place', emptyPlace())).toEqual({ ok: false, errors: { name: 'Veuillez saisir le nom du lieu.' } });
    expect(validateFields('personPlace', emptyPersonPlace(PERSON_1))).toEqual({ ok: false, errors: { placeId: 'Veuillez choisir un lieu.' } });
  });
});
