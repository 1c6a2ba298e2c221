import { describe, expect, it } from 'vitest';
import { emptyObservation, ObservationFields, summariseObservation } from './observation.ts';
import { validateFields } from './registry.ts';
import { TEAM_A, testId } from './test-support.ts';

const date = '2026-11-23T10:00:00.000Z';

describe('ObservationFields', () => {
  it('accepts counts of persons met by gender', () => {
    const valid = { ...emptyObservation(date, TEAM_A, testId(40)), personsMet: { women: 2, men: 5, other: 0 }, text: 'Campement agrandi.' };
    expect(ObservationFields.parse(valid)).toEqual(valid);
    expect(summariseObservation(valid)).toEqual({ date, teamId: TEAM_A, territoryId: testId(40) });
  });

  it('needs a territory and whole positive counts, in French', () => {
    expect(validateFields('observation', { ...emptyObservation(date, TEAM_A), personsMet: { women: -1, men: 0, other: 0 } })).toEqual({
      ok: false,
      errors: { territoryId: 'Veuillez choisir un territoire.', personsMet: 'Veuillez saisir un nombre positif ou nul.' },
    });
  });
});
