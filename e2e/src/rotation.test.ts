// Issue 5, deliverable 5 in a real browser: an administrator and two members on three phone-sized,
// CPU-throttled Chromium devices, against a real server on PGlite and on PostgreSQL. The
// administrator revokes one member mid-session; new keys are published to those who stay and
// every record is re-encrypted by the administrator's rotation Worker while the other member keeps
// writing; the revoked member's next request is refused; the remaining member's app takes the new
// keys on its own and reads everything, old and new; the database ends with every record under
// the new key version.
import { describe, expect, it } from 'vitest';
import {
  acceptInvitation,
  acknowledgeRecoveryCode,
  confirmMember,
  createOrganisation,
  createPerson,
  inviteMember,
  openPerson,
  personLink,
  goToPersons,
  syncBar,
  syncUntil,
  waitForHeading,
  waitSynced,
  type Account,
} from './app/relais.ts';
import { goToMembers, openRevocation, revisitMembers, rotationProgress, waitRotationFinished } from './app/rotation.ts';
import { expectAccessible } from './harness/axe.ts';
import { BACKENDS } from './harness/backend.ts';
import { browserSuite } from './harness/suite.ts';
import { randomWord } from './harness/canary.ts';

describe.each(BACKENDS)('member exit and key rotation in Chromium on %s', (kind) => {
  const organisation = `Maraude ${randomWord(10)}`;
  const adminAccount: Account = { name: 'Alice Admin', email: `alice.${randomWord(8)}@example.org`, password: 'cheval agrafe pluie lanterne 42' };
  const stayingAccount: Account = { name: 'Bruno Reste', email: `bruno.${randomWord(8)}@example.org`, password: 'tortue violon neige cartable 17' };
  const leavingAccount: Account = { name: 'Chloé Part', email: `chloe.${randomWord(8)}@example.org`, password: 'sapin girafe orage tambour 58' };
  const before = ['Avant Un', 'Avant Deux', 'Avant Trois'].map((name) => `${name} ${randomWord(5)}`);
  const during = `Pendant ${randomWord(5)}`;
  const after = `Après ${randomWord(5)}`;

  const env = browserSuite(kind, 'rotation', { admin: 'A-admin', staying: 'B-staying', leaving: 'C-leaving' });

  it('(a) sets up an organisation with two confirmed members who read the same persons', async () => {
    const { backend, admin, staying, leaving } = env();
    await createOrganisation(admin, backend.url, organisation, adminAccount);
    await acknowledgeRecoveryCode(admin);
    for (const [device, account] of [
      [staying, stayingAccount],
      [leaving, leavingAccount],
    ] as const) {
      const link = await inviteMember(admin, account.email);
      await acceptInvitation(device, link, account);
      await confirmMember(admin, account.name);
      await waitForHeading(device.page, 'Personnes', 60_000);
    }
    for (const name of before) await createPerson(admin, { name });
    await waitSynced(admin.page);
    for (const device of [staying, leaving]) {
      await syncUntil(device.page, async () => (await personLink(device.page, before[2]!).count()) > 0, `${device.name} sees the persons`);
    }
  });

  it('(b) revokes a member after a confirmation that says what follows, with no such button on one’s own entry', async () => {
    const { backend, admin, staying } = env();
    await goToMembers(admin.page);
    // No « Retirer l'accès » on one's own entry: another administrator would have to do it.
    await expect.poll(() => admin.page.getByRole('button', { name: `Retirer l'accès de ${adminAccount.name}` }).count()).toBe(0);
    const dialog = await openRevocation(admin, leavingAccount.name);
    const text = (await dialog.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('ses sessions sont fermées');
    expect(text).toContain('De nouvelles clés de chiffrement');
    expect(text).toContain('les fiches sont rechiffrées');
    await expectAccessible(admin, 'revoke-dialog', backend.artifacts);
    await admin.shot('revoke-dialog');
    await dialog.getByRole('button', { name: "Retirer l'accès", exact: true }).click();
    await admin.page.getByText(`L'accès de ${leavingAccount.name} a été retiré.`).waitFor();

    // The member who stays keeps writing while the keys are renewed.
    await createPerson(staying, { name: during });
    await waitSynced(staying.page);
  });

  it('(c) publishes new keys and re-encrypts every record, with a progress bar, on the administrator’s device', async () => {
    const { backend, admin } = env();
    const finished = await waitRotationFinished(admin.page);
    expect(finished).toMatch(/^Renouvellement des clés terminé : \d+ fiches? sous les nouvelles clés\.$/);
    const progress = await rotationProgress(admin.page);
    expect(progress.max).toBeGreaterThanOrEqual(before.length);
    expect(progress.now).toBe(progress.max);
    expect(progress.text.replace(/\s/g, ' ')).toBe(`Renouvellement des clés : ${progress.now} / ${progress.max} fiches`);
    await expectAccessible(admin, 'members-rotation', backend.artifacts);
    await admin.shot('rotation-finished');
    // The revoked member is listed as such, without controls.
    const entry = admin.page.getByRole('listitem').filter({ hasText: leavingAccount.email });
    await expect.poll(async () => (await entry.innerText()).includes('Révoqué')).toBe(true);
    expect(await entry.getByRole('button').count()).toBe(0);
  });

  it('(d) refuses the revoked member’s next request', async () => {
    const { leaving } = env();
    await syncBar(leaving.page).getByRole('button', { name: 'Synchroniser' }).click();
    await syncBar(leaving.page).getByRole('alert').filter({ hasText: 'Votre session a expiré' }).waitFor({ timeout: 60_000 });
    await leaving.shot('refused');
  });

  it('(e) the member who stays takes the new keys on their own, reads everything and writes under them', async () => {
    const { admin, staying } = env();
    // Written before or after this device met the new key version: either is accepted.
    await createPerson(staying, { name: after });
    await waitSynced(staying.page);
    for (const name of [...before, during]) {
      await syncUntil(staying.page, async () => {
        await goToPersons(staying.page);
        return (await personLink(staying.page, name).count()) > 0;
      }, `B reads ${name}`);
    }
    // A re-encrypted file opens, not only its summary.
    await openPerson(staying.page, before[0]!);
    // The administrator reads what B wrote before and after the new keys.
    for (const name of [during, after]) {
      await syncUntil(admin.page, async () => {
        await goToPersons(admin.page);
        return (await personLink(admin.page, name).count()) > 0;
      }, `A reads ${name}`);
    }
    // Back on the Members screen, whatever B wrote under the old key meanwhile is re-encrypted too:
    // each visit asks the server, which ends up saying nothing is left.
    await expect.poll(() => revisitMembers(admin.page), { timeout: 120_000, interval: 2_000 }).toBe(0);
  });

  it('(f) leaves every record under the new key version in the database', async () => {
    const { backend } = env();
    const dumps = await backend.dumpDatabase();
    const records = dumps.find((dump) => dump.table === 'public.records')?.rows.filter((row) => !row.startsWith('rowtext=')) ?? [];
    expect(records.length).toBeGreaterThanOrEqual(before.length + 2);
    const versions = records.map((row) => /(?:^| \| )key_version=(\d+)/.exec(row)?.[1]);
    expect(new Set(versions)).toEqual(new Set(['2']));
    const keys = dumps.find((dump) => dump.table === 'public.org_keys')?.rows.filter((row) => !row.startsWith('rowtext=')) ?? [];
    expect(keys.filter((row) => /kind="general"/.test(row)).map((row) => /version=(\d+)/.exec(row)?.[1]).sort()).toEqual(['1', '2']);
  });
});
