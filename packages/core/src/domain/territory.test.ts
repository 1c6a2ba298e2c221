import { describe, expect, it } from 'vitest';
import { validateFields } from './registry.ts';
import { emptyTerritory, summariseTerritory, TerritoryFields } from './territory.ts';

describe('TerritoryFields', () => {
  it('accepts a named territory with types from the settings (or removed since)', () => {
    const valid = { ...emptyTerritory(), name: 'Gare du Nord', types: ['Gare', 'Type supprimé'], perimeter: 'Parvis et rue de Dunkerque' };
    expect(TerritoryFields.safeParse(valid).success).toBe(true);
    expect(summariseTerritory(valid)).toEqual({ name: 'Gare du Nord', types: ['Gare', 'Type supprimé'] });
  });

  it('needs a name, in French', () => {
    expect(validateFields('territory', emptyTerritory())).toEqual({ ok: false, errors: { name: 'Veuillez saisir le nom du territoire.' } });
  });
});
