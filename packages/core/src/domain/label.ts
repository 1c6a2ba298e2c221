// Short labels for lists such as the corbeille and the timeline.
import { DEFAULT_TIME_ZONE, formatDateFr, isIsoDate, isIsoDateTime, localDateOf } from './calendar.ts';

/** The first line of `text`, cut at `max` characters on a word boundary when it can. */
export function excerpt(text: string, max = 60): string {
  const line = text.trim().split(/\r?\n/, 1)[0] ?? '';
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** 'JJ/MM/AAAA' of a date or of an instant (its day in `timeZone`); '' when it is neither. */
export function dayLabel(dateOrDateTime: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  if (isIsoDate(dateOrDateTime)) return formatDateFr(dateOrDateTime);
  if (isIsoDateTime(dateOrDateTime)) return formatDateFr(localDateOf(dateOrDateTime, timeZone));
  return '';
}
