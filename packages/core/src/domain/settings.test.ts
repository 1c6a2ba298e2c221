import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodiumPrimitives } from '../crypto/test-support.ts';
import type { CryptoPrimitives } from '../ports.ts';
import { validateFields } from './registry.ts';
import { allCategories, defaultSettings, isNightTeam, optionsWithCurrent, SettingsFields, settingsId, settingsIds } from './settings.ts';
import { keyring, NIGHT, TEAM_A } from './test-support.ts';

let p: CryptoPrimitives;
beforeAll(async () => {
  p = await loadSodiumPrimitives();
});

describe('settings', () => {
  it('has French defaults that pass their own schema', () => {
    const d = defaultSettings();
    expect(SettingsFields.parse(d)).toEqual(d);
    expect(d.actionCategoryGroups.map((g) => g.name)).toEqual(
      expect.arrayContaining(['Accès aux droits', 'Santé', 'Hébergement', 'Alimentation', 'Lien social']),
    );
    expect(d.actionCategoryGroups[0]!.categories).toEqual(expect.arrayContaining(['Domiciliation', 'CAF', 'CPAM']));
    expect(d.services).toEqual(expect.arrayContaining(['Café', 'Repas', 'Douche', 'Kit hygiène', 'Vêtements', 'Duvet']));
    expect(d.outOfActiveListReasons).toEqual(
      expect.arrayContaining(['Relogée', 'Hospitalisée', 'Perdue de vue', 'Décédée', 'Orientée vers une autre structure', 'Autre']),
    );
    expect(d.territoryTypes).toEqual(expect.arrayContaining(['Lieu de vie', 'Campement', 'Squat', 'Gare', 'Parc']));
  });

  it('gives a fresh copy each time', () => {
    const a = defaultSettings();
    a.services.push('Autre chose');
    expect(defaultSettings().services).not.toContain('Autre chose');
  });

  it('lists categories once, in group order', () => {
    expect(allCategories({ actionCategoryGroups: [{ name: 'A', categories: ['x', 'y'] }, { name: 'B', categories: ['y', 'z'] }] })).toEqual(['x', 'y', 'z']);
  });

  it('keeps a removed option readable in forms', () => {
    expect(optionsWithCurrent(['Relogée', 'Autre'], ['Incarcérée', 'Autre'])).toEqual(['Relogée', 'Autre', 'Incarcérée']);
  });

  it('knows night teams', () => {
    expect(isNightTeam({ nightTeamIds: [NIGHT] }, NIGHT)).toBe(true);
    expect(isNightTeam({ nightTeamIds: [NIGHT] }, TEAM_A)).toBe(false);
  });

  it('is a single record with a derived id', () => {
    expect(settingsId(p, keyring(1))).toBe(settingsId(p, keyring(1)));
    expect(settingsIds(p, keyring(1, [1, 2]))[1]).toBe(settingsId(p, keyring(1)));
  });

  it('refuses an unnamed group or a bad night team id, in French', () => {
    const bad = { ...defaultSettings(), actionCategoryGroups: [{ name: ' ', categories: [] }], nightTeamIds: ['nuit'] };
    expect(validateFields('settings', bad)).toEqual({
      ok: false,
      errors: { actionCategoryGroups: 'Veuillez nommer le groupe de catégories.', nightTeamIds: 'Identifiant invalide.' },
    });
  });
});
