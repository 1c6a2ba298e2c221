// The unlocked app's first render, deferred. The app state is read with useSyncExternalStore,
// whose updates render synchronously: the whole app's first render, its layout (forced by the
// title's focus) and its paint made one task of 77 ms on a slowed phone after a login. Deferred,
// React renders it in slices, commits it, and the layout falls in a task of its own; the fallback
// shows meanwhile (one frame, usually).
import { useDeferredValue, type ReactNode } from 'react';

/** Commits `fallback` at mount, then `children` in a deferred, interruptible render. */
export function DeferredMount({ fallback, children }: { fallback: ReactNode; children: ReactNode }): ReactNode {
  const shown = useDeferredValue(true, false);
  return shown ? children : fallback;
}
