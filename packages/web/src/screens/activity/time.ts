// Local calendar helpers for the activity screens. Records store instants in UTC
// ('2026-11-23T10:00:00.000Z') and days as 'YYYY-MM-DD'; the screens speak the device's local
// time, which is the team's time.

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of an instant, in local time. */
export function localDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** 'HH:MM' of an instant, in local time. */
export function localTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getFullYear() === Number(m[1]) && d.getMonth() === Number(m[2]) - 1 && d.getDate() === Number(m[3]);
}

export function isTime(value: string): boolean {
  return TIME.test(value);
}

/** Local midnight of a 'YYYY-MM-DD' day, in ms. */
export function startOfLocalDay(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
}

/** The UTC ISO datetime of a local day and time; null when either is malformed. */
export function toInstant(date: string, time: string): string | null {
  if (!isIsoDate(date) || !isTime(time)) return null;
  const [h, min] = time.split(':').map(Number) as [number, number];
  const d = new Date(startOfLocalDay(date));
  d.setHours(h, min, 0, 0);
  return d.toISOString();
}

/** The day `n` days after `date` (before when negative), across month ends and DST changes. */
export function addDays(date: string, n: number): string {
  const d = new Date(startOfLocalDay(date));
  d.setDate(d.getDate() + n);
  return localDate(d.getTime());
}

/** True when the instant falls on that local day. */
export function isOnLocalDay(iso: string, date: string): boolean {
  const ms = Date.parse(iso);
  return !Number.isNaN(ms) && localDate(ms) === date;
}

// Made once: a new Intl.DateTimeFormat per call cost ~40 ms per person file opened on a slowed
// phone (one per passage and rencontre shown), more than everything else the file renders.
// Days are formatted as UTC calendar days so the result never depends on the time zone.
const WEEKDAY_DAY = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const DAY = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** 'lundi 23 novembre 2026' */
export function formatDay(date: string): string {
  if (!isIsoDate(date)) return date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return WEEKDAY_DAY.format(new Date(Date.UTC(y, m - 1, d)));
}

/** '23 novembre 2026 à 10:05' (local time). */
export function formatInstant(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const [y, m, d] = localDate(ms).split('-').map(Number) as [number, number, number];
  const day = DAY.format(new Date(Date.UTC(y, m - 1, d)));
  return `${day} à ${localTime(ms)}`;
}

/** '10:05' (local time). */
export function formatClock(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '' : localTime(ms);
}
