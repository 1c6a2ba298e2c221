import { describe, expect, it } from 'vitest';
import { defaultSettings } from '@relais/core/domain/settings';
import { checkSettings, fromLines, removedLabels, toInput, toLines, withDraft } from './settings-form.ts';

describe('settings form', () => {
  it('turns lists into lines and back, trimming, collapsing spaces and dropping blanks and repeats', () => {
    expect(fromLines('  Café \n\nRepas\n  Douche   chaude\nCafé\n')).toEqual(['Café', 'Repas', 'Douche chaude']);
    expect(fromLines(toLines(['Café', 'Kit hygiène']))).toEqual(['Café', 'Kit hygiène']);
    expect(fromLines('')).toEqual([]);
  });

  it('writes only the touched sections over the current settings', () => {
    const current = defaultSettings();
    // Another administrator's change, synced after this draft began: the draft does not hold it.
    const synced = { ...current, territoryTypes: ['Gare'] };
    const result = checkSettings(synced, { services: 'Café\nThé', modules: { ...current.modules, reception: true } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fields.services).toEqual(['Café', 'Thé']);
    expect(result.fields.modules.reception).toBe(true);
    expect(result.fields.territoryTypes).toEqual(['Gare']);
    expect(result.fields.actionCategoryGroups).toEqual(current.actionCategoryGroups);
  });

  it('edits the category groups and reports errors per group in French', () => {
    const current = defaultSettings();
    const groups = toInput(current).groups;
    const renamed = checkSettings(current, { groups: [{ name: ' Santé ', categories: 'Pharmacie\nDentaire' }, ...groups.slice(1)] });
    expect(renamed.ok && renamed.fields.actionCategoryGroups[0]).toEqual({ name: 'Santé', categories: ['Pharmacie', 'Dentaire'] });

    const refused = checkSettings(current, { groups: [{ name: '  ', categories: 'Pharmacie' }, { name: 'Long', categories: 'x'.repeat(201) }] });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.errors['groups.0.name']).toBe('Veuillez nommer le groupe de catégories.');
    expect(refused.errors['groups.1.categories']).toMatch(/200/);
  });

  it('refuses a label over 200 characters in a list, keyed by its section', () => {
    const refused = checkSettings(defaultSettings(), { territoryTypes: `Gare\n${'y'.repeat(250)}` });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(Object.keys(refused.errors)).toEqual(['territoryTypes']);
  });

  it('shows a draft over the current settings and lists the labels a change removes', () => {
    const base = toInput(defaultSettings());
    expect(withDraft(base, null)).toBe(base);
    expect(withDraft(base, { services: 'Café' }).services).toBe('Café');
    expect(withDraft(base, { services: 'Café' }).territoryTypes).toBe(base.territoryTypes);
    expect(removedLabels(['Café', 'Repas', 'Douche'], 'Café\nDouche\nThé')).toEqual(['Repas']);
  });
});
