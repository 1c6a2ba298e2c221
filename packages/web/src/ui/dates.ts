// Calendar days ('YYYY-MM-DD') and instants (ISO UTC) as every screen shows and takes them: in
// French, on the organisation's clocks (decision 006: DEFAULT_TIME_ZONE, whatever time zone the
// device is set to). Day arithmetic is core's (calendar.ts: no Date, no daylight-saving drift), and
// so are the day windows: a list of the day, the agenda, the handover and the compte-rendu count
// the same instants in the same day.
import { addDays, dateTimeFromMs, DEFAULT_TIME_ZONE, formatDateFr, isIsoDate, isoWeekday, isTime, localDateOf, localTimeOf, zonedDateTime } from '@relais/core/domain/calendar';
import { dayWindow, inWindow } from '@relais/core/domain/day-window';

// Core's day arithmetic and checks, and its « 04/05/2026 » (formatDateFr), under the same names.
export { addDays, formatDateFr, isIsoDate, isTime };

/** The organisation's calendar day at an instant given in ms: today is `localDate(Date.now())`. */
export function localDate(ms: number): string {
  return localDateOf(dateTimeFromMs(ms), DEFAULT_TIME_ZONE);
}

/** The organisation's 'HH:MM' at an instant given in ms. */
export function localTime(ms: number): string {
  return localTimeOf(dateTimeFromMs(ms), DEFAULT_TIME_ZONE);
}

/** The instant at which the organisation's clocks show that day and 'HH:MM'; null when either is malformed. */
export function toInstant(date: string, time: string): string | null {
  return isIsoDate(date) && isTime(time) ? zonedDateTime(date, time, DEFAULT_TIME_ZONE) : null;
}

/**
 * The test "falls on that day" for instants, made once for a list: the day's window is computed
 * once and each instant compared as text, not converted through Intl one by one.
 */
export function onLocalDay(date: string): (iso: string) => boolean {
  if (!isIsoDate(date)) return () => false;
  const window = dayWindow(date, false, DEFAULT_TIME_ZONE);
  return (iso) => inWindow(window, iso);
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

function utcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

// Made once: a new Intl.DateTimeFormat per call cost ~40 ms per person file opened on a slowed
// phone. Days are formatted as UTC calendar days, so the text never depends on a time zone.
const dayFormat = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
const fullDayFormat = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** « lundi 23 novembre » */
export function formatDay(iso: string): string {
  return isIsoDate(iso) ? dayFormat.format(utcDate(iso)) : iso;
}

/** « lundi 23 novembre 2026 » */
export function formatFullDay(iso: string): string {
  return isIsoDate(iso) ? fullDayFormat.format(utcDate(iso)) : iso;
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

/** « 14:05 », on the organisation's clocks ('' when not an instant). */
export function formatClock(iso: string): string {
  try {
    return localTimeOf(iso, DEFAULT_TIME_ZONE);
  } catch {
    return '';
  }
}

/** The organisation's day and 'HH:MM' of an ISO datetime, for date and time inputs ('' for both when not an instant). */
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

/** « 04/05/2026 14:05 », on the organisation's clocks, from an ISO datetime (anything else unchanged). */
export function formatNumericDateTime(iso: string): string {
  const { date, time } = dateTimeParts(iso);
  return date ? `${formatDateFr(date)} ${time}` : iso;
}
