// Loading the unlocked app's chunk (ReadyApp.tsx). Not while the login or unlock screen is just
// showing: evaluating ~260 KB of modules on a slow phone's main thread would delay the first key
// typed or the password submitted. It starts when a password is submitted (the key derivation
// then keeps the person waiting anyway, off the main thread) or after a pause on those screens.
import { loadProtocol } from '../api/client.ts';

let loading: Promise<typeof import('./ReadyApp.tsx')> | null = null;

export function loadReadyApp(): Promise<typeof import('./ReadyApp.tsx')> {
  // The unlocked app asks the server for its member at once: the API's schemas come in the same pause.
  void loadProtocol();
  loading ??= import('./ReadyApp.tsx');
  return loading;
}

/** How long a login or unlock screen shows before the unlocked app loads without a submit. */
export const READY_APP_PRELOAD_MS = 1_500;
