// The organisation settings feature: one screen for administrators, in the « Plus » menu.
import './settings.css';
import type { Feature } from '../../app/feature.ts';
import { SettingsScreen } from './SettingsScreen.tsx';

export const settingsPath = '/parametres';

export const feature: Feature = {
  routes: [{ path: /^\/parametres\/?$/, render: () => <SettingsScreen /> }],
  nav: [{ href: settingsPath, label: 'Paramètres', match: /^\/parametres/, roles: ['admin'] }],
};
