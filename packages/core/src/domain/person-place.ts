// A person's link to a place they frequent: its own record so that two devices adding two places
// to one person never edit the same record.
import { z } from 'zod';
import { id, MESSAGES, recordMeta, type FieldLabels } from './fields.ts';

export const PersonPlaceFields = z.object(
  {
    personId: id('Veuillez choisir une personne.'),
    placeId: id('Veuillez choisir un lieu.'),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);
export type PersonPlaceFields = z.infer<typeof PersonPlaceFields>;

export function emptyPersonPlace(personId = '', placeId = ''): PersonPlaceFields {
  return { personId, placeId };
}

export const PERSON_PLACE_FIELD_LABELS: FieldLabels<PersonPlaceFields> = { personId: 'Personne', placeId: 'Lieu fréquenté' };

export interface PersonPlaceSummary {
  personId: string;
  placeId: string;
}

export function summarisePersonPlace(f: PersonPlaceFields): PersonPlaceSummary {
  return { personId: f.personId, placeId: f.placeId };
}

export function personPlaceLabel(_f: PersonPlaceFields): string {
  return 'Lieu fréquenté';
}
