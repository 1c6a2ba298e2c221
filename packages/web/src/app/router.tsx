// A tiny History API router: the app has a handful of screens and no nested layouts, which does
// not justify a router dependency.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { parseRoute, type Route } from './routes.ts';

const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', emit);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function currentLocation(): string {
  return location.pathname + location.search + location.hash;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentLocation()) return;
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

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (!isPlainClick(event)) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
