import { describe, expect, it } from 'vitest';
import { CommentFields, commentLabel, emptyComment, summariseComment } from './comment.ts';
import { validateFields } from './registry.ts';
import { PERSON_1, TEAM_A, testId } from './test-support.ts';

const valid = { ...emptyComment('2026-11-23T10:00:00.000Z', TEAM_A), text: 'Vu ce matin, il demande un duvet.', personId: PERSON_1 };

describe('CommentFields', () => {
  it('accepts a comment on a person or on an action', () => {
    expect(CommentFields.safeParse(valid).success).toBe(true);
    expect(CommentFields.safeParse({ ...valid, personId: '', actionId: testId(5) }).success).toBe(true);
  });

  it('needs text, a team, a date and something to be about, in French', () => {
    expect(validateFields('comment', { ...valid, text: '', teamId: '', date: '2026-11-23' })).toEqual({
      ok: false,
      errors: { text: 'Veuillez saisir le commentaire.', teamId: 'Veuillez choisir une équipe.', date: 'Veuillez saisir une date et une heure valides.' },
    });
    expect(validateFields('comment', { ...valid, personId: '' })).toEqual({
      ok: false,
      errors: { personId: 'Un commentaire porte sur une personne ou sur une action.' },
    });
  });

  it('summarises without the text and labels with its beginning', () => {
    expect(summariseComment({ ...valid, priority: true })).toEqual({ personId: PERSON_1, actionId: '', teamId: TEAM_A, date: valid.date, priority: true });
    expect(commentLabel(valid)).toBe('Commentaire : Vu ce matin, il demande un duvet.');
    expect(commentLabel({ ...valid, text: `${'mot '.repeat(30)}\nsuite` })).toMatch(/^Commentaire : (mot ){14}mot…$/);
  });
});
