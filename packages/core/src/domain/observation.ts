// An observation of a territory by a team: how many people were there, and what was seen.
import { z } from 'zod';
import { customValues } from './custom-fields.ts';
import { count, dateTime, id, MESSAGES, recordMeta, text, type FieldLabels } from './fields.ts';
import { dayLabel } from './label.ts';

export const PersonsMet = z.object(
  { women: count(100_000), men: count(100_000), other: count(100_000) },
  { error: 'Veuillez indiquer le nombre de personnes rencontrées.' },
);
export type PersonsMet = z.infer<typeof PersonsMet>;

export const ObservationFields = z.object(
  {
    date: dateTime(),
    teamId: id('Veuillez choisir une équipe.'),
    territoryId: id('Veuillez choisir un territoire.'),
    personsMet: PersonsMet,
    text: text(10_000),
    /** Values of the organisation's observation custom fields, by definition id. */
    customFields: customValues(),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);
export type ObservationFields = z.infer<typeof ObservationFields>;

export function emptyObservation(date = '', teamId = '', territoryId = ''): ObservationFields {
  return { date, teamId, territoryId, personsMet: { women: 0, men: 0, other: 0 }, text: '', customFields: {} };
}

export const OBSERVATION_FIELD_LABELS: FieldLabels<ObservationFields> = {
  date: 'Date',
  teamId: 'Équipe',
  territoryId: 'Territoire',
  personsMet: 'Personnes rencontrées',
  text: 'Observation',
  customFields: 'Champs personnalisés',
};

export const PERSONS_MET_LABELS: Record<keyof PersonsMet, string> = { women: 'Femmes', men: 'Hommes', other: 'Autres' };

export interface ObservationSummary {
  date: string;
  teamId: string;
  territoryId: string;
}

export function summariseObservation(f: ObservationFields): ObservationSummary {
  return { date: f.date, teamId: f.teamId, territoryId: f.territoryId };
}

export function observationLabel(f: ObservationFields): string {
  const day = dayLabel(f.date);
  return day === '' ? 'Observation' : `Observation du ${day}`;
}
