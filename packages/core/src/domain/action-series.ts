// A recurring action: the template of its occurrences and an RRULE. Occurrences stay virtual
// (computed, see recurrence.ts) until someone touches one.
import { z } from 'zod';
import { flag, idList, isoDate, isoDateOrEmpty, labelList, MESSAGES, recordMeta, requiredText, text, timeOrEmpty } from './fields.ts';
import { rruleProblem } from './rrule-text.ts';

export const ActionSeriesFieldsObject = z.object(
  {
    title: requiredText(300, 'Veuillez saisir un titre.'),
    description: text(10_000),
    dueTime: timeOrEmpty(),
    urgent: flag(),
    categories: labelList(),
    personIds: idList(),
    teamIds: idList().min(1, { error: 'Veuillez choisir au moins une équipe.' }),
    rrule: z.string({ error: 'Veuillez indiquer la règle de récurrence.' }).superRefine((rule, ctx) => {
      const problem = rruleProblem(rule);
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
    }),
    startDate: isoDate('Veuillez saisir la date de début (AAAA-MM-JJ).'),
    until: isoDateOrEmpty("Veuillez saisir une date de fin valide (AAAA-MM-JJ) ou la laisser vide."),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);

export const ActionSeriesFields = ActionSeriesFieldsObject.superRefine((series, ctx) => {
  if (series.until !== '' && series.until < series.startDate) {
    ctx.addIssue({ code: 'custom', path: ['until'], message: 'La date de fin doit suivre la date de début.' });
  }
});
export type ActionSeriesFields = z.infer<typeof ActionSeriesFields>;

/** A weekly series starting on `startDate`, on that day of the week. */
export function emptyActionSeries(startDate = ''): ActionSeriesFields {
  return {
    title: '',
    description: '',
    dueTime: '',
    urgent: false,
    categories: [],
    personIds: [],
    teamIds: [],
    rrule: 'FREQ=WEEKLY',
    startDate,
    until: '',
  };
}

/** The template fields an occurrence copies from its series. */
export const SERIES_TEMPLATE_FIELDS = ['title', 'description', 'dueTime', 'urgent', 'categories', 'personIds', 'teamIds'] as const;
export type SeriesTemplateField = (typeof SERIES_TEMPLATE_FIELDS)[number];

export type ActionSeriesSummary = ActionSeriesFields;

export function summariseActionSeries(f: ActionSeriesFields): ActionSeriesSummary {
  return f;
}

export function actionSeriesLabel(f: ActionSeriesFields): string {
  return `${f.title} (récurrente)`;
}
