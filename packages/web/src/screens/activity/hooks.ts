// Derived views over the data layer's index for the activity screens.
import { useMemo } from 'react';
import { useIndex } from './data.ts';

export { usePersonNames } from '../../data/hooks.ts';

/** Territory id → name. */
export function useTerritoryNames(): ReadonlyMap<string, string> {
  const territories = useIndex('territory');
  return useMemo(() => new Map((territories ?? []).map((t) => [t.id, t.summary.name])), [territories]);
}
