import { describe, expect, it } from 'vitest';
import { DataError, ValidationError } from '../data/errors.ts';
import { saveFailure } from './save-failure.ts';

describe('saveFailure', () => {
  it('splits a refused document into field messages and a form message', () => {
    expect(saveFailure(new ValidationError({ teamId: 'Veuillez choisir une équipe.' }))).toEqual({
      fields: { teamId: 'Veuillez choisir une équipe.' },
      message: 'Certains champs sont à corriger.',
    });
    expect(saveFailure(new ValidationError({ '': 'Les données de la fiche sont invalides.' }))).toEqual({
      fields: {},
      message: 'Les données de la fiche sont invalides.',
    });
  });

  it('shows French data errors as they are and hides other errors behind a generic message', () => {
    expect(saveFailure(new DataError('Cette fiche est trop volumineuse.')).message).toBe('Cette fiche est trop volumineuse.');
    const generic = saveFailure(new Error('IDBDatabase: transaction aborted'));
    expect(generic.fields).toEqual({});
    expect(generic.message).not.toMatch(/IDB/);
  });
});
