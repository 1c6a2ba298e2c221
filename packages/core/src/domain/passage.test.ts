import { describe, expect, it } from 'vitest';
import { emptyPassage, PassageFields, passageHeadcount, passageLabel } from './passage.ts';
import { validateFields } from './registry.ts';
import { PERSON_1, PERSON_2, TEAM_A } from './test-support.ts';

const date = '2026-11-23T10:00:00.000Z';

describe('PassageFields', () => {
  it('accepts an anonymous passage and a named one', () => {
    expect(PassageFields.safeParse(emptyPassage(date, TEAM_A)).success).toBe(true);
    expect(PassageFields.safeParse({ ...emptyPassage(date, TEAM_A), personIds: [PERSON_1, PERSON_2], anonymousCount: 0 }).success).toBe(true);
  });

  it('refuses a passage of nobody and a negative count, in French', () => {
    expect(validateFields('passage', { ...emptyPassage(date, TEAM_A), anonymousCount: 0 })).toEqual({
      ok: false,
      errors: { anonymousCount: 'Veuillez choisir au moins une personne ou compter au moins un passage anonyme.' },
    });
    expect(validateFields('passage', { ...emptyPassage(date, TEAM_A), anonymousCount: -2 })).toEqual({
      ok: false,
      errors: { anonymousCount: 'Veuillez saisir un nombre positif ou nul.' },
    });
  });

  it('counts people and labels by local day', () => {
    expect(passageHeadcount({ personIds: [PERSON_1], anonymousCount: 2 })).toBe(3);
    expect(passageLabel(emptyPassage('2026-11-23T23:30:00.000Z', TEAM_A))).toBe('Passage du 24/11/2026');
  });
});
