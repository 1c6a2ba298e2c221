// The RRULE subset Relais accepts, checked strictly: the rrule package parses leniently (an
// unknown FREQ or BYDAY gives an empty rule, not an error), and a rule typed on one device must
// mean the same thing on every other. Occurrences are calendar days, so no BYHOUR/BYMINUTE/BYSECOND;
// start and end live in the series' own fields (startDate, until), so no DTSTART or UNTIL.

const FREQS = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const KEYS = ['FREQ', 'INTERVAL', 'COUNT', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'WKST'] as const;
type Key = (typeof KEYS)[number];

export const RRULE_INVALID = 'La règle de récurrence est invalide.';

/** Parsed `KEY=VALUE` pairs of a valid rule, in their written order. */
export type RuleParts = Array<[Key, string]>;

/** The French reason a rule is refused, or null when it is valid. */
export function rruleProblem(text: string): string | null {
  const parsed = parseRuleParts(text);
  return typeof parsed === 'string' ? parsed : null;
}

/** The rule's parts, or the French reason it is refused. */
export function parseRuleParts(text: string): RuleParts | string {
  if (text.length === 0) return 'Veuillez indiquer la règle de récurrence.';
  if (text.length > 500) return RRULE_INVALID;
  const parts: RuleParts = [];
  const seen = new Set<string>();
  for (const item of text.split(';')) {
    const eq = item.indexOf('=');
    const key = eq < 0 ? item : item.slice(0, eq);
    const value = eq < 0 ? '' : item.slice(eq + 1);
    if (key === 'UNTIL' || key === 'DTSTART') return "Indiquez la fin de la série dans le champ « jusqu'au », pas dans la règle.";
    if (!(KEYS as readonly string[]).includes(key)) return RRULE_INVALID;
    if (seen.has(key)) return RRULE_INVALID;
    seen.add(key);
    parts.push([key as Key, value]);
  }
  const freq = parts.find(([k]) => k === 'FREQ')?.[1];
  if (freq === undefined || !(FREQS as readonly string[]).includes(freq)) return 'Veuillez choisir une fréquence : quotidienne, hebdomadaire, mensuelle ou annuelle.';
  for (const [key, value] of parts) {
    if (!validValue(key, value, freq)) return RRULE_INVALID;
  }
  return parts;
}

function validValue(key: Key, value: string, freq: string): boolean {
  switch (key) {
    case 'FREQ':
      return true;
    case 'INTERVAL':
      return intIn(value, 1, 999);
    case 'COUNT':
      return intIn(value, 1, 1000);
    case 'WKST':
      return (DAYS as readonly string[]).includes(value);
    case 'BYMONTH':
      return list(value, (v) => intIn(v, 1, 12));
    case 'BYMONTHDAY':
      return freq !== 'WEEKLY' && list(value, (v) => intIn(v, 1, 31) || intIn(v, -31, -1));
    case 'BYSETPOS':
      return list(value, (v) => intIn(v, 1, 366) || intIn(v, -366, -1));
    case 'BYDAY':
      return list(value, (v) => {
        const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(v);
        if (m === null) return false;
        // "the 2nd Monday" only means something inside a month or a year.
        if (m[1] === undefined) return true;
        const n = Math.abs(Number(m[1]));
        return (freq === 'MONTHLY' && n >= 1 && n <= 5) || (freq === 'YEARLY' && n >= 1 && n <= 53);
      });
  }
}

function intIn(value: string, min: number, max: number): boolean {
  if (!/^[+-]?\d{1,4}$/.test(value)) return false;
  const n = Number(value);
  return n >= min && n <= max;
}

function list(value: string, each: (v: string) => boolean): boolean {
  const items = value.split(',');
  return items.length > 0 && items.length <= 31 && items.every(each);
}

export function formatRuleParts(parts: RuleParts): string {
  return parts.map(([k, v]) => `${k}=${v}`).join(';');
}

/** The rule's COUNT, or null when it has none. */
export function ruleCount(parts: RuleParts): number | null {
  const value = parts.find(([k]) => k === 'COUNT')?.[1];
  return value === undefined ? null : Number(value);
}

/** The same rule with another COUNT (null removes it). */
export function withRuleCount(parts: RuleParts, count: number | null): RuleParts {
  const rest = parts.filter(([k]) => k !== 'COUNT');
  return count === null ? rest : [...rest, ['COUNT', String(count)]];
}
