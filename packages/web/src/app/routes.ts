// The shell's own addresses (sign-in, members, teams); every other path belongs to a feature
// (features.ts). The invitation secret travels in the fragment (/invitation#<id>.<secret>), which
// browsers never send to the server.
export type Route =
  | { name: 'home' }
  | { name: 'members' }
  | { name: 'teams' }
  | { name: 'login' }
  | { name: 'createOrganisation' }
  | { name: 'recovery' }
  | { name: 'invitation' }
  /** A path for the features to match (or a page not found). */
  | { name: 'feature'; path: string };

const PATTERNS: [RegExp, () => Route][] = [
  [/^\/$/, () => ({ name: 'home' })],
  [/^\/membres\/?$/, () => ({ name: 'members' })],
  [/^\/equipes\/?$/, () => ({ name: 'teams' })],
  [/^\/connexion\/?$/, () => ({ name: 'login' })],
  [/^\/creer-organisation\/?$/, () => ({ name: 'createOrganisation' })],
  [/^\/mot-de-passe-oublie\/?$/, () => ({ name: 'recovery' })],
  [/^\/invitation\/?$/, () => ({ name: 'invitation' })],
];

export function parseRoute(pathname: string): Route {
  for (const [pattern, make] of PATTERNS) if (pattern.test(pathname)) return make();
  return { name: 'feature', path: pathname };
}

export const paths = {
  /** Where the app opens once unlocked. */
  home: '/personnes',
  persons: '/personnes',
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
