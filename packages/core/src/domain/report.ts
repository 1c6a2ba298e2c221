// The compte-rendu: one per team per day, with free text and co-interventions; the day's activity
// (actions, comments, passages, rencontres, observations, new persons) is gathered from the other
// collections rather than copied into it, so it is always up to date.
import { z } from 'zod';
import type { Keyring } from '../crypto/keyring.ts';
import type { CryptoPrimitives } from '../ports.ts';
import type { ActionSummary } from './action.ts';
import { DEFAULT_TIME_ZONE } from './calendar.ts';
import type { CommentSummary } from './comment.ts';
import { dayWindow, inWindow, type DayWindow } from './day-window.ts';
import { derivedId, derivedIds } from './derived-id.ts';
import type { EncounterSummary } from './encounter.ts';
import { id, isoDate, labelList, MESSAGES, recordMeta, text, type FieldLabels } from './fields.ts';
import type { SummaryItem } from './item.ts';
import { dayLabel } from './label.ts';
import type { ObservationSummary } from './observation.ts';
import { passageHeadcount, type PassageSummary } from './passage.ts';
import type { PersonSummary } from './person.ts';
import { isNightTeam, type SettingsFields } from './settings.ts';

export const ReportFields = z.object(
  {
    teamId: id('Veuillez choisir une équipe.'),
    date: isoDate(),
    text: text(50_000),
    coInterventions: labelList(100),
    ...recordMeta,
  },
  { error: MESSAGES.document },
);
export type ReportFields = z.infer<typeof ReportFields>;

export function emptyReport(teamId = '', date = ''): ReportFields {
  return { teamId, date, text: '', coInterventions: [] };
}

export const REPORT_FIELD_LABELS: FieldLabels<ReportFields> = {
  teamId: 'Équipe',
  date: 'Date',
  text: 'Compte-rendu',
  coInterventions: 'Co-interventions',
};

/** The id of a team's report of a day: two devices writing it offline write one record. */
export function reportId(p: CryptoPrimitives, keyring: Keyring, teamId: string, date: string): string {
  return derivedId(p, keyring, 'report', teamId, date);
}

/** The ids that report may have, newest general key first (see derivedIds). */
export function reportIds(p: CryptoPrimitives, keyring: Keyring, teamId: string, date: string): string[] {
  return derivedIds(p, keyring, 'report', teamId, date);
}

/** The window of a team's report: noon to noon for night teams (settings.nightTeamIds). */
export function reportWindow(
  teamId: string,
  date: string,
  settings: Pick<SettingsFields, 'nightTeamIds'>,
  timeZone: string = DEFAULT_TIME_ZONE,
): DayWindow {
  return dayWindow(date, isNightTeam(settings, teamId), timeZone);
}

export interface ReportInputs {
  settings: Pick<SettingsFields, 'nightTeamIds'>;
  /** The organisation's time zone (Europe/Paris when absent). */
  timeZone?: string;
  actions: readonly SummaryItem<ActionSummary>[];
  comments: readonly SummaryItem<CommentSummary>[];
  passages: readonly SummaryItem<PassageSummary>[];
  encounters: readonly SummaryItem<EncounterSummary>[];
  observations: readonly SummaryItem<ObservationSummary>[];
  persons: readonly SummaryItem<PersonSummary>[];
}

export interface ReportContents {
  window: DayWindow;
  /** Actions of the team created in the window. */
  actionsCreated: SummaryItem<ActionSummary>[];
  /** Actions of the team done in the window. */
  actionsCompleted: SummaryItem<ActionSummary>[];
  /** Actions of the team cancelled in the window. */
  actionsCancelled: SummaryItem<ActionSummary>[];
  comments: SummaryItem<CommentSummary>[];
  passages: SummaryItem<PassageSummary>[];
  encounters: SummaryItem<EncounterSummary>[];
  observations: SummaryItem<ObservationSummary>[];
  /** Persons followed by the team whose file was created in the window. */
  newPersons: SummaryItem<PersonSummary>[];
  totals: {
    /** People counted by the passages (named + anonymous). */
    passages: number;
    anonymousPassages: number;
    encounters: number;
    /** Distinct persons met in passages and rencontres. */
    personsMet: number;
  };
}

/** Everything the team did in its report's window, each list in time order. */
export function gatherReport(teamId: string, date: string, inputs: ReportInputs): ReportContents {
  const window = reportWindow(teamId, date, inputs.settings, inputs.timeZone ?? DEFAULT_TIME_ZONE);
  const within = (dateTime: string) => dateTime !== '' && inWindow(window, dateTime);
  const teamActions = inputs.actions.filter((a) => a.summary.teamIds.includes(teamId));
  const finished = (status: ActionSummary['status']) =>
    byTime(teamActions.filter((a) => a.summary.status === status && within(a.summary.completedAt)), (a) => a.summary.completedAt);
  const ofTeam = <S extends { teamId: string; date: string }>(items: readonly SummaryItem<S>[]) =>
    byTime(items.filter((i) => i.summary.teamId === teamId && within(i.summary.date)), (i) => i.summary.date);

  const passages = ofTeam(inputs.passages);
  const encounters = ofTeam(inputs.encounters);
  const met = new Set<string>();
  for (const item of [...passages, ...encounters]) for (const personId of item.summary.personIds) met.add(personId);

  return {
    window,
    actionsCreated: byTime(teamActions.filter((a) => within(a.summary.createdAt)), (a) => a.summary.createdAt),
    actionsCompleted: finished('done'),
    actionsCancelled: finished('cancelled'),
    comments: ofTeam(inputs.comments),
    passages,
    encounters,
    observations: ofTeam(inputs.observations),
    newPersons: byTime(
      inputs.persons.filter((p) => p.summary.teamIds.includes(teamId) && within(p.summary.createdAt)),
      (p) => p.summary.createdAt,
    ),
    totals: {
      passages: passages.reduce((sum, p) => sum + passageHeadcount(p.summary), 0),
      anonymousPassages: passages.reduce((sum, p) => sum + p.summary.anonymousCount, 0),
      encounters: encounters.length,
      personsMet: met.size,
    },
  };
}

function byTime<T extends { id: string }>(items: T[], time: (item: T) => string): T[] {
  return items.sort((a, b) => compare(time(a), time(b)) || compare(a.id, b.id));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ReportSummary {
  teamId: string;
  date: string;
}

export function summariseReport(f: ReportFields): ReportSummary {
  return { teamId: f.teamId, date: f.date };
}

export function reportLabel(f: ReportFields): string {
  const day = dayLabel(f.date);
  return day === '' ? 'Compte-rendu' : `Compte-rendu du ${day}`;
}
