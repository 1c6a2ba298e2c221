import { describe, expect, it } from 'vitest';
import { ConsultationFields, consultationLabel, emptyConsultation, mayViewConsultation, summariseConsultation } from './consultation.ts';
import { PERSON_1, testId } from './test-support.ts';

const valid = { ...emptyConsultation(PERSON_1, '2026-11-23T10:00:00.000Z'), type: 'Infirmier', notes: 'Plaie au pied droit, pansement refait.' };

describe('ConsultationFields', () => {
  it('accepts a consultation with its constantes', () => {
    expect(ConsultationFields.safeParse({ ...valid, vitalSigns: { ...valid.vitalSigns, spo2: 96 } }).success).toBe(true);
  });

  it('needs a person, a type, a date and a known status, in French', () => {
    const messages = ConsultationFields.safeParse({ ...valid, personId: '', type: ' ', date: '', status: 'maybe' }).error?.issues.map((i) => i.message);
    expect(messages).toEqual([
      'Veuillez choisir la personne.',
      'Veuillez choisir le type de consultation.',
      'Veuillez saisir une date et une heure valides.',
      'Veuillez choisir le statut.',
    ]);
  });

  it('summarises without notes nor constantes, and labels with type and day', () => {
    expect(summariseConsultation(valid)).toEqual({ personId: PERSON_1, type: 'Infirmier', date: valid.date, status: 'todo', visibleTo: [], createdBy: '' });
    expect(consultationLabel(valid)).toBe('Consultation Infirmier du 23/11/2026');
  });

  it('shows a restricted consultation to the members chosen and its author only', () => {
    const author = testId(1);
    const chosen = testId(2);
    const restricted = { visibleTo: [chosen], createdBy: author };
    expect(mayViewConsultation(restricted, chosen)).toBe(true);
    expect(mayViewConsultation(restricted, author)).toBe(true);
    expect(mayViewConsultation(restricted, testId(3))).toBe(false);
    expect(mayViewConsultation({ visibleTo: [], createdBy: author }, testId(3))).toBe(true);
  });
});
