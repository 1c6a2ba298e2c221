// Derived ids (core's derivedId, computed in the data Worker that holds the keys) for the records
// whose id says what they are about: a team's compte-rendu of a day, a member's service counter.
import { useEffect, useState } from 'react';
import { useDerivedId } from '../../data/hooks.ts';

type Derive = (...parts: string[]) => Promise<string>;

// The Worker answers the same parts with the same id while the keys stay the same; the writer's
// function changes with the workspace (a new login, new keys), and so does this cache.
const caches = new WeakMap<Derive, Map<string, string>>();

export function partsKey(parts: readonly string[]): string {
  return JSON.stringify(parts);
}

/** The ids of every parts list asked for (looked up with `partsKey`); null until all are known. */
export function useDerivedIds(list: readonly (readonly string[])[]): ReadonlyMap<string, string> | null {
  const derive = useDerivedId();
  const key = JSON.stringify(list);
  const cache = caches.get(derive) ?? new Map<string, string>();
  caches.set(derive, cache);
  const cached = list.every((parts) => cache.has(partsKey(parts)));
  const [, setVersion] = useState(0);
  useEffect(() => {
    if (cached) return;
    let cancelled = false;
    const wanted = JSON.parse(key) as string[][];
    Promise.all(wanted.map(async (parts) => [partsKey(parts), await derive(...parts)] as const)).then(
      (pairs) => {
        for (const [k, id] of pairs) cache.set(k, id);
        if (!cancelled) setVersion((v) => v + 1);
      },
      (error: unknown) => console.error('cannot derive ids', error),
    );
    return () => {
      cancelled = true;
    };
  }, [key, cached, derive, cache]);
  return cached ? cache : null;
}
