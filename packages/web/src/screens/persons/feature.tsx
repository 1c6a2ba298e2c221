// The person file as a feature of the app: its screens and its entries in the navigation.
import type { Feature } from '../../app/feature.ts';
import { PersonFileScreen } from './PersonFileScreen.tsx';
import { EditPersonScreen, NewPersonScreen } from './PersonFormScreen.tsx';
import { PersonListScreen } from './PersonListScreen.tsx';
import { TrashScreen } from './TrashScreen.tsx';
import './persons.css';

const ID = '([0-9a-f-]{36})';

export const feature: Feature = {
  routes: [
    { path: /^\/personnes\/?$/, render: () => <PersonListScreen /> },
    { path: /^\/personnes\/nouvelle\/?$/, render: () => <NewPersonScreen /> },
    { path: new RegExp(`^/personnes/${ID}/?$`), render: ([id]) => <PersonFileScreen key={id} id={id!} /> },
    { path: new RegExp(`^/personnes/${ID}/modifier/?$`), render: ([id]) => <EditPersonScreen key={id} id={id!} /> },
    { path: /^\/corbeille\/?$/, render: () => <TrashScreen /> },
  ],
  nav: [
    { href: '/personnes', label: 'Personnes', match: /^\/personnes(\/|$)/, roles: ['admin', 'member', 'restricted'] },
    { href: '/corbeille', label: 'Corbeille', match: /^\/corbeille(\/|$)/, roles: ['admin', 'member'] },
  ],
};
