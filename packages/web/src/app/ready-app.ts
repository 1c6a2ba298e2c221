// Loading the unlocked app's chunk (ReadyApp.tsx) as soon as the login or unlock screen shows.
// Waiting for the submit (or a pause of 1.5 s, as before) put ~0.3 s of module evaluation on a
// slow phone after the key derivation, on the warm start's path; evaluated while the person reads
// the screen and types, it costs at most one short delay to a key typed in the screen's first half
// second (decision 015).
import { loadProtocol } from '../api/client.ts';
import { preloadedLazy } from './preloaded-lazy.ts';
import { warmUpWhenIdle } from './warm-up.ts';

type ReadyAppProps = Parameters<typeof import('./ReadyApp.tsx').default>[0];

/** The unlocked app: `Component` to render (inside a Suspense), `load` to start loading it. */
export const readyApp = preloadedLazy<ReadyAppProps>(() =>
  // In three steps, each evaluated in its own task rather than one long one: the shared schemas
  // (zod, the wire protocol, which the unlocked app asks the server with at once), the domain's
  // collection registry, then the screens. Nothing here waits on the person: the key derivation
  // runs in its Worker meanwhile.
  loadProtocol()
    .then(() => import('@relais/core/domain/registry'))
    .then(() => import('./ReadyApp.tsx'))
    .then((module) => {
      // Its stylesheet is in: the browser's first rendering of it can be done ahead (warm-up.ts).
      warmUpWhenIdle('shell', 200);
      return module;
    }),
);

/**
 * Starts loading the unlocked app in the task after the screen shown now was committed; returns the
 * cancel for an effect's cleanup.
 */
export function preloadReadyApp(): () => void {
  const timer = setTimeout(() => void readyApp.load(), 0);
  return () => clearTimeout(timer);
}
