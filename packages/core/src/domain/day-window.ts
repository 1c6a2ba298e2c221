// The span of a team's working day. Day teams work midnight to midnight; night teams noon to
// noon, and their day is named after the day the shift started (a 22:00–06:00 maraude belongs to
// one report, not two). Spans are instants in UTC: a day is 23 or 25 hours long when the clocks change.
import { addDays, DEFAULT_TIME_ZONE, localDateOf, localTimeOf, zonedDateTime } from './calendar.ts';

export interface DayWindow {
  /** The day the window is named after (IsoDate). */
  date: string;
  /** First instant of the window (IsoDateTime, included). */
  start: string;
  /** First instant after the window (IsoDateTime, excluded). */
  end: string;
}

export function dayWindow(date: string, night: boolean, timeZone: string = DEFAULT_TIME_ZONE): DayWindow {
  const time = night ? '12:00' : '00:00';
  return { date, start: zonedDateTime(date, time, timeZone), end: zonedDateTime(addDays(date, 1), time, timeZone) };
}

/** Whether an IsoDateTime falls in the window (both are fixed-width UTC text: they compare as strings). */
export function inWindow(window: Pick<DayWindow, 'start' | 'end'>, dateTime: string): boolean {
  return dateTime >= window.start && dateTime < window.end;
}

/** The working day an instant belongs to: for a night team, a morning belongs to the day before. */
export function workingDayOf(dateTime: string, night: boolean, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = localDateOf(dateTime, timeZone);
  return night && localTimeOf(dateTime, timeZone) < '12:00' ? addDays(date, -1) : date;
}
