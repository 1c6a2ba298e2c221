// A passage at a reception place: named persons and/or anonymous visitors at one moment.
import { z } from 'zod';
import { count, dateTime, id, idList, MESSAGES, recordMeta, text, type FieldLabels } from './fields.ts';
import { dayLabel } from './label.ts';

export const PassageFieldsObject = z.object(
  {
    date: dateTime(),
    teamId: id('Veuillez choisir une équipe.'),
    personIds: idList(),
    anonymousCount: count(10_000),
    comment: text(10_000),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);

export const PassageFields = PassageFieldsObject.superRefine((passage, ctx) => {
  if (passage.personIds.length === 0 && passage.anonymousCount === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['anonymousCount'],
      message: 'Veuillez choisir au moins une personne ou compter au moins un passage anonyme.',
    });
  }
});
export type PassageFields = z.infer<typeof PassageFields>;

/** One anonymous passage, the « Accueil » quick button. */
export function emptyPassage(date = '', teamId = ''): PassageFields {
  return { date, teamId, personIds: [], anonymousCount: 1, comment: '' };
}

export const PASSAGE_FIELD_LABELS: FieldLabels<PassageFields> = {
  date: 'Date',
  teamId: 'Équipe',
  personIds: 'Personnes',
  anonymousCount: 'Passages anonymes',
  comment: 'Commentaire',
};

/** How many people this passage counts: the named persons plus the anonymous ones. */
export function passageHeadcount(p: Pick<PassageFields, 'personIds' | 'anonymousCount'>): number {
  return p.personIds.length + p.anonymousCount;
}

export interface PassageSummary {
  date: string;
  teamId: string;
  personIds: string[];
  anonymousCount: number;
}

export function summarisePassage(f: PassageFields): PassageSummary {
  return { date: f.date, teamId: f.teamId, personIds: f.personIds, anonymousCount: f.anonymousCount };
}

export function passageLabel(f: PassageFields): string {
  const day = dayLabel(f.date);
  return day === '' ? 'Passage' : `Passage du ${day}`;
}
