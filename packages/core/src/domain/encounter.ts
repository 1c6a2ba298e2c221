// A rencontre: the team met one or several persons in the street, maybe on a known territory.
import { z } from 'zod';
import { dateTime, id, idList, idOrEmpty, MESSAGES, recordMeta, text, type FieldLabels } from './fields.ts';
import { dayLabel } from './label.ts';

export const EncounterFields = z.object(
  {
    date: dateTime(),
    teamId: id('Veuillez choisir une équipe.'),
    personIds: idList().min(1, { error: 'Veuillez choisir au moins une personne rencontrée.' }),
    territoryId: idOrEmpty(),
    comment: text(10_000),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);
export type EncounterFields = z.infer<typeof EncounterFields>;

export function emptyEncounter(date = '', teamId = ''): EncounterFields {
  return { date, teamId, personIds: [], territoryId: '', comment: '' };
}

export const ENCOUNTER_FIELD_LABELS: FieldLabels<EncounterFields> = {
  date: 'Date',
  teamId: 'Équipe',
  personIds: 'Personnes rencontrées',
  territoryId: 'Territoire',
  comment: 'Commentaire',
};

export interface EncounterSummary {
  date: string;
  teamId: string;
  personIds: string[];
  territoryId: string;
}

export function summariseEncounter(f: EncounterFields): EncounterSummary {
  return { date: f.date, teamId: f.teamId, personIds: f.personIds, territoryId: f.territoryId };
}

export function encounterLabel(f: EncounterFields): string {
  const day = dayLabel(f.date);
  return day === '' ? 'Rencontre' : `Rencontre du ${day}`;
}
