// The « Récurrence » part of the action form: what the person picks (none, every day, every week
// on chosen days, every month, or a custom RFC 5545 rule) turned into the series' `rrule` and
// `until`, and back. The end date lives in `until`, never inside the rule, so "this occurrence and
// the following" can cut a series by changing `until` alone.
import { rruleProblem } from '@relais/core/domain/rrule-text';
import { formatLongDate, isIsoDate, weekdayIndex } from '../../ui/dates.ts';

export const WEEKDAYS = [
  { code: 'MO', label: 'lundi', short: 'Lun.' },
  { code: 'TU', label: 'mardi', short: 'Mar.' },
  { code: 'WE', label: 'mercredi', short: 'Mer.' },
  { code: 'TH', label: 'jeudi', short: 'Jeu.' },
  { code: 'FR', label: 'vendredi', short: 'Ven.' },
  { code: 'SA', label: 'samedi', short: 'Sam.' },
  { code: 'SU', label: 'dimanche', short: 'Dim.' },
] as const;
export type Weekday = (typeof WEEKDAYS)[number]['code'];

export const REPEAT_KINDS = ['none', 'daily', 'weekly', 'monthly', 'custom'] as const;
export type RepeatKind = (typeof REPEAT_KINDS)[number];

export const REPEAT_LABELS: Record<RepeatKind, string> = {
  none: 'Ne se répète pas',
  daily: 'Tous les jours',
  weekly: 'Toutes les semaines, certains jours',
  monthly: 'Tous les mois',
  custom: 'Règle personnalisée (RRULE)',
};

export interface RecurrenceInput {
  kind: RepeatKind;
  /** Text of the « tous les … » input: every 1, 2, 3… days, weeks or months. */
  interval: string;
  weekdays: Weekday[];
  custom: string;
  /** Last day of the series (IsoDate) or '' for no end. */
  until: string;
}

export type RecurrenceField = 'interval' | 'weekdays' | 'custom' | 'until';

export const NO_RECURRENCE: RecurrenceInput = { kind: 'none', interval: '1', weekdays: [], custom: '', until: '' };

export type RecurrenceResult =
  | { ok: true; rrule: string; until: string }
  | { ok: false; errors: Partial<Record<RecurrenceField, string>> };

const DAY_CODES: readonly string[] = WEEKDAYS.map((d) => d.code);
const MAX_INTERVAL = 999;

/** The weekday code of a date, to preselect it when « toutes les semaines » is chosen. */
export function weekdayOf(iso: string): Weekday {
  return WEEKDAYS[weekdayIndex(iso)]!.code;
}

function parseInterval(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return 1;
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= 1 && n <= MAX_INTERVAL ? n : null;
}

/** `KEY=VALUE;…` pairs, keys upper-cased; null when the text is not of that shape. */
function parsePairs(rule: string): Map<string, string> | null {
  const body = rule.trim().replace(/^RRULE:/i, '');
  if (!body) return null;
  const pairs = new Map<string, string>();
  for (const part of body.split(';')) {
    if (part === '') continue;
    const m = part.match(/^([A-Za-z]+)=([^=;]+)$/);
    if (!m) return null;
    const key = m[1]!.toUpperCase();
    if (pairs.has(key)) return null;
    pairs.set(key, m[2]!.toUpperCase());
  }
  return pairs;
}

/**
 * A custom rule, normalised (upper case, no « RRULE: » prefix, FREQ first) and checked by core's
 * rule check, the same one the series schema runs on every device; or a French message.
 */
export function checkCustomRule(rule: string): { rule: string } | { error: string } {
  const pairs = parsePairs(rule);
  if (!pairs) {
    return { error: 'Veuillez saisir une règle de la forme FREQ=WEEKLY;BYDAY=MO,TH (paires CLÉ=VALEUR séparées par « ; »).' };
  }
  const keys = [...pairs.keys()];
  const ordered = pairs.has('FREQ') ? ['FREQ', ...keys.filter((k) => k !== 'FREQ')] : keys;
  const normalised = ordered.map((k) => `${k}=${pairs.get(k)!}`).join(';');
  const problem = rruleProblem(normalised);
  return problem === null ? { rule: normalised } : { error: problem };
}

/** The series' `rrule` and `until` for this input, starting on `startDate`; or French messages by field. */
export function recurrenceToRrule(input: RecurrenceInput, startDate: string): RecurrenceResult {
  const errors: Partial<Record<RecurrenceField, string>> = {};
  let rrule = '';
  const interval = parseInterval(input.interval);
  const every = interval !== null && interval > 1 ? `;INTERVAL=${interval}` : '';
  if ((input.kind === 'daily' || input.kind === 'weekly' || input.kind === 'monthly') && interval === null) {
    errors.interval = `Veuillez indiquer un nombre entier entre 1 et ${MAX_INTERVAL}.`;
  }
  switch (input.kind) {
    case 'none':
      return { ok: true, rrule: '', until: '' };
    case 'daily':
      rrule = `FREQ=DAILY${every}`;
      break;
    case 'weekly': {
      const days = DAY_CODES.filter((code) => input.weekdays.includes(code as Weekday));
      if (days.length === 0) errors.weekdays = 'Veuillez choisir au moins un jour de la semaine.';
      rrule = `FREQ=WEEKLY${every};BYDAY=${days.join(',')}`;
      break;
    }
    case 'monthly':
      rrule = `FREQ=MONTHLY${every}`;
      break;
    case 'custom': {
      const checked = checkCustomRule(input.custom);
      if ('error' in checked) errors.custom = checked.error;
      else rrule = checked.rule;
      break;
    }
  }
  const until = input.until.trim();
  if (until) {
    if (!isIsoDate(until)) errors.until = 'Veuillez saisir une date valide (jour, mois, année).';
    else if (isIsoDate(startDate) && until < startDate) errors.until = 'La fin de la récurrence doit être le jour de l’échéance ou après.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, rrule, until };
}

/** The form input that shows an existing series' rule: a simple kind when it fits, else custom. */
export function recurrenceFromRrule(rrule: string, until: string): RecurrenceInput {
  const base: RecurrenceInput = { ...NO_RECURRENCE, until, custom: rrule };
  const pairs = parsePairs(rrule);
  if (!pairs) return { ...base, kind: rrule ? 'custom' : 'none' };
  const freq = pairs.get('FREQ');
  const interval = pairs.get('INTERVAL') ?? '1';
  const others = [...pairs.keys()].filter((k) => k !== 'FREQ' && k !== 'INTERVAL');
  if (parseInterval(interval) === null) return { ...base, kind: 'custom' };
  if (freq === 'DAILY' && others.length === 0) return { ...base, kind: 'daily', interval };
  if (freq === 'MONTHLY' && others.length === 0) return { ...base, kind: 'monthly', interval };
  if (freq === 'WEEKLY' && others.length === 1 && pairs.has('BYDAY')) {
    const days = pairs.get('BYDAY')!.split(',');
    if (days.every((d) => DAY_CODES.includes(d))) return { ...base, kind: 'weekly', interval, weekdays: days as Weekday[] };
  }
  return { ...base, kind: 'custom' };
}

function joinFrench(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]!}`;
}

/** A French sentence for a series' rule, e.g. « Toutes les 2 semaines, le lundi et le jeudi, jusqu’au 3 mars 2027 ». */
export function describeRecurrence(rrule: string, until: string): string {
  const input = recurrenceFromRrule(rrule, until);
  const n = parseInterval(input.interval) ?? 1;
  let text: string;
  switch (input.kind) {
    case 'none':
      return 'Ne se répète pas';
    case 'daily':
      text = n === 1 ? 'Tous les jours' : `Tous les ${n} jours`;
      break;
    case 'weekly': {
      const names = WEEKDAYS.filter((d) => input.weekdays.includes(d.code)).map((d) => d.label);
      text = `${n === 1 ? 'Toutes les semaines' : `Toutes les ${n} semaines`}, le ${joinFrench(names)}`;
      break;
    }
    case 'monthly':
      text = n === 1 ? 'Tous les mois' : `Tous les ${n} mois`;
      break;
    case 'custom':
      text = `Règle personnalisée : ${rrule}`;
      break;
  }
  return isIsoDate(until) ? `${text}, jusqu’au ${formatLongDate(until)}` : text;
}
