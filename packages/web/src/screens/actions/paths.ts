// Addresses of the actions feature. An untouched occurrence of a recurring action has no record
// yet, so it is addressed by its series and its date.
export const actionPaths = {
  list: '/actions',
  create: '/actions/nouvelle',
  createFor: (personId: string) => `/actions/nouvelle?personne=${encodeURIComponent(personId)}`,
  action: (id: string) => `/actions/${id}`,
  edit: (id: string) => `/actions/${id}/modifier`,
  occurrence: (seriesId: string, date: string) => `/actions/serie/${seriesId}/${date}`,
  occurrenceEdit: (seriesId: string, date: string) => `/actions/serie/${seriesId}/${date}/modifier`,
  handover: '/transmissions',
  person: (id: string) => `/personnes/${id}`,
} as const;

/** Where an agenda entry leads: the record, or the untouched occurrence. */
export function entryHref(entry: { id: string | null; summary: { seriesId: string; occurrenceDate: string } }): string {
  return entry.id !== null ? actionPaths.action(entry.id) : actionPaths.occurrence(entry.summary.seriesId, entry.summary.occurrenceDate);
}

/** What an action screen shows: a new action, an action record, or an untouched occurrence. */
export type ActionTarget = { kind: 'new' } | { kind: 'action'; id: string } | { kind: 'occurrence'; seriesId: string; date: string };
