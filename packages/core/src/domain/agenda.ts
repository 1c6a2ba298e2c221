// The agenda views of actions (Aujourd'hui, En retard, À venir, Semaine), computed from the
// summaries in memory and the virtual occurrences of recurring actions for a given today.
import { compareText } from '../sync/json.ts';
import type { ActionStatus, ActionSummary } from './action.ts';
import type { ActionSeriesSummary } from './action-series.ts';
import { addDays } from './calendar.ts';
import type { SummaryItem } from './item.ts';
import { virtualOccurrences } from './recurrence.ts';

/** How far back an untouched occurrence still shows as late: a forgotten weekly series must not flood the list. */
export const OVERDUE_OCCURRENCE_DAYS = 30;
/** How far ahead À venir lists untouched occurrences (actions themselves are listed whatever their date). */
export const UPCOMING_OCCURRENCE_DAYS = 30;

export interface AgendaFilters {
  /** Only actions of one of these teams (empty or absent: every team). */
  teamIds?: readonly string[];
  /** Only actions with one of these categories (empty or absent: any). */
  categories?: readonly string[];
}

export interface AgendaEntry {
  /** The record id, or occurrenceKey(seriesId, date) for an untouched occurrence. */
  key: string;
  /** null while the occurrence is virtual: materialise it (recurrence.ts) before editing. */
  id: string | null;
  virtual: boolean;
  summary: ActionSummary;
}

export interface AgendaInput {
  /** The day the user sees as today (IsoDate, from the injected clock in the user's time zone). */
  today: string;
  actions: readonly SummaryItem<ActionSummary>[];
  series?: readonly SummaryItem<ActionSeriesSummary>[];
  filters?: AgendaFilters;
}

export function matchesFilters(action: Pick<ActionSummary, 'teamIds' | 'categories'>, filters: AgendaFilters = {}): boolean {
  const { teamIds = [], categories = [] } = filters;
  if (teamIds.length > 0 && !action.teamIds.some((t) => teamIds.includes(t))) return false;
  if (categories.length > 0 && !action.categories.some((c) => categories.includes(c))) return false;
  return true;
}

/**
 * Urgent first, then by due date and time (a timed action before the untimed ones of its day),
 * then title. Inside one day's list this is "urgent first, then time".
 */
export function compareAgendaEntries(a: AgendaEntry, b: AgendaEntry): number {
  const x = a.summary;
  const y = b.summary;
  if (x.urgent !== y.urgent) return x.urgent ? -1 : 1;
  return (
    compareText(x.dueDate, y.dueDate) ||
    compareText(x.dueTime === '' ? '~' : x.dueTime, y.dueTime === '' ? '~' : y.dueTime) ||
    x.title.localeCompare(y.title, 'fr') ||
    compareText(a.key, b.key)
  );
}

/** What is still to do before what is done, then the agenda order. */
function compareTodoFirst(a: AgendaEntry, b: AgendaEntry): number {
  const x = a.summary.status === 'todo' ? 0 : 1;
  const y = b.summary.status === 'todo' ? 0 : 1;
  return x - y || compareAgendaEntries(a, b);
}

/**
 * Actions and untouched occurrences due from `from` to `to` (both included; null = no bound for
 * actions) with one of `statuses`, that match the filters. Occurrences are computed from
 * `occurrencesFrom` to `occurrencesTo`, and are always to do.
 */
export function agendaEntries(
  input: AgendaInput,
  range: { from: string | null; to: string | null; occurrencesFrom: string; occurrencesTo: string },
  statuses: readonly ActionStatus[],
): AgendaEntry[] {
  const { from, to } = range;
  const inRange = (date: string) => (from === null || date >= from) && (to === null || date <= to);
  const out: AgendaEntry[] = [];
  for (const a of input.actions) {
    const s = a.summary;
    if (statuses.includes(s.status) && inRange(s.dueDate) && matchesFilters(s, input.filters)) {
      out.push({ key: a.id, id: a.id, virtual: false, summary: s });
    }
  }
  if (statuses.includes('todo') && input.series !== undefined && range.occurrencesFrom <= range.occurrencesTo) {
    for (const o of virtualOccurrences(input.series, range.occurrencesFrom, range.occurrencesTo, input.actions)) {
      if (inRange(o.occurrenceDate) && matchesFilters(o.summary, input.filters)) {
        out.push({ key: o.key, id: null, virtual: true, summary: o.summary });
      }
    }
  }
  return out;
}

/** Aujourd'hui: due today, to do then done (cancelled ones are left out). */
export function agendaToday(input: AgendaInput): AgendaEntry[] {
  const { today } = input;
  return agendaEntries(input, { from: today, to: today, occurrencesFrom: today, occurrencesTo: today }, ['todo', 'done']).sort(compareTodoFirst);
}

/** En retard: still to do, due before today (untouched occurrences of the last `lookbackDays` days). */
export function agendaOverdue(input: AgendaInput, lookbackDays = OVERDUE_OCCURRENCE_DAYS): AgendaEntry[] {
  const yesterday = addDays(input.today, -1);
  const range = { from: null, to: yesterday, occurrencesFrom: addDays(input.today, -lookbackDays), occurrencesTo: yesterday };
  return agendaEntries(input, range, ['todo']).sort(compareAgendaEntries);
}

/** À venir: still to do, due after today (untouched occurrences of the next `horizonDays` days). */
export function agendaUpcoming(input: AgendaInput, horizonDays = UPCOMING_OCCURRENCE_DAYS): AgendaEntry[] {
  const tomorrow = addDays(input.today, 1);
  const range = { from: tomorrow, to: null, occurrencesFrom: tomorrow, occurrencesTo: addDays(input.today, horizonDays) };
  return agendaEntries(input, range, ['todo']).sort(compareAgendaEntries);
}

export interface AgendaDay {
  date: string;
  entries: AgendaEntry[];
}

/** Semaine: `days` days from `start` (today by default), each day's actions to do then done. */
export function agendaWeek(input: AgendaInput, start: string = input.today, days = 7): AgendaDay[] {
  const end = addDays(start, days - 1);
  const entries = agendaEntries(input, { from: start, to: end, occurrencesFrom: start, occurrencesTo: end }, ['todo', 'done']);
  const byDay = new Map<string, AgendaEntry[]>();
  for (let i = 0; i < days; i++) byDay.set(addDays(start, i), []);
  for (const e of entries) byDay.get(e.summary.dueDate)?.push(e);
  return [...byDay].map(([date, list]) => ({ date, entries: list.sort(compareTodoFirst) }));
}

export interface Agenda {
  today: AgendaEntry[];
  overdue: AgendaEntry[];
  upcoming: AgendaEntry[];
  week: AgendaDay[];
}

/** All four views at once. */
export function agenda(input: AgendaInput): Agenda {
  return { today: agendaToday(input), overdue: agendaOverdue(input), upcoming: agendaUpcoming(input), week: agendaWeek(input) };
}
