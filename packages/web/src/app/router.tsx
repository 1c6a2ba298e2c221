// A tiny History API router: the app has a handful of screens and no nested layouts, which does
// not justify a router dependency.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { parseRoute, type Route } from './routes.ts';

const listeners = new Set<() => void>();

/**
 * How the current address was reached. A screen that keeps what the person left on it (a search,
 * a place in a list) restores it on a « return » and starts afresh otherwise. Recorded here, before
 * the screens are told, because a screen's own popstate listener would run after the router's:
 * the screen could render as a fresh visit before learning it was a return.
 */
export type Arrival = 'fresh' | 'return';
let arrival: Arrival = 'fresh';

export function currentArrival(): Arrival {
  return arrival;
}

function emit(): void {
  for (const listener of listeners) listener();
}

// The app's own navigations push history entries without a popstate: a popstate is the browser's
// back (or forward) to an entry the person already saw.
window.addEventListener('popstate', () => {
  arrival = 'return';
  emit();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function currentLocation(): string {
  return location.pathname + location.search + location.hash;
}

export interface NavigateOptions {
  replace?: boolean;
  /** A link back to where the person came from (« ← Personnes »), treated as the browser's back. */
  returning?: boolean;
}

export function navigate(to: string, options: NavigateOptions = {}): void {
  if (to === currentLocation()) return;
  arrival = options.returning ? 'return' : 'fresh';
  const samePage = new URL(to, location.href).pathname === location.pathname;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  // Another screen starts at its top. Scrolled here, while the page still shows the screen being
  // left and its layout is clean, rather than by focusing the new title: that would lay out the
  // new screen at once, and again when its data arrives a moment later (ScreenTitle).
  if (!samePage) window.scrollTo(0, 0);
  emit();
}

export function useLocation(): string {
  return useSyncExternalStore(subscribe, currentLocation);
}

export function useRoute(): Route {
  const location = useLocation();
  return parseRoute(new URL(location, 'http://x').pathname);
}

/** A click the app follows itself: the main button, no modifier (those open a tab or a window), not handled already. */
export function isPlainClick(event: MouseEvent): boolean {
  return !event.defaultPrevented && event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

export function Link({ href, onClick, returning, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; returning?: boolean }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (!isPlainClick(event)) return;
    event.preventDefault();
    navigate(href, { returning });
  };
  return <a href={href} onClick={handle} {...rest} />;
}
