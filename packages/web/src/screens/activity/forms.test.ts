import { describe, expect, it } from 'vitest';
import { checkEncounter, checkObservation, checkPassage, checkTerritory, EMPTY_ENCOUNTER, EMPTY_OBSERVATION, EMPTY_PASSAGE, shownWhen, whenOf, withoutKeys } from './forms.ts';

// Whatever the device's time zone (the tests run in the machine's), the forms speak the
// organisation's clocks (Europe/Paris, decision 006).
const NOW = Date.parse('2026-11-23T09:05:30.000Z'); // 10:05 in Paris
const TEAM = '0190a1b2-0000-7000-8000-000000000001';

describe('when', () => {
  it('shows now until a day or time is typed', () => {
    expect(shownWhen({ date: '', time: '' }, NOW)).toEqual({ date: '2026-11-23', time: '10:05' });
    expect(shownWhen({ date: '2026-11-20', time: '' }, NOW)).toEqual({ date: '2026-11-20', time: '10:05' });
    expect(whenOf('2026-11-22T23:30:00.000Z')).toEqual({ date: '2026-11-23', time: '00:30' });
  });
});

describe('checkPassage', () => {
  it('turns a passage with persons into fields, now by default', () => {
    const checked = checkPassage({ ...EMPTY_PASSAGE, teamId: TEAM, personIds: ['p'], comment: '  ' }, NOW);
    expect(checked).toEqual({
      ok: true,
      fields: { date: '2026-11-23T09:05:00.000Z', teamId: TEAM, personIds: ['p'], anonymousCount: 0, comment: '' },
    });
  });

  it('keeps an anonymous count and drops persons chosen before switching', () => {
    const checked = checkPassage({ ...EMPTY_PASSAGE, teamId: TEAM, anonymous: true, personIds: ['p'], anonymousCount: '3', date: '2026-11-20', time: '18:00' }, NOW);
    expect(checked.ok && checked.fields).toMatchObject({ personIds: [], anonymousCount: 3, date: '2026-11-20T17:00:00.000Z' });
  });

  it('says what is missing, in French', () => {
    const checked = checkPassage({ ...EMPTY_PASSAGE, date: '2026-02-30' }, NOW);
    expect(checked).toEqual({
      ok: false,
      errors: {
        date: 'Veuillez indiquer une date valide.',
        teamId: 'Veuillez choisir une équipe.',
        personIds: 'Veuillez choisir au moins une personne, ou indiquer un passage anonyme.',
      },
    });
    const anonymous = checkPassage({ ...EMPTY_PASSAGE, teamId: TEAM, anonymous: true, anonymousCount: '0' }, NOW);
    expect(anonymous.ok ? null : anonymous.errors.anonymousCount).toBe("Veuillez indiquer le nombre de passages anonymes d'au moins 1.");
    const negative = checkPassage({ ...EMPTY_PASSAGE, teamId: TEAM, anonymous: true, anonymousCount: '-2' }, NOW);
    expect(negative.ok ? null : negative.errors.anonymousCount).toMatch(/nombre entier/);
  });
});

describe('checkEncounter', () => {
  it('needs a person, keeps an optional territory', () => {
    expect(checkEncounter({ ...EMPTY_ENCOUNTER, teamId: TEAM }, NOW)).toEqual({
      ok: false,
      errors: { personIds: 'Veuillez choisir au moins une personne rencontrée.' },
    });
    const checked = checkEncounter({ ...EMPTY_ENCOUNTER, teamId: TEAM, personIds: ['a', 'b'], territoryId: 't' }, NOW);
    expect(checked.ok && checked.fields).toMatchObject({ personIds: ['a', 'b'], territoryId: 't' });
  });
});

describe('checkTerritory', () => {
  it('needs a name and trims it', () => {
    expect(checkTerritory({ name: ' ', types: [], perimeter: '', description: '' })).toEqual({ ok: false, errors: { name: 'Veuillez indiquer le nom du territoire.' } });
    expect(checkTerritory({ name: ' Gare du Nord ', types: ['Gare'], perimeter: 'Parvis', description: '' })).toEqual({
      ok: true,
      fields: { name: 'Gare du Nord', types: ['Gare'], perimeter: 'Parvis', description: '' },
    });
  });
});

describe('checkObservation', () => {
  it('reads the counts by gender', () => {
    const checked = checkObservation({ ...EMPTY_OBSERVATION, teamId: TEAM, territoryId: 't', women: '2', men: '', other: '1', text: 'Calme' }, NOW);
    expect(checked.ok && checked.fields).toEqual({ date: '2026-11-23T09:05:00.000Z', teamId: TEAM, territoryId: 't', personsMet: { women: 2, men: 0, other: 1 }, text: 'Calme' });
  });

  it('refuses a territory left out and a count that is not a number', () => {
    const checked = checkObservation({ ...EMPTY_OBSERVATION, teamId: TEAM, women: 'deux' }, NOW);
    expect(checked.ok ? null : Object.keys(checked.errors).sort()).toEqual(['territoryId', 'women']);
  });
});

describe('withoutKeys', () => {
  it('drops the errors of the edited fields only', () => {
    expect(withoutKeys({ date: 'a', teamId: 'b' }, ['teamId', 'comment'])).toEqual({ date: 'a' });
  });
});
