import { describe, expect, it } from 'vitest';
import { emptyTreatment, isOngoing, summariseTreatment, TreatmentFields, treatmentLabel } from './treatment.ts';
import { PERSON_1 } from './test-support.ts';

const valid = { ...emptyTreatment(PERSON_1, '2026-11-01'), medication: 'Amoxicilline', dosage: '1 g', frequency: '3 fois par jour', indication: 'Infection' };

describe('TreatmentFields', () => {
  it('accepts a treatment, with or without an end', () => {
    expect(TreatmentFields.safeParse(valid).success).toBe(true);
    expect(TreatmentFields.safeParse({ ...valid, endDate: '2026-11-08' }).success).toBe(true);
  });

  it('needs a medication and a start, and an end not before the start, in French', () => {
    expect(TreatmentFields.safeParse({ ...valid, medication: '', startDate: '' }).error?.issues.map((i) => i.message)).toEqual([
      'Veuillez indiquer le médicament.',
      'Veuillez indiquer la date de début (AAAA-MM-JJ).',
    ]);
    expect(TreatmentFields.safeParse({ ...valid, endDate: '2026-10-31' }).error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['endDate'], 'La date de fin ne peut pas précéder la date de début.'],
    ]);
  });

  it('summarises, labels and tells whether it runs on a day', () => {
    expect(summariseTreatment(valid)).toEqual({ personId: PERSON_1, medication: 'Amoxicilline', startDate: '2026-11-01', endDate: '' });
    expect(treatmentLabel(valid)).toBe('Traitement : Amoxicilline depuis le 01/11/2026');
    expect(isOngoing({ startDate: '2026-11-01', endDate: '2026-11-08' }, '2026-11-08')).toBe(true);
    expect(isOngoing({ startDate: '2026-11-01', endDate: '2026-11-08' }, '2026-11-09')).toBe(false);
    expect(isOngoing({ startDate: '2026-11-01', endDate: '' }, '2026-10-31')).toBe(false);
  });
});
