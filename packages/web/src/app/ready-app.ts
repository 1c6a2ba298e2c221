// Loading the unlocked app's chunk (ReadyApp.tsx). Not while the login or unlock screen is just
// showing: evaluating ~260 KB of modules on a slow phone's main thread would delay the first key
// typed or the password submitted. It starts when a password is submitted (the key derivation
// then keeps the person waiting anyway, off the main thread) or after a pause on those screens.
import { loadProtocol } from '../api/client.ts';

let loading: Promise<typeof import('./ReadyApp.tsx')> | null = null;

export function loadReadyApp(): Promise<typeof import('./ReadyApp.tsx')> {
  // In three steps, each evaluated in its own task rather than one long one: the shared schemas
  // (zod, the wire protocol, which the unlocked app asks the server with at once), the domain's
  // collection registry, then the screens. Nothing here waits on the person: the key derivation
  // runs in its Worker meanwhile.
  loading ??= loadProtocol()
    .then(() => import('@relais/core/domain/registry'))
    .then(() => import('./ReadyApp.tsx'));
  return loading;
}

/** How long a login or unlock screen shows before the unlocked app loads without a submit. */
export const READY_APP_PRELOAD_MS = 1_500;
