// A comment on a person or an action: the team's transmission. Comments are added, not rewritten
// (their author may still correct one).
import { z } from 'zod';
import { dateTime, flag, id, idOrEmpty, MESSAGES, recordMeta, requiredText, type FieldLabels } from './fields.ts';
import { excerpt } from './label.ts';

export const CommentFieldsObject = z.object(
  {
    text: requiredText(10_000, 'Veuillez saisir le commentaire.'),
    personId: idOrEmpty(),
    actionId: idOrEmpty(),
    teamId: id('Veuillez choisir une équipe.'),
    date: dateTime(),
    priority: flag(),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);

export const CommentFields = CommentFieldsObject.superRefine((comment, ctx) => {
  if (comment.personId === '' && comment.actionId === '') {
    ctx.addIssue({ code: 'custom', path: ['personId'], message: 'Un commentaire porte sur une personne ou sur une action.' });
  }
});
export type CommentFields = z.infer<typeof CommentFields>;

export function emptyComment(date = '', teamId = ''): CommentFields {
  return { text: '', personId: '', actionId: '', teamId, date, priority: false };
}

export const COMMENT_FIELD_LABELS: FieldLabels<CommentFields> = {
  text: 'Commentaire',
  personId: 'Personne',
  actionId: 'Action',
  teamId: 'Équipe',
  date: 'Date',
  priority: 'Prioritaire',
};

export interface CommentSummary {
  personId: string;
  actionId: string;
  teamId: string;
  date: string;
  priority: boolean;
}

export function summariseComment(f: CommentFields): CommentSummary {
  return { personId: f.personId, actionId: f.actionId, teamId: f.teamId, date: f.date, priority: f.priority };
}

export function commentLabel(f: CommentFields): string {
  return `Commentaire : ${excerpt(f.text)}`;
}

