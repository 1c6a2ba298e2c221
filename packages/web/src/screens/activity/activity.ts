// Pure selection and ordering of activity records (passages, rencontres, observations) for the
// screens: by the organisation's day and team, by person, newest first.
import { onLocalDay } from '../../ui/dates.ts';

export interface Dated {
  date: string;
  teamId: string;
}

export interface Listed<S> {
  id: string;
  summary: S;
}

/** Newest first; ties broken by id so the order never jumps between renders. */
export function newestFirst<S extends { date: string }, T extends Listed<S>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.summary.date === b.summary.date ? (a.id < b.id ? 1 : -1) : a.summary.date < b.summary.date ? 1 : -1));
}

/** Records of that day (on the organisation's clocks), of that team ('' = every team), newest first. */
export function onDay<S extends Dated, T extends Listed<S>>(items: readonly T[], date: string, teamId: string): T[] {
  const onDate = onLocalDay(date);
  return newestFirst(items.filter((i) => onDate(i.summary.date) && (!teamId || i.summary.teamId === teamId)));
}

/** Records that name this person, newest first. */
export function ofPerson<S extends { date: string; personIds: readonly string[] }, T extends Listed<S>>(items: readonly T[], personId: string): T[] {
  return newestFirst(items.filter((i) => i.summary.personIds.includes(personId)));
}

/** Names in the order given; ids not (yet) on this device read « Personne inconnue ». */
export function namesOf(ids: readonly string[], names: ReadonlyMap<string, string>): string[] {
  return ids.map((id) => names.get(id) ?? 'Personne inconnue');
}

/** « Ada, Bob », « Passage anonyme × 3 », or both. */
export function passageWho(p: { personIds: readonly string[]; anonymousCount: number }, names: ReadonlyMap<string, string>): string {
  const anonymous = p.anonymousCount === 0 ? '' : p.anonymousCount === 1 ? 'Passage anonyme' : `Passages anonymes × ${p.anonymousCount}`;
  return [namesOf(p.personIds, names).join(', '), anonymous].filter(Boolean).join(' + ');
}

export interface TimelineEntry {
  kind: 'passage' | 'encounter';
  id: string;
  date: string;
  teamId: string;
}

/** A person's passages and rencontres merged, newest first. */
export function personTimeline(
  passages: readonly Listed<{ date: string; teamId: string; personIds: readonly string[] }>[],
  encounters: readonly Listed<{ date: string; teamId: string; personIds: readonly string[] }>[],
  personId: string,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...ofPerson(passages, personId).map((p) => ({ kind: 'passage' as const, id: p.id, date: p.summary.date, teamId: p.summary.teamId })),
    ...ofPerson(encounters, personId).map((e) => ({ kind: 'encounter' as const, id: e.id, date: e.summary.date, teamId: e.summary.teamId })),
  ];
  return entries.sort((a, b) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1));
}
