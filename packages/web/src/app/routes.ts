// The app's few addresses, parsed from the path. The invitation secret travels in the fragment
// (/invitation#<id>.<secret>), which browsers never send to the server.
export type Route =
  | { name: 'persons' }
  | { name: 'personNew' }
  | { name: 'person'; id: string }
  | { name: 'personEdit'; id: string }
  | { name: 'members' }
  | { name: 'teams' }
  | { name: 'login' }
  | { name: 'createOrganisation' }
  | { name: 'recovery' }
  | { name: 'invitation' }
  | { name: 'notFound' };

const ID = '([0-9a-f-]{36})';
const PATTERNS: [RegExp, (m: RegExpMatchArray) => Route][] = [
  [/^\/$/, () => ({ name: 'persons' })],
  [/^\/personnes\/?$/, () => ({ name: 'persons' })],
  [/^\/personnes\/nouvelle\/?$/, () => ({ name: 'personNew' })],
  [new RegExp(`^/personnes/${ID}/?$`), (m) => ({ name: 'person', id: m[1]! })],
  [new RegExp(`^/personnes/${ID}/modifier/?$`), (m) => ({ name: 'personEdit', id: m[1]! })],
  [/^\/membres\/?$/, () => ({ name: 'members' })],
  [/^\/equipes\/?$/, () => ({ name: 'teams' })],
  [/^\/connexion\/?$/, () => ({ name: 'login' })],
  [/^\/creer-organisation\/?$/, () => ({ name: 'createOrganisation' })],
  [/^\/mot-de-passe-oublie\/?$/, () => ({ name: 'recovery' })],
  [/^\/invitation\/?$/, () => ({ name: 'invitation' })],
];

export function parseRoute(pathname: string): Route {
  for (const [pattern, make] of PATTERNS) {
    const m = pathname.match(pattern);
    if (m) return make(m);
  }
  return { name: 'notFound' };
}

export const paths = {
  persons: '/personnes',
  personNew: '/personnes/nouvelle',
  person: (id: string) => `/personnes/${id}`,
  personEdit: (id: string) => `/personnes/${id}/modifier`,
  members: '/membres',
  teams: '/equipes',
  login: '/connexion',
  createOrganisation: '/creer-organisation',
  recovery: '/mot-de-passe-oublie',
} as const;

/** `<id>.<secret>` from the fragment; null when absent or malformed. */
export function parseInvitationFragment(hash: string): { id: string; secret: string } | null {
  const m = hash.replace(/^#/, '').match(/^([0-9a-f-]{36})\.(.{16,128})$/);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}
