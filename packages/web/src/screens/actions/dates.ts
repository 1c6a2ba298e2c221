// French formatting of calendar days ('YYYY-MM-DD') and instants. Day arithmetic is core's
// (calendar.ts, no Date, no daylight-saving drift); "today" is the organisation's day, in the
// same time zone core uses for a day's window, so the agenda and the handover agree.
import { addDays, dateTimeFromMs, DEFAULT_TIME_ZONE, isIsoDate, isoWeekday, localDateOf, localTimeOf } from '@relais/core/domain/calendar';

export { addDays, isIsoDate };

export function todayOf(nowMs: number): string {
  return localDateOf(dateTimeFromMs(nowMs), DEFAULT_TIME_ZONE);
}

export function nowIso(nowMs: number = Date.now()): string {
  return dateTimeFromMs(nowMs);
}

/** 0 = Monday … 6 = Sunday (French weeks start on Monday). */
export function weekdayIndex(iso: string): number {
  return isoWeekday(iso) - 1;
}

export function startOfWeek(iso: string): string {
  return addDays(iso, -weekdayIndex(iso));
}

export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

function utcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
const shortFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** « lundi 23 novembre » */
export function formatDay(iso: string): string {
  return isIsoDate(iso) ? dayFormat.format(utcDate(iso)) : iso;
}

/** « 23 nov. » */
export function formatShortDate(iso: string): string {
  return isIsoDate(iso) ? shortFormat.format(utcDate(iso)) : iso;
}

/** « 23 novembre 2026 » */
export function formatLongDate(iso: string): string {
  return isIsoDate(iso) ? longFormat.format(utcDate(iso)) : iso;
}

/** « 23 novembre 2026 à 14:05 », on the organisation's clocks, from an ISO datetime. */
export function formatDateTime(iso: string): string {
  try {
    return `${formatLongDate(localDateOf(iso, DEFAULT_TIME_ZONE))} à ${localTimeOf(iso, DEFAULT_TIME_ZONE)}`;
  } catch {
    return '';
  }
}

/** The local day and 'HH:MM' of an ISO datetime, for date and time inputs ('' when empty). */
export function dateTimeParts(iso: string): { date: string; time: string } {
  try {
    return { date: localDateOf(iso, DEFAULT_TIME_ZONE), time: localTimeOf(iso, DEFAULT_TIME_ZONE) };
  } catch {
    return { date: '', time: '' };
  }
}

/** How a due date reads next to today: « Aujourd'hui », « Demain », « Hier » or the date, then the time. */
export function formatDue(dueDate: string, dueTime: string, today: string): string {
  let day: string;
  if (!isIsoDate(dueDate)) day = dueDate;
  else if (dueDate === today) day = "Aujourd'hui";
  else if (dueDate === addDays(today, 1)) day = 'Demain';
  else if (dueDate === addDays(today, -1)) day = 'Hier';
  else day = dueDate.slice(0, 4) === today.slice(0, 4) ? formatShortDate(dueDate) : formatLongDate(dueDate);
  return dueTime ? `${day} à ${dueTime}` : day;
}
