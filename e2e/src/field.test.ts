// Issue 4, deliverable 7: the field app proven in a real browser. Two phone-sized, CPU-throttled
// Chromium devices of one organisation (an administrator in « Équipe du matin », a member in
// « Équipe du soir ») against a real server process, on PGlite and on PostgreSQL. In order:
// (a) organisation, teams and member; (b) every collection the field app writes, created and
// edited on device A with no network, seen on device B after A reconnects; (c) the handover of
// one team to the next; (d) a keyboard-only flow from « Accueil »; (d2) a person sent to the
// corbeille offline on B and restored from A; (e) axe on the main screens;
// (f) canaries searched on the server, in its logs, in both devices' storage and request bodies.
// Pictures of the main screens (360 × 740, PGlite run) go to artifacts/field-pglite/screens, or to
// docs/screens with E2E_UPDATE_SCREENS=1.
import { describe, expect, it } from 'vitest';
import {
  acceptInvitation,
  acknowledgeRecoveryCode,
  confirmMember,
  createOrganisation,
  createPerson,
  goToPersons,
  inviteMember,
  mainNavigation,
  openPerson,
  personLink,
  renderedText,
  shownField,
  syncStatusText,
  syncUntil,
  waitForHeading,
  waitSynced,
  type Account,
} from './app/relais.ts';
import {
  createTeam,
  focusInfo,
  goTo,
  idInAddress,
  inGroup,
  navTo,
  pickPersons,
  screenPicture,
  screenText,
  setTeamMembers,
  syncUntilShown,
  tabTo,
} from './app/field.ts';
import { expectAccessible } from './harness/axe.ts';
import { BACKENDS } from './harness/backend.ts';
import { browserSuite } from './harness/suite.ts';
import { readBrowserStorage, storageHaystacks, writeStorageDump } from './harness/browser-storage.ts';
import { findCanaries, makeCanary, randomWord, type Canary, type Haystack } from './harness/canary.ts';
import { Device } from './harness/device.ts';
import { tableHaystacks } from './harness/table-dump.ts';
import type { Page } from 'playwright-core';
import { join } from 'node:path';

const MORNING = 'Équipe du matin';
const EVENING = 'Équipe du soir';
const PICK_PERSON = 'Rechercher une personne à ajouter';

/** The devices' day (they run in Europe/Paris), as the date fields want it. */
function parisDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

describe.each(BACKENDS)('field app in Chromium on %s', (kind) => {
  const organisation = `Maraude ${randomWord(10)}`;
  const adminAccount: Account = { name: 'Alice Admin', email: `alice.${randomWord(8)}@example.org`, password: 'cheval agrafe pluie lanterne 42' };
  const memberAccount: Account = { name: 'Bruno Membre', email: `bruno.${randomWord(8)}@example.org`, password: 'tortue violon neige cartable 17' };

  // Every free text typed in the suite is (or holds) a canary of its own.
  const canaries: Canary[] = [];
  const canary = (label: string) => {
    const made = makeCanary(label);
    canaries.push(made);
    return made.typed;
  };
  const person = canary('Canari');
  const otherNames = canary('Surnom');
  const description = canary('Description');
  const descriptionEdited = canary('Decrit');
  const alerts = canary('Alerte');
  const relative = canary('Parent');
  const relation = canary('Relation');
  const relationEdited = canary('Parente');
  const place = canary('Lieu');
  const placeRemoved = canary('Ancien');
  const actionTitle = canary('Action');
  const actionTitleEdited = canary('Demarche');
  const actionDescription = canary('Detail');
  const actionDescriptionEdited = canary('Precision');
  const seriesTitle = canary('Serie');
  const occurrenceTitle = canary('Occurrence');
  const personComment = canary('Transmis');
  const customValue = canary('Situation');
  const personCommentEdited = canary('Corrige');
  const actionComment = canary('Commente');
  const passageComment = canary('Passage');
  const passageCommentEdited = canary('Passe');
  const encounterComment = canary('Rencontre');
  const encounterCommentEdited = canary('Revu');
  const territory = canary('Territoire');
  const perimeter = canary('Perimetre');
  const perimeterEdited = canary('Contour');
  const territoryDescription = canary('Zone');
  const observation = canary('Observe');
  const observationEdited = canary('Constat');
  const report = canary('Rapport');
  const reportEdited = canary('Bilan');
  const partner = canary('Partenaire');
  const handoverComment = canary('Relais');
  const handoverAction = canary('Demain');
  const keyboardAction = canary('Clavier');
  const receptionPerson = canary('Accueilli');
  const trashed = canary('Corbeille');

  const ids = { action: '', series: '', occurrence: '', territory: '' };

  const env = browserSuite(kind, 'field', { admin: 'A-admin', member: 'B-member' });

  const checkAccessibility = (device: Device, screen: string) => expectAccessible(device, screen, env().backend.artifacts);

  /** Docs screenshots come from one backend only: both show the same screens. */
  const picture = async (device: Device, name: string) => {
    if (kind === 'pglite') await screenPicture(device, env().backend.artifacts, name);
  };

  const flash = (page: Page, text: string) => page.getByText(text, { exact: true }).first().waitFor();

  it('(a) sets up an organisation with two teams and a confirmed member in the second', async () => {
    const { backend, admin, member } = env();
    await createOrganisation(admin, backend.url, organisation, adminAccount);
    await acknowledgeRecoveryCode(admin);
    await mainNavigation(admin.page).getByRole('link', { name: 'Équipes' }).click();
    await waitForHeading(admin.page, 'Équipes');
    await createTeam(admin.page, MORNING);
    await createTeam(admin.page, EVENING);
    await setTeamMembers(admin.page, MORNING, [adminAccount.name]);

    const link = await inviteMember(admin, memberAccount.email);
    await acceptInvitation(member, link, memberAccount);
    // The member joins the evening team before being confirmed: their app opens with it.
    await mainNavigation(admin.page).getByRole('link', { name: 'Équipes' }).click();
    await waitForHeading(admin.page, 'Équipes');
    await setTeamMembers(admin.page, EVENING, [memberAccount.name]);
    await confirmMember(admin, memberAccount.name);
    await waitForHeading(member.page, 'Personnes', 60_000);

    // « Accueil » is off by default: at its address, an administrator can switch the module on.
    await goTo(admin.page, '/accueil');
    await waitForHeading(admin.page, 'Module « Accueil » désactivé');
    await admin.page.getByRole('button', { name: 'Activer le module « Accueil »' }).click();
    await waitForHeading(admin.page, 'Accueil');
    await expect.poll(() => mainNavigation(admin.page).getByRole('link', { name: 'Accueil', exact: true }).isVisible()).toBe(true);
    await waitSynced(admin.page);
  });

  it('(b) creates and edits every field collection offline on A; B sees the result after A reconnects', async () => {
    const { admin, member } = env();
    const page = admin.page;
    const started = Date.now();
    await admin.setOffline(true);

    // person: the new fields, then an edit that takes the person out of the active list.
    await goToPersons(page);
    await page.getByRole('link', { name: 'Nouvelle personne' }).click();
    await waitForHeading(page, 'Nouvelle personne');
    await page.getByLabel('Nom, prénom ou surnom', { exact: true }).fill(person);
    await page.getByLabel('Autres pseudos ou noms', { exact: true }).fill(otherNames);
    await page.getByLabel('Genre', { exact: true }).selectOption({ label: 'Femme' });
    await page.getByLabel('Description', { exact: true }).fill(description);
    await page.getByLabel('Alertes', { exact: true }).fill(alerts);
    await inGroup(page, 'Équipes en charge').getByLabel(EVENING).check();
    await picture(admin, 'person-form');
    await checkAccessibility(admin, 'person-form');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await waitForHeading(page, person);

    await goToPersons(page);
    await page.getByRole('link', { name: 'Nouvelle personne' }).click();
    await waitForHeading(page, 'Nouvelle personne');
    await page.getByLabel('Nom, prénom ou surnom', { exact: true }).fill(relative);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await waitForHeading(page, relative);

    await openPerson(page, person);
    // Back to the list, by the file's link and by the browser's back: the search typed is still there;
    // « Personnes » in the navigation starts afresh.
    const searchBox = page.getByRole('searchbox', { name: 'Rechercher une personne' });
    await page.getByRole('link', { name: '← Personnes' }).click();
    await waitForHeading(page, 'Personnes');
    expect(await searchBox.inputValue()).toBe(person);
    await personLink(page, person).click();
    await waitForHeading(page, person);
    await page.goBack();
    await waitForHeading(page, 'Personnes');
    expect(await searchBox.inputValue()).toBe(person);
    await personLink(page, person).click();
    await waitForHeading(page, person);
    await goToPersons(page);
    expect(await searchBox.inputValue()).toBe('');
    await openPerson(page, person);
    await page.getByRole('link', { name: 'Modifier la personne' }).click();
    await waitForHeading(page, 'Modifier la personne');
    await page.getByLabel('Description', { exact: true }).fill(descriptionEdited);
    await page.getByLabel('Très vulnérable', { exact: true }).check();
    await page.getByRole('button', { name: 'Sortir de la file active' }).click();
    await inGroup(page, 'Motifs de sortie').getByLabel('Hospitalisée').check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await waitForHeading(page, person);
    await flash(page, 'Modifications enregistrées.');

    // place + personPlace: two places created from the file, one of them removed again.
    const placeField = page.getByLabel('Ajouter un lieu fréquenté', { exact: true });
    for (const name of [place, placeRemoved]) {
      await placeField.fill(name);
      await placeField.press('Enter');
      await flash(page, `Lieu « ${name} » créé et ajouté.`);
    }
    await page.getByRole('button', { name: `Retirer le lieu ${placeRemoved}` }).click();
    await flash(page, `Lieu « ${placeRemoved} » retiré.`);

    // familyLink: created, then its relation corrected.
    await page.getByRole('button', { name: 'Ajouter un lien familial' }).click();
    await page.getByLabel('Rechercher la personne liée', { exact: true }).fill(relative);
    await page.getByRole('button', { name: `Choisir ${relative}` }).click();
    await page.getByLabel(`Relation avec ${person}`, { exact: true }).fill(relation);
    await page.getByRole('button', { name: 'Ajouter le lien' }).click();
    await flash(page, `Lien avec ${relative} ajouté.`);
    await page.getByRole('button', { name: `Modifier le lien avec ${relative}` }).click();
    await page.getByLabel(`Relation avec ${relative}`, { exact: true }).fill(relationEdited);
    await page.getByRole('button', { name: 'Enregistrer le lien' }).click();
    await flash(page, `Lien avec ${relative} modifié.`);

    // comment on the person, prioritaire.
    const personComments = page.getByRole('form', { name: 'Ajouter un commentaire' });
    await personComments.getByLabel('Nouveau commentaire', { exact: true }).fill(personComment);
    await personComments.getByLabel('Prioritaire', { exact: true }).check();
    await personComments.getByRole('button', { name: 'Ajouter le commentaire' }).click();
    await flash(page, 'Commentaire ajouté.');
    // Its author corrects it.
    await page.getByRole('region', { name: /^Commentaires/ }).getByRole('button', { name: /^Corriger/ }).click();
    await page.getByLabel('Corriger le commentaire', { exact: true }).fill(personCommentEdited);
    await page.getByRole('button', { name: 'Enregistrer la correction' }).click();
    await flash(page, 'Commentaire corrigé.');
    await picture(admin, 'person-file');
    await checkAccessibility(admin, 'person-file');

    // action: categories, urgent, due date, a person; then edited.
    await navTo(page, 'Actions');
    await page.getByRole('link', { name: 'Nouvelle action' }).click();
    await waitForHeading(page, 'Nouvelle action');
    await page.getByLabel('Titre', { exact: true }).fill(actionTitle);
    await page.getByLabel('Description', { exact: true }).fill(actionDescription);
    await page.getByLabel('Échéance', { exact: true }).fill(parisDay());
    await page.getByLabel('Urgente', { exact: true }).check();
    await page.locator('summary', { hasText: 'Santé' }).click();
    await page.getByLabel('Pharmacie', { exact: true }).check();
    await pickPersons(page, 'Ajouter une personne', [person]);
    await picture(admin, 'action-form');
    await checkAccessibility(admin, 'action-form');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await waitForHeading(page, actionTitle);
    ids.action = idInAddress(page, '/actions');
    const actionComments = page.getByRole('form', { name: 'Ajouter un commentaire' });
    await actionComments.getByLabel('Nouveau commentaire', { exact: true }).fill(actionComment);
    await actionComments.getByRole('button', { name: 'Ajouter le commentaire' }).click();
    await flash(page, 'Commentaire ajouté.');
    await page.getByRole('link', { name: "Modifier l'action" }).click();
    await waitForHeading(page, "Modifier l'action");
    await page.getByLabel('Titre', { exact: true }).fill(actionTitleEdited);
    await page.getByLabel('Description', { exact: true }).fill(actionDescriptionEdited);
    await page.getByLabel('Échéance', { exact: true }).fill(parisDay(2));
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await waitForHeading(page, actionTitleEdited);

    // actionSeries: a daily action, then tomorrow's occurrence edited alone.
    await navTo(page, 'Actions');
    await page.getByRole('link', { name: 'Nouvelle action' }).click();
    await waitForHeading(page, 'Nouvelle action');
    await page.getByLabel('Titre', { exact: true }).fill(seriesTitle);
    await page.getByLabel('Échéance', { exact: true }).fill(parisDay());
    await page.getByLabel('Répéter', { exact: true }).selectOption({ label: 'Tous les jours' });
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await waitForHeading(page, seriesTitle);
    ids.series = idInAddress(page, '/actions/serie');
    await goTo(page, `/actions/serie/${ids.series}/${parisDay(1)}`);
    await waitForHeading(page, seriesTitle);
    await page.getByRole('link', { name: "Modifier l'action" }).click();
    await waitForHeading(page, 'Modifier une action récurrente');
    await page.getByLabel('Cette occurrence seulement', { exact: true }).check();
    await page.getByLabel('Titre', { exact: true }).fill(occurrenceTitle);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await waitForHeading(page, occurrenceTitle);
    ids.occurrence = idInAddress(page, '/actions');

    // territory, then observation on it; each edited.
    await navTo(page, 'Territoires');
    await page.getByRole('link', { name: 'Nouveau territoire' }).click();
    await waitForHeading(page, 'Nouveau territoire');
    await page.getByLabel('Nom', { exact: true }).fill(territory);
    await inGroup(page, 'Types').getByLabel('Campement', { exact: true }).check();
    await page.getByLabel('Périmètre', { exact: true }).fill(perimeter);
    await page.getByLabel('Description', { exact: true }).fill(territoryDescription);
    await page.getByRole('button', { name: 'Enregistrer le territoire' }).click();
    await waitForHeading(page, territory);
    ids.territory = idInAddress(page, '/territoires');
    await page.getByRole('link', { name: 'Modifier', exact: true }).click();
    await waitForHeading(page, 'Modifier le territoire');
    await page.getByLabel('Périmètre', { exact: true }).fill(perimeterEdited);
    await page.getByRole('button', { name: 'Enregistrer le territoire' }).click();
    await waitForHeading(page, territory);
    await page.getByRole('link', { name: 'Nouvelle observation' }).click();
    await waitForHeading(page, 'Nouvelle observation');
    await page.getByLabel('Femmes', { exact: true }).fill('2');
    await page.getByLabel('Hommes', { exact: true }).fill('3');
    await page.getByLabel('Texte', { exact: true }).fill(observation);
    await page.getByRole('button', { name: "Enregistrer l'observation" }).click();
    await waitForHeading(page, territory);
    await page.getByRole('link', { name: /^Modifier l'observation du/ }).click();
    await waitForHeading(page, "Modifier l'observation");
    await page.getByLabel('Texte', { exact: true }).fill(observationEdited);
    await page.getByRole('button', { name: "Enregistrer l'observation" }).click();
    await waitForHeading(page, territory);

    // passage, edited.
    await navTo(page, 'Passages');
    await page.getByRole('link', { name: 'Nouveau passage' }).click();
    await waitForHeading(page, 'Nouveau passage');
    await pickPersons(page, PICK_PERSON, [person]);
    await page.getByLabel('Commentaire', { exact: true }).fill(passageComment);
    await page.getByRole('button', { name: 'Enregistrer le passage' }).click();
    await waitForHeading(page, 'Passages');
    await page.getByRole('link', { name: /^Modifier le passage de/ }).first().click();
    await waitForHeading(page, 'Modifier le passage');
    await page.getByLabel('Commentaire', { exact: true }).fill(passageCommentEdited);
    await page.getByRole('button', { name: 'Enregistrer le passage' }).click();
    await waitForHeading(page, 'Passages');

    // encounter (rencontre) on the territory, edited.
    await navTo(page, 'Rencontres');
    await page.getByRole('link', { name: 'Nouvelle rencontre' }).click();
    await waitForHeading(page, 'Nouvelle rencontre');
    await pickPersons(page, PICK_PERSON, [person, relative]);
    await page.getByLabel('Territoire (facultatif)', { exact: true }).selectOption({ label: territory });
    await page.getByLabel('Commentaire', { exact: true }).fill(encounterComment);
    await page.getByRole('button', { name: 'Enregistrer la rencontre' }).click();
    await waitForHeading(page, 'Rencontres');
    await page.getByRole('link', { name: /^Modifier la rencontre de/ }).first().click();
    await waitForHeading(page, 'Modifier la rencontre');
    await page.getByLabel('Commentaire', { exact: true }).fill(encounterCommentEdited);
    await page.getByRole('button', { name: 'Enregistrer la rencontre' }).click();
    await waitForHeading(page, 'Rencontres');

    // report (compte-rendu) of the morning team, saved then edited.
    await navTo(page, 'Comptes-rendus');
    await page.getByLabel('Texte du compte-rendu', { exact: true }).fill(report);
    await page.getByLabel('Nom du partenaire', { exact: true }).fill(partner);
    await page.getByLabel('Nom du partenaire', { exact: true }).press('Enter');
    await page.getByRole('button', { name: 'Enregistrer le compte-rendu' }).click();
    await flash(page, 'Compte-rendu enregistré.');
    await page.getByLabel('Texte du compte-rendu', { exact: true }).fill(reportEdited);
    await page.getByRole('button', { name: 'Enregistrer le compte-rendu' }).click();
    await flash(page, 'Compte-rendu enregistré.');

    // serviceCount: two cafés (created once the taps settle), then a third (an update).
    await navTo(page, 'Services');
    const cafe = page.getByRole('button', { name: 'Ajouter un : Café' });
    await cafe.click();
    await cafe.click();
    await page.waitForTimeout(3_000);
    await cafe.click();
    await page.waitForTimeout(3_000);
    await expect.poll(() => counterValue(page, 'Café')).toBe('3');

    const pending = await syncStatusText(page);
    expect(pending).toMatch(/Hors ligne/);
    const waiting = Number(/(\d+) modifications? en attente/.exec(pending)?.[1] ?? '0');
    // One pending change per record written (the outbox keeps the latest state of each): 18 records.
    expect(waiting).toBeGreaterThanOrEqual(18);
    await admin.shot('offline-pending');
    // A really was cut off: nothing of it reached B.
    await goToPersons(member.page);
    expect(await personLink(member.page, person).count()).toBe(0);

    await admin.setOffline(false);
    await waitSynced(page, 120_000);
    console.info(`[field ${kind}] offline writes and sync on A: ${Math.round((Date.now() - started) / 1000)} s, ${waiting} pending changes`);

    // B: every value, as edited.
    const b = member.page;
    // The person left the active list on A: the list shows them once asked to.
    const includeOut = async () => {
      await goToPersons(b);
      await b.getByLabel('Inclure les personnes sorties de la file active', { exact: true }).check();
    };
    await syncUntil(b, async () => {
      await includeOut();
      return (await personLink(b, person).count()) === 1;
    }, 'the offline person on B');
    await b.getByRole('searchbox', { name: 'Rechercher une personne' }).fill(person);
    await personLink(b, person).click();
    await waitForHeading(b, person);
    await syncUntilShown(
      b,
      async () => undefined,
      [otherNames, alerts, descriptionEdited, 'Femme', MORNING, EVENING, 'Hors file active', 'Hospitalisée', place, relative, relationEdited, personCommentEdited, 'Prioritaire', passageCommentEdited],
      'the person file on B',
    );
    // The edited values replaced the first ones (which only the history section still shows).
    expect(await shownField(b, 'description')).toBe(descriptionEdited);
    expect(await renderedText(b.getByRole('region', { name: 'Lieux fréquentés' }))).not.toContain(placeRemoved);
    expect(await renderedText(b.getByRole('region', { name: 'Passages et rencontres' }))).not.toContain(passageComment);
    expect(await renderedText(b.getByRole('region', { name: 'Liens familiaux' }))).not.toContain(relation);
    expect(await renderedText(b.getByRole('region', { name: /^Commentaires/ }))).not.toContain(personComment);
    // The history is rendered once scrolled to (decision 015), as a person reads it: in the next frame.
    const historySection = b.getByRole('region', { name: 'Historique' });
    await historySection.scrollIntoViewIfNeeded();
    await expect.poll(() => historySection.innerText()).toContain(description);

    await goTo(b, `/actions/${ids.action}`);
    await syncUntilShown(b, async () => goTo(b, `/actions/${ids.action}`), [actionTitleEdited, actionDescriptionEdited, 'Urgent', 'Pharmacie', person, actionComment], 'the action on B');
    expect(await screenText(b)).not.toContain(actionTitle);
    await syncUntilShown(b, async () => goTo(b, `/actions/serie/${ids.series}/${parisDay(2)}`), [seriesTitle, 'Récurrente', 'Tous les jours'], 'the series on B');
    await syncUntilShown(b, async () => goTo(b, `/actions/${ids.occurrence}`), [occurrenceTitle], 'the edited occurrence on B');

    await syncUntilShown(b, async () => goTo(b, `/territoires/${ids.territory}`), [territory, 'Campement', perimeterEdited, territoryDescription, observationEdited, person], 'the territory on B');
    expect(await screenText(b)).not.toContain(perimeter);

    // These lists open on the member's own team (the evening one): A wrote as the morning team.
    await navTo(b, 'Rencontres');
    await b.getByLabel('Équipe', { exact: true }).selectOption({ label: 'Toutes les équipes' });
    await syncUntilShown(b, async () => undefined, [encounterCommentEdited, relative, territory], 'the encounter on B');
    await navTo(b, 'Passages');
    await b.getByLabel('Équipe', { exact: true }).selectOption({ label: 'Toutes les équipes' });
    await syncUntilShown(b, async () => undefined, [passageCommentEdited, person], 'the passage on B');

    await navTo(b, 'Comptes-rendus');
    await b.getByLabel('Équipe', { exact: true }).selectOption({ label: MORNING });
    await expect.poll(() => b.getByLabel('Texte du compte-rendu', { exact: true }).inputValue(), { timeout: 30_000 }).toBe(reportEdited);
    expect(await screenText(b)).toContain(partner);

    await navTo(b, 'Services');
    await b.getByLabel('Équipe', { exact: true }).selectOption({ label: MORNING });
    await expect.poll(() => counterValue(b, 'Café'), { timeout: 30_000 }).toBe('3');
    await member.shot('field-synced');
  });

  // The browser's back is left out: after it, the rows came back ~26 px from their place in two
  // runs of five (the browser's own scroll restoration and the list's, both on popstate; open).
  it('(b2) « ← Personnes » brings the person list back to the place it was left; « Personnes » starts at its top', async () => {
    const { admin } = env();
    const page = admin.page;
    // Enough persons for the list to scroll on a 360×740 phone; their names sort last.
    const names = Array.from({ length: 7 }, (_, i) => `Zoé Vallée ${i + 1}`);
    for (const name of names) await createPerson(admin, { name });
    await goToPersons(page);
    const last = personLink(page, names.at(-1)!);
    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    await last.waitFor();
    const scrollY = () => page.evaluate('window.scrollY') as Promise<number>;
    await expect.poll(scrollY).toBeGreaterThan(100);
    // The place is where the rows are on the screen: the browser may keep them there by moving the
    // scroll a little as rows above are measured (scroll anchoring).
    const rowTop = async () => (await last.boundingBox())?.y ?? Number.NaN;
    const left = await rowTop();
    const backAtPlace = () => expect.poll(async () => Math.abs((await rowTop()) - left)).toBeLessThanOrEqual(2);

    await last.click();
    await waitForHeading(page, names.at(-1)!);
    expect(await scrollY()).toBe(0);
    await page.getByRole('link', { name: '← Personnes' }).click();
    await waitForHeading(page, 'Personnes');
    await backAtPlace();

    await last.click();
    await waitForHeading(page, names.at(-1)!);
    await goToPersons(page);
    // Once the list is there (the place would be restored then), it is still at its top.
    await page.getByRole('list', { name: 'Liste des personnes' }).getByRole('link').first().waitFor();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Chargement' }).count()).toBe(0);
    expect(await scrollY()).toBe(0);
  });

  it('(c) shows the evening team what the morning team left in « Transmissions »', async () => {
    const { admin, member } = env();
    const page = admin.page;
    // Morning team (A): an action for the evening team due tomorrow, and a prioritaire comment.
    await navTo(page, 'Actions');
    await page.getByRole('link', { name: 'Nouvelle action' }).click();
    await waitForHeading(page, 'Nouvelle action');
    await page.getByLabel('Titre', { exact: true }).fill(handoverAction);
    await page.getByLabel('Échéance', { exact: true }).fill(parisDay(1));
    await pickPersons(page, 'Ajouter une personne', [person]);
    const teams = inGroup(page, 'Équipes');
    await teams.getByLabel(MORNING, { exact: true }).uncheck();
    await teams.getByLabel(EVENING, { exact: true }).check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await waitForHeading(page, handoverAction);
    await navTo(page, 'Transmissions');
    await expect.poll(() => page.getByLabel('Équipe', { exact: true }).locator('option:checked').innerText()).toBe(MORNING);
    await page.getByRole('button', { name: 'Écrire une transmission' }).click();
    const form = page.getByRole('form', { name: 'Écrire une transmission' });
    await expect.poll(() => focusInfo(page)).toMatchObject({ tag: 'textarea' });
    await form.getByLabel('Transmission', { exact: true }).fill(handoverComment);
    await pickPersons(page, 'Ajouter une personne', [person]);
    await form.getByLabel('Prioritaire', { exact: true }).check();
    await form.getByRole('button', { name: 'Enregistrer la transmission' }).click();
    await flash(page, 'Transmission enregistrée.');
    await syncUntilShown(page, async () => undefined, [handoverComment], 'the transmission on A');
    await waitSynced(page);

    // Evening team (B): the handover screen of the day.
    const b = member.page;
    await navTo(b, 'Transmissions');
    await expect.poll(() => b.getByLabel('Équipe', { exact: true }).locator('option:checked').innerText()).toBe(EVENING);
    await syncUntilShown(b, async () => undefined, [handoverComment, handoverAction], 'the handover on B');
    const left = b.getByRole('region', { name: /Ce que l'équipe précédente vous a laissé/ });
    await expect.poll(async () => (await left.innerText()).includes(handoverComment)).toBe(true);
    expect(await left.innerText()).toContain(MORNING);
    // Who wrote it is named on the member's device too (the colleagues' names come with /api/me).
    expect(await left.innerText()).toContain(adminAccount.name);
    const priority = b.getByRole('region', { name: /Transmissions prioritaires/ });
    expect(await priority.innerText()).toContain(handoverComment);
    expect(await priority.innerText()).toContain(personCommentEdited);
    const tomorrow = b.getByRole('region', { name: /Actions à faire demain/ });
    expect(await tomorrow.innerText()).toContain(handoverAction);
    await member.shot('handover');
    await picture(member, 'handover');
    await checkAccessibility(member, 'handover');
  });

  it("(c2) applies an administrator's new service on the member's device without a reload, and journals the member's syncs", async () => {
    const { admin, member } = env();
    await navTo(admin.page, 'Paramètres', "Paramètres de l'organisation");
    await checkAccessibility(admin, 'settings');
    const services = admin.page.getByLabel('Services', { exact: true });
    await services.fill(`${await services.inputValue()}\nThé chaud`);
    await admin.page.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
    await flash(admin.page, 'Paramètres enregistrés. Ils seront appliqués sur tous les appareils à leur prochaine synchronisation.');
    await waitSynced(admin.page);

    // B has been open all along: the counter appears at its next sync.
    await navTo(member.page, 'Services');
    await syncUntil(member.page, async () => (await member.page.getByRole('list', { name: 'Compteurs de services' }).getByText('Thé chaud').count()) > 0, 'the new service on B');

    await navTo(admin.page, 'Journal', 'Journal des accès');
    await checkAccessibility(admin, 'journal');
    await expect.poll(() => screenText(admin.page), { timeout: 30_000 }).toContain(`${memberAccount.name} a reçu`);
    expect(await screenText(admin.page)).toContain(`${adminAccount.name} a envoyé`);
  });

  it("(c3) shows an administrator's new custom field on the member's device without a reload, and the value typed there on the administrator's", async () => {
    const { admin, member } = env();
    const label = 'Situation administrative';
    await navTo(admin.page, 'Paramètres', "Paramètres de l'organisation");
    await admin.page.getByRole('button', { name: 'Ajouter un champ : Dossier de la personne (social)' }).click();
    await admin.page.getByLabel('Nom du champ').fill(label);
    await admin.page.getByRole('button', { name: 'Enregistrer les champs personnalisés' }).click();
    await admin.page.getByRole('status').filter({ hasText: 'Champs personnalisés enregistrés' }).waitFor();
    await checkAccessibility(admin, 'settings-custom-fields');
    await waitSynced(admin.page);

    // B opens the person's form before its next sync: the field appears when that sync brings it, with no reload.
    // (The person left the active list in (b): the list shows them once asked to.)
    const openOut = async (page: Page) => {
      await goToPersons(page);
      await page.getByLabel('Inclure les personnes sorties de la file active', { exact: true }).check();
      await page.getByRole('searchbox', { name: 'Rechercher une personne' }).fill(person);
      await personLink(page, person).click();
      await waitForHeading(page, person);
    };
    await openOut(member.page);
    await member.page.getByRole('link', { name: 'Modifier la personne' }).click();
    await waitForHeading(member.page, 'Modifier la personne');
    await syncUntil(member.page, async () => (await member.page.getByLabel(label, { exact: true }).count()) > 0, 'the new custom field on B');
    await member.page.getByLabel(label, { exact: true }).fill(customValue);
    await member.page.getByRole('button', { name: 'Enregistrer' }).click();
    await waitForHeading(member.page, person);
    await waitSynced(member.page);

    await openOut(admin.page);
    await syncUntil(admin.page, async () => (await screenText(admin.page)).includes(customValue), 'the custom value on A');
  });

  it('(d) logs a passage and creates an action from « Accueil » with the keyboard alone', async () => {
    const { admin } = env();
    const page = admin.page;
    await navTo(page, 'Accueil');
    // From the top of the page: Tab walks the header and the navigation.
    await page.keyboard.press('Escape');
    await page.evaluate('document.activeElement instanceof HTMLElement && document.activeElement.blur(); window.scrollTo(0, 0)');
    await tabTo(page, /^Rechercher une personne$/);
    await page.keyboard.type(person);
    await tabTo(page, /^Canari/);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: `${person} : passage enregistré` }).waitFor();

    // Quick person creation: its field, typed, Enter.
    await tabTo(page, /^Nom, prénom ou surnom$/);
    await page.keyboard.type(receptionPerson);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: `${receptionPerson} (nouvelle personne) : passage enregistré` }).waitFor();

    // To « Actions » through the navigation, backwards from where focus is.
    await tabTo(page, /^Actions$/, { backwards: true, max: 80 });
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Actions');
    // After a navigation, focus is on the new screen's title, and shows.
    let focused = await focusInfo(page);
    expect(focused).toMatchObject({ tag: 'h1', text: 'Actions', focusVisible: true, indicator: true });
    await tabTo(page, /^Nouvelle action$/);
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Nouvelle action');
    focused = await focusInfo(page);
    expect(focused).toMatchObject({ tag: 'h1', text: 'Nouvelle action', focusVisible: true, indicator: true });
    await tabTo(page, /^Titre$/);
    await page.keyboard.type(keyboardAction);
    await tabTo(page, /^Urgente$/);
    await page.keyboard.press('Space');
    await tabTo(page, /^Ajouter une personne$/);
    await page.keyboard.type(receptionPerson);
    // Enter picks the only match.
    await page.getByRole('button', { name: new RegExp(`^Ajouter ${receptionPerson}`) }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'Personnes liées' }).getByText(receptionPerson, { exact: true }).waitFor();
    await tabTo(page, /^Enregistrer$/);
    await page.keyboard.press('Enter');
    await waitForHeading(page, keyboardAction);
    focused = await focusInfo(page);
    expect(focused).toMatchObject({ tag: 'h1', text: keyboardAction, focusVisible: true, indicator: true });
    expect(await screenText(page)).toContain('Urgent');
    expect(await screenText(page)).toContain(receptionPerson);
    await admin.shot('keyboard-action');
    await waitSynced(page);
  });

  it('(d2) sends a person to the corbeille offline on B (who, when); A restores it and both devices have the file again', async () => {
    const { admin, member } = env();
    const b = member.page;
    await createPerson(member, { name: trashed });
    await waitSynced(b);
    await member.setOffline(true);
    await b.getByRole('button', { name: 'Supprimer la personne' }).click();
    const dialog = b.getByRole('dialog', { name: `Supprimer ${trashed} ?` });
    await dialog.getByRole('button', { name: 'Mettre à la corbeille' }).click();
    await waitForHeading(b, 'Personnes');
    await b.getByText(`Le dossier de ${trashed} a été mis à la corbeille.`).waitFor();
    await b.getByLabel('Rechercher une personne').fill(trashed);
    await b.getByText(`Aucune personne ne correspond à « ${trashed} ».`).waitFor();
    // B's corbeille says what went, when and by whom (« vous » on one's own device), before any sync.
    await navTo(b, 'Corbeille');
    const entryOn = (page: Page) => page.getByRole('list', { name: 'Éléments supprimés' }).getByRole('listitem').filter({ hasText: trashed });
    await expect.poll(() => entryOn(b).innerText()).toMatch(new RegExp(`Personne\\s+${trashed}\\s+Supprimé le \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2} par vous`));
    await member.setOffline(false);
    await waitSynced(b);

    // A gets the deletion at a sync, and restores the file from its own corbeille.
    const a = admin.page;
    await navTo(a, 'Corbeille');
    await syncUntil(a, async () => (await entryOn(a).count()) > 0, 'the deletion reaches A');
    expect(await entryOn(a).innerText()).toContain(`par ${memberAccount.name}`);
    await entryOn(a).getByRole('button', { name: `Restaurer ${trashed}` }).click();
    await a.getByText(`« ${trashed} » a été restauré(e).`).waitFor();
    await expect.poll(() => entryOn(a).count()).toBe(0);
    await a.getByRole('link', { name: 'Ouvrir le dossier' }).click();
    await waitForHeading(a, trashed);
    await waitSynced(a);

    // B gets it back, in its list and its file.
    await syncUntil(
      b,
      async () => {
        await goToPersons(b);
        return (await personLink(b, trashed).count()) > 0;
      },
      'the restored person reaches B',
    );
    await openPerson(b, trashed);
    await navTo(b, 'Corbeille');
    await expect.poll(() => entryOn(b).count()).toBe(0);
  });

  it('(e) finds no serious or critical axe violation on the main screens', async () => {
    const { admin } = env();
    const page = admin.page;
    await goToPersons(page);
    await picture(admin, 'persons-list');
    await checkAccessibility(admin, 'persons');
    await navTo(page, 'Actions');
    for (const [view, shot] of [
      ["Aujourd'hui", 'actions-today'],
      ['En retard', 'actions-late'],
      ['À venir', 'actions-upcoming'],
      ['Semaine', 'actions-week'],
    ] as const) {
      await page.getByRole('navigation', { name: 'Vues des actions' }).getByRole('link', { name: new RegExp(`^${view}`) }).click();
      await expect.poll(() => page.getByRole('navigation', { name: 'Vues des actions' }).locator('[aria-current="page"]').innerText()).toMatch(new RegExp(`^${view}`));
      await page.getByText('Chargement des actions…').waitFor({ state: 'hidden' });
      if (shot === 'actions-today' || shot === 'actions-week') await picture(admin, shot);
      await checkAccessibility(admin, shot);
    }
    for (const [entry, shot] of [
      ['Passages', 'passages'],
      ['Rencontres', 'encounters'],
      ['Territoires', 'territories'],
      ['Comptes-rendus', 'report'],
      ['Services', 'services'],
      ['Accueil', 'reception'],
      ['Corbeille', 'trash'],
    ] as const) {
      await navTo(page, entry);
      await page.getByText(/^Chargement/).first().waitFor({ state: 'hidden' });
      await picture(admin, shot);
      await checkAccessibility(admin, shot);
    }
    await goTo(page, `/territoires/${ids.territory}`);
    await waitForHeading(page, territory);
    await page.getByRole('list', { name: 'Observations du territoire' }).waitFor();
    await picture(admin, 'territory');
    await checkAccessibility(admin, 'territory');
  });

  it('(f) leaves no trace of any canary on the server, in its logs, in IndexedDB or on the wire', async () => {
    const { backend, admin, member } = env();
    await waitSynced(admin.page);
    await waitSynced(member.page);
    const needles = canaries.map((c) => c.needle);
    expect(new Set(needles).size).toBe(canaries.length);

    const wire: Haystack[] = [admin, member].flatMap((device) =>
      device.requests.map((request, index) => ({ where: `${device.name} request ${index} ${request.method} ${request.url}`, text: `${request.url}\n${request.body ?? ''}` })),
    );
    expect(wire.filter((request) => request.where.includes('/api/sync/push')).length).toBeGreaterThan(3);
    expect(findCanaries(needles, wire)).toEqual([]);

    for (const device of [admin, member]) {
      const dump = await readBrowserStorage(device.page);
      writeStorageDump(join(backend.artifacts, `${device.name}-storage.txt`), device.name, dump);
      expect(dump.records.length).toBeGreaterThan(30);
      const haystacks = storageHaystacks(device.name, dump);
      const email = device === admin ? adminAccount.email : memberAccount.email;
      expect(findCanaries([email], haystacks).length).toBeGreaterThan(0);
      expect(findCanaries(needles, haystacks), `${device.name} local storage`).toEqual([]);
    }

    const dumps = await backend.dumpDatabase();
    const tables = tableHaystacks(dumps);
    expect(findCanaries([organisation.split(' ')[1] ?? organisation], tables).length).toBeGreaterThan(0);
    expect(findCanaries(needles, tables), 'server database').toEqual([]);

    const logs: Haystack[] = backend.server.logs.map((entry, index) => ({ where: `server ${entry.stream} line ${index}`, text: entry.line }));
    expect(logs.length).toBeGreaterThan(0);
    expect(findCanaries(needles, logs), 'server logs').toEqual([]);
  });
});

/** The figure shown for one service on the counters screen. */
async function counterValue(page: Page, service: string): Promise<string> {
  const row = page.getByRole('list', { name: 'Compteurs de services' }).getByRole('listitem').filter({ hasText: service }).first();
  return (await row.locator('.counter-value').innerText()).trim();
}
