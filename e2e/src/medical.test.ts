// Issue 5, deliverable 3 (and its part of 7): the dossier médical in a real browser. An
// administrator who is not a health professional sets up the organisation, then a nurse (health
// professional) and a social worker of that organisation on two phone-sized devices (360 × 740),
// against a real server process, on PGlite and on PostgreSQL. (a) set-up, with a consultation type
// added in « Paramètres »; the nurse's device creates the medical key (decision 017) and the
// administrator holds none of it: not in the server's /api/me and /api/keys answers, not in
// IndexedDB; (b) the nurse writes a consultation, a treatment and a
// medical comment with no network, then reconnects; (c) the social worker syncs and finds nothing
// medical anywhere: not on the screen, not in IndexedDB, not in any pull response body — not even
// an id; the server holds the medical records only as ciphertext; (d) axe on the medical screens.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  acceptInvitation,
  acknowledgeRecoveryCode,
  confirmMember,
  createOrganisation,
  createPerson,
  mainNavigation,
  openPerson,
  syncUntil,
  waitForHeading,
  waitSynced,
  type Account,
} from './app/relais.ts';
import { navTo } from './app/field.ts';
import { expectAccessible } from './harness/axe.ts';
import { BACKENDS } from './harness/backend.ts';
import { browserSuite } from './harness/suite.ts';
import type { Device } from './harness/device.ts';
import { readBrowserStorage, storageHaystacks, writeStorageDump } from './harness/browser-storage.ts';
import { findCanaries, makeCanary, randomWord, type Canary, type Haystack } from './harness/canary.ts';
import { tableHaystacks } from './harness/table-dump.ts';

const MEDICAL_COLLECTIONS = ['consultation', 'treatment', 'medicalComment', 'medicalFile'];

/** Invites a member from « Membres », health professional or not; returns the invitation link. */
async function invite(device: Device, email: string, healthProfessional: boolean): Promise<string> {
  const { page } = device;
  await mainNavigation(page).getByRole('link', { name: 'Membres' }).click();
  await waitForHeading(page, 'Membres');
  const form = page.getByRole('form', { name: 'Inviter un membre' });
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Rôle').selectOption({ label: 'Membre' });
  if (healthProfessional) await form.getByLabel('Professionnel de santé').check();
  // The link of a previous invitation may still be shown: wait for a new one.
  const link = page.getByLabel("Lien d'invitation");
  const previous = (await link.isVisible()) ? await link.inputValue() : '';
  await form.getByRole('button', { name: "Créer l'invitation" }).click();
  await expect.poll(async () => ((await link.isVisible()) ? await link.inputValue() : ''), { timeout: 30_000 }).not.toBe(previous);
  return link.inputValue();
}

/**
 * The medical records a device pushed, each once: collection and id, read from its request bodies
 * (a push sent while offline, or retried, appears more than once).
 */
function pushedMedical(device: Device): { collection: string; id: string }[] {
  const byId = new Map<string, { collection: string; id: string }>();
  for (const request of device.requests) {
    if (!request.url.includes('/api/sync/push') || !request.body) continue;
    for (const change of (JSON.parse(request.body) as { changes?: { collection: string; id: string }[] }).changes ?? []) {
      if (MEDICAL_COLLECTIONS.includes(change.collection)) byId.set(change.id, { collection: change.collection, id: change.id });
    }
  }
  return [...byId.values()];
}

describe.each(BACKENDS)('dossier médical in Chromium on %s', (kind) => {
  /** Every body of a pull answer the social worker's device received. */
  const workerPulls: string[] = [];
  const organisation = `Maraude ${randomWord(10)}`;
  const adminAccount: Account = { name: 'Alice Admin', email: `alice.${randomWord(8)}@example.org`, password: 'cheval agrafe pluie lanterne 42' };
  const nurseAccount: Account = { name: 'Nadia Infirmière', email: `nadia.${randomWord(8)}@example.org`, password: 'tortue violon neige cartable 17' };
  const workerAccount: Account = { name: 'Sami Social', email: `sami.${randomWord(8)}@example.org`, password: 'girafe piano sable lanterne 23' };

  const canaries: Canary[] = [];
  const canary = (label: string) => {
    const made = makeCanary(label);
    canaries.push(made);
    return made.typed;
  };
  const notes = canary('Notes');
  const medication = canary('Medicament');
  const dosage = canary('Posologie');
  const medicalComment = canary('Medical');
  // The person's name is general data: the worker must see it (so the test knows they synced).
  const personName = `Personne ${randomWord(8)}`;

  /** The administrator's session token and every /api/me or /api/keys answer their device received. */
  let adminToken: string | null = null;
  const adminKeyAnswers: string[] = [];

  const env = browserSuite(kind, 'medical', { admin: 'A-admin', nurse: 'N-nurse', worker: 'W-worker' }, ({ admin, worker }) => {
    admin.context.on('request', (request) => {
      const authorization = request.headers()['authorization'];
      if (authorization?.startsWith('Bearer ')) adminToken = authorization.slice('Bearer '.length);
    });
    admin.context.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path !== '/api/me' && path !== '/api/keys' && path !== '/api/organisations') return;
      response.text().then(
        (body) => adminKeyAnswers.push(body),
        () => adminKeyAnswers.push(`unreadable answer ${response.url()}`),
      );
    });
    worker.context.on('response', (response) => {
      if (!response.url().includes('/api/sync/pull')) return;
      response.text().then(
        (body) => workerPulls.push(body),
        () => workerPulls.push(`unreadable pull answer ${response.url()}`),
      );
    });
  });

  it('(a) sets up an organisation with a nurse and a social worker', async () => {
    const { backend, admin, nurse, worker } = env();
    await createOrganisation(admin, backend.url, organisation, adminAccount);
    await acknowledgeRecoveryCode(admin);
    // The consultation types are the organisation's: an administrator adds one.
    await navTo(admin.page, 'Paramètres', "Paramètres de l'organisation");
    await admin.page.getByLabel('Types de consultation (un par ligne)').fill('Infirmier\nMédecin généraliste\nPsychologue\nPodologue');
    await admin.page.getByRole('button', { name: 'Enregistrer les types de consultation' }).click();
    await admin.page.getByText('Types de consultation enregistrés.').waitFor();
    await expectAccessible(admin, 'consultation-types', backend.artifacts);
    await waitSynced(admin.page);
    const nurseLink = await invite(admin, nurseAccount.email, true);
    await acceptInvitation(nurse, nurseLink, nurseAccount);
    const workerLink = await invite(admin, workerAccount.email, false);
    await acceptInvitation(worker, workerLink, workerAccount);
    await confirmMember(admin, nurseAccount.name);
    await confirmMember(admin, workerAccount.name);
    await waitForHeading(nurse.page, 'Personnes', 60_000);
    await waitForHeading(worker.page, 'Personnes', 60_000);

    // Nobody held the medical key: the nurse's device created it after its first sync.
    await expect
      .poll(() => nurse.requests.some((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/keys/medical'), { timeout: 60_000 })
      .toBe(true);
    // The administrator is not a health professional: the server never hands them the medical key…
    expect(adminToken).not.toBeNull();
    for (const path of ['/api/me', '/api/keys']) {
      const answer = await fetch(`${backend.url}${path}`, { headers: { authorization: `Bearer ${adminToken}` } });
      expect(answer.status).toBe(200);
      const { keys } = (await answer.json()) as { keys: { kind: string }[] };
      expect(keys.map((k) => k.kind), path).toEqual(['general']);
    }
    expect(adminKeyAnswers.length).toBeGreaterThan(0);
    for (const body of adminKeyAnswers) expect(body).not.toMatch(/"kind":"medical"/);
    // …and their device keeps none: no sealed medical key in IndexedDB (the cached account included).
    const adminDump = await readBrowserStorage(admin.page);
    writeStorageDump(join(backend.artifacts, 'A-admin-storage.txt'), 'A-admin', adminDump);
    // IndexedDB only: the Cache Storage holds the app's own code, which names the kinds.
    const adminHaystacks = storageHaystacks('A-admin', adminDump).filter((h) => h.where.includes('IndexedDB'));
    expect(adminHaystacks.some((h) => /kind\W{1,6}general/.test(h.text)), 'the cached account lists its keys').toBe(true);
    expect(adminHaystacks.filter((h) => /kind\W{1,6}medical/.test(h.text)).map((h) => h.where), 'admin IndexedDB').toEqual([]);
    // The administrator's part is over: one device fewer on two cores.
    await admin.close();
  });

  it('(b) the nurse writes a consultation, a treatment and a medical comment offline, then reconnects', async () => {
    const { nurse } = env();
    const page = nurse.page;
    // The settings (consultation types) arrived with the nurse's first sync.
    await waitSynced(page);
    await createPerson(nurse, { name: personName });
    await page.getByRole('heading', { name: 'Dossier médical', exact: true }).waitFor();
    // The medical key the device created reached its data layer without a reload: the file opens.
    await page.getByRole('button', { name: 'Nouvelle consultation' }).waitFor({ timeout: 60_000 });
    await nurse.setOffline(true);

    await page.getByRole('button', { name: 'Nouvelle consultation' }).click();
    const consultation = page.getByRole('form', { name: 'Nouvelle consultation' });
    await consultation.getByLabel('Type de consultation').selectOption({ label: 'Podologue' });
    // A typo first: 720 kg is refused with the human range, in French, at the field.
    await consultation.getByLabel('Poids (kg)').fill('720');
    await consultation.getByRole('button', { name: 'Enregistrer la consultation' }).click();
    await consultation.getByText('Poids : entre 0,5 et 400 kg.').waitFor();
    await expectAccessible(nurse, 'consultation-form', env().backend.artifacts);
    await consultation.getByLabel('Poids (kg)').fill('72,5');
    await consultation.getByLabel('Saturation en oxygène (SpO2) (%)').fill('96');
    await consultation.getByLabel('Notes').fill(notes);
    await consultation.getByRole('button', { name: 'Enregistrer la consultation' }).click();
    await page.getByText('Consultation enregistrée.').waitFor();
    await page.getByText(notes).waitFor();
    await page.getByText('Poids : 72,5 kg').waitFor();

    await page.getByRole('button', { name: 'Nouveau traitement' }).click();
    const treatment = page.getByRole('form', { name: 'Nouveau traitement' });
    await treatment.getByLabel('Médicament').fill(medication);
    await treatment.getByLabel('Posologie').fill(dosage);
    await treatment.getByRole('button', { name: 'Enregistrer le traitement' }).click();
    await page.getByText('Traitement enregistré.').waitFor();
    await page.getByText(medication, { exact: true }).waitFor();

    const comment = page.getByRole('form', { name: 'Ajouter un commentaire médical' });
    await comment.getByLabel('Nouveau commentaire médical').fill(medicalComment);
    await comment.getByRole('button', { name: 'Ajouter le commentaire médical' }).click();
    await page.getByText('Commentaire médical ajouté.').waitFor();
    await expectAccessible(nurse, 'medical-file', env().backend.artifacts);
    await nurse.shot('medical-file');

    await nurse.setOffline(false);
    await waitSynced(page);
    expect(pushedMedical(nurse).map((c) => c.collection).sort()).toEqual(['consultation', 'medicalComment', 'treatment']);
  });

  it('(c) the social worker syncs and finds nothing medical: screen, IndexedDB, pull answers; the server holds ciphertext only', async () => {
    const { backend, nurse, worker } = env();
    const page = worker.page;
    await mainNavigation(page).getByRole('link', { name: 'Personnes' }).click();
    await waitForHeading(page, 'Personnes');
    await syncUntil(page, () => page.getByText(personName).first().isVisible(), 'the person reaches the worker');
    await waitSynced(page);
    await openPerson(page, personName);
    expect(await page.getByRole('heading', { name: 'Dossier médical' }).count()).toBe(0);
    expect(await page.getByText(notes).count()).toBe(0);
    await worker.shot('person-file-without-medical');

    const needles = canaries.map((c) => c.needle);
    const medicalIds = pushedMedical(nurse).map((c) => c.id);
    expect(medicalIds).toHaveLength(3);

    // Every pull answer the worker received: no canary, no medical id, no medical collection.
    expect(workerPulls.length).toBeGreaterThan(0);
    const pulls: Haystack[] = workerPulls.map((text, index) => ({ where: `worker pull answer ${index}`, text }));
    expect(pulls.some((p) => p.text.includes(personName) || p.text.includes('"person"'))).toBe(true);
    expect(findCanaries(needles, pulls), 'worker pull answers').toEqual([]);
    expect(findCanaries(medicalIds, pulls), 'medical ids in worker pull answers').toEqual([]);
    for (const collection of MEDICAL_COLLECTIONS) expect(pulls.filter((p) => p.text.includes(`"collection":"${collection}"`))).toEqual([]);
    // Nor did it ever ask for a medical collection by name.
    expect(worker.requests.filter((r) => r.url.includes('/api/sync/pull') && MEDICAL_COLLECTIONS.some((c) => r.url.includes(c)))).toEqual([]);

    const dump = await readBrowserStorage(page);
    writeStorageDump(join(backend.artifacts, 'W-worker-storage.txt'), 'W-worker', dump);
    const haystacks = storageHaystacks('W-worker', dump);
    expect(findCanaries([workerAccount.email], haystacks).length).toBeGreaterThan(0);
    expect(findCanaries(needles, haystacks), 'worker IndexedDB').toEqual([]);
    expect(findCanaries(medicalIds, haystacks), 'medical ids in worker IndexedDB').toEqual([]);

    // The nurse's device and the server hold the medical records, as ciphertext only.
    const nurseDump = storageHaystacks('N-nurse', await readBrowserStorage(nurse.page));
    expect(findCanaries(medicalIds, nurseDump).length).toBeGreaterThan(0);
    expect(findCanaries(needles, nurseDump), 'nurse IndexedDB').toEqual([]);
    const tables = tableHaystacks(await backend.dumpDatabase());
    expect(findCanaries(medicalIds, tables).length).toBeGreaterThan(0);
    expect(findCanaries(needles, tables), 'server database').toEqual([]);
    const logs: Haystack[] = backend.server.logs.map((entry, index) => ({ where: `server ${entry.stream} line ${index}`, text: entry.line }));
    expect(findCanaries(needles, logs), 'server logs').toEqual([]);
  });
});
