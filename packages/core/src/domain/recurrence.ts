// Occurrences of recurring actions. They are computed, not stored: a weekly action for a year
// would otherwise be 52 records to sync and to edit. Touching one occurrence (done, moved, a
// comment) turns it into an `action` record whose id is derived from (series, date), so two
// devices offline make one record, not two.
//
// Every date here is a calendar day. rrule works on JavaScript dates; they are built at 00:00 UTC
// and read back in UTC, so no local time zone or daylight-saving change can move an occurrence.
import * as rruleModule from 'rrule';
import type { Keyring } from '../crypto/keyring.ts';
import type { CryptoPrimitives } from '../ports.ts';
import type { ActionFields, ActionSummary } from './action.ts';
import type { ActionSeriesFields, ActionSeriesSummary, SeriesTemplateField } from './action-series.ts';
import { SERIES_TEMPLATE_FIELDS } from './action-series.ts';
import { addDays, isIsoDate, parseDate } from './calendar.ts';
import { derivedId } from './derived-id.ts';
import { formatRuleParts, parseRuleParts, ruleCount, withRuleCount } from './rrule-text.ts';

const rrule = rruleExports(rruleModule);
type Rule = InstanceType<typeof rruleModule.RRule>;
type RuleDate = ReturnType<typeof rruleModule.datetime>;

/** What decides when a series occurs. */
export type SeriesSchedule = Pick<ActionSeriesFields, 'rrule' | 'startDate' | 'until'>;

const RULE_CACHE_MAX = 500;
const rules = new Map<string, Rule | null>();

/**
 * Node loads rrule's CommonJS build, whose named exports Node cannot detect (all of it sits on
 * `default`); bundlers (Vite) load its ES build, which has named exports and no default. Reading
 * the namespace through a function keeps bundlers from warning about the missing default.
 */
function rruleExports(namespace: object): typeof rruleModule {
  return 'RRule' in namespace ? (namespace as typeof rruleModule) : (namespace as { default: typeof rruleModule }).default;
}

function ruleOf(series: SeriesSchedule): Rule | null {
  const cacheKey = `${series.rrule}|${series.startDate}|${series.until}`;
  let rule = rules.get(cacheKey);
  if (rule !== undefined) return rule;
  rule = buildRule(series);
  if (rules.size >= RULE_CACHE_MAX) rules.clear();
  rules.set(cacheKey, rule);
  return rule;
}

/** null for a series that cannot occur (a malformed record from another device): it shows nothing rather than failing. */
function buildRule(series: SeriesSchedule): Rule | null {
  const parts = parseRuleParts(series.rrule);
  if (typeof parts === 'string' || !isIsoDate(series.startDate)) return null;
  if (series.until !== '' && !isIsoDate(series.until)) return null;
  const options = rrule.RRule.parseString(formatRuleParts(parts));
  // noCache: the rule objects are cached here already, and rrule's own cache would keep every range ever asked.
  return new rrule.RRule(
    { ...options, dtstart: toRuleDate(series.startDate), until: series.until === '' ? null : toRuleDate(series.until) },
    true,
  );
}

function toRuleDate(date: string): RuleDate {
  const { year, month, day } = parseDate(date);
  return rrule.datetime(year, month, day);
}

function fromRuleDate(date: RuleDate): string {
  return date.toISOString().slice(0, 10);
}

/** The series' dates from `from` to `to`, both included, in order. */
export function occurrenceDates(series: SeriesSchedule, from: string, to: string): string[] {
  const rule = ruleOf(series);
  if (rule === null || !isIsoDate(from) || !isIsoDate(to) || from > to) return [];
  return rule.between(toRuleDate(from), toRuleDate(to), true).map(fromRuleDate);
}

export function isOccurrenceDate(series: SeriesSchedule, date: string): boolean {
  return occurrenceDates(series, date, date).length === 1;
}

/** The first date of the series on or after `date`, or null when the series has ended by then. */
export function nextOccurrenceDate(series: SeriesSchedule, date: string): string | null {
  const rule = ruleOf(series);
  if (rule === null || !isIsoDate(date)) return null;
  const next = rule.after(toRuleDate(date), true);
  return next === null ? null : fromRuleDate(next);
}

/** A stable key of one occurrence, for lookups and React keys (not a record id). */
export function occurrenceKey(seriesId: string, date: string): string {
  return `${seriesId}/${date}`;
}

/** The record id an occurrence takes once materialised: the same on every device. */
export function occurrenceId(p: CryptoPrimitives, keyring: Keyring, seriesId: string, date: string): string {
  return derivedId(p, keyring, seriesId, date);
}

/** The action an untouched occurrence stands for. */
export function occurrenceFields(seriesId: string, series: ActionSeriesFields, date: string): ActionFields {
  return {
    title: series.title,
    description: series.description,
    status: 'todo',
    dueDate: date,
    dueTime: series.dueTime,
    urgent: series.urgent,
    categories: [...series.categories],
    personIds: [...series.personIds],
    teamIds: [...series.teamIds],
    completedAt: '',
    seriesId,
    occurrenceDate: date,
  };
}

/** The summary of an untouched occurrence, as the agenda lists it. */
export function occurrenceSummary(seriesId: string, series: ActionSeriesSummary, date: string): ActionSummary {
  return {
    title: series.title,
    status: 'todo',
    dueDate: date,
    dueTime: series.dueTime,
    urgent: series.urgent,
    categories: series.categories,
    personIds: series.personIds,
    teamIds: series.teamIds,
    completedAt: '',
    seriesId,
    occurrenceDate: date,
    createdAt: '',
  };
}

export interface VirtualOccurrence {
  /** occurrenceKey(seriesId, occurrenceDate). */
  key: string;
  seriesId: string;
  occurrenceDate: string;
  summary: ActionSummary;
}

/**
 * The untouched occurrences of `series` from `from` to `to`: an occurrence already materialised
 * in `actions` (whatever its status or due date now) is left out, the action stands for it.
 * To drop a single occurrence, materialise it as cancelled: a deleted action no longer hides it.
 */
export function virtualOccurrences(
  series: readonly { id: string; summary: ActionSeriesSummary }[],
  from: string,
  to: string,
  actions: readonly { summary: Pick<ActionSummary, 'seriesId' | 'occurrenceDate'> }[],
): VirtualOccurrence[] {
  const materialised = new Set<string>();
  for (const a of actions) if (a.summary.seriesId !== '') materialised.add(occurrenceKey(a.summary.seriesId, a.summary.occurrenceDate));
  const out: VirtualOccurrence[] = [];
  for (const s of series) {
    for (const date of occurrenceDates(s.summary, from, to)) {
      const key = occurrenceKey(s.id, date);
      if (!materialised.has(key)) out.push({ key, seriesId: s.id, occurrenceDate: date, summary: occurrenceSummary(s.id, s.summary, date) });
    }
  }
  return out;
}

/**
 * "This occurrence only": the action record for the occurrence of `date`, with `patch` applied
 * (a new due date, done, urgent…). Create it with this id; if it exists already (materialised on
 * this or another device), update that record with `patch` instead.
 */
export function materialiseOccurrence(
  p: CryptoPrimitives,
  keyring: Keyring,
  seriesId: string,
  series: ActionSeriesFields,
  date: string,
  patch: Partial<ActionFields> = {},
): { id: string; fields: ActionFields } {
  const fields: ActionFields = { ...occurrenceFields(seriesId, series, date), ...patch, seriesId, occurrenceDate: date };
  return { id: occurrenceId(p, keyring, seriesId, date), fields };
}

/**
 * The series stopped before `from` (until = the day before), or null when no occurrence would be
 * left (delete the series then). "Delete this and the following ones" is this alone.
 */
export function endSeriesBefore(series: ActionSeriesFields, from: string): ActionSeriesFields | null {
  const until = addDays(from, -1);
  const ended = { ...series, until: series.until !== '' && series.until < until ? series.until : until };
  if (ended.until < ended.startDate || nextOccurrenceDate(ended, ended.startDate) === null) return null;
  return ended;
}

export interface SeriesSplit {
  /** The original series, ended the day before `from`; null when nothing is left of it (delete it). */
  ended: ActionSeriesFields | null;
  /** The new series, from the first occurrence on or after `from`, with the changes; null when there is none. */
  next: ActionSeriesFields | null;
}

/**
 * "This occurrence and the following ones": the original series ends the day before `from` and a
 * new series (a new record, new id) starts at `from` with `changes`. A COUNT is shared out: the
 * new series gets what the original had left. Without changes, the two together occur on exactly
 * the original dates.
 */
export function splitSeries(series: ActionSeriesFields, from: string, changes: Partial<ActionSeriesFields> = {}): SeriesSplit {
  const first = nextOccurrenceDate(series, from);
  if (first === null) return { ended: series, next: null };
  const ended = endSeriesBefore(series, from);
  let rule = series.rrule;
  const parts = parseRuleParts(series.rrule);
  const count = typeof parts === 'string' ? null : ruleCount(parts);
  if (typeof parts !== 'string' && count !== null) {
    const before = occurrenceDates(series, series.startDate, addDays(from, -1)).length;
    rule = formatRuleParts(withRuleCount(parts, count - before));
  }
  const next: ActionSeriesFields = { ...series, rrule: rule, ...changes, startDate: changes.startDate ?? first };
  return { ended, next };
}

/**
 * After a split, the occurrences of the old series already materialised on or after `from`
 * belong to the new one: each gets the new seriesId, and those still to do take the template
 * changes too (what was done stays as it was done).
 */
export function followingOccurrencePatches(
  actions: readonly { id: string; summary: Pick<ActionSummary, 'seriesId' | 'occurrenceDate' | 'status'> }[],
  oldSeriesId: string,
  newSeriesId: string,
  from: string,
  changes: Partial<ActionSeriesFields> = {},
): { id: string; patch: Partial<ActionFields> }[] {
  const template: Partial<Pick<ActionFields, SeriesTemplateField>> = {};
  for (const field of SERIES_TEMPLATE_FIELDS) {
    if (changes[field] !== undefined) Object.assign(template, { [field]: changes[field] });
  }
  return actions
    .filter((a) => a.summary.seriesId === oldSeriesId && a.summary.occurrenceDate >= from)
    .map((a) => ({ id: a.id, patch: a.summary.status === 'todo' ? { seriesId: newSeriesId, ...template } : { seriesId: newSeriesId } }));
}
