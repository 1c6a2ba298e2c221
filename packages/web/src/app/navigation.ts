// Which entries the navigation shows, and where: four in the bottom bar (what a team uses all
// day), the rest in the « Plus » menu. Pure, so it is tested without rendering.
import type { Modules } from '@relais/core/domain/settings';
import type { Role } from '@relais/core/protocol';
import type { Feature, NavEntry } from './feature.ts';
import { paths } from './routes.ts';

/** Bottom-bar slots, each the first visible entry among its candidates (Accueil, else an activity list). */
export const BAR_SLOTS: readonly (readonly string[])[] = [['/personnes'], ['/actions'], ['/transmissions'], ['/accueil', '/passages', '/rencontres', '/comptes-rendus']];

/** The shell's own entries, for administrators. */
export const ADMIN_ENTRIES: readonly NavEntry[] = [
  { href: paths.members, label: 'Membres', match: /^\/membres(\/|$)/, roles: ['admin'] },
  { href: paths.teams, label: 'Équipes', match: /^\/equipes(\/|$)/, roles: ['admin'] },
];

export interface NavModel {
  bar: NavEntry[];
  more: NavEntry[];
}

export function visibleEntries(features: readonly Feature[], role: Role, modules: Modules): NavEntry[] {
  const seen = new Set<string>();
  const out: NavEntry[] = [];
  for (const entry of [...features.flatMap((f) => f.nav), ...ADMIN_ENTRIES]) {
    if (entry.roles && !entry.roles.includes(role)) continue;
    if (entry.module && !modules[entry.module]) continue;
    if (seen.has(entry.href)) continue;
    seen.add(entry.href);
    out.push(entry);
  }
  return out;
}

export function navModel(features: readonly Feature[], role: Role, modules: Modules): NavModel {
  const entries = visibleEntries(features, role, modules);
  const bar: NavEntry[] = [];
  for (const slot of BAR_SLOTS) {
    const entry = slot.map((href) => entries.find((e) => e.href === href)).find((e) => e !== undefined);
    if (entry && !bar.includes(entry)) bar.push(entry);
  }
  return { bar, more: entries.filter((e) => !bar.includes(e)) };
}

export function isCurrent(entry: NavEntry, path: string): boolean {
  return entry.match.test(path);
}
