import { describe, expect, it } from 'vitest';
import type { Feature } from './feature.ts';
import { navModel } from './navigation.ts';

const ALL_ON = { passages: true, encounters: true, territories: true, reception: true };
const features: Feature[] = [
  {
    routes: [],
    nav: [
      { href: '/personnes', label: 'Personnes', match: /^\/personnes/, roles: ['admin', 'member', 'restricted'] },
      { href: '/corbeille', label: 'Corbeille', match: /^\/corbeille/, roles: ['admin', 'member'] },
    ],
  },
  { routes: [], nav: [{ href: '/actions', label: 'Actions', match: /^\/actions/ }, { href: '/transmissions', label: 'Transmissions', match: /^\/transmissions/ }] },
  {
    routes: [],
    nav: [
      { href: '/accueil', label: 'Accueil', match: /^\/accueil/, module: 'reception' },
      { href: '/passages', label: 'Passages', match: /^\/passages/, module: 'passages' },
      { href: '/comptes-rendus', label: 'Comptes-rendus', match: /^\/comptes-rendus/ },
    ],
  },
];

const labels = (entries: { label: string }[]) => entries.map((e) => e.label);

describe('navModel', () => {
  it('puts the daily screens in the bar and the rest, admin entries last, in « Plus »', () => {
    const model = navModel(features, 'admin', ALL_ON);
    expect(labels(model.bar)).toEqual(['Personnes', 'Actions', 'Transmissions', 'Accueil']);
    expect(labels(model.more)).toEqual(['Corbeille', 'Passages', 'Comptes-rendus', 'Membres', 'Équipes']);
  });

  it('hides entries of other roles and of modules turned off, and fills the fourth slot with the next activity', () => {
    const model = navModel(features, 'member', { ...ALL_ON, reception: false });
    expect(labels(model.bar)).toEqual(['Personnes', 'Actions', 'Transmissions', 'Passages']);
    expect(labels(model.more)).toEqual(['Corbeille', 'Comptes-rendus']);
    const stats = navModel(features, 'stats', { ...ALL_ON, reception: false, passages: false });
    expect(labels(stats.bar)).toEqual(['Actions', 'Transmissions', 'Comptes-rendus']);
    expect(labels(stats.more)).toEqual([]);
  });
});
