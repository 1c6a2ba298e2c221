// Derived views over the data layer's index for the activity screens.
import { useMemo } from 'react';
import { useIndex } from './data.ts';

/** Person id → name, for every person on this device (names only, from the in-memory index). */
export function usePersonNames(): ReadonlyMap<string, string> {
  const persons = useIndex('person');
  return useMemo(() => new Map((persons ?? []).map((p) => [p.id, p.summary.name])), [persons]);
}

/** Territory id → name. */
export function useTerritoryNames(): ReadonlyMap<string, string> {
  const territories = useIndex('territory');
  return useMemo(() => new Map((territories ?? []).map((t) => [t.id, t.summary.name])), [territories]);
}
