// The handover screen (transmissions) of a team for a day: what the teams before left, the
// prioritaire comments, what falls due next, and what this team must pass on in turn. Built from
// the summaries in memory; the screen decrypts the comments' text on demand.
import type { ActionSummary } from './action.ts';
import type { ActionSeriesSummary } from './action-series.ts';
import { agendaEntries, compareAgendaEntries, OVERDUE_OCCURRENCE_DAYS, type AgendaEntry } from './agenda.ts';
import { addDays, DEFAULT_TIME_ZONE } from './calendar.ts';
import type { CommentSummary } from './comment.ts';
import { dayWindow, inWindow, type DayWindow } from './day-window.ts';
import type { SummaryItem } from './item.ts';
import { isNightTeam, type SettingsFields } from './settings.ts';

/** Prioritaire comments stay on the handover this many days: a warning matters beyond one shift. */
export const PRIORITY_COMMENT_DAYS = 7;
/** « Within the next 5 days ». */
export const DUE_SOON_DAYS = 5;

export interface HandoverInput {
  teamId: string;
  /** The working day (IsoDate; for a night team, the day its shift starts). */
  date: string;
  settings: Pick<SettingsFields, 'nightTeamIds'>;
  timeZone?: string;
  comments: readonly SummaryItem<CommentSummary>[];
  actions: readonly SummaryItem<ActionSummary>[];
  series?: readonly SummaryItem<ActionSeriesSummary>[];
}

export interface Handover {
  window: DayWindow;
  previousWindow: DayWindow;
  /**
   * What was left for this team, newest first: every comment of the previous working day (any
   * team, this one included), and the comments other teams wrote during this working day.
   */
  left: SummaryItem<CommentSummary>[];
  /** Prioritaire comments of the last PRIORITY_COMMENT_DAYS days up to the end of this day, newest first. */
  priority: SummaryItem<CommentSummary>[];
  /** The team's actions still to do that are due tomorrow. */
  dueTomorrow: AgendaEntry[];
  /** The team's actions still to do due after tomorrow, up to DUE_SOON_DAYS days ahead. */
  dueSoon: AgendaEntry[];
  toPassOn: {
    /** This team's comments of this working day, newest first. */
    comments: SummaryItem<CommentSummary>[];
    /** This team's actions still to do, late or due by DUE_SOON_DAYS days ahead. */
    actions: AgendaEntry[];
  };
}

export function handover(input: HandoverInput): Handover {
  const { teamId, date } = input;
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const night = isNightTeam(input.settings, teamId);
  const window = dayWindow(date, night, timeZone);
  const previousWindow = dayWindow(addDays(date, -1), night, timeZone);
  const priorityFrom = dayWindow(addDays(date, -PRIORITY_COMMENT_DAYS), night, timeZone).start;

  const left: SummaryItem<CommentSummary>[] = [];
  const priority: SummaryItem<CommentSummary>[] = [];
  const ours: SummaryItem<CommentSummary>[] = [];
  for (const c of input.comments) {
    const s = c.summary;
    if (inWindow(previousWindow, s.date) || (s.teamId !== teamId && inWindow(window, s.date))) left.push(c);
    if (s.priority && s.date >= priorityFrom && s.date < window.end) priority.push(c);
    if (s.teamId === teamId && inWindow(window, s.date)) ours.push(c);
  }

  const agendaInput = { today: date, actions: input.actions, series: input.series, filters: { teamIds: [teamId] } };
  const tomorrow = addDays(date, 1);
  const soonEnd = addDays(date, DUE_SOON_DAYS);
  const upcoming = (from: string, to: string) =>
    agendaEntries(agendaInput, { from, to, occurrencesFrom: from, occurrencesTo: to }, ['todo']).sort(compareAgendaEntries);
  const openActions = agendaEntries(
    agendaInput,
    { from: null, to: soonEnd, occurrencesFrom: addDays(date, -OVERDUE_OCCURRENCE_DAYS), occurrencesTo: soonEnd },
    ['todo'],
  ).sort(compareAgendaEntries);

  return {
    window,
    previousWindow,
    left: newestFirst(left),
    priority: newestFirst(priority),
    dueTomorrow: upcoming(tomorrow, tomorrow),
    dueSoon: upcoming(addDays(date, 2), soonEnd),
    toPassOn: { comments: newestFirst(ours), actions: openActions },
  };
}

function newestFirst(comments: SummaryItem<CommentSummary>[]): SummaryItem<CommentSummary>[] {
  return comments.sort((a, b) => (a.summary.date < b.summary.date ? 1 : a.summary.date > b.summary.date ? -1 : a.id < b.id ? -1 : 1));
}
