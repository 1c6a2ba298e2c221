// Addresses of the activity screens (French paths) and the patterns the feature routes on.
export const ID = '([0-9a-f-]{36})';

export const activityPaths = {
  passages: '/passages',
  passageNew: (personId?: string) => (personId ? `/passages/nouveau?personne=${personId}` : '/passages/nouveau'),
  passageEdit: (id: string, personId?: string) => `/passages/${id}/modifier${personId ? `?personne=${personId}` : ''}`,
  encounters: '/rencontres',
  encounterNew: (options: { personId?: string; territoryId?: string } = {}) => {
    const q = new URLSearchParams();
    if (options.personId) q.set('personne', options.personId);
    if (options.territoryId) q.set('territoire', options.territoryId);
    const s = q.toString();
    return s ? `/rencontres/nouvelle?${s}` : '/rencontres/nouvelle';
  },
  encounterEdit: (id: string, personId?: string) => `/rencontres/${id}/modifier${personId ? `?personne=${personId}` : ''}`,
  territories: '/territoires',
  territoryNew: '/territoires/nouveau',
  territory: (id: string) => `/territoires/${id}`,
  territoryEdit: (id: string) => `/territoires/${id}/modifier`,
  observationNew: (territoryId: string) => `/territoires/${territoryId}/observations/nouvelle`,
  observationEdit: (id: string) => `/observations/${id}/modifier`,
  reports: '/comptes-rendus',
  services: '/services',
  reception: '/accueil',
  person: (id: string) => `/personnes/${id}`,
} as const;

/** A query parameter of the current address, '' when absent or not an id. */
export function queryId(name: string): string {
  const value = new URLSearchParams(location.search).get(name) ?? '';
  return /^[0-9a-f-]{36}$/.test(value) ? value : '';
}

/** A 'YYYY-MM-DD' query parameter of the current address, '' when absent or malformed. */
export function queryDate(name: string): string {
  const value = new URLSearchParams(location.search).get(name) ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
}
