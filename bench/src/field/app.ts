// The Relais web app driven as a person uses it: by visible labels and roles. Only what the
// browser benchmarks need: log in, unlock, find the person list and its search box, open a file.
import type { Locator, Page } from 'playwright-core';
import { sleep } from './device.ts';
import { AFTER_PAINT } from './probes.ts';

/** Argon2id runs at login and unlock: allow for it on a slowed phone. */
const KEYS_TIMEOUT_MS = 120_000;

export function heading(page: Page, name: string | RegExp): Locator {
  return page.getByRole('heading', { level: 1, name });
}

export function personList(page: Page): Locator {
  return page.getByRole('list', { name: 'Liste des personnes' });
}

export function searchBox(page: Page): Locator {
  return page.getByRole('searchbox', { name: 'Rechercher une personne' });
}

export function personLink(page: Page, name: string): Locator {
  return personList(page).getByRole('link', { name: new RegExp(`^${escapeRegExp(name)}`) });
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A new device: the login screen, once the service worker has cached the app (a person reads the screen meanwhile). */
export async function openLogin(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/connexion`);
  await heading(page, 'Se connecter').waitFor();
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
}

/** Fills the login form and submits it; returns Date.now() just before the submitting click. */
export async function submitLogin(page: Page, email: string, password: string): Promise<number> {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  const button = page.getByRole('button', { name: 'Se connecter' });
  const t0 = Date.now();
  await button.click();
  return t0;
}

// In-page helpers, shared by the scripts below: plain JavaScript (see probes.ts).
/** The input a visible label names, found from the label's text: no selector engine in the page. */
const FIELD_BY_LABEL = String.raw`(text) => {
  const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === text);
  return label && label.htmlFor ? document.getElementById(label.htmlFor) : null;
}`;

/** Types `value` in an input as Playwright's `fill` does: the value set, then one input event. */
const TYPE_VALUE = String.raw`(field, value) => {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}`;

/**
 * A person's pace at the unlock screen of a phone: the pause to read it and tap the field, then the
 * time between two keys (a quick typist on a phone's keyboard).
 */
export const UNLOCK_TYPING = { firstKeyAfterMs: 500, betweenKeysMs: 120 };

/**
 * Records, for each key typed, the time from its input event to the task after the next frame: how
 * long the app, busy getting ready meanwhile, takes to show the key.
 */
const KEY_ECHO_PROBE = String.raw`(() => {
  const afterPaint = ${AFTER_PAINT};
  const echoes = [];
  addEventListener('keydown', (event) => afterPaint((t) => echoes.push(t - event.timeStamp)), true);
  window.__benchKeyEchoes = echoes;
})()`;

/**
 * Types the password on the unlock screen key by key at a person's pace (UNLOCK_TYPING), then
 * submits it with Enter: what the app does while the password is typed (loading the unlocked app,
 * its first layout done ahead) is done then, as on a phone. Returns Date.now() just before the
 * Enter, and each typed key's time to the next frame. The field is found by its label inside the
 * page rather than with Playwright's selectors, whose engine would be injected into the page (~50
 * ms of its slowed main thread) while the unlocked app loads there.
 */
export async function submitUnlock(page: Page, password: string): Promise<{ submittedAt: number; keyEchoesMs: number[] }> {
  const found = (await page.evaluate(
    String.raw`(({ label }) => {
      const field = (${FIELD_BY_LABEL})(label);
      if (!field) return false;
      field.focus();
      ${KEY_ECHO_PROBE};
      return true;
    })(${JSON.stringify({ label: 'Mot de passe' })})`,
  )) as boolean;
  if (!found) throw new Error('no « Mot de passe » field on the unlock screen');
  await sleep(UNLOCK_TYPING.firstKeyAfterMs);
  for (const key of password) {
    await page.keyboard.type(key);
    await sleep(UNLOCK_TYPING.betweenKeysMs);
  }
  // Every key's frame, the slowest included, before Enter (at most a second more).
  const keyEchoesMs = (await page.evaluate(
    `new Promise((resolve) => { const until = performance.now() + 1000; const check = () => (window.__benchKeyEchoes.length >= ${password.length} || performance.now() > until ? resolve(window.__benchKeyEchoes.slice()) : setTimeout(check, 20)); check(); })`,
  )) as number[];
  const submittedAt = Date.now();
  await page.keyboard.press('Enter');
  return { submittedAt, keyEchoesMs };
}

export interface SearchTarget {
  /** What is typed: the phone number's digits of a person no other shares. */
  query: string;
  /** That person's name, which starts their link in the list. */
  name: string;
}

/**
 * Waits until the person list is there and its search box finds `target` (the last person the
 * server sends); returns Date.now() when the target's link showed. The query is typed as soon as the
 * search box exists, as `fill` types it (the value set, one input event), and typed again if the
 * screen replaced the box. The watch runs in the page, once per frame, so the times are those of
 * the frame that shows the change: a poll from here every 100 ms (until 2026-11-24) added up to
 * two poll periods to every start. Each check reads a few nodes: no layout, no accessibility tree,
 * nothing that would load the main thread it measures.
 */
export async function waitSearchable(page: Page, target: SearchTarget, timeoutMs: number): Promise<{ listAt: number; foundAt: number }> {
  const deadline = Date.now() + timeoutMs;
  let result: { listAt: number; foundAt: number; timedOut: boolean };
  for (;;) {
    try {
      result = (await page.evaluate(`${WATCH_SEARCH}(${JSON.stringify({ ...target, timeoutMs: Math.max(0, deadline - Date.now()) })})`)) as typeof result;
      break;
    } catch (error) {
      // A page that navigated took the watch with it: watch the new one.
      if (!(error instanceof Error && /context was destroyed|navigat/i.test(error.message)) || Date.now() > deadline) throw error;
    }
  }
  if (result.timedOut) throw new Error(`the search for ${target.query} did not find ${target.name} within ${timeoutMs} ms`);
  return result;
}

const WATCH_SEARCH = String.raw`(({ name, query, timeoutMs }) => new Promise((resolve) => {
  const deadline = Date.now() + timeoutMs;
  const fieldByLabel = ${FIELD_BY_LABEL};
  const typeValue = ${TYPE_VALUE};
  let listAt = 0;
  let typing = false;
  const check = () => {
    const now = Date.now();
    const box = fieldByLabel('Rechercher une personne');
    const list = document.querySelector('[aria-label="Liste des personnes"]');
    const links = list ? [...list.querySelectorAll('a')] : [];
    if (listAt === 0 && links.length > 0) listAt = now;
    if (box && box.value === query && links.length <= 5 && links.some((a) => a.textContent.trim().startsWith(name))) {
      resolve({ listAt, foundAt: now, timedOut: false });
      return;
    }
    // Typed in a task of its own, as a person's keys are, not inside the frame's callbacks: the
    // app's first frame after the login is one of the first sync's longest tasks, measured.
    if (box && box.value !== query && !typing) {
      typing = true;
      setTimeout(() => {
        typing = false;
        if (!box.isConnected || box.value === query) return;
        box.focus();
        typeValue(box, query);
      }, 0);
    }
    if (now > deadline) {
      resolve({ listAt, foundAt: now, timedOut: true });
      return;
    }
    requestAnimationFrame(check);
  };
  check();
}))`;

/**
 * Anything that says the first sync or the loading is still going on. textContent, not innerText:
 * asking every half second must not force a layout on the slowed main thread it measures.
 */
export async function progressShown(page: Page): Promise<boolean> {
  return (await page.evaluate(
    String.raw`(() => {
      if (document.querySelector('[role="progressbar"], progress, [aria-busy="true"]')) return true;
      const text = document.body ? document.body.textContent : '';
      return /Synchronisation…|Synchronisation en cours|Chargement|Téléchargement|Déchiffrement|Première synchronisation|Réception (des|du)/i.test(text);
    })()`,
  )) as boolean;
}

const UNLOCK_TITLE = 'Déverrouiller Relais';

/**
 * Waits for the unlock screen, a relaunch's first screen; returns the Date.now() of its first
 * painted frame, as FIRST_SCREEN_PROBE (installed in the page) saw it. Asked every 50 ms with a
 * read of two values.
 */
export async function waitUnlockScreen(page: Page): Promise<number> {
  const deadline = Date.now() + KEYS_TIMEOUT_MS;
  for (;;) {
    const first = (await page.evaluate(`window.__benchFirstScreen || { title: '', at: 0 }`).catch((error: unknown) => {
      // The page navigating (the app's own redirects) takes the context of the evaluation with it.
      if (error instanceof Error && /context was destroyed|navigat/i.test(error.message)) return { title: '', at: 0 };
      throw error;
    })) as { title: string; at: number };
    if (first.title !== '' && first.title !== UNLOCK_TITLE) throw new Error(`the relaunch showed « ${first.title} », not the unlock screen`);
    if (first.at > 0) return first.at;
    if (Date.now() > deadline) throw new Error('the unlock screen did not show');
    await sleep(50);
  }
}

/** Clears the search box and waits for the list to settle. */
export async function clearSearch(page: Page): Promise<void> {
  await searchBox(page).fill('');
  await sleep(600);
}
