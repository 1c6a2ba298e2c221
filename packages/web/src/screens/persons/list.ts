// Ordering and filtering of the person list, on the in-memory summaries.

interface Row {
  id: string;
  summary: { name: string; outOfActiveList: boolean };
}

/** The rows to show, and how many were left out for being out of the active list. */
export function activeFilter<T extends Row>(rows: readonly T[], includeOut: boolean): { shown: T[]; hiddenOut: number } {
  if (includeOut) return { shown: [...rows], hiddenOut: 0 };
  const shown = rows.filter((r) => !r.summary.outOfActiveList);
  return { shown, hiddenOut: rows.length - shown.length };
}

/** Ids of persons with at least one value set aside by a conflict. */
export function conflictedPersons(history: readonly { summary: { kind: string; recordCollection: string; recordId: string } }[]): Set<string> {
  const ids = new Set<string>();
  for (const { summary } of history) if (summary.kind === 'conflict' && summary.recordCollection === 'person') ids.add(summary.recordId);
  return ids;
}
