// A place people frequent (lieu fréquenté): shared by every person who goes there.
import { z } from 'zod';
import { MESSAGES, recordMeta, requiredText, text, type FieldLabels } from './fields.ts';

export const PlaceFields = z.object(
  {
    name: requiredText(200, 'Veuillez saisir le nom du lieu.'),
    address: text(500),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);
export type PlaceFields = z.infer<typeof PlaceFields>;

export function emptyPlace(): PlaceFields {
  return { name: '', address: '' };
}

export const PLACE_FIELD_LABELS: FieldLabels<PlaceFields> = { name: 'Nom du lieu', address: 'Adresse' };

export interface PlaceSummary {
  name: string;
}

export function summarisePlace(f: PlaceFields): PlaceSummary {
  return { name: f.name };
}

export function placeLabel(f: PlaceFields): string {
  return f.name;
}
