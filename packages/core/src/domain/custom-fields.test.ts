import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applicableDefinitions,
  CustomFieldDefinition,
  CustomFieldDefinitions,
  customFieldChanges,
  displayCustomValue,
  formatDuration,
  formatNumberFr,
  groupDefinitions,
  newDefinition,
  readCustomValues,
  readDefinitions,
  removedOptions,
  sortedDefinitions,
  storedCustomValues,
  validateCustomValues,
  withEditedValues,
  type CustomFieldDefinitions as Definitions,
} from './custom-fields.ts';
import { emptyObservation, ObservationFields } from './observation.ts';
import { emptyPerson, PersonFields } from './person.ts';
import { readFields, validateFields } from './registry.ts';
import { defaultSettings, SettingsFields, summariseSettings } from './settings.ts';
import { PERSON_1, TEAM_A, TEAM_B, testId } from './test-support.ts';

const ENGLISH = /\b(Invalid|expected|received|Too (big|small)|Unrecognized|must)\b/;

const HOUSING = newDefinition({ id: testId(0xf1), label: 'Hébergement actuel', type: 'choice', target: 'personSocial', options: ['Rue', 'Squat', '115'], order: 2, group: 'Situation' });
const INCOME = newDefinition({ id: testId(0xf2), label: 'Ressources (€)', type: 'number', target: 'personSocial', order: 1, group: 'Droits' });
const ID_CARD = newDefinition({ id: testId(0xf3), label: "Pièce d'identité", type: 'checkbox', target: 'personSocial', order: 3, group: 'Situation', enabledTeamIds: [TEAM_A] });
const CONSENT = newDefinition({ id: testId(0xf4), label: 'Consentement recueilli', type: 'yesNo', target: 'personSocial', order: 4, required: true });
const OLD = newDefinition({ id: testId(0xf5), label: 'Ancien champ', type: 'text', target: 'personSocial', order: 0, removed: true });
const TREATMENT = newDefinition({ id: testId(0xf6), label: 'Traitement en cours', type: 'longText', target: 'personMedical', order: 0 });
const WEATHER = newDefinition({ id: testId(0xf7), label: 'Météo', type: 'multiChoice', target: 'observation', options: ['Pluie', 'Froid', 'Chaleur'], order: 0 });
const DRESSING = newDefinition({ id: testId(0xf8), label: 'Pansement', type: 'duration', target: 'consultation', consultationType: 'Soins infirmiers', order: 0 });

function map(...definitions: CustomFieldDefinition[]): Definitions {
  return Object.fromEntries(definitions.map((d) => [d.id, d]));
}

const ALL = map(HOUSING, INCOME, ID_CARD, CONSENT, OLD, TREATMENT, WEATHER, DRESSING);

describe('custom field definitions', () => {
  it('accept every type and refuse a choice without options, in French', () => {
    expect(CustomFieldDefinitions.parse(ALL)).toEqual(ALL);
    const noOptions = CustomFieldDefinition.safeParse({ ...HOUSING, options: [] });
    expect(noOptions.success).toBe(false);
    expect(noOptions.error?.issues.map((i) => i.message)).toEqual(['Veuillez saisir au moins une option.']);
    const unnamed = CustomFieldDefinition.safeParse({ ...INCOME, label: '  ', type: 'colour' });
    expect(unnamed.error?.issues.map((i) => i.message).sort()).toEqual(['Veuillez choisir le type du champ.', 'Veuillez nommer le champ.']);
  });

  it('are kept under their own id', () => {
    const result = CustomFieldDefinitions.safeParse({ [testId(1)]: INCOME });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Identifiant invalide.');
  });

  it('live in the settings record, which still reads without them', () => {
    const { customFieldDefinitions: _none, ...older } = defaultSettings();
    expect(SettingsFields.parse(older).customFieldDefinitions).toEqual({});
    expect(validateFields('settings', { ...defaultSettings(), customFieldDefinitions: ALL })).toEqual({ ok: true, fields: expect.objectContaining({ customFieldDefinitions: ALL }) });
    const bad = validateFields('settings', { ...defaultSettings(), customFieldDefinitions: { [HOUSING.id]: { ...HOUSING, options: [] } } });
    expect(bad).toEqual({ ok: false, errors: { customFieldDefinitions: 'Veuillez saisir au moins une option.' } });
  });

  it('reach the screens whole through the lenient reader, one unreadable definition left out', () => {
    const raw = { ...defaultSettings(), customFieldDefinitions: { ...ALL, [testId(9)]: { id: testId(9), label: 'Futur', type: 'signature' } } };
    const read = readFields('settings', raw as never);
    expect(Object.keys(read.customFieldDefinitions)).toHaveLength(9);
    expect(summariseSettings(read).customFieldDefinitions).toEqual(ALL);
    expect(readDefinitions('nonsense')).toEqual({});
    expect(readDefinitions({ [testId(1)]: INCOME })).toEqual({});
  });

  it('sort by order, then label, and group in the order of their first field', () => {
    const sorted = sortedDefinitions(ALL).filter((d) => d.target === 'personSocial');
    expect(sorted.map((d) => d.label)).toEqual(['Ancien champ', 'Ressources (€)', 'Hébergement actuel', "Pièce d'identité", 'Consentement recueilli']);
    expect(groupDefinitions(sorted.slice(1)).map((g) => [g.name, g.definitions.map((d) => d.label)])).toEqual([
      ['Droits', ['Ressources (€)']],
      ['Situation', ['Hébergement actuel', "Pièce d'identité"]],
      ['', ['Consentement recueilli']],
    ]);
  });

  it('apply by target and team, never once removed', () => {
    const labels = (scope: Parameters<typeof applicableDefinitions>[1]) => applicableDefinitions(ALL, scope).map((d) => d.label);
    expect(labels({ target: 'personSocial', teamId: TEAM_A })).toEqual(['Ressources (€)', 'Hébergement actuel', "Pièce d'identité", 'Consentement recueilli']);
    expect(labels({ target: 'personSocial', teamId: TEAM_B })).toEqual(['Ressources (€)', 'Hébergement actuel', 'Consentement recueilli']);
    expect(labels({ target: 'personSocial', teamId: '' })).not.toContain("Pièce d'identité");
    expect(labels({ target: 'personMedical', teamId: TEAM_A })).toEqual(['Traitement en cours']);
    expect(labels({ target: 'observation', teamId: TEAM_B })).toEqual(['Météo']);
    expect(labels({ target: 'consultation', teamId: TEAM_A, consultationType: 'Soins infirmiers' })).toEqual(['Pansement']);
    expect(labels({ target: 'consultation', teamId: TEAM_A, consultationType: 'Psychologue' })).toEqual([]);
  });
});

describe('records carrying custom values', () => {
  it('parse without them (older records) and keep them through the lenient reader', () => {
    const { customFields: _none, ...older } = { ...emptyPerson(), name: 'Hélène' };
    expect(PersonFields.safeParse(older).success).toBe(true);
    const { customFields: _obs, ...olderObservation } = emptyObservation('2026-11-23T10:00:00.000Z', TEAM_A, PERSON_1);
    expect(ObservationFields.safeParse(olderObservation).success).toBe(true);
    expect(readFields('observation', olderObservation).customFields).toEqual({});
    const values = { [INCOME.id]: 540, [HOUSING.id]: 'Squat', [ID_CARD.id]: true, [WEATHER.id]: ['Pluie'] };
    expect(readFields('person', { name: 'Hélène', customFields: values }).customFields).toEqual(values);
    expect(readFields('person', { name: 'Hélène' }).customFields).toEqual({});
  });

  it('keep a value of a type this version does not know, and refuse what is no map of ids, in French', () => {
    // A newer app version's value must neither be lost nor stop anyone saving the file.
    const newer = { [INCOME.id]: 540, [testId(0xe1)]: { lat: 48.85, lng: 2.35 } };
    expect(validateFields('person', { ...emptyPerson(), name: 'Hélène', customFields: newer }).ok).toBe(true);
    expect(storedCustomValues(newer)).toEqual(newer);
    expect(readCustomValues(newer)).toEqual({ [INCOME.id]: 540 });
    expect(withEditedValues(storedCustomValues(newer), { [INCOME.id]: 600 })).toEqual({ ...newer, [INCOME.id]: 600 });
    expect(validateFields('person', { ...emptyPerson(), name: 'Hélène', customFields: { [INCOME.id]: null } })).toEqual({ ok: false, errors: { customFields: 'Valeur de champ personnalisé invalide.' } });
    expect(validateFields('person', { ...emptyPerson(), name: 'Hélène', customFields: { revenu: 1 } })).toEqual({ ok: false, errors: { customFields: 'Les champs personnalisés sont invalides.' } });
    expect(validateFields('person', { ...emptyPerson(), name: 'Hélène', customFields: ['x'] })).toEqual({ ok: false, errors: { customFields: 'Les champs personnalisés sont invalides.' } });
  });

  it('are read leniently: a value of the wrong shape is left out', () => {
    expect(readCustomValues({ a: 'x', b: 2, c: true, d: ['y'], e: { no: 1 }, f: [1], g: null, h: Number.NaN })).toEqual({ a: 'x', b: 2, c: true, d: ['y'] });
    expect(readCustomValues(['x'])).toEqual({});
  });

  it('answer in French, whatever they are given (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = validateFields('person', { ...emptyPerson(), name: 'Hélène', customFields: value });
        if (!result.ok) for (const message of Object.values(result.errors)) expect(message).not.toMatch(ENGLISH);
        expect(() => readCustomValues(value)).not.toThrow();
        expect(() => readDefinitions(value)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateCustomValues', () => {
  const social = applicableDefinitions(ALL, { target: 'personSocial', teamId: TEAM_A });

  it('asks for required fields, in words that fit the type', () => {
    expect(validateCustomValues(social, {})).toEqual({ [CONSENT.id]: 'Veuillez répondre oui ou non.' });
    expect(validateCustomValues(social, { [CONSENT.id]: false })).toEqual({});
    const required = (d: CustomFieldDefinition) => ({ ...d, required: true });
    expect(validateCustomValues([required(ID_CARD), required(HOUSING), required(WEATHER), required(INCOME), required(OLD)], { [ID_CARD.id]: false, [OLD.id]: '  ' })).toEqual({
      [ID_CARD.id]: 'Veuillez cocher cette case.',
      [HOUSING.id]: 'Veuillez choisir une option.',
      [WEATHER.id]: 'Veuillez choisir au moins une option.',
      [INCOME.id]: 'Veuillez saisir un nombre.',
      [OLD.id]: 'Veuillez renseigner ce champ.',
    });
  });

  it('refuses a value of the wrong type or out of the list', () => {
    expect(
      validateCustomValues([...social, WEATHER, DRESSING], {
        [CONSENT.id]: true,
        [INCOME.id]: '540',
        [HOUSING.id]: 'Hôtel',
        [WEATHER.id]: ['Pluie', 'Neige'],
        [DRESSING.id]: 12.5,
      }),
    ).toEqual({
      [INCOME.id]: 'Veuillez saisir un nombre.',
      [HOUSING.id]: 'Veuillez choisir une option de la liste.',
      [WEATHER.id]: 'Veuillez choisir des options de la liste.',
      [DRESSING.id]: 'Veuillez saisir une durée en heures et minutes.',
    });
  });

  it('keeps a stored value whose option was removed or whose field changed type, until it is changed', () => {
    const stored = { [CONSENT.id]: true, [HOUSING.id]: 'Hôtel', [INCOME.id]: 'environ 500' };
    expect(validateCustomValues(social, stored, stored)).toEqual({});
    expect(validateCustomValues(social, { ...stored, [HOUSING.id]: 'Caravane' }, stored)).toEqual({ [HOUSING.id]: 'Veuillez choisir une option de la liste.' });
    // Removing a value whose option was removed is always possible.
    expect(validateCustomValues(social, { [CONSENT.id]: true, [INCOME.id]: 'environ 500' }, stored)).toEqual({});
  });

  it('bounds texts, numbers and durations', () => {
    const name = newDefinition({ id: testId(0xa1), label: 'Nom du chien', type: 'text', target: 'personSocial' });
    expect(validateCustomValues([name, INCOME, DRESSING], { [name.id]: 'x'.repeat(1_001), [INCOME.id]: 1e13, [DRESSING.id]: 7_000_000 })).toEqual({
      [name.id]: 'Ce texte est trop long (1\u00a0000 caractères au maximum).',
      [INCOME.id]: 'Ce nombre est trop grand.',
      [DRESSING.id]: 'Cette durée est trop longue.',
    });
  });
});

describe('displayCustomValue', () => {
  const dateField = newDefinition({ id: testId(0xb1), label: 'Date de domiciliation', type: 'date', target: 'personSocial' });
  const when = newDefinition({ id: testId(0xb2), label: 'Dernier contact', type: 'dateTime', target: 'personSocial' });

  it('speaks French: dates, times in the organisation zone, durations, numbers, oui/non', () => {
    expect(displayCustomValue(dateField, '2026-03-05')).toBe('05/03/2026');
    expect(displayCustomValue(when, '2026-01-15T13:05:00.000Z')).toBe('15/01/2026 à 14:05');
    expect(displayCustomValue(when, '2026-07-15T13:05:00.000Z')).toBe('15/07/2026 à 15:05');
    expect(displayCustomValue(when, '2026-07-15T13:05:00.000Z', 'America/Cayenne')).toBe('15/07/2026 à 10:05');
    expect(displayCustomValue(DRESSING, 90)).toBe('1 h 30 min');
    expect(displayCustomValue(INCOME, 1234.5)).toBe('1\u00a0234,5');
    expect(displayCustomValue(INCOME, -3)).toBe('-3');
    expect(displayCustomValue(CONSENT, false)).toBe('Non');
    expect(displayCustomValue(CONSENT, undefined)).toBe('Non renseigné');
    expect(displayCustomValue(ID_CARD, undefined)).toBe('Non');
    expect(displayCustomValue(ID_CARD, true)).toBe('Oui');
    expect(displayCustomValue(WEATHER, ['Pluie', 'Froid'])).toBe('Pluie, Froid');
  });

  it('keeps a removed option or a value of an older type readable', () => {
    expect(displayCustomValue(HOUSING, 'Hôtel')).toBe('Hôtel (option retirée)');
    expect(displayCustomValue(WEATHER, ['Neige', 'Pluie'])).toBe('Neige (option retirée), Pluie');
    expect(removedOptions(WEATHER, ['Neige', 'Pluie'])).toEqual(['Neige']);
    expect(displayCustomValue(INCOME, 'environ 500')).toBe('environ 500');
    expect(displayCustomValue(dateField, true)).toBe('Oui');
    expect(displayCustomValue(undefined, '2026-03-05')).toBe('05/03/2026');
  });

  it('formats durations and numbers', () => {
    expect([0, 45, 60, 125, 6_000].map(formatDuration)).toEqual(['0 min', '45 min', '1 h', '2 h 5 min', '100 h']);
    expect(formatNumberFr(1_000_000)).toBe('1\u00a0000\u00a0000');
    expect(formatNumberFr(0.25)).toBe('0,25');
  });
});

describe('custom field changes in the history', () => {
  it('names each changed field with its label, a removed one included', () => {
    const before = { [HOUSING.id]: 'Rue', [OLD.id]: 'ancien', [INCOME.id]: 300 };
    const after = { [HOUSING.id]: 'Squat', [INCOME.id]: 300, [CONSENT.id]: true, [testId(0xdead)]: 'x' };
    expect(customFieldChanges(ALL, before, after)).toEqual([
      { definitionId: OLD.id, label: 'Ancien champ', before: 'ancien', after: 'Non renseigné' },
      { definitionId: HOUSING.id, label: 'Hébergement actuel', before: 'Rue', after: 'Squat' },
      { definitionId: CONSENT.id, label: 'Consentement recueilli', before: 'Non renseigné', after: 'Oui' },
      { definitionId: testId(0xdead), label: 'Champ personnalisé inconnu', before: 'Non renseigné', after: 'x' },
    ]);
    expect(customFieldChanges(ALL, null, { [ID_CARD.id]: true })).toEqual([{ definitionId: ID_CARD.id, label: "Pièce d'identité", before: 'Non', after: 'Oui' }]);
  });
});

describe('withEditedValues', () => {
  it('replaces only what the form edited and drops what it emptied', () => {
    const stored = { [HOUSING.id]: 'Hôtel', [OLD.id]: 'ancien', [INCOME.id]: 300, [ID_CARD.id]: true };
    expect(withEditedValues(stored, { [INCOME.id]: 320, [ID_CARD.id]: null, [CONSENT.id]: false, [WEATHER.id]: [], [HOUSING.id]: ' Hôtel ' })).toEqual({
      [HOUSING.id]: 'Hôtel',
      [OLD.id]: 'ancien',
      [INCOME.id]: 320,
      [CONSENT.id]: false,
    });
    expect(stored[ID_CARD.id]).toBe(true);
  });
});
