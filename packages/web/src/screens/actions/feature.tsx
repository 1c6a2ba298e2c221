// Actions, agenda and transmissions: the screens of the team's daily work.
import type { Feature } from '../../app/feature.ts';
import { ActionFormScreen } from './ActionFormScreen.tsx';
import { ActionScreen } from './ActionScreen.tsx';
import { ActionsScreen } from './ActionsScreen.tsx';
import { HandoverScreen } from './HandoverScreen.tsx';
import './actions.css';

const ID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const DATE = '(\\d{4}-\\d{2}-\\d{2})';

export const feature: Feature = {
  routes: [
    { path: /^\/actions\/?$/, render: () => <ActionsScreen /> },
    { path: /^\/actions\/nouvelle\/?$/, render: () => <ActionFormScreen target={{ kind: 'new' }} /> },
    { path: new RegExp(`^/actions/${ID}/?$`), render: ([id]) => <ActionScreen key={id} target={{ kind: 'action', id: id! }} /> },
    {
      path: new RegExp(`^/actions/${ID}/modifier/?$`),
      render: ([id]) => <ActionFormScreen key={id} target={{ kind: 'action', id: id! }} />,
    },
    {
      path: new RegExp(`^/actions/serie/${ID}/${DATE}/?$`),
      render: ([seriesId, date]) => <ActionScreen key={`${seriesId}/${date}`} target={{ kind: 'occurrence', seriesId: seriesId!, date: date! }} />,
    },
    {
      path: new RegExp(`^/actions/serie/${ID}/${DATE}/modifier/?$`),
      render: ([seriesId, date]) => (
        <ActionFormScreen key={`${seriesId}/${date}`} target={{ kind: 'occurrence', seriesId: seriesId!, date: date! }} />
      ),
    },
    { path: /^\/transmissions\/?$/, render: () => <HandoverScreen /> },
  ],
  nav: [
    { href: '/actions', label: 'Actions', match: /^\/actions(\/|$)/ },
    { href: '/transmissions', label: 'Transmissions', match: /^\/transmissions(\/|$)/ },
  ],
};
