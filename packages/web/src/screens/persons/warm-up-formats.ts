// The date formats a person's file shows, each used once before the first file is opened. A
// format's first call loads ICU's patterns for it, and the first local time of a time zone loads
// that zone's rules: traced on a slowed phone, 11 ms of the first file opening (of ~140 ms; the
// following openings took ~70 ms). Once loaded, a call costs microseconds, so repeating this is
// harmless.
import { formatDateTime, formatDay, formatFullDay, formatLongDate, formatShortDate } from '../../ui/dates.ts';

export function warmUpFileFormats(now: Date = new Date()): void {
  const instant = now.toISOString();
  const day = instant.slice(0, 10);
  formatDateTime(instant);
  formatLongDate(day);
  formatDay(day);
  formatShortDate(day);
  formatFullDay(day);
}
