// Each screen's <h1> takes focus when the screen appears after a navigation, so keyboard and
// screen-reader users start reading at the new content instead of at the top of the page; the
// document title follows (RGAA 8.6).
import { useEffect, useRef } from 'react';

let firstRender = true;

/**
 * `documentTitle` replaces the heading in the tab title when the heading holds personal data:
 * browsers keep page titles in their history database, in clear.
 */
export function ScreenTitle({ children, documentTitle }: { children: string; documentTitle?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const title = documentTitle ?? children;
  useEffect(() => {
    document.title = `${title} — Relais`;
  }, [title]);
  useEffect(() => {
    if (firstRender) {
      firstRender = false;
      return;
    }
    // Without scrolling: navigate() already put the page at its top (app/router.tsx).
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
