import { describe, expect, it } from 'vitest';
import { emptyEncounter, EncounterFields, encounterLabel } from './encounter.ts';
import { validateFields } from './registry.ts';
import { PERSON_1, TEAM_A, testId } from './test-support.ts';

const date = '2026-11-23T10:00:00.000Z';

describe('EncounterFields', () => {
  it('accepts an encounter with or without a territory', () => {
    const valid = { ...emptyEncounter(date, TEAM_A), personIds: [PERSON_1] };
    expect(EncounterFields.safeParse(valid).success).toBe(true);
    expect(EncounterFields.safeParse({ ...valid, territoryId: testId(40) }).success).toBe(true);
    expect(encounterLabel(valid)).toBe('Rencontre du 23/11/2026');
  });

  it('needs at least one person, in French', () => {
    expect(validateFields('encounter', emptyEncounter(date, TEAM_A))).toEqual({
      ok: false,
      errors: { personIds: 'Veuillez choisir au moins une personne rencontrée.' },
    });
  });
});
