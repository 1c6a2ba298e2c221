import { describe, expect, it } from 'vitest';
import { emptyPerson, GENDER_LABELS, leaveActiveList, PersonFields, returnToActiveList, summarisePerson } from './person.ts';
import { validateFields } from './registry.ts';
import { TEAM_A } from './test-support.ts';

const valid = {
  ...emptyPerson(),
  name: 'Hélène Dupré',
  otherNames: 'Léna',
  gender: 'woman' as const,
  birthDate: '1980-05-17',
  phone: '06 12 34 56 78',
  email: 'helene@example.org',
  teamIds: [TEAM_A],
  alerts: 'Chien agressif',
};

describe('PersonFields', () => {
  it('accepts a full file and trims the name', () => {
    const parsed = PersonFields.parse({ ...valid, name: '  Hélène Dupré ' });
    expect(parsed.name).toBe('Hélène Dupré');
    expect(parsed.createdAt).toBeUndefined();
  });

  it('refuses a missing or blank name, in French', () => {
    expect(validateFields('person', { ...valid, name: '   ' })).toEqual({
      ok: false,
      errors: { name: 'Veuillez saisir un nom, un prénom ou un surnom.' },
    });
    const { name: _name, ...withoutName } = valid;
    expect(validateFields('person', withoutName)).toEqual({ ok: false, errors: { name: 'Veuillez saisir un nom, un prénom ou un surnom.' } });
  });

  it('refuses bad dates, e-mail, gender and ids with one message per field', () => {
    const result = validateFields('person', {
      ...valid,
      birthDate: '1980-02-30',
      email: 'helene@',
      gender: 'female',
      teamIds: ['team-a'],
      description: 'x'.repeat(10_001),
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        birthDate: 'Veuillez saisir une date valide (AAAA-MM-JJ).',
        email: 'Veuillez saisir une adresse e-mail valide.',
        gender: 'Veuillez choisir un genre dans la liste.',
        teamIds: 'Identifiant invalide.',
        description: 'Ce texte est trop long (10\u00a0000 caractères au maximum).',
      },
    });
  });

  it('asks for the date when the person leaves the file active', () => {
    expect(validateFields('person', { ...valid, outOfActiveList: true })).toEqual({
      ok: false,
      errors: { outOfActiveListDate: 'Veuillez indiquer la date de sortie de la file active.' },
    });
    const left = { ...valid, ...leaveActiveList('2026-11-23', ['Relogée', 'Motif supprimé depuis']) };
    expect(PersonFields.safeParse(left).success).toBe(true);
    expect({ ...left, ...returnToActiveList() }).toMatchObject({ outOfActiveList: false, outOfActiveListDate: '', outOfActiveListReasons: [] });
  });

  it('has a French label for every gender', () => {
    expect(GENDER_LABELS.trans_man).toBe('Homme transgenre');
    expect(Object.keys(GENDER_LABELS)).toHaveLength(7);
  });

  it('summarises for the index', () => {
    expect(summarisePerson({ ...valid, createdAt: '2026-11-23T10:00:00.000Z' })).toEqual({
      name: 'Hélène Dupré',
      otherNames: 'Léna',
      phone: '06 12 34 56 78',
      birthDate: '1980-05-17',
      teamIds: [TEAM_A],
      highlyVulnerable: false,
      outOfActiveList: false,
      alerts: true,
      createdAt: '2026-11-23T10:00:00.000Z',
    });
    expect(summarisePerson({ ...valid, alerts: '  ' }).alerts).toBe(false);
  });
});
