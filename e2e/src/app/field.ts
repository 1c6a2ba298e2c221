// The field app's screens driven as a team member would: through the navigation, visible labels
// and roles. Kept apart from relais.ts (the skeleton's flows), which it builds on.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Device } from '../harness/device.ts';
import { REPO_ROOT } from '../harness/paths.ts';
import { mainNavigation, renderedText, syncUntil, waitForHeading } from './relais.ts';

/**
 * Goes to an address inside the running app the way its own links do (History API), without
 * reloading: a reload would lock the app. Used only where no link leads (a module that is off) or
 * to check on the second device what the first one wrote, by its address.
 */
export async function goTo(page: Page, path: string): Promise<void> {
  await page.evaluate(`history.pushState(null, '', ${JSON.stringify(path)}); window.dispatchEvent(new PopStateEvent('popstate'));`);
}

/** Follows an entry of the main navigation: the bottom bar, else the « Plus » menu. */
export async function navTo(page: Page, label: string, heading: string | RegExp = label): Promise<void> {
  const nav = mainNavigation(page);
  const direct = nav.getByRole('link', { name: label, exact: true });
  if (!(await direct.isVisible())) await nav.getByRole('button', { name: 'Plus' }).click();
  await direct.click();
  await waitForHeading(page, heading);
}

/** The text of the screen shown (its <main>), spaces collapsed, as a person scrolling through it reads it. */
export async function screenText(page: Page): Promise<string> {
  return (await renderedText(page.locator('main'))).replace(/\s+/g, ' ');
}

/** Syncs `page` until its screen shows every text of `texts`, reopening the screen with `open` each round. */
export async function syncUntilShown(page: Page, open: () => Promise<void>, texts: readonly string[], what: string): Promise<void> {
  await syncUntil(
    page,
    async () => {
      await open();
      // The screen decrypts on demand: give it a moment before concluding the text is not there.
      const deadline = Date.now() + 3_000;
      for (;;) {
        const shown = await screenText(page);
        if (texts.every((text) => shown.includes(text))) return true;
        if (Date.now() > deadline) return false;
        await page.waitForTimeout(250);
      }
    },
    what,
    90_000,
  );
}

/** The id at the end of the current address (after `/personnes/`, `/actions/`…). */
export function idInAddress(page: Page, prefix: string): string {
  const match = new RegExp(`^${prefix}/([0-9a-f-]{36})`).exec(new URL(page.url()).pathname);
  if (!match?.[1]) throw new Error(`no id after ${prefix} in ${page.url()}`);
  return match[1];
}

export async function createTeam(page: Page, name: string): Promise<void> {
  await page.getByLabel("Nom de l'équipe").fill(name);
  await page.getByRole('button', { name: "Créer l'équipe" }).click();
  await page.getByText(`Équipe « ${name} » créée.`).waitFor();
}

/** Ticks the given members in one team of the « Équipes » screen and saves. */
export async function setTeamMembers(page: Page, team: string, members: readonly string[]): Promise<void> {
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: team, exact: true }) });
  for (const member of members) await card.getByLabel(member, { exact: true }).check();
  await card.getByRole('button', { name: `Enregistrer les membres de l'équipe ${team}` }).click();
  await page.getByText(`Membres de l'équipe ${team} enregistrés.`).waitFor();
}

/** A group of controls (a fieldset) by its legend. */
export function inGroup(page: Page, legend: string): Locator {
  return page.getByRole('group', { name: legend, exact: true });
}

/** Adds persons in a person picker by searching each name and choosing it. */
export async function pickPersons(page: Page, searchLabel: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await page.getByLabel(searchLabel, { exact: true }).fill(name);
    await page.getByRole('button', { name: new RegExp(`^Ajouter ${escapeRegExp(name)}`) }).click();
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What the focused element is, and whether a sighted keyboard user can see where focus is. */
export interface FocusInfo {
  readonly tag: string;
  readonly text: string;
  readonly label: string;
  readonly focusVisible: boolean;
  readonly indicator: boolean;
}

// Evaluated in the page (the e2e project has no DOM types): the focused element and its indicator.
const FOCUS_INFO = `(() => {
  const el = document.activeElement;
  if (!(el instanceof HTMLElement)) return { tag: '', text: '', label: '', focusVisible: false, indicator: false };
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== 'none';
  const labels = 'labels' in el && el.labels ? [...el.labels].map((l) => l.innerText) : [];
  return {
    tag: el.tagName.toLowerCase(),
    text: el.innerText.replace(/\\s+/g, ' ').trim(),
    label: (el.getAttribute('aria-label') ?? labels.join(' ')).trim(),
    focusVisible: el.matches(':focus-visible'),
    indicator: outline || shadow,
  };
})()`;

export async function focusInfo(page: Page): Promise<FocusInfo> {
  return (await page.evaluate(FOCUS_INFO)) as FocusInfo;
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's text or label matches `name`, as a
 * keyboard user scans a screen; fails after `max` presses. Returns how many presses it took.
 */
export async function tabTo(page: Page, name: RegExp, { max = 60, backwards = false } = {}): Promise<number> {
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focused = await focusInfo(page);
    if (name.test(focused.label) || name.test(focused.text)) {
      if (!focused.focusVisible || !focused.indicator) throw new Error(`focus on « ${focused.text || focused.label} » is not visible`);
      return presses;
    }
  }
  throw new Error(`${max} presses of Tab did not reach ${String(name)}`);
}

/** Where the suite keeps a screen's picture: docs/screens when asked to refresh them, else the artifacts. */
export async function screenPicture(device: Device, artifacts: string, name: string): Promise<void> {
  const dir = process.env.E2E_UPDATE_SCREENS === '1' ? join(REPO_ROOT, 'docs', 'screens') : join(artifacts, 'screens');
  mkdirSync(dir, { recursive: true });
  // The top of the screen, as a phone shows it: 360 × 740.
  await device.page.evaluate('window.scrollTo(0, 0)');
  await device.page.screenshot({ path: join(dir, `${name}.png`) });
}
