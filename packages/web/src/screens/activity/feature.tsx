// The activity feature: passages, rencontres, territoires and observations, comptes-rendus,
// service counters and the « Accueil » mode for reception places.
import './activity.css';
import type { Feature, NavEntry } from '../../app/feature.ts';
import { ModuleGate } from './common.tsx';
import { EncounterFormScreen } from './EncounterFormScreen.tsx';
import { EncountersScreen } from './EncountersScreen.tsx';
import { ObservationFormScreen } from './ObservationFormScreen.tsx';
import { PassageFormScreen } from './PassageFormScreen.tsx';
import { PassagesScreen } from './PassagesScreen.tsx';
import { ID, queryId } from './paths.ts';
import { ReceptionScreen } from './ReceptionScreen.tsx';
import { ReportScreen } from './ReportScreen.tsx';
import { ServicesScreen } from './ServicesScreen.tsx';
import { TerritoriesScreen } from './TerritoriesScreen.tsx';
import { TerritoryFormScreen } from './TerritoryFormScreen.tsx';
import { TerritoryScreen } from './TerritoryScreen.tsx';

/** An entry with a `module` is hidden while the organisation has that module switched off. */
const nav: readonly NavEntry[] = [
  { href: '/accueil', label: 'Accueil', match: /^\/accueil/, module: 'reception' },
  { href: '/passages', label: 'Passages', match: /^\/passages/, module: 'passages' },
  { href: '/rencontres', label: 'Rencontres', match: /^\/rencontres/, module: 'encounters' },
  { href: '/territoires', label: 'Territoires', match: /^\/(territoires|observations)/, module: 'territories' },
  { href: '/comptes-rendus', label: 'Comptes-rendus', match: /^\/comptes-rendus/ },
  { href: '/services', label: 'Services', match: /^\/services/ },
];

const optional = (value: string) => (value ? value : undefined);

export const feature: Feature = {
  routes: [
    { path: /^\/passages\/?$/, render: () => <ModuleGate module="passages"><PassagesScreen /></ModuleGate> },
    {
      path: /^\/passages\/nouveau\/?$/,
      render: () => {
        const personId = optional(queryId('personne'));
        return <ModuleGate module="passages"><PassageFormScreen key={`new-${personId ?? ''}`} {...(personId ? { personId } : {})} /></ModuleGate>;
      },
    },
    {
      path: new RegExp(`^/passages/${ID}/modifier/?$`),
      render: ([id]) => {
        const personId = optional(queryId('personne'));
        return <ModuleGate module="passages"><PassageFormScreen key={id} id={id!} {...(personId ? { personId } : {})} /></ModuleGate>;
      },
    },
    { path: /^\/rencontres\/?$/, render: () => <ModuleGate module="encounters"><EncountersScreen /></ModuleGate> },
    {
      path: /^\/rencontres\/nouvelle\/?$/,
      render: () => {
        const personId = optional(queryId('personne'));
        const territoryId = optional(queryId('territoire'));
        return (
          <ModuleGate module="encounters">
            <EncounterFormScreen key={`new-${personId ?? ''}-${territoryId ?? ''}`} {...(personId ? { personId } : {})} {...(territoryId ? { territoryId } : {})} />
          </ModuleGate>
        );
      },
    },
    {
      path: new RegExp(`^/rencontres/${ID}/modifier/?$`),
      render: ([id]) => {
        const personId = optional(queryId('personne'));
        return <ModuleGate module="encounters"><EncounterFormScreen key={id} id={id!} {...(personId ? { personId } : {})} /></ModuleGate>;
      },
    },
    { path: /^\/territoires\/?$/, render: () => <ModuleGate module="territories"><TerritoriesScreen /></ModuleGate> },
    { path: /^\/territoires\/nouveau\/?$/, render: () => <ModuleGate module="territories"><TerritoryFormScreen key="new" /></ModuleGate> },
    { path: new RegExp(`^/territoires/${ID}/?$`), render: ([id]) => <ModuleGate module="territories"><TerritoryScreen key={id} id={id!} /></ModuleGate> },
    { path: new RegExp(`^/territoires/${ID}/modifier/?$`), render: ([id]) => <ModuleGate module="territories"><TerritoryFormScreen key={id} id={id!} /></ModuleGate> },
    {
      path: new RegExp(`^/territoires/${ID}/observations/nouvelle/?$`),
      render: ([territoryId]) => <ModuleGate module="territories"><ObservationFormScreen key={`new-${territoryId}`} territoryId={territoryId!} /></ModuleGate>,
    },
    { path: new RegExp(`^/observations/${ID}/modifier/?$`), render: ([id]) => <ModuleGate module="territories"><ObservationFormScreen key={id} id={id!} /></ModuleGate> },
    { path: /^\/comptes-rendus\/?$/, render: () => <ReportScreen /> },
    { path: /^\/services\/?$/, render: () => <ServicesScreen /> },
    { path: /^\/accueil\/?$/, render: () => <ModuleGate module="reception"><ReceptionScreen /></ModuleGate> },
  ],
  nav,
};
