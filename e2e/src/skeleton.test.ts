// Issue 3, deliverable 8: the walking skeleton proven in a real browser. Two phone-sized,
// CPU-throttled Chromium devices (an administrator and a member) against a real server process,
// once on PGlite and once on the real PostgreSQL. The scenarios build on each other in order:
// (a) organisation and member, (b) offline edits merged, (c) same-field conflict, (d) offline
// reload, (e) canary, then recovery of the administrator's account.
import { describe, expect, it } from 'vitest';
import {
  acceptInvitation,
  acknowledgeRecoveryCode,
  confirmMember,
  createOrganisation,
  createPerson,
  createPersonWithKeyboard,
  editPerson,
  goToPersons,
  inviteMember,
  lock,
  mainNavigation,
  logout,
  openPerson,
  personLink,
  serviceWorkerReady,
  shownField,
  syncStatusText,
  syncUntil,
  unlock,
  waitForHeading,
  waitSynced,
  KDF_TIMEOUT_MS,
  type Account,
} from './app/relais.ts';
import { expectAccessible } from './harness/axe.ts';
import { BACKENDS } from './harness/backend.ts';
import { browserSuite } from './harness/suite.ts';
import { readBrowserStorage, storageHaystacks, writeStorageDump } from './harness/browser-storage.ts';
import { findCanaries, makeCanary, randomWord, type Haystack } from './harness/canary.ts';
import { Device } from './harness/device.ts';
import { tableHaystacks } from './harness/table-dump.ts';
import type { Page } from 'playwright-core';
import { join } from 'node:path';

const CONFLICT_MARK = 'Conflit : une autre valeur a été mise de côté';

describe.each(BACKENDS)('walking skeleton in Chromium on %s', (kind) => {
  const organisation = `Maraude ${randomWord(10)}`;
  const adminAccount: Account = { name: 'Alice Admin', email: `alice.${randomWord(8)}@example.org`, password: 'cheval agrafe pluie lanterne 42' };
  const memberAccount: Account = { name: 'Bruno Membre', email: `bruno.${randomWord(8)}@example.org`, password: 'tortue violon neige cartable 17' };
  let recoveryCode = '';
  const nameCanary = makeCanary('Canari');
  const descriptionCanary = makeCanary('Secret');

  const env = browserSuite(kind, 'skeleton', { admin: 'A-admin', member: 'B-member' });

  const checkAccessibility = (device: Device, screen: string) => expectAccessible(device, screen, env().backend.artifacts);

  const personShows = async (page: Page, name: string, field: 'phone' | 'description', value: string) => {
    await openPerson(page, name);
    return (await shownField(page, field)) === value;
  };

  it('(a) creates an organisation, invites and confirms a member, who then sees the data', async () => {
    const { backend, admin, member } = env();
    recoveryCode = await createOrganisation(admin, backend.url, organisation, adminAccount, (screen) => checkAccessibility(admin, screen));
    expect(recoveryCode.replace(/[^A-Za-z0-9]/g, '').length).toBeGreaterThanOrEqual(20);
    await checkAccessibility(admin, 'recovery-code');
    await acknowledgeRecoveryCode(admin);
    await checkAccessibility(admin, 'persons-empty');

    await createPerson(admin, { name: 'Dupont Jeanne', birthDate: '1970-05-04', phone: '06 11 22 33 44', description: 'Rencontrée place de la gare.' });
    await checkAccessibility(admin, 'person');
    await admin.page.getByRole('link', { name: 'Modifier la personne' }).click();
    await waitForHeading(admin.page, 'Modifier la personne');
    await checkAccessibility(admin, 'person-form');
    await goToPersons(admin.page);
    await createPersonWithKeyboard(admin, { name: 'Martin Karim', phone: '07 00 00 00 01' });
    await editPerson(admin, 'Martin Karim', { description: 'Chien : Filou.' });
    await waitSynced(admin.page);
    await goToPersons(admin.page);
    await admin.shot('persons');
    await checkAccessibility(admin, 'persons');

    await mainNavigation(admin.page).getByRole('link', { name: 'Équipes' }).click();
    await waitForHeading(admin.page, 'Équipes');
    await checkAccessibility(admin, 'teams');

    const link = await inviteMember(admin, memberAccount.email);
    const invitation = new URL(link);
    expect(invitation.origin).toBe(backend.url);
    expect(invitation.pathname).toBe('/invitation');
    expect(invitation.hash).toMatch(/^#[0-9a-f-]{36}\..{16,}$/);
    await checkAccessibility(admin, 'members');

    await acceptInvitation(member, link, memberAccount, (screen) => checkAccessibility(member, screen));
    await member.shot('pending');
    await checkAccessibility(member, 'pending');

    await confirmMember(admin, memberAccount.name);
    await admin.shot('member-confirmed');
    // The waiting member's app notices the confirmation on its own (it polls /api/me).
    await waitForHeading(member.page, 'Personnes', 60_000);
    await syncUntil(
      member.page,
      async () => (await personLink(member.page, 'Dupont Jeanne').count()) === 1 && (await personLink(member.page, 'Martin Karim').count()) === 1,
      "the administrator's persons on the member's device",
    );
    await member.shot('persons');
    await openPerson(member.page, 'Dupont Jeanne');
    expect(await shownField(member.page, 'phone')).toBe('06 11 22 33 44');
    expect(await shownField(member.page, 'description')).toBe('Rencontrée place de la gare.');
    expect(await shownField(member.page, 'birthDate')).toBe('04/05/1970');
    await member.shot('person');

    // The invitation secret travelled in the fragment only: no server log line holds it.
    const secret = invitation.hash.slice(1).split('.')[1] ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(16);
    expect(backend.server.text()).not.toContain(secret);
  });

  it('(b) merges an offline creation and phone change with another device’s description change', async () => {
    const { admin, member } = env();
    await admin.setOffline(true);
    await createPerson(admin, { name: 'Petit Lou', phone: '06 55 55 55 55' });
    await editPerson(admin, 'Martin Karim', { phone: '07 99 99 99 99' });
    await expect.poll(() => syncStatusText(admin.page), { timeout: 20_000 }).toMatch(/Hors ligne.*2 modifications en attente/);
    await admin.shot('offline-pending');

    await editPerson(member, 'Martin Karim', { description: 'Préfère être appelé le matin.' });
    await waitSynced(member.page);
    await goToPersons(member.page);
    // Device A is really cut off: its new person has not reached the member.
    expect(await personLink(member.page, 'Petit Lou').count()).toBe(0);

    await admin.setOffline(false);
    await waitSynced(admin.page);
    await syncUntil(admin.page, () => personShows(admin.page, 'Martin Karim', 'description', 'Préfère être appelé le matin.'), 'description on A');
    expect(await shownField(admin.page, 'phone')).toBe('07 99 99 99 99');
    await expect.poll(() => admin.page.getByText(CONFLICT_MARK).count()).toBe(0);
    await admin.shot('merged');

    await syncUntil(member.page, () => personShows(member.page, 'Martin Karim', 'phone', '07 99 99 99 99'), 'phone on B');
    expect(await shownField(member.page, 'description')).toBe('Préfère être appelé le matin.');
    expect(await member.page.getByText(CONFLICT_MARK).count()).toBe(0);
    await member.shot('merged');
    await goToPersons(member.page);
    await syncUntil(member.page, async () => (await personLink(member.page, 'Petit Lou').count()) === 1, 'offline-created person on B');
  });

  it('(c) shows one value of a same-field conflict on both devices and the other in the conflict mark', async () => {
    const { admin, member } = env();
    const fromA = '06 00 00 00 01';
    const fromB = '06 00 00 00 02';
    await admin.setOffline(true);
    await editPerson(admin, 'Dupont Jeanne', { phone: fromA });
    await editPerson(member, 'Dupont Jeanne', { phone: fromB });
    await waitSynced(member.page);
    await admin.setOffline(false);
    await waitSynced(admin.page);

    const conflictShown = async (page: Page) => {
      await openPerson(page, 'Dupont Jeanne');
      return (await page.getByText(CONFLICT_MARK).count()) === 1;
    };
    await syncUntil(admin.page, () => conflictShown(admin.page), 'conflict mark on A');
    await syncUntil(member.page, () => conflictShown(member.page), 'conflict mark on B');
    const shownA = await shownField(admin.page, 'phone');
    await syncUntil(member.page, async () => (await shownField(member.page, 'phone')) === shownA, 'same phone on both devices');
    expect([fromA, fromB]).toContain(shownA);
    const setAside = shownA === fromA ? fromB : fromA;
    for (const device of [admin, member]) {
      const conflict = device.page.getByRole('region', { name: /mise? de côté/ });
      const text = (await conflict.innerText()).replace(/\s+/g, ' ');
      expect(text).toContain('Téléphone');
      expect(text).toMatch(new RegExp(`Valeur conservée ${shownA}`));
      expect(text).toMatch(new RegExp(`Valeur mise de côté ${setAside}`));
      await device.shot('conflict');
    }
    await checkAccessibility(admin, 'person-conflict');
    await goToPersons(admin.page);
    await expect.poll(() => admin.page.getByRole('link', { name: /^Dupont Jeanne.*Conflit/ }).count()).toBe(1);
  });

  it('(d) opens after a reload with no network, unlocks with the password and reads the data', async () => {
    const { backend, member } = env();
    expect(await serviceWorkerReady(member.page)).toBe(true);
    await member.setOffline(true);
    // No network at all: the server is stopped too, so nothing can come from it.
    const exit = await backend.server.stop();
    expect(exit.graceful).toBe(true);
    try {
      await member.page.reload();
      await waitForHeading(member.page, 'Déverrouiller Relais', 60_000);
      await member.shot('offline-reload');
      await checkAccessibility(member, 'unlock');
      await unlock(member.page, memberAccount.password);
      await expect.poll(() => syncStatusText(member.page), { timeout: 30_000 }).toContain('Hors ligne');
      await openPerson(member.page, 'Martin Karim');
      expect(await shownField(member.page, 'phone')).toBe('07 99 99 99 99');
      expect(await shownField(member.page, 'description')).toBe('Préfère être appelé le matin.');
      await openPerson(member.page, 'Petit Lou');
      await member.shot('offline-read');
    } finally {
      await backend.server.start();
      await member.setOffline(false);
    }
    await waitSynced(member.page);
  });

  it('(e) leaves no trace of a canary on the server, in its logs or in IndexedDB, though the UI shows it', async () => {
    const { backend, admin, member } = env();
    const description = `Vu près du canal. ${descriptionCanary.typed} Suivi à poursuivre.`;
    await createPerson(admin, { name: nameCanary.typed, description });
    await waitSynced(admin.page);
    await goToPersons(member.page);
    await syncUntil(member.page, async () => (await personLink(member.page, nameCanary.typed).count()) === 1, 'canary person on B');
    for (const device of [admin, member]) {
      await openPerson(device.page, nameCanary.typed);
      expect(await shownField(device.page, 'description')).toBe(description);
      await device.shot('canary');
    }
    const needles = [nameCanary.needle, descriptionCanary.needle];

    // What left the browsers: every request body of both devices.
    const wire: Haystack[] = [admin, member].flatMap((device) =>
      device.requests.map((request, index) => ({ where: `${device.name} request ${index} ${request.method} ${request.url}`, text: `${request.url}\n${request.body ?? ''}` })),
    );
    expect(wire.some((request) => request.where.includes('/api/sync/push'))).toBe(true);
    expect(findCanaries(needles, wire)).toEqual([]);

    // IndexedDB (and the other stores of the origin) on both devices.
    for (const device of [admin, member]) {
      const dump = await readBrowserStorage(device.page);
      writeStorageDump(join(backend.artifacts, `${device.name}-storage.txt`), device.name, dump);
      const stores = dump.databases.flatMap((db) => db.stores.map((store) => `${db.name}/${store}`));
      expect(stores).toEqual(expect.arrayContaining(['relais-device/accounts', expect.stringMatching(/^relais-user-.*\/records$/)]));
      expect(dump.records.length).toBeGreaterThan(5);
      const haystacks = storageHaystacks(device.name, dump);
      // Control: what is stored in clear by design (the account's e-mail) is found, so the search works.
      const email = device === admin ? adminAccount.email : memberAccount.email;
      expect(findCanaries([email], haystacks).length).toBeGreaterThan(0);
      expect(findCanaries(needles, haystacks), `${device.name} local storage`).toEqual([]);
    }

    // Every table of the server's database (PGlite: read after stopping the server).
    const dumps = await backend.dumpDatabase();
    const tables = tableHaystacks(dumps);
    expect(dumps.length).toBeGreaterThan(3);
    // Control: the organisation's name is clear on the server by design, so the dump reaches the data.
    expect(findCanaries([organisation.split(' ')[1] ?? organisation], tables).length).toBeGreaterThan(0);
    expect(findCanaries(needles, tables), 'server database').toEqual([]);

    // Every line the server printed.
    const logs: Haystack[] = backend.server.logs.map((entry, index) => ({ where: `server ${entry.stream} line ${index}`, text: entry.line }));
    expect(logs.length).toBeGreaterThan(0);
    expect(findCanaries(needles, logs), 'server logs').toEqual([]);
  });

  it('recovers the administrator’s account with the recovery code and reads the data again', async () => {
    const { admin } = env();
    await waitSynced(admin.page);
    await logout(admin.page);
    await waitForHeading(admin.page, 'Se connecter');
    await checkAccessibility(admin, 'login');
    await admin.page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await waitForHeading(admin.page, 'Mot de passe oublié');
    await checkAccessibility(admin, 'recovery');
    await admin.page.getByLabel('E-mail').fill(adminAccount.email);
    await admin.page.getByLabel('Code de secours').fill(recoveryCode);
    const newPassword = 'girafe horloge sentier brume 2031';
    await admin.page.getByLabel('Nouveau mot de passe', { exact: true }).fill(newPassword);
    await admin.page.getByLabel('Confirmation du mot de passe', { exact: true }).fill(newPassword);
    await admin.shot('recovery');
    await admin.page.getByRole('button', { name: 'Réinitialiser le mot de passe' }).click();
    await waitForHeading(admin.page, 'Personnes', KDF_TIMEOUT_MS);
    adminAccount.password = newPassword;

    // Logging out erased the device's data: what shows now was pulled and decrypted again.
    await syncUntil(
      admin.page,
      async () => (await personLink(admin.page, nameCanary.typed).count()) === 1 && (await personLink(admin.page, 'Martin Karim').count()) === 1,
      'persons after recovery',
    );
    await openPerson(admin.page, 'Martin Karim');
    expect(await shownField(admin.page, 'description')).toBe('Préfère être appelé le matin.');
    await admin.shot('after-recovery');

    // The new password unlocks; the old one no longer does.
    await lock(admin.page);
    await admin.page.getByLabel('Mot de passe', { exact: true }).fill('cheval agrafe pluie lanterne 42');
    await admin.page.getByRole('button', { name: 'Déverrouiller' }).click();
    await admin.page.getByRole('alert').filter({ hasText: /./ }).first().waitFor({ timeout: KDF_TIMEOUT_MS });
    await unlock(admin.page, newPassword);
  });
});
