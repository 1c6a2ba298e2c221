// What the agenda views and the handover read from the in-memory index: actions, series, and the
// names of persons and teams to show in rows. Null while the first load runs.
import { useMemo } from 'react';
import { useIndex, useTeams } from './data.ts';

export { usePersonNames } from '../../data/hooks.ts';

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
