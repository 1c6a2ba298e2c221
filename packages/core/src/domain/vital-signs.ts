// Constantes of a consultation. Each is optional (null when not taken) and bounded by what a
// human body can show, so a typo (72 kg typed 720) is caught with a French message at the form.
import { z } from 'zod';
import { frenchNumber } from './fields.ts';

interface Bounds {
  label: string;
  unit: string;
  min: number;
  max: number;
  /** Decimal places accepted. */
  decimals: number;
}

export const VITAL_SIGNS = {
  weightKg: { label: 'Poids', unit: 'kg', min: 0.5, max: 400, decimals: 1 },
  heightCm: { label: 'Taille', unit: 'cm', min: 20, max: 260, decimals: 0 },
  heartRate: { label: 'Fréquence cardiaque', unit: 'bpm', min: 10, max: 300, decimals: 0 },
  systolic: { label: 'Tension artérielle systolique', unit: 'mmHg', min: 40, max: 300, decimals: 0 },
  diastolic: { label: 'Tension artérielle diastolique', unit: 'mmHg', min: 20, max: 200, decimals: 0 },
  spo2: { label: 'Saturation en oxygène (SpO2)', unit: '%', min: 40, max: 100, decimals: 0 },
  temperature: { label: 'Température', unit: '°C', min: 25, max: 45, decimals: 1 },
  glycemia: { label: 'Glycémie', unit: 'g/L', min: 0.1, max: 10, decimals: 2 },
  respiratoryRate: { label: 'Fréquence respiratoire', unit: '/min', min: 2, max: 80, decimals: 0 },
} as const satisfies Record<string, Bounds>;

export type VitalSign = keyof typeof VITAL_SIGNS;

function frenchDecimal(value: number): string {
  const [whole = '', fraction] = String(value).split('.');
  return fraction === undefined ? frenchNumber(Number(whole)) : `${frenchNumber(Number(whole))},${fraction}`;
}

function vitalSign({ label, unit, min, max, decimals }: Bounds) {
  const range = `${label} : entre ${frenchDecimal(min)} et ${frenchDecimal(max)} ${unit}.`;
  const step = 10 ** decimals;
  return z
    .number({ error: `${label} : veuillez saisir un nombre.` })
    .min(min, { error: range })
    .max(max, { error: range })
    .refine((value) => Math.abs(Math.round(value * step) - value * step) < 1e-6, {
      error: decimals === 0 ? `${label} : veuillez saisir un nombre entier.` : `${label} : ${decimals} décimale${decimals > 1 ? 's' : ''} au plus.`,
    })
    .nullable();
}

export const VitalSigns = z.object(
  Object.fromEntries(Object.entries(VITAL_SIGNS).map(([key, bounds]) => [key, vitalSign(bounds)])) as Record<VitalSign, ReturnType<typeof vitalSign>>,
  { error: 'Les constantes sont invalides.' },
);
export type VitalSigns = Record<VitalSign, number | null>;

export function emptyVitalSigns(): VitalSigns {
  return { weightKg: null, heightCm: null, heartRate: null, systolic: null, diastolic: null, spo2: null, temperature: null, glycemia: null, respiratoryRate: null };
}

/** « 72,5 kg », « 120/80 mmHg » lines of what was taken, in the order above (blood pressure as one). */
export function vitalSignLines(signs: VitalSigns): string[] {
  const lines: string[] = [];
  for (const key of Object.keys(VITAL_SIGNS) as VitalSign[]) {
    const value = signs[key];
    if (key === 'diastolic') continue;
    if (key === 'systolic') {
      if (signs.systolic !== null || signs.diastolic !== null) {
        lines.push(`Tension artérielle : ${signs.systolic === null ? '?' : frenchDecimal(signs.systolic)}/${signs.diastolic === null ? '?' : frenchDecimal(signs.diastolic)} mmHg`);
      }
      continue;
    }
    if (value !== null) lines.push(`${VITAL_SIGNS[key].label} : ${frenchDecimal(value)} ${VITAL_SIGNS[key].unit}`);
  }
  return lines;
}
