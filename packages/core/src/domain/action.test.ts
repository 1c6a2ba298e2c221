import { describe, expect, it } from 'vitest';
import { ActionFields, emptyAction, setActionStatus, summariseAction } from './action.ts';
import { validateFields } from './registry.ts';
import { PERSON_1, SERIES_1, TEAM_A } from './test-support.ts';

const valid = { ...emptyAction('2026-11-23'), title: 'Rendez-vous CAF', teamIds: [TEAM_A], personIds: [PERSON_1], dueTime: '14:30' };

describe('ActionFields', () => {
  it('accepts an action with or without a time', () => {
    expect(ActionFields.safeParse(valid).success).toBe(true);
    expect(ActionFields.safeParse({ ...valid, dueTime: '' }).success).toBe(true);
  });

  it('refuses what a form can get wrong, in French', () => {
    expect(validateFields('action', { ...valid, title: '', dueDate: '', dueTime: '25:00', teamIds: [], status: 'doing' })).toEqual({
      ok: false,
      errors: {
        title: 'Veuillez saisir un titre.',
        dueDate: "Veuillez saisir la date d'échéance (AAAA-MM-JJ).",
        dueTime: 'Veuillez saisir une heure valide (HH:MM).',
        teamIds: 'Veuillez choisir au moins une équipe.',
        status: 'Veuillez choisir un statut.',
      },
    });
  });

  it('wants a series and its date together', () => {
    expect(validateFields('action', { ...valid, seriesId: SERIES_1 })).toEqual({
      ok: false,
      errors: { occurrenceDate: "L'occurrence d'une action récurrente doit indiquer sa série et sa date." },
    });
    expect(ActionFields.safeParse({ ...valid, seriesId: SERIES_1, occurrenceDate: '2026-11-23' }).success).toBe(true);
  });

  it('sets the date of realisation when done or cancelled, clears it when to do again', () => {
    const now = '2026-11-23T15:00:00.000Z';
    expect(setActionStatus(valid, 'done', now)).toEqual({ status: 'done', completedAt: now });
    expect(setActionStatus({ status: 'done', completedAt: '2026-11-22T09:00:00.000Z' }, 'done', now)).toEqual({ status: 'done' });
    expect(setActionStatus({ status: 'done', completedAt: '2026-11-22T09:00:00.000Z' }, 'cancelled', now)).toEqual({ status: 'cancelled', completedAt: now });
    expect(setActionStatus({ status: 'done', completedAt: now }, 'todo', now)).toEqual({ status: 'todo', completedAt: '' });
  });

  it('summarises without the description', () => {
    const summary = summariseAction({ ...valid, description: 'secret' });
    expect(summary).not.toHaveProperty('description');
    expect(summary).toMatchObject({ title: 'Rendez-vous CAF', dueDate: '2026-11-23', dueTime: '14:30', createdAt: '' });
  });
});
