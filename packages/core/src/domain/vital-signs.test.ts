import { describe, expect, it } from 'vitest';
import { emptyVitalSigns, vitalSignLines, VitalSigns } from './vital-signs.ts';

describe('VitalSigns', () => {
  it('accepts what was taken and null for what was not', () => {
    const taken = { ...emptyVitalSigns(), weightKg: 72.5, systolic: 120, diastolic: 80, temperature: 37.2, glycemia: 1.05, spo2: 97 };
    expect(VitalSigns.safeParse(taken).success).toBe(true);
    expect(VitalSigns.safeParse(emptyVitalSigns()).success).toBe(true);
  });

  it('refuses values out of human range, or too precise, with French messages', () => {
    const issues = (patch: Partial<Record<string, unknown>>) => VitalSigns.safeParse({ ...emptyVitalSigns(), ...patch }).error?.issues.map((i) => i.message);
    expect(issues({ weightKg: 720 })).toEqual(['Poids : entre 0,5 et 400 kg.']);
    expect(issues({ spo2: 101 })).toEqual(['Saturation en oxygène (SpO2) : entre 40 et 100 %.']);
    expect(issues({ heartRate: 72.5 })).toEqual(['Fréquence cardiaque : veuillez saisir un nombre entier.']);
    expect(issues({ temperature: 37.25 })).toEqual(['Température : 1 décimale au plus.']);
    expect(issues({ glycemia: '1,2' })).toEqual(['Glycémie : veuillez saisir un nombre.']);
  });

  it('reads as lines, blood pressure as one', () => {
    expect(vitalSignLines({ ...emptyVitalSigns(), weightKg: 72.5, systolic: 120, diastolic: 80 })).toEqual(['Poids : 72,5 kg', 'Tension artérielle : 120/80 mmHg']);
    expect(vitalSignLines({ ...emptyVitalSigns(), diastolic: 80 })).toEqual(['Tension artérielle : ?/80 mmHg']);
    expect(vitalSignLines(emptyVitalSigns())).toEqual([]);
  });
});
