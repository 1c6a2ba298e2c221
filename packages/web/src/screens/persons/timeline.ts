// The « Chronologie » of a person: everything that happened with them, from the in-memory
// summaries (and the comment texts decrypted on demand). Pure: the screen gathers the inputs.
import type { Json } from '@relais/core/sync/types';
import { formatDateFr, formatNumericDateTime, toInstant } from '../../ui/dates.ts';

export interface ChangeInput {
  field: string;
  before: Json;
  after: Json;
  at: string;
  by: string;
}

export interface TimelineInput {
  personId: string;
  createdAt: string;
  createdBy: string;
  changes: readonly ChangeInput[];
  actions: readonly { id: string; title: string; status: string; dueDate: string; dueTime: string; completedAt: string; urgent: boolean }[];
  comments: readonly { id: string; date: string; teamId: string; priority: boolean; actionId: string; text?: string | undefined }[];
  passages: readonly { id: string; date: string; teamId: string; personIds: readonly string[] }[];
  encounters: readonly { id: string; date: string; teamId: string; territoryId: string }[];
}

export type TimelineKind = 'created' | 'change' | 'action' | 'comment' | 'passage' | 'encounter';

export interface TimelineItem {
  key: string;
  kind: TimelineKind;
  /** ms since epoch, for ordering. */
  at: number;
  /** The item is dated by a day only (an action due that day with no time). */
  allDay: boolean;
  /** When the item has an ISO date or datetime to show. */
  when: string;
  by?: string;
  teamId?: string;
  /** Changed fields (kind 'change'). */
  fields?: string[];
  /** Action title, comment text… */
  text?: string;
  status?: string;
  urgent?: boolean;
  priority?: boolean;
  /** Id of the linked record (action, territory). */
  refId?: string;
  /** Other persons of a passage. */
  others?: number;
}

/** « 04/05/2026 » for a day, « 04/05/2026 14:05 » for a day and time typed or an instant (on the organisation's clocks). */
export function timelineWhen(item: Pick<TimelineItem, 'allDay' | 'when'>): string {
  if (item.allDay) return formatDateFr(item.when);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(item.when)) return `${formatDateFr(item.when.slice(0, 10))} ${item.when.slice(11)}`;
  return formatNumericDateTime(item.when);
}

/** ms of a day ('YYYY-MM-DD') at `time` ('HH:MM') or at the end of the day, on the organisation's clocks (0 when malformed). */
function dayMs(date: string, time: string): number {
  const instant = toInstant(date, time || '23:59');
  return instant === null ? 0 : Date.parse(instant);
}

function isoMs(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

/** Field changes saved together (same author, same instant) read as one event. */
function groupChanges(changes: readonly ChangeInput[]): TimelineItem[] {
  const groups = new Map<string, TimelineItem>();
  for (const change of changes) {
    const key = `change:${change.at}:${change.by}`;
    const group = groups.get(key);
    if (group) {
      if (!group.fields!.includes(change.field)) group.fields!.push(change.field);
    } else {
      groups.set(key, { key, kind: 'change', at: isoMs(change.at), allDay: false, when: change.at, by: change.by, fields: [change.field] });
    }
  }
  return [...groups.values()];
}

function isEmpty(value: Json): boolean {
  return value === '' || value === null || value === false || (Array.isArray(value) && value.length === 0);
}

/** The first value of each field, written with the creation, is not a change of its own. */
function isPartOfCreation(change: ChangeInput, input: TimelineInput): boolean {
  if (!input.createdAt || change.by !== input.createdBy || !isEmpty(change.before)) return false;
  return Math.abs(isoMs(change.at) - isoMs(input.createdAt)) < CREATION_WINDOW_MS;
}

const CREATION_WINDOW_MS = 2_000;

export interface Timeline {
  /** Dated after `now` (actions due later), soonest first. */
  upcoming: TimelineItem[];
  /** Newest first. */
  past: TimelineItem[];
}

export function assembleTimeline(input: TimelineInput, now: number): Timeline {
  const items: TimelineItem[] = [];
  if (input.createdAt) {
    items.push({ key: 'created', kind: 'created', at: isoMs(input.createdAt), allDay: false, when: input.createdAt, by: input.createdBy });
  }
  items.push(...groupChanges(input.changes.filter((c) => !isPartOfCreation(c, input))));
  for (const action of input.actions) {
    const done = action.completedAt !== '';
    items.push({
      key: `action:${action.id}`,
      kind: 'action',
      at: done ? isoMs(action.completedAt) : dayMs(action.dueDate, action.dueTime),
      allDay: !done && !action.dueTime,
      when: done ? action.completedAt : action.dueTime ? `${action.dueDate}T${action.dueTime}` : action.dueDate,
      text: action.title,
      status: action.status,
      urgent: action.urgent,
      refId: action.id,
    });
  }
  for (const comment of input.comments) {
    items.push({
      key: `comment:${comment.id}`,
      kind: 'comment',
      at: isoMs(comment.date),
      allDay: false,
      when: comment.date,
      teamId: comment.teamId,
      priority: comment.priority,
      ...(comment.text !== undefined ? { text: comment.text } : {}),
      ...(comment.actionId ? { refId: comment.actionId } : {}),
    });
  }
  for (const passage of input.passages) {
    items.push({
      key: `passage:${passage.id}`,
      kind: 'passage',
      at: isoMs(passage.date),
      allDay: false,
      when: passage.date,
      teamId: passage.teamId,
      others: passage.personIds.filter((id) => id !== input.personId).length,
    });
  }
  for (const encounter of input.encounters) {
    items.push({
      key: `encounter:${encounter.id}`,
      kind: 'encounter',
      at: isoMs(encounter.date),
      allDay: false,
      when: encounter.date,
      teamId: encounter.teamId,
      ...(encounter.territoryId ? { refId: encounter.territoryId } : {}),
    });
  }
  const upcoming = items.filter((i) => i.at > now).sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
  const past = items.filter((i) => i.at <= now).sort((a, b) => b.at - a.at || a.key.localeCompare(b.key));
  return { upcoming, past };
}
