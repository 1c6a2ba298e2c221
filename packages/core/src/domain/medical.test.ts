import { beforeAll, describe, expect, it } from 'vitest';
import { collectionsForKinds, COLLECTION_LABELS, keyKindOf, MEDICAL_COLLECTIONS } from '../collections.ts';
import { loadSodiumPrimitives } from '../crypto/test-support.ts';
import type { CryptoPrimitives } from '../ports.ts';
import { ConsultationFields, emptyConsultation } from './consultation.ts';
import { emptyMedicalComment, medicalCommentLabel, summariseMedicalComment } from './medical-comment.ts';
import { emptyMedicalFile, medicalFileId, medicalFileIds } from './medical-file.ts';
import { readFields, validateFields } from './registry.ts';
import { DEFAULT_CONSULTATION_TYPES, settingsId } from './settings.ts';
import { keyring, PERSON_1, PERSON_2, testId } from './test-support.ts';

let p: CryptoPrimitives;
beforeAll(async () => {
  p = await loadSodiumPrimitives();
});

describe('the medical collections', () => {
  it('are exactly the dossier médical, under the medical key, with French labels', () => {
    expect([...MEDICAL_COLLECTIONS].sort()).toEqual(['consultation', 'medicalComment', 'medicalFile', 'medicalHistory', 'treatment']);
    for (const c of MEDICAL_COLLECTIONS) {
      expect(keyKindOf(c)).toBe('medical');
      expect(COLLECTION_LABELS[c]).toMatch(/^[A-Z]/);
    }
  });

  it('are left out of what a session without the medical key may open', () => {
    const general = collectionsForKinds(['general']);
    for (const c of MEDICAL_COLLECTIONS) expect(general).not.toContain(c);
    expect(general).toContain('person');
    expect(collectionsForKinds(['general', 'medical'])).toEqual(expect.arrayContaining([...MEDICAL_COLLECTIONS, 'person']));
  });
});

describe('consultation documents', () => {
  it('carry the values of their type’s custom fields, checked as ids to JSON values', () => {
    const base = { ...emptyConsultation(PERSON_1, '2026-11-23T10:00:00.000Z'), type: 'Infirmier' };
    expect(ConsultationFields.safeParse({ ...base, customFields: { [testId(9)]: 'Pansement' } }).success).toBe(true);
    expect(ConsultationFields.safeParse({ ...base, customFields: { 'pas-un-id': 'x' } }).success).toBe(false);
    // A consultation saved before custom fields existed still parses.
    const { customFields: _omitted, ...older } = base;
    expect(ConsultationFields.safeParse(older).success).toBe(true);
  });

  it('refuse a constante out of human range with a French message', () => {
    const base = { ...emptyConsultation(PERSON_1, '2026-11-23T10:00:00.000Z'), type: 'Infirmier' };
    const result = validateFields('consultation', { ...base, vitalSigns: { ...base.vitalSigns, weightKg: 720 } });
    expect(result).toEqual({ ok: false, errors: { vitalSigns: 'Poids : entre 0,5 et 400 kg.' } });
  });
});

describe('medical comments', () => {
  it('need a text and a person; summaries leave the text out', () => {
    const empty = emptyMedicalComment(PERSON_1, '2026-11-23T10:00:00.000Z');
    expect(validateFields('medicalComment', empty)).toEqual({ ok: false, errors: { text: 'Veuillez saisir le commentaire médical.' } });
    const written = { ...empty, text: 'Douleurs thoraciques signalées' };
    expect(validateFields('medicalComment', written).ok).toBe(true);
    expect(summariseMedicalComment(written)).toEqual({ personId: PERSON_1, date: empty.date });
    expect(medicalCommentLabel(written)).toBe('Commentaire médical : Douleurs thoraciques signalées');
  });
});

describe('the medical file of a person', () => {
  it('has one id per person, the same on every device, unlike any other derived id', () => {
    const ring = keyring();
    expect(medicalFileId(p, ring, PERSON_1)).toBe(medicalFileId(p, keyring(), PERSON_1));
    expect(medicalFileId(p, ring, PERSON_1)).not.toBe(medicalFileId(p, ring, PERSON_2));
    expect(medicalFileId(p, ring, PERSON_1)).not.toBe(PERSON_1);
    expect(medicalFileId(p, ring, PERSON_1)).not.toBe(settingsId(p, ring));
  });

  it('is found under every general key version, newest first', () => {
    const rotated = keyring(1, [1, 2]);
    const ids = medicalFileIds(p, rotated, PERSON_1);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(medicalFileId(p, rotated, PERSON_1));
    expect(ids[1]).toBe(medicalFileId(p, keyring(1, [1]), PERSON_1));
  });

  it('holds the medical custom field values, read leniently', () => {
    expect(validateFields('medicalFile', { ...emptyMedicalFile(PERSON_1), customFields: { [testId(7)]: ['Diabète'] } }).ok).toBe(true);
    expect(readFields('medicalFile', { personId: PERSON_1, customFields: { [testId(7)]: 'gardé' } }).customFields).toEqual({ [testId(7)]: 'gardé' });
  });
});

describe('consultation types', () => {
  it('default for an organisation that never saved any, and for a settings record saved before the list existed', () => {
    expect(readFields('settings', {}).consultationTypes).toEqual([...DEFAULT_CONSULTATION_TYPES]);
    const older = { ...readFields('settings', {}) } as Record<string, unknown>;
    delete older.consultationTypes;
    const result = validateFields('settings', older);
    expect(result.ok && result.fields.consultationTypes).toEqual([...DEFAULT_CONSULTATION_TYPES]);
  });
});
