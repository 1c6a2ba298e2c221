import { describe, expect, it } from 'vitest';
import { newDefinition, type CustomFieldDefinition, type CustomFieldType } from '@relais/core/domain/custom-fields';
import { customValuesText, shownCustomFields } from './custom-fields-view.ts';
import { checkCustomInputs, editDraft, fromInput, isCustomDirty, keptValueNote, NO, shownInputs, YES } from './custom-values-form.ts';

const TEAM_A = '0190a1b2-0000-7000-8000-00000000000a';
const TEAM_B = '0190a1b2-0000-7000-8000-00000000000b';
let n = 0;
function field(type: CustomFieldType, extra: Partial<CustomFieldDefinition> = {}): CustomFieldDefinition {
  n += 1;
  return newDefinition({ id: `0190a1b2-0000-7000-8000-${n.toString(16).padStart(12, '0')}`, label: `Champ ${type}`, type, target: 'personSocial', order: n, ...extra });
}

const text = field('text');
const long = field('longText');
const number = field('number');
const date = field('date');
const when = field('dateTime');
const duration = field('duration');
const yesNo = field('yesNo', { required: true });
const housing = field('choice', { label: 'Hébergement', options: ['Rue', 'Squat'] });
const needs = field('multiChoice', { label: 'Besoins', options: ['Douche', 'Repas'] });
const box = field('checkbox');
const ALL = [text, long, number, date, when, duration, yesNo, housing, needs, box];

describe('custom field inputs', () => {
  it('show stored values in the inputs of their type and read them back unchanged', () => {
    const stored = {
      [text.id]: 'Chien : Rex',
      [long.id]: 'Ligne 1\nLigne 2',
      [number.id]: 12.5,
      [date.id]: '2026-03-05',
      [when.id]: '2026-07-15T13:05:00.000Z',
      [duration.id]: 95,
      [yesNo.id]: false,
      [housing.id]: 'Squat',
      [needs.id]: ['Douche'],
      [box.id]: true,
    };
    const inputs = shownInputs(ALL, stored, null);
    expect(inputs[number.id]).toBe('12,5');
    expect(inputs[when.id]).toBe('2026-07-15T15:05');
    expect(inputs[duration.id]).toEqual({ hours: '1', minutes: '35' });
    expect(inputs[yesNo.id]).toBe(NO);
    for (const d of ALL) expect(fromInput(d, inputs[d.id]!), d.type).toEqual({ value: stored[d.id] });
  });

  it('read French numbers and durations, and say in French what cannot be read', () => {
    expect(fromInput(number, '1 234,5')).toEqual({ value: 1234.5 });
    expect(fromInput(number, '-3')).toEqual({ value: -3 });
    expect(fromInput(number, 'douze')).toEqual({ error: 'Veuillez saisir un nombre (par exemple 12 ou 12,5).' });
    expect(fromInput(duration, { hours: '', minutes: '90' })).toEqual({ value: 90 });
    expect(fromInput(duration, { hours: '2', minutes: '' })).toEqual({ value: 120 });
    expect(fromInput(duration, { hours: '1,5', minutes: '' })).toEqual({ error: 'Veuillez saisir une durée en heures et minutes (nombres entiers).' });
    expect(fromInput(date, '2026-02-30')).toEqual({ error: 'Veuillez saisir une date valide (AAAA-MM-JJ).' });
    expect(fromInput(when, '2026-01-15T14:05')).toEqual({ value: '2026-01-15T13:05:00.000Z' });
    expect(fromInput(when, '2026-01-15')).toEqual({ error: 'Veuillez saisir une date et une heure valides.' });
    expect(fromInput(yesNo, YES)).toEqual({ value: true });
    expect(fromInput(yesNo, '')).toEqual({ value: null });
    expect(fromInput(box, false)).toEqual({ value: null });
    expect(fromInput(text, '   ')).toEqual({ value: null });
  });
});

describe('the custom fields draft', () => {
  const stored = { [yesNo.id]: true, [housing.id]: 'Hôtel', [text.id]: 'avant' };

  it('saves only what was touched, over the latest stored values', () => {
    let draft = editDraft(null, number.id, '42');
    draft = editDraft(draft, text.id, '');
    // Another device changed a field this form did not touch: the newer value stays.
    const newer = { ...stored, [housing.id]: 'Rue' };
    expect(checkCustomInputs(ALL, newer, draft)).toEqual({ ok: true, changed: true, values: { [yesNo.id]: true, [housing.id]: 'Rue', [number.id]: 42 } });
    expect(shownInputs([number, housing], newer, draft)).toEqual({ [number.id]: '42', [housing.id]: 'Rue' });
  });

  it('keeps a removed option untouched, refuses to pick one, and lets the person clear it', () => {
    expect(checkCustomInputs(ALL, stored, null)).toEqual({ ok: true, changed: false, values: stored });
    expect(checkCustomInputs(ALL, stored, editDraft(null, housing.id, 'Caravane'))).toEqual({ ok: false, errors: { [housing.id]: 'Veuillez choisir une option de la liste.' } });
    const cleared = checkCustomInputs(ALL, stored, editDraft(null, housing.id, ''));
    expect(cleared.ok && cleared.values).toEqual({ [yesNo.id]: true, [text.id]: 'avant' });
    expect(keptValueNote(housing, 'Hôtel')).toMatch(/« Hôtel » a été retirée de la liste/);
    expect(keptValueNote(number, 'environ 500')).toMatch(/autre format.*« environ 500 »/);
    expect(keptValueNote(number, 500)).toBeNull();
  });

  it('gives one French message per field: unreadable input first, then required', () => {
    const draft = editDraft(editDraft(null, number.id, 'douze'), yesNo.id, '');
    expect(checkCustomInputs(ALL, stored, draft)).toEqual({
      ok: false,
      errors: { [number.id]: 'Veuillez saisir un nombre (par exemple 12 ou 12,5).', [yesNo.id]: 'Veuillez répondre oui ou non.' },
    });
  });

  it('drops what was typed into a field no longer shown (removed or disabled meanwhile)', () => {
    const result = checkCustomInputs([yesNo], stored, editDraft(null, number.id, '42'));
    expect(result).toEqual({ ok: true, changed: false, values: stored });
  });

  it('writes back a value of a type this version does not know', () => {
    const newer = { ...stored, 'later-field': { lat: 48.85, lng: 2.35 } };
    const result = checkCustomInputs(ALL, newer, editDraft(null, number.id, '7'));
    expect(result).toEqual({ ok: true, changed: true, values: { ...newer, [number.id]: 7 } });
    expect(keptValueNote(text, { lat: 48.85 })).toBe('Valeur enregistrée par une autre version de Relais, gardée telle quelle : {"lat":48.85}.');
  });

  it('is dirty only when saving would change something', () => {
    expect(isCustomDirty(ALL, stored, null)).toBe(false);
    expect(isCustomDirty(ALL, stored, editDraft(null, text.id, ' avant '))).toBe(false);
    expect(isCustomDirty(ALL, stored, editDraft(null, text.id, 'après'))).toBe(true);
    expect(isCustomDirty(ALL, stored, editDraft(null, number.id, 'douze'))).toBe(true);
  });
});

describe('custom fields on a file', () => {
  const teamOnly = field('text', { label: 'Suivi équipe A', enabledTeamIds: [TEAM_A], group: 'Équipe' });
  const removed = field('text', { label: 'Ancien', removed: true });
  const definitions = Object.fromEntries([housing, yesNo, teamOnly, removed].map((d) => [d.id, d]));

  it('lists the team’s fields, and other fields only when they hold a value', () => {
    expect(shownCustomFields(definitions, {}, 'personSocial', TEAM_B).map((f) => [f.label, f.value])).toEqual([
      ['Champ yesNo', 'Non renseigné'],
      ['Hébergement', 'Non renseigné'],
    ]);
    const values = { [housing.id]: 'Hôtel', [teamOnly.id]: 'vu', [removed.id]: 'garde' };
    expect(shownCustomFields(definitions, values, 'personSocial', TEAM_B).map((f) => [f.group, f.label, f.value])).toEqual([
      ['', 'Champ yesNo', 'Non renseigné'],
      ['', 'Hébergement', 'Hôtel (option retirée)'],
      ['', 'Ancien (champ retiré)', 'garde'],
      // Groups come in the order of their first field: the fields without a group came first.
      ['Équipe', 'Suivi équipe A (champ d’une autre équipe)', 'vu'],
    ]);
    expect(shownCustomFields(definitions, values, 'observation', TEAM_A)).toEqual([]);
  });

  it('writes a whole set of values in one line for a conflict', () => {
    expect(customValuesText(definitions, { [yesNo.id]: true, [housing.id]: 'Rue', 'unknown-id': 'x' })).toBe('Champ yesNo : Oui ; Hébergement : Rue ; 1 champ inconnu');
    expect(customValuesText(definitions, {})).toBe('(vide)');
  });
});
