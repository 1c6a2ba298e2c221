// Loading the unlocked app's chunk (ReadyApp.tsx) as soon as the login or unlock screen shows.
// Waiting for the submit (or a pause of 1.5 s, as before) put ~0.3 s of module evaluation on a
// slow phone after the key derivation, on the warm start's path; evaluated while the person reads
// the screen and types, it costs at most one short delay to a key typed in the screen's first half
// second (decision 015).
import { loadProtocol } from '../api/client.ts';
import { warmUpWhenIdle } from './warm-up.ts';

let loading: Promise<typeof import('./ReadyApp.tsx')> | null = null;

export function loadReadyApp(): Promise<typeof import('./ReadyApp.tsx')> {
  // In three steps, each evaluated in its own task rather than one long one: the shared schemas
  // (zod, the wire protocol, which the unlocked app asks the server with at once), the domain's
  // collection registry, then the screens. Nothing here waits on the person: the key derivation
  // runs in its Worker meanwhile.
  loading ??= loadProtocol()
    .then(() => import('@relais/core/domain/registry'))
    .then(() => import('./ReadyApp.tsx'))
    .then((module) => {
      // Its stylesheet is in: the browser's first rendering of it can be done ahead (warm-up.ts).
      warmUpWhenIdle();
      return module;
    });
  return loading;
}

/**
 * Starts loading the unlocked app in the task after the screen shown now was committed; returns the
 * cancel for an effect's cleanup.
 */
export function preloadReadyApp(): () => void {
  const timer = setTimeout(() => void loadReadyApp(), 0);
  return () => clearTimeout(timer);
}
