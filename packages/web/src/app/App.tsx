import { Suspense, useEffect, useSyncExternalStore } from 'react';
import { DeferredMount } from './deferred-mount.ts';
import { useController } from './context.ts';
import { preloadReadyApp, readyApp } from './ready-app.ts';
import { navigate, useRoute } from './router.tsx';
import { paths, type Route } from './routes.ts';
import type { AppState } from '../session/controller.ts';
import { CreateOrganisationScreen } from '../screens/CreateOrganisationScreen.tsx';
import { InvitationScreen } from '../screens/InvitationScreen.tsx';
import { LoginScreen } from '../screens/LoginScreen.tsx';
import { PendingScreen } from '../screens/PendingScreen.tsx';
import { RecoveryCodeScreen } from '../screens/RecoveryCodeScreen.tsx';
import { RecoveryScreen } from '../screens/RecoveryScreen.tsx';
import { UnlockScreen } from '../screens/UnlockScreen.tsx';

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

/** The unlocked app, in its own chunk (ReadyApp.tsx), rendered at once when it loaded while the password was typed. */
const ReadyApp = readyApp.Component;

function Opening() {
  return (
    <main id="main" className="narrow opening">
      <p role="status">Ouverture de Relais…</p>
    </main>
  );
}

/** The unlocked app, its first render deferred (deferred-mount.ts). */
function Unlocked({ state, route }: { state: Extract<AppState, { status: 'ready' }>; route: Route }) {
  return (
    <DeferredMount fallback={<Opening />}>
      <Suspense fallback={<Opening />}>
        <ReadyApp state={state} route={route} />
      </Suspense>
    </DeferredMount>
  );
}

export function App() {
  const controller = useController();
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const route = useRoute();
  const redirect = redirectFor(state, route);

  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  // While a password is typed on the login or unlock screen, the rest of the app loads (ready-app.ts).
  const waiting = state.status === 'locked' || state.status === 'signedOut';
  useEffect(() => (waiting ? preloadReadyApp() : undefined), [waiting]);

  if (redirect) return null;
  switch (state.status) {
    case 'starting':
      return <Opening />;
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
      return <Unlocked state={state} route={route} />;
  }
}
