// A territory the teams cover (a campement, a station, a park…), observed over time.
import { z } from 'zod';
import { labelList, MESSAGES, recordMeta, requiredText, text, type FieldLabels } from './fields.ts';

export const TerritoryFields = z.object(
  {
    name: requiredText(200, 'Veuillez saisir le nom du territoire.'),
    types: labelList(),
    perimeter: text(2_000),
    description: text(10_000),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);
export type TerritoryFields = z.infer<typeof TerritoryFields>;

export function emptyTerritory(): TerritoryFields {
  return { name: '', types: [], perimeter: '', description: '' };
}

export const TERRITORY_FIELD_LABELS: FieldLabels<TerritoryFields> = {
  name: 'Nom',
  types: 'Types',
  perimeter: 'Périmètre',
  description: 'Description',
};

export interface TerritorySummary {
  name: string;
  types: string[];
}

export function summariseTerritory(f: TerritoryFields): TerritorySummary {
  return { name: f.name, types: f.types };
}

export function territoryLabel(f: TerritoryFields): string {
  return f.name;
}
