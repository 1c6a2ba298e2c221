// Issue 5, deliverable 3 (and its part of 7): the dossier médical in a real browser. An
// administrator who is not a health professional sets up the organisation, then a nurse (health
// professional) and a social worker of that organisation on two phone-sized devices (360 × 740),
// against a real server process, on PGlite and on PostgreSQL. (a) set-up, with a consultation type
// added in « Paramètres »; the nurse's device creates the medical key (decision 017) and the
// administrator holds none of it: not in the server's /api/me and /api/keys answers, not in
// IndexedDB; (b) the nurse writes a consultation, a treatment and a
// medical comment with no network, then reconnects; (c) the social worker syncs and finds nothing
// medical anywhere: not on the screen, not in IndexedDB, not in any pull response body — not even
// an id; the server holds the medical records only as ciphertext. Then the medical key rotation
// (decision 017): (d) a doctor, second health professional, joins while the nurse's device is
// offline and is told the key will come; (e) the nurse's device, back online, seals it to them
// after a sync and the doctor reads the nurse's file; (f) the administrator revokes the doctor:
// their device renews the general key and says a health professional will re-encrypt the dossier
// médical, while the social worker keeps writing; (g) the nurse's device, with nothing but syncs,
// creates medical version 2 for the health professionals who stay and re-encrypts every medical
// record in the background; (h) the nurse reads and writes under it, and the database holds every
// medical record under version 2 and no key of it for the doctor. Axe on every new screen.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import {
  acceptInvitation,
  acknowledgeRecoveryCode,
  confirmMember,
  createOrganisation,
  createPerson,
  goToPersons,
  mainNavigation,
  openPerson,
  personLink,
  syncBar,
  syncUntil,
  waitForHeading,
  waitSynced,
  type Account,
} from './app/relais.ts';
import { navTo, syncUntilShown } from './app/field.ts';
import { openRevocation, rotationPanel } from './app/rotation.ts';
import { fromBase64 } from '@relais/core/base64';
import { MEDICAL_COLLECTIONS as MEDICAL_KIND } from '@relais/core/collections';
import { envelopeKeyVersion } from '@relais/core/crypto/envelope';
import { expectAccessible } from './harness/axe.ts';
import { BACKENDS } from './harness/backend.ts';
import { browserSuite } from './harness/suite.ts';
import type { Device } from './harness/device.ts';
import { readBrowserStorage, storageHaystacks, writeStorageDump } from './harness/browser-storage.ts';
import { findCanaries, makeCanary, randomWord, type Canary, type Haystack } from './harness/canary.ts';
import { tableHaystacks, type TableDump } from './harness/table-dump.ts';

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

/** The rows of one table of a database dump, without PostgreSQL's own text form of each. */
function tableRows(dumps: readonly TableDump[], table: string): string[] {
  return dumps.find((dump) => dump.table === table)?.rows.filter((row) => !row.startsWith('rowtext=')) ?? [];
}

/** One column of a dumped row (`column=value | …`, table-dump.ts): a string unquoted, anything else as printed. */
function column(row: string, name: string): string {
  const value = new RegExp(`(?:^| \\| )${name}=("(?:[^"\\\\]|\\\\.)*"|[^ ]*)`).exec(row)?.[1];
  if (value === undefined) throw new Error(`no column ${name} in ${row.slice(0, 200)}`);
  return value.startsWith('"') ? (JSON.parse(value) as string) : value;
}

/** What an administrator who does not hold the medical key is told after a revocation (decision 017). */
const MEDICAL_ELSEWHERE = "Le dossier médical sera chiffré à nouveau par un professionnel de santé de l'organisation à sa prochaine connexion.";

describe.each(BACKENDS)('dossier médical in Chromium on %s', (kind) => {
  /** Every body of a pull answer the social worker's device received. */
  const workerPulls: string[] = [];
  const organisation = `Maraude ${randomWord(10)}`;
  const adminAccount: Account = { name: 'Alice Admin', email: `alice.${randomWord(8)}@example.org`, password: 'cheval agrafe pluie lanterne 42' };
  const nurseAccount: Account = { name: 'Nadia Infirmière', email: `nadia.${randomWord(8)}@example.org`, password: 'tortue violon neige cartable 17' };
  const workerAccount: Account = { name: 'Sami Social', email: `sami.${randomWord(8)}@example.org`, password: 'girafe piano sable lanterne 23' };
  const doctorAccount: Account = { name: 'Denis Médecin', email: `denis.${randomWord(8)}@example.org`, password: 'citron harpe falaise moulin 61' };

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
  // Written by the nurse under the new medical key (after the rotation); the worker's person meanwhile.
  const medicalCommentAfter = makeCanary('MedicalV2').typed;
  const workerPerson = `Personne ${randomWord(8)}`;

  /** The administrator's session token and every /api/me or /api/keys answer their device received. */
  let adminToken: string | null = null;
  const adminKeyAnswers: string[] = [];

  const env = browserSuite(kind, 'medical', { admin: 'A-admin', nurse: 'N-nurse', worker: 'W-worker', doctor: 'D-doctor' }, ({ admin, worker }) => {
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
    // The administrator's device stays open: it invites, confirms and revokes the doctor in (d)–(f).
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

  it('(d) a doctor joins while the nurse is offline and is told that the medical key will come', async () => {
    const { backend, admin, nurse, doctor } = env();
    // The only holder of the medical key is offline: nobody can seal it to the doctor yet.
    await nurse.setOffline(true);
    const link = await invite(admin, doctorAccount.email, true);
    await acceptInvitation(doctor, link, doctorAccount);
    await confirmMember(admin, doctorAccount.name);
    await waitForHeading(doctor.page, 'Personnes', 60_000);
    await syncUntil(doctor.page, async () => (await personLink(doctor.page, personName).count()) > 0, 'the person reaches the doctor');
    await openPerson(doctor.page, personName);
    const section = doctor.page.getByRole('region', { name: 'Dossier médical' });
    await section.getByText("Votre accès au dossier médical s'ouvrira dès qu'un autre professionnel de santé de votre organisation se connectera").waitFor();
    expect(await doctor.page.getByText(notes).count()).toBe(0);
    await expectAccessible(doctor, 'medical-key-waiting', backend.artifacts);
    await doctor.shot('medical-key-waiting');
  });

  it('(e) the nurse’s device, back online, seals the medical key to the doctor after a sync; the doctor reads her file', async () => {
    const { backend, nurse, doctor } = env();
    await nurse.setOffline(false);
    // Nothing but syncs on the nurse's side: her device grants the key after one that reached the server.
    await syncUntil(
      nurse.page,
      async () => nurse.requests.some((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/keys/medical/grants'),
      'the nurse’s device seals the medical key to the doctor',
    );
    await waitSynced(nurse.page);
    // The doctor's device takes the key at one of its next syncs, without a reload, and opens the file.
    await syncUntilShown(doctor.page, () => openPerson(doctor.page, personName), [notes, medication, medicalComment], 'the doctor reads the nurse’s file');
    await expectAccessible(doctor, 'medical-file-granted', backend.artifacts);
    await doctor.shot('medical-file-granted');
  });

  it('(f) the administrator revokes the doctor: their device renews the general key and leaves the dossier médical to a health professional', async () => {
    const { backend, admin, doctor, worker } = env();
    const dialog = await openRevocation(admin, doctorAccount.name);
    await dialog.getByRole('button', { name: "Retirer l'accès", exact: true }).click();
    await admin.page.getByText(`L'accès de ${doctorAccount.name} a été retiré.`).waitFor();

    // The social worker keeps working meanwhile: a new person, synced. (A comment would need a
    // team, and this organisation has none.)
    await createPerson(worker, { name: workerPerson });
    await waitSynced(worker.page);

    // The administrator does not hold the medical key: once the general records are re-encrypted,
    // the panel says who will re-encrypt the dossier médical (after « terminé », or alone when the
    // Members screen checked again since).
    await rotationPanel(admin.page).getByRole('status').filter({ hasText: MEDICAL_ELSEWHERE }).waitFor({ timeout: 120_000 });
    await expectAccessible(admin, 'members-medical-elsewhere', backend.artifacts);
    await admin.shot('rotation-medical-elsewhere');
    const rotation = async () => {
      const answer = await fetch(`${backend.url}/api/rotation`, { headers: { authorization: `Bearer ${adminToken}` } });
      expect(answer.status).toBe(200);
      return ((await answer.json()) as { kinds: { kind: string; currentVersion: number; rotationNeeded: boolean }[] }).kinds;
    };
    // (A record the worker wrote under the old key after the pass is left to a later visit: not counted here.)
    expect((await rotation()).find((k) => k.kind === 'general')).toMatchObject({ currentVersion: 2, rotationNeeded: false });
    // Two general versions now, and still no medical key for the administrator.
    for (const path of ['/api/me', '/api/keys']) {
      const answer = await fetch(`${backend.url}${path}`, { headers: { authorization: `Bearer ${adminToken}` } });
      expect(answer.status).toBe(200);
      const { keys } = (await answer.json()) as { keys: { kind: string; version: number }[] };
      expect(keys.map((k) => `${k.kind}:${k.version}`).sort(), path).toEqual(['general:1', 'general:2']);
    }
    // Their part is over, and the doctor's: two devices fewer on two cores.
    await admin.close();
    await doctor.close();
  });

  it('(g) the nurse’s device, with nothing but syncs, renews the medical key and re-encrypts the dossier médical in the background', async () => {
    const { backend, nurse } = env();
    const page = nurse.page;
    // The new general key reaches her device on its own (a record under it, or the periodic /api/me):
    // its workspace re-opens and asks whether a medical rotation is due. She only syncs.
    const done = syncBar(page).getByText(/^Renouvellement des clés terminé/);
    await syncUntil(page, () => done.isVisible(), 'the nurse’s device re-encrypts the dossier médical', 180_000);
    const line = (await done.innerText()).replace(/\s+/g, ' ').trim();
    const count = Number(/^Renouvellement des clés terminé : (\d+) fiches? sous les nouvelles clés\.$/.exec(line)?.[1]);
    expect(count, line).toBeGreaterThanOrEqual(3);
    // Her device published the new version and re-encrypted: its own requests say so.
    const posted = (path: string) => nurse.requests.some((r) => r.method === 'POST' && new URL(r.url).pathname === path);
    expect(posted('/api/rotation/keys')).toBe(true);
    expect(posted('/api/rotation/rewrap')).toBe(true);
    await expectAccessible(nurse, 'medical-rotation-finished', backend.artifacts);
    await nurse.shot('medical-rotation-finished');
  });

  it('(h) the nurse reads and writes under the new medical key; the database holds every medical record under it, and no key of it for the doctor', async () => {
    const { backend, nurse } = env();
    const page = nurse.page;
    const before = new Set(pushedMedical(nurse).map((c) => c.id));
    // The person the worker wrote during the renewal reaches her; her file, re-encrypted, opens.
    await syncUntil(page, async () => {
      await goToPersons(page);
      return (await personLink(page, workerPerson).count()) > 0;
    }, 'the worker’s person reaches the nurse');
    await syncUntilShown(page, () => openPerson(page, personName), [notes, medication, medicalComment], 'the nurse reads her file after the rotation');
    const comment = page.getByRole('form', { name: 'Ajouter un commentaire médical' });
    await comment.getByLabel('Nouveau commentaire médical').fill(medicalCommentAfter);
    await comment.getByRole('button', { name: 'Ajouter le commentaire médical' }).click();
    await page.getByText('Commentaire médical ajouté.').waitFor();
    // The list reads the records again after a write: wait for it, as a person would.
    await page.getByText(medicalCommentAfter).waitFor();
    await page.getByText(medicalComment).waitFor();
    await waitSynced(page);
    await nurse.shot('medical-file-after-rotation');
    const added = pushedMedical(nurse).filter((c) => !before.has(c.id));
    expect(added.map((c) => c.collection)).toEqual(['medicalComment']);

    const dumps = await backend.dumpDatabase();
    const users = tableRows(dumps, 'public.users');
    const userRow = (account: Account) => {
      const row = users.find((r) => column(r, 'email') === account.email);
      if (!row) throw new Error(`no user ${account.email}`);
      return row;
    };
    const [adminId, nurseId, workerId, doctorId] = [adminAccount, nurseAccount, workerAccount, doctorAccount].map((a) => column(userRow(a), 'id'));
    expect(column(userRow(doctorAccount), 'status')).toBe('revoked');

    // Every medical record, the three of (b) and the new comment included, is under medical version
    // 2: the server's column and the envelope's own header both say so.
    const medical = tableRows(dumps, 'public.records').filter((row) => (MEDICAL_KIND as readonly string[]).includes(column(row, 'collection')));
    const ids = medical.map((row) => column(row, 'id'));
    for (const { id } of pushedMedical(nurse)) expect(ids).toContain(id);
    expect(medical.length).toBeGreaterThanOrEqual(4);
    for (const row of medical) {
      const where = `${column(row, 'collection')} ${column(row, 'id')}`;
      expect(column(row, 'key_version'), where).toBe('2');
      expect(envelopeKeyVersion(fromBase64(column(row, 'ciphertext'))), where).toBe(2);
    }

    // Medical version 2 is sealed to the health professional who stays, and to nobody else: not to
    // the doctor (whose version 1 row stays, decision 017), not to the administrator or the worker.
    const orgKeys = tableRows(dumps, 'public.org_keys');
    expect(orgKeys.filter((row) => column(row, 'kind') === 'medical').map((row) => column(row, 'version')).sort()).toEqual(['1', '2']);
    const sealed = tableRows(dumps, 'public.sealed_keys');
    const holders = (kind: string, version: string) =>
      sealed
        .filter((row) => column(row, 'kind') === kind && column(row, 'version') === version)
        .map((row) => column(row, 'user_id'))
        .sort();
    expect(holders('medical', '2')).toEqual([nurseId]);
    expect(holders('medical', '1')).toEqual([nurseId, doctorId].sort());
    expect(holders('general', '2')).toEqual([adminId, nurseId, workerId].sort());
  });
});
