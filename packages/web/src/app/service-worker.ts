// The service worker precaches the whole app (HTML, JS, CSS, libsodium, the KDF worker, icons)
// so that after a first visit Relais opens with no network. Updates install in the background
// and take over at once, but the page is never reloaded under someone's hands (a form being
// typed would be lost): the new version shows at the next opening.
import { Workbox } from 'workbox-window';

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.register().catch((error: unknown) => console.error('service worker registration failed', error));
}
