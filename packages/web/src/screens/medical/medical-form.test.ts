import { describe, expect, it } from 'vitest';
import { emptyConsultation } from '@relais/core/domain/consultation';
import { validateFields } from '@relais/core/domain/registry';
import { consultationDraftOf, consultationFromDraft, medicalDraftKey, newConsultationDraft, newTreatmentDraft, parseVitalSigns, splitTreatments, treatmentFromDraft, visibleConsultations, emptyVitalInputs } from './medical-form.ts';

const PERSON = '0190a1b2-0000-7000-8000-000000000201';
const NURSE = '0190a1b2-0000-7000-8000-000000000101';
const DOCTOR = '0190a1b2-0000-7000-8000-000000000102';
const OTHER = '0190a1b2-0000-7000-8000-000000000103';

describe('constantes typed in a form', () => {
  it('read a French decimal comma and leave untaken ones null', () => {
    const result = parseVitalSigns({ ...emptyVitalInputs(), weightKg: '72,5', temperature: ' 37.2 ', spo2: '96' });
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ weightKg: 72.5, temperature: 37.2, spo2: 96, heartRate: null }) });
  });

  it('refuse what a human body cannot show, or what is not a number, with core’s French message per constante', () => {
    const result = parseVitalSigns({ ...emptyVitalInputs(), weightKg: '720', spo2: '101', heartRate: 'rapide', temperature: '37,25' });
    expect(result).toEqual({
      ok: false,
      errors: {
        'vitalSigns.weightKg': 'Poids : entre 0,5 et 400 kg.',
        'vitalSigns.heartRate': 'Fréquence cardiaque : veuillez saisir un nombre.',
        'vitalSigns.spo2': 'Saturation en oxygène (SpO2) : entre 40 et 100 %.',
        'vitalSigns.temperature': 'Température : 1 décimale au plus.',
      },
    });
  });
});

describe('a consultation from its form', () => {
  it('becomes a document core accepts, its date in the organisation’s time zone', () => {
    const draft = { ...newConsultationDraft('2026-11-23T09:15:00.000Z', 'Infirmier'), notes: ' Plaie ', visibleTo: [DOCTOR, DOCTOR] };
    expect(draft).toMatchObject({ date: '2026-11-23', time: '10:15', status: 'done' });
    const result = consultationFromDraft({ ...draft, vitalSigns: { ...draft.vitalSigns, systolic: '120', diastolic: '80' } }, PERSON, {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fields).toMatchObject({ personId: PERSON, type: 'Infirmier', date: '2026-11-23T09:15:00.000Z', notes: 'Plaie', visibleTo: [DOCTOR] });
    expect(result.fields.vitalSigns).toMatchObject({ systolic: 120, diastolic: 80, weightKg: null });
    expect(validateFields('consultation', result.fields).ok).toBe(true);
    // And back: the form shows what was stored.
    expect(consultationDraftOf({ ...result.fields, vitalSigns: { ...result.fields.vitalSigns, weightKg: 72.5 } })).toMatchObject({
      date: '2026-11-23',
      time: '10:15',
      vitalSigns: expect.objectContaining({ weightKg: '72,5', systolic: '120', heartRate: '' }),
    });
  });

  it('lists every problem at once', () => {
    const draft = { ...newConsultationDraft('2026-11-23T09:15:00.000Z', ''), date: '2026-02-30', time: '25:00' };
    const result = consultationFromDraft({ ...draft, vitalSigns: { ...draft.vitalSigns, glycemia: '12' } }, PERSON, {});
    expect(result).toEqual({
      ok: false,
      errors: {
        type: 'Veuillez choisir le type de consultation.',
        date: 'Veuillez saisir une date valide.',
        time: 'Veuillez saisir une heure valide (HH:MM).',
        'vitalSigns.glycemia': 'Glycémie : entre 0,1 et 10 g/L.',
      },
    });
  });
});

describe('the consultations list', () => {
  const item = (id: string, date: string, visibleTo: string[], createdBy: string) => ({ id, summary: { date, visibleTo, createdBy } });

  it('is newest first and hides a restricted consultation from health members not chosen (its author always sees it)', () => {
    const open = item('a', '2026-11-20T10:00:00.000Z', [], NURSE);
    const restricted = item('b', '2026-11-23T10:00:00.000Z', [DOCTOR], NURSE);
    const later = item('c', '2026-11-24T10:00:00.000Z', [], DOCTOR);
    expect(visibleConsultations([open, restricted, later], OTHER).map((c) => c.id)).toEqual(['c', 'a']);
    expect(visibleConsultations([open, restricted, later], DOCTOR).map((c) => c.id)).toEqual(['c', 'b', 'a']);
    expect(visibleConsultations([open, restricted, later], NURSE).map((c) => c.id)).toEqual(['c', 'b', 'a']);
  });

  it('reads the summaries core makes (createdBy kept in the index)', () => {
    const summary = { ...emptyConsultation(PERSON, '2026-11-23T10:00:00.000Z'), type: 'Infirmier', visibleTo: [DOCTOR], createdBy: NURSE };
    expect(visibleConsultations([{ id: 'x', summary }], NURSE)).toHaveLength(1);
    expect(visibleConsultations([{ id: 'x', summary }], OTHER)).toHaveLength(0);
  });
});

describe('treatments', () => {
  it('need a médicament and a start, and an end not before it', () => {
    expect(treatmentFromDraft({ ...newTreatmentDraft(''), endDate: '2026-13-01' }, PERSON)).toEqual({
      ok: false,
      errors: { medication: 'Veuillez indiquer le médicament.', startDate: 'Veuillez indiquer la date de début.', endDate: 'Veuillez saisir une date valide.' },
    });
    expect(treatmentFromDraft({ ...newTreatmentDraft('2026-11-23'), medication: 'Amoxicilline', endDate: '2026-11-01' }, PERSON)).toEqual({
      ok: false,
      errors: { endDate: 'La date de fin ne peut pas précéder la date de début.' },
    });
    const ok = treatmentFromDraft({ ...newTreatmentDraft('2026-11-23'), medication: ' Amoxicilline ', dosage: '1 g', endDate: '2026-11-30' }, PERSON);
    expect(ok.ok && ok.fields).toMatchObject({ medication: 'Amoxicilline', dosage: '1 g', startDate: '2026-11-23', endDate: '2026-11-30' });
    expect(ok.ok && validateFields('treatment', ok.fields).ok).toBe(true);
  });

  it('split into en cours (planned ones included) and terminés, latest start first', () => {
    const t = (id: string, startDate: string, endDate: string) => ({ id, summary: { startDate, endDate } });
    const { ongoing, finished } = splitTreatments(
      [t('old', '2026-01-01', '2026-02-01'), t('now', '2026-11-01', ''), t('ends-today', '2026-11-20', '2026-11-23'), t('planned', '2026-12-01', '')],
      '2026-11-23',
    );
    expect(ongoing.map((x) => x.id)).toEqual(['planned', 'ends-today', 'now']);
    expect(finished.map((x) => x.id)).toEqual(['old']);
  });
});

it('names medical drafts so the draft store seals them with the medical key', () => {
  expect(medicalDraftKey('consultation', PERSON, 'new')).toBe(`medical:consultation:${PERSON}:new`);
});
