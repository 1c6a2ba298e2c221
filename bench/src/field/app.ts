// The Relais web app driven as a person uses it: by visible labels and roles. Only what the
// browser benchmarks need: log in, unlock, find the person list and its search box, open a file.
import type { Locator, Page } from 'playwright-core';
import { sleep } from './device.ts';

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

export async function submitUnlock(page: Page, password: string): Promise<number> {
  const field = page.getByLabel('Mot de passe', { exact: true });
  await field.fill(password);
  const t0 = Date.now();
  await field.press('Enter');
  return t0;
}

/**
 * How often the search state is read: the figures are rounded up to it (it was 250 ms, a sixth of
 * the warm-start goal; 100 ms of a script that reads a few nodes stays light on the page).
 */
const SEARCH_POLL_MS = 100;

export interface SearchTarget {
  /** What is typed: the phone number's digits of a person no other shares. */
  query: string;
  /** That person's name, which starts their link in the list. */
  name: string;
}

/**
 * Waits until the person list is there and its search box finds `target` (the last person the
 * server sends); returns Date.now() when the target's link showed. The query is typed as soon as the
 * search box exists and typed again if the screen replaced it. The page is asked by
 * one light script (no layout, no accessibility tree) every SEARCH_POLL_MS: the bench must not load the main thread it
 * measures.
 */
export async function waitSearchable(page: Page, target: SearchTarget, timeoutMs: number): Promise<{ listAt: number; foundAt: number }> {
  const deadline = Date.now() + timeoutMs;
  let listAt = 0;
  for (;;) {
    const state = (await page.evaluate(`${SEARCH_STATE}(${JSON.stringify(target.name)})`)) as SearchState;
    const now = Date.now();
    if (listAt === 0 && state.rows > 0) listAt = now;
    // A filtered list: the target among a few rows, not by chance among the first rows of the whole list.
    if (state.found && state.value === target.query && state.rows <= 5) return { listAt, foundAt: now };
    if (state.box && state.value !== target.query) await searchBox(page).fill(target.query);
    if (now > deadline) throw new Error(`the search for ${target.query} did not find ${target.name} within ${timeoutMs} ms`);
    await sleep(SEARCH_POLL_MS);
  }
}

interface SearchState {
  box: boolean;
  value: string;
  rows: number;
  found: boolean;
}

const SEARCH_STATE = String.raw`((name) => {
  const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Rechercher une personne');
  const box = label && label.htmlFor ? document.getElementById(label.htmlFor) : null;
  const list = document.querySelector('[aria-label="Liste des personnes"]');
  const links = list ? [...list.querySelectorAll('a')] : [];
  return {
    box: box !== null,
    value: box ? box.value : '',
    rows: links.length,
    found: links.some((a) => a.textContent.trim().startsWith(name)),
  };
})`;

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

export async function waitUnlockScreen(page: Page): Promise<void> {
  await heading(page, 'Déverrouiller Relais').waitFor({ timeout: KEYS_TIMEOUT_MS });
}

/** Clears the search box and waits for the list to settle. */
export async function clearSearch(page: Page): Promise<void> {
  await searchBox(page).fill('');
  await sleep(600);
}
