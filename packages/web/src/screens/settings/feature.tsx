// The organisation's administration screens in the « Plus » menu: its settings and the access journal.
import './settings.css';
import type { Feature } from '../../app/feature.ts';
import { JournalScreen } from './JournalScreen.tsx';
import { SettingsScreen } from './SettingsScreen.tsx';

export const settingsPath = '/parametres';

export const feature: Feature = {
  routes: [
    { path: /^\/parametres\/?$/, render: () => <SettingsScreen /> },
    { path: /^\/journal\/?$/, render: () => <JournalScreen /> },
  ],
  nav: [
    { href: settingsPath, label: 'Paramètres', match: /^\/parametres/, roles: ['admin'] },
    { href: '/journal', label: 'Journal', match: /^\/journal/, roles: ['admin'] },
  ],
};
