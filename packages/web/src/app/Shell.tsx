import type { ReactNode } from 'react';
import { useController, useWorkspace } from './context.ts';
import { Link, useRoute } from './router.tsx';
import { paths, type Route } from './routes.ts';
import { SyncStatusBar } from './SyncStatusBar.tsx';
import { LogoutButton } from '../screens/LogoutButton.tsx';

function NavLink({ href, current, children }: { href: string; current: boolean; children: ReactNode }) {
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

const PERSON_ROUTES: Route['name'][] = ['persons', 'person', 'personNew', 'personEdit'];

export function Shell({ children }: { children: ReactNode }) {
  const controller = useController();
  const { session } = useWorkspace();
  const route = useRoute();
  const isAdmin = session.me.user.role === 'admin';
  return (
    <>
      <a className="skip-link" href="#main">
        Aller au contenu
      </a>
      <header className="app-header">
        <div className="brand-row">
          <p className="brand">
            Relais <span className="org">{session.me.organisation.name}</span>
          </p>
          <div className="session-actions">
            <button type="button" className="secondary small" onClick={() => controller.lock()}>
              Verrouiller
            </button>
            <LogoutButton className="secondary small" />
          </div>
        </div>
        <nav aria-label="Navigation principale">
          <ul>
            <li>
              <NavLink href={paths.persons} current={PERSON_ROUTES.includes(route.name)}>
                Personnes
              </NavLink>
            </li>
            {isAdmin ? (
              <>
                <li>
                  <NavLink href={paths.members} current={route.name === 'members'}>
                    Membres
                  </NavLink>
                </li>
                <li>
                  <NavLink href={paths.teams} current={route.name === 'teams'}>
                    Équipes
                  </NavLink>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
      </header>
      <SyncStatusBar />
      {children}
    </>
  );
}
