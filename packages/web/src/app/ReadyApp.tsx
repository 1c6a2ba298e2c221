// The unlocked app: the shell and every screen behind it. A module of its own, loaded while the
// login or unlock screen is shown (App.tsx), so that those first screens only wait for the few
// modules they need: on a slow phone, evaluating the whole app before the unlock screen cost
// about a second of the warm start.
import { WorkspaceContext } from './context.ts';
import { renderFeatureRoute } from './features.ts';
import { Link } from './router.tsx';
import { paths, type Route } from './routes.ts';
import { Shell } from './Shell.tsx';
import type { AppState } from '../session/controller.ts';
import { MembersScreen } from '../screens/MembersScreen.tsx';
import { TeamsScreen } from '../screens/TeamsScreen.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';

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

export default function ReadyApp({ state, route }: { state: Extract<AppState, { status: 'ready' }>; route: Route }) {
  return (
    <WorkspaceContext.Provider value={{ session: state.session, workspace: state.workspace }}>
      <Shell>
        <ReadyRoutes route={route} />
      </Shell>
    </WorkspaceContext.Provider>
  );
}
