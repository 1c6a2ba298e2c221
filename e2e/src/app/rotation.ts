// Member exit and key rotation driven as an administrator does it: « Retirer l'accès » on the
// Members screen, its confirmation, then the « Renouvellement des clés » panel and its progress bar.
import type { Locator, Page } from 'playwright-core';
import type { Device } from '../harness/device.ts';
import { goToPersons, mainNavigation, waitForHeading } from './relais.ts';

/** Re-encrypting a few records on a throttled CPU, with the first libsodium load of the Worker. */
const ROTATION_TIMEOUT_MS = 120_000;

export async function goToMembers(page: Page): Promise<void> {
  await mainNavigation(page).getByRole('link', { name: 'Membres' }).click();
  await waitForHeading(page, 'Membres');
}

/** Opens the confirmation of « Retirer l'accès » for a member; returns the dialog. */
export async function openRevocation(device: Device, memberName: string): Promise<Locator> {
  const { page } = device;
  await goToMembers(page);
  await page.getByRole('button', { name: `Retirer l'accès de ${memberName}` }).click();
  const dialog = page.getByRole('dialog', { name: `Retirer l'accès de ${memberName} ?` });
  await dialog.waitFor({ state: 'visible' });
  return dialog;
}

export function rotationPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Renouvellement des clés' });
}

export interface ShownProgress {
  now: number;
  max: number;
  text: string;
}

export async function rotationProgress(page: Page): Promise<ShownProgress> {
  const bar = rotationPanel(page).getByRole('progressbar');
  return {
    now: Number(await bar.getAttribute('aria-valuenow')),
    max: Number(await bar.getAttribute('aria-valuemax')),
    text: (await bar.getAttribute('aria-valuetext')) ?? '',
  };
}

/** Waits until the panel says the rotation is over; returns its status sentence. */
export async function waitRotationFinished(page: Page): Promise<string> {
  const status = rotationPanel(page).getByRole('status');
  await status.filter({ hasText: 'Renouvellement des clés terminé' }).waitFor({ timeout: ROTATION_TIMEOUT_MS });
  return (await status.innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Opens the Members screen again (the screen then asks the server where the rotation stands and
 * takes up what is left) and returns the server's answer: records still under an older key
 * version, all kinds together.
 */
export async function revisitMembers(page: Page): Promise<number> {
  await goToPersons(page);
  const answer = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/rotation' && response.request().method() === 'GET');
  await goToMembers(page);
  const status = (await (await answer).json()) as { kinds: { remaining: number }[] };
  return status.kinds.reduce((sum, kind) => sum + kind.remaining, 0);
}
