// What the agenda views and the handover read from the in-memory index: actions, series, and the
// names of persons and teams to show in rows. Null while the first load runs.
import { useMemo } from 'react';
import { useIndex, useTeams } from './data.ts';

/** Names by id, one map per index snapshot, shared by every screen and section that shows names. */
const namesBySnapshot = new WeakMap<readonly { id: string; summary: { name: string } }[], ReadonlyMap<string, string>>();
const NO_NAMES: ReadonlyMap<string, string> = new Map();

export function usePersonNames(): ReadonlyMap<string, string> {
  const persons = useIndex('person');
  if (!persons) return NO_NAMES;
  let names = namesBySnapshot.get(persons);
  if (!names) {
    names = new Map(persons.map((p) => [p.id, p.summary.name] as const));
    namesBySnapshot.set(persons, names);
  }
  return names;
}

export function useTeamNames(): ReadonlyMap<string, string> {
  const teams = useTeams();
  return useMemo(() => new Map(teams.map((t) => [t.id, t.name] as const)), [teams]);
}

export function useActionIndexes() {
  const actions = useIndex('action');
  const series = useIndex('actionSeries');
  const seriesById = useMemo(() => new Map((series ?? []).map((s) => [s.id, s.summary] as const)), [series]);
  return { actions, series, seriesById, loading: actions === null || series === null };
}
