// The Relais web app driven the way a person uses it: by visible labels, roles and the keyboard.
// Every wait is on something a person would see (a heading, a status text), never on internals.
import type { Locator, Page } from 'playwright-core';
import type { Device } from '../harness/device.ts';

/** Argon2id (64 MiB, 3 passes) runs in the page on a throttled CPU: allow for it. */
export const KDF_TIMEOUT_MS = 120_000;
const SYNC_TIMEOUT_MS = 60_000;

export interface Account {
  readonly name: string;
  readonly email: string;
  password: string;
}

export interface PersonFields {
  readonly name?: string;
  readonly birthDate?: string;
  readonly phone?: string;
  readonly description?: string;
}

const PERSON_LABELS: Record<keyof PersonFields, string> = {
  name: 'Nom, prénom ou surnom',
  birthDate: 'Date de naissance',
  phone: 'Téléphone',
  description: 'Description',
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function heading(page: Page, name: string | RegExp): Locator {
  return page.getByRole('heading', { level: 1, name });
}

export async function waitForHeading(page: Page, name: string | RegExp, timeout?: number): Promise<void> {
  await heading(page, name).waitFor({ state: 'visible', ...(timeout === undefined ? {} : { timeout }) });
}

/** The password and its confirmation, as on every screen that chooses a new password. */
async function fillNewPassword(page: Page, password: string, label = 'Mot de passe'): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(password);
  await page.getByLabel('Confirmation du mot de passe', { exact: true }).fill(password);
}

/** Called once a form screen is shown, before it is filled (accessibility checks). */
export type OnScreen = (screen: string) => Promise<void>;

export async function createOrganisation(device: Device, url: string, organisation: string, admin: Account, onScreen?: OnScreen): Promise<string> {
  const { page } = device;
  await page.goto(url);
  await waitForHeading(page, 'Créer une organisation');
  await device.shot('create-organisation');
  await onScreen?.('create-organisation');
  await page.getByLabel("Nom de l'organisation").fill(organisation);
  await page.getByLabel('Votre nom').fill(admin.name);
  await page.getByLabel('E-mail').fill(admin.email);
  await fillNewPassword(page, admin.password);
  await page.getByRole('button', { name: "Créer l'organisation" }).click();
  await waitForHeading(page, 'Code de secours', KDF_TIMEOUT_MS);
  const code = (await page.getByTestId('recovery-code').innerText()).trim();
  await device.shot('recovery-code');
  return code;
}

/** With the keyboard only: Space ticks the box, Tab reaches « Continuer », Enter presses it. */
export async function acknowledgeRecoveryCode(device: Device): Promise<void> {
  const { page } = device;
  const noted = page.getByLabel("J'ai noté ce code en lieu sûr");
  await noted.focus();
  await page.keyboard.press('Space');
  if (!(await noted.isChecked())) throw new Error('Space did not tick the recovery-code checkbox');
  await page.keyboard.press('Tab');
  const focused = (await page.evaluate('document.activeElement?.textContent ?? ""')) as string;
  if (focused.trim() !== 'Continuer') throw new Error(`Tab after the checkbox reached « ${focused} », not « Continuer »`);
  await page.keyboard.press('Enter');
  await waitForHeading(page, 'Personnes', KDF_TIMEOUT_MS);
}

export async function goToPersons(page: Page): Promise<void> {
  await mainNavigation(page).getByRole('link', { name: 'Personnes' }).click();
  await waitForHeading(page, 'Personnes');
}

/** Creates a person from the list screen; returns the new record's id (from the address). */
export async function createPerson(device: Device, fields: PersonFields & { name: string }): Promise<string> {
  const { page } = device;
  await goToPersons(page);
  await page.getByRole('link', { name: 'Nouvelle personne' }).click();
  await waitForHeading(page, 'Nouvelle personne');
  await fillPerson(page, fields);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await waitForHeading(page, fields.name);
  const match = /\/personnes\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname);
  if (!match?.[1]) throw new Error(`no person id in ${page.url()}`);
  return match[1];
}

/**
 * Creates a person with the keyboard: Enter on « Nouvelle personne », Tab from the focused title
 * into the first field, typing, and Enter in the last field to save.
 */
export async function createPersonWithKeyboard(device: Device, fields: { name: string; phone: string }): Promise<void> {
  const { page } = device;
  await goToPersons(page);
  await page.getByRole('link', { name: 'Nouvelle personne' }).focus();
  await page.keyboard.press('Enter');
  await waitForHeading(page, 'Nouvelle personne');
  // The new screen's title takes focus; the next Tab lands in the first field.
  await page.keyboard.press('Tab');
  await page.keyboard.type(fields.name);
  const nameField = page.getByLabel(PERSON_LABELS.name, { exact: true });
  if ((await nameField.inputValue()) !== fields.name) throw new Error('Tab from the title did not reach the name field');
  await page.getByLabel(PERSON_LABELS.phone, { exact: true }).focus();
  await page.keyboard.type(fields.phone);
  await page.keyboard.press('Enter');
  await waitForHeading(page, fields.name);
}

async function fillPerson(page: Page, fields: PersonFields): Promise<void> {
  for (const key of Object.keys(PERSON_LABELS) as (keyof PersonFields)[]) {
    const value = fields[key];
    if (value !== undefined) await page.getByLabel(PERSON_LABELS[key], { exact: true }).fill(value);
  }
}

/** Opens a person's file from the list, as a person would: through the search field. */
export async function openPerson(page: Page, name: string): Promise<void> {
  await goToPersons(page);
  await page.getByRole('searchbox', { name: 'Rechercher une personne' }).fill(name);
  await personLink(page, name).click();
  await waitForHeading(page, name);
}

export function personLink(page: Page, name: string): Locator {
  return page.getByRole('list', { name: 'Liste des personnes' }).getByRole('link', { name: new RegExp(`^${escapeRegExp(name)}`) });
}

export async function editPerson(device: Device, name: string, fields: PersonFields): Promise<void> {
  const { page } = device;
  await openPerson(page, name);
  await page.getByRole('link', { name: 'Modifier la personne' }).click();
  await waitForHeading(page, 'Modifier la personne');
  await fillPerson(page, fields);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await waitForHeading(page, fields.name ?? name);
}

// Evaluated in the page (the e2e project has no DOM types). The browser skips the parts of a screen
// styled content-visibility: auto (the person file's sections) until they are scrolled near, and
// innerText leaves them out meanwhile: they are rendered for the reading, then given back.
const RENDER_SKIPPED = `(() => {
  for (const el of document.querySelectorAll('*')) {
    if (getComputedStyle(el).contentVisibility !== 'auto') continue;
    el.setAttribute('data-e2e-rendered', '');
    el.style.contentVisibility = 'visible';
  }
})()`;
const SKIP_AGAIN = `(() => {
  for (const el of document.querySelectorAll('[data-e2e-rendered]')) {
    el.style.contentVisibility = '';
    el.removeAttribute('data-e2e-rendered');
  }
})()`;

/** The text a reader finds in the element by scrolling through it (innerText: hidden text left out). */
export async function renderedText(locator: Locator): Promise<string> {
  const page = locator.page();
  await page.evaluate(RENDER_SKIPPED);
  try {
    return await locator.innerText();
  } finally {
    await page.evaluate(SKIP_AGAIN);
  }
}

/** The value shown for one field on the person's file (the <dd> after its <dt>). */
export async function shownField(page: Page, field: keyof PersonFields): Promise<string> {
  const term = page.locator('dl.person-fields dt', { hasText: new RegExp(`^${escapeRegExp(PERSON_LABELS[field])}$`) });
  return (await renderedText(term.locator('xpath=following-sibling::dd[1]'))).trim();
}

export function syncBar(page: Page): Locator {
  return page.getByRole('region', { name: 'État de la synchronisation' });
}

export async function syncStatusText(page: Page): Promise<string> {
  return (await syncBar(page).getByRole('status').innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Presses « Synchroniser » until `done` holds: another device's change reaches this one only
 * through the server, whenever both have synced.
 */
export async function syncUntil(page: Page, done: () => Promise<boolean>, what: string, timeout = SYNC_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await done()) return;
    if (Date.now() > deadline) throw new Error(`not reached after ${timeout} ms of syncing: ${what}`);
    const button = syncBar(page).getByRole('button', { name: 'Synchroniser' });
    if (await button.isVisible()) await button.click();
    await page.waitForTimeout(1_000);
  }
}

/** Waits until nothing is pending and no sync is running. */
export async function waitSynced(page: Page, timeout = SYNC_TIMEOUT_MS): Promise<void> {
  await syncUntil(
    page,
    async () => {
      const text = await syncStatusText(page);
      return text.includes('Aucune modification en attente') && !text.includes('Synchronisation…') && text.includes('En ligne');
    },
    'no pending change',
    timeout,
  );
}

export async function inviteMember(device: Device, email: string): Promise<string> {
  const { page } = device;
  await mainNavigation(page).getByRole('link', { name: 'Membres' }).click();
  await waitForHeading(page, 'Membres');
  const form = page.getByRole('form', { name: 'Inviter un membre' });
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Rôle').selectOption({ label: 'Membre' });
  await form.getByRole('button', { name: "Créer l'invitation" }).click();
  const link = page.getByLabel("Lien d'invitation");
  await link.waitFor({ state: 'visible' });
  await device.shot('invitation-link');
  return link.inputValue();
}

export async function acceptInvitation(device: Device, link: string, member: Account, onScreen?: OnScreen): Promise<void> {
  const { page } = device;
  await page.goto(link);
  await waitForHeading(page, 'Invitation');
  await page.getByText('Vous êtes invité(e) à rejoindre').waitFor();
  await device.shot('invitation');
  await onScreen?.('invitation');
  await page.getByLabel('Votre nom').fill(member.name);
  await fillNewPassword(page, member.password);
  await page.getByRole('button', { name: "Rejoindre l'organisation" }).click();
  await waitForHeading(page, 'En attente de confirmation', KDF_TIMEOUT_MS);
}

export async function confirmMember(device: Device, memberName: string): Promise<void> {
  const { page } = device;
  await mainNavigation(page).getByRole('link', { name: 'Membres' }).click();
  await waitForHeading(page, 'Membres');
  // The list refreshes itself every 10 s: the member who just accepted appears without a reload.
  const confirm = page.getByRole('button', { name: `Confirmer ${memberName}` });
  await confirm.waitFor({ state: 'visible', timeout: 30_000 });
  await device.shot('member-pending');
  await confirm.click();
  await page.getByText(`${memberName} a été confirmé(e)`).waitFor({ timeout: 60_000 });
}

export async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await waitForHeading(page, 'Déverrouiller Relais');
}

export async function unlock(page: Page, password: string): Promise<void> {
  await waitForHeading(page, 'Déverrouiller Relais');
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByLabel('Mot de passe', { exact: true }).press('Enter');
  // The app reopens on the screen that was shown when it locked, whichever it was.
  await mainNavigation(page).waitFor({ state: 'visible', timeout: KDF_TIMEOUT_MS });
}

export function mainNavigation(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Navigation principale' });
}

/** Logs out; when changes are still pending the app warns first and a second press confirms. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await waitForHeading(page, /Se connecter|Créer une organisation/);
}

export async function recoverAccount(device: Device, account: Account, code: string, newPassword: string): Promise<void> {
  const { page } = device;
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await waitForHeading(page, 'Mot de passe oublié');
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Code de secours').fill(code);
  await fillNewPassword(page, newPassword, 'Nouveau mot de passe');
  await device.shot('recovery');
  await page.getByRole('button', { name: 'Réinitialiser le mot de passe' }).click();
  await waitForHeading(page, 'Personnes', KDF_TIMEOUT_MS);
  account.password = newPassword;
}

export async function login(page: Page, account: Account): Promise<void> {
  await waitForHeading(page, 'Se connecter');
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** True once the page is controlled by a service worker that finished precaching the app. */
export async function serviceWorkerReady(page: Page): Promise<boolean> {
  return (await page.evaluate(
    "navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller !== null)",
  )) as boolean;
}
