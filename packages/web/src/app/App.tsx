import { useEffect, useSyncExternalStore } from 'react';
import { useController, WorkspaceContext } from './context.ts';
import { renderFeatureRoute } from './features.ts';
import { Link, navigate, useRoute } from './router.tsx';
import { paths, type Route } from './routes.ts';
import { Shell } from './Shell.tsx';
import type { AppState } from '../session/controller.ts';
import { CreateOrganisationScreen } from '../screens/CreateOrganisationScreen.tsx';
import { InvitationScreen } from '../screens/InvitationScreen.tsx';
import { LoginScreen } from '../screens/LoginScreen.tsx';
import { MembersScreen } from '../screens/MembersScreen.tsx';
import { PendingScreen } from '../screens/PendingScreen.tsx';
import { RecoveryCodeScreen } from '../screens/RecoveryCodeScreen.tsx';
import { RecoveryScreen } from '../screens/RecoveryScreen.tsx';
import { TeamsScreen } from '../screens/TeamsScreen.tsx';
import { UnlockScreen } from '../screens/UnlockScreen.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';

const SIGNED_OUT_ROUTES: Route['name'][] = ['login', 'createOrganisation', 'recovery', 'invitation'];

/** Where an address that does not fit the current state leads. */
function redirectFor(state: AppState, route: Route): string | null {
  if (state.status === 'signedOut' && !SIGNED_OUT_ROUTES.includes(route.name)) {
    return state.fresh ? paths.createOrganisation : paths.login;
  }
  if (state.status === 'ready' && route.name === 'home') return paths.home;
  if (state.status === 'ready' && SIGNED_OUT_ROUTES.includes(route.name) && route.name !== 'invitation') return paths.home;
  if (state.status === 'ready' && (route.name === 'members' || route.name === 'teams') && state.session.me.user.role !== 'admin') {
    return paths.home;
  }
  return null;
}

function NotFound() {
  return (
    <main id="main">
      <ScreenTitle>Page introuvable</ScreenTitle>
      <p>
        <Link href={paths.persons}>Retour à la liste des personnes</Link>
      </p>
    </main>
  );
}

function ReadyRoutes({ route }: { route: Route }) {
  switch (route.name) {
    case 'members':
      return <MembersScreen />;
    case 'teams':
      return <TeamsScreen />;
    case 'invitation':
      return (
        <main id="main" className="narrow">
          <ScreenTitle>Invitation</ScreenTitle>
          <p>
            Vous êtes déjà connecté(e) sur cet appareil. Pour accepter cette invitation, déconnectez-vous d'abord, ou
            ouvrez le lien sur l'appareil de la personne invitée.
          </p>
        </main>
      );
    case 'feature':
      return renderFeatureRoute(route.path) ?? <NotFound />;
    default:
      return <NotFound />;
  }
}

export function App() {
  const controller = useController();
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const route = useRoute();
  const redirect = redirectFor(state, route);

  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  if (redirect) return null;
  switch (state.status) {
    case 'starting':
      return (
        <main id="main" className="narrow">
          <p role="status">Ouverture de Relais…</p>
        </main>
      );
    case 'signedOut':
      if (route.name === 'invitation') return <InvitationScreen />;
      if (route.name === 'recovery') return <RecoveryScreen />;
      if (route.name === 'createOrganisation') return <CreateOrganisationScreen fresh={state.fresh} />;
      return <LoginScreen offline={state.fresh === null} />;
    case 'locked':
      // The address stays as it was: unlocking reopens the same screen, with its drafts.
      return route.name === 'invitation' ? <InvitationScreen /> : <UnlockScreen me={state.me} />;
    case 'recoveryCode':
      return <RecoveryCodeScreen code={state.code} />;
    case 'pending':
      return <PendingScreen me={state.session.me} />;
    case 'ready':
      return (
        <WorkspaceContext.Provider value={{ session: state.session, workspace: state.workspace }}>
          <Shell>
            <ReadyRoutes route={route} />
          </Shell>
        </WorkspaceContext.Provider>
      );
  }
}
