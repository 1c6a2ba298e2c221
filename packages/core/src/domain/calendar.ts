// Calendar days and instants without `Date` (core gets no clock): dates are 'YYYY-MM-DD' text,
// instants ISO-8601 UTC text. Day arithmetic counts whole days from 1970-01-01, so a date never
// drifts across a daylight-saving change. Only the places where a calendar day meets an instant
// (a day's window, the local day of a comment) go through the organisation's time zone, via Intl.
import { isoFromMs } from '../sync/time.ts';

/** French teams work on metropolitan time unless told otherwise (overseas teams pass theirs). */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A real calendar day written 'YYYY-MM-DD' (2026-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  const m = DATE_PATTERN.exec(text);
  if (m === null) return false;
  return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** 'YYYY-MM-DDTHH:MM:SS.sssZ', the only instant format records use (it sorts as text). */
export function isIsoDateTime(text: string): boolean {
  const m = DATETIME_PATTERN.exec(text);
  if (m === null) return false;
  return validDay(Number(m[1]), Number(m[2]), Number(m[3])) && Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60;
}

/** 'HH:MM', 00:00 to 23:59. */
export function isTime(text: string): boolean {
  return TIME_PATTERN.test(text);
}

function validDay(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a valid IsoDate. Throws RangeError on anything else. */
export function dayNumber(date: string): number {
  const m = DATE_PATTERN.exec(date);
  if (m === null || !isIsoDate(date)) throw new RangeError(`not a date: ${JSON.stringify(date)}`);
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function dateFromDayNumber(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function addDays(date: string, days: number): string {
  return dateFromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function parseDate(date: string): { year: number; month: number; day: number } {
  return civilFromDays(dayNumber(date));
}

/** Epoch milliseconds of an IsoDateTime. Throws RangeError on anything else. */
export function msFromDateTime(text: string): number {
  const m = DATETIME_PATTERN.exec(text);
  if (m === null || !isIsoDateTime(text)) throw new RangeError(`not a datetime: ${JSON.stringify(text)}`);
  const days = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
  return days * MS_PER_DAY + ((Number(m[4]) * 60 + Number(m[5])) * 60 + Number(m[6])) * 1000 + Number(m[7]);
}

export function dateTimeFromMs(ms: number): string {
  return isoFromMs(ms);
}

/** The calendar day an instant falls on in `timeZone`. */
export function localDateOf(dateTime: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const wall = wallClockMs(msFromDateTime(dateTime), timeZone);
  return dateFromDayNumber(Math.floor(wall / MS_PER_DAY));
}

/** The local 'HH:MM' of an instant in `timeZone`. */
export function localTimeOf(dateTime: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const wall = wallClockMs(msFromDateTime(dateTime), timeZone);
  const minutes = Math.floor((wall - Math.floor(wall / MS_PER_DAY) * MS_PER_DAY) / 60_000);
  return `${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}`;
}

/**
 * The instant at which the clocks of `timeZone` show `date` `time`. Midnight and noon, the only
 * times Relais asks for, exist exactly once on every day in French time zones.
 */
export function zonedDateTime(date: string, time: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (!isTime(time)) throw new RangeError(`not a time: ${JSON.stringify(time)}`);
  const wall = dayNumber(date) * MS_PER_DAY + (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) * 60_000;
  // Two passes: the offset at the first guess may differ from the offset at the answer near a change.
  let utc = wall - offsetMs(wall, timeZone);
  utc = wall - offsetMs(utc, timeZone);
  return isoFromMs(utc);
}

/** 'JJ/MM/AAAA' for labels. */
export function formatDateFr(date: string): string {
  if (!isIsoDate(date)) return date;
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** What the clocks of `timeZone` show at `ms`, as milliseconds of a UTC wall clock. */
function wallClockMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const hour = (parts.hour ?? 0) % 24;
  const days = daysFromCivil(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1);
  const seconds = ((hour * 60 + (parts.minute ?? 0)) * 60 + (parts.second ?? 0)) * 1000;
  return days * MS_PER_DAY + seconds + (ms - Math.floor(ms / 1000) * 1000);
}

function offsetMs(ms: number, timeZone: string): number {
  return wallClockMs(ms, timeZone) - ms;
}

// Howard Hinnant's algorithms (proleptic Gregorian calendar, day 0 = 1970-01-01).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
