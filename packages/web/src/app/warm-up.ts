// The browser's first rendering of the unlocked app, done ahead on a hidden sample of it. The first
// layout after an unlock compiled the unlocked app's stylesheet and loaded the faces and sizes of
// its text (bold names, small badges): traced on a slowed phone, 30 ms of style and 65 ms of
// layout for ~100 boxes, after the key derivation, on the warm start's path. Done while the
// password is typed or derived (in the task after the unlocked app's code and stylesheet arrived),
// the first render after the keys only lays out the boxes (decision 015).

/**
 * The markup of the shell (header, sync bar, admin links, bottom bar and its icons) and a person
 * list screen, then of the top of a person's file, with the classes the stylesheets style: no
 * data, only samples of each kind of text. Kept close to Shell.tsx, SyncStatusBar.tsx,
 * PersonListScreen.tsx, person-row.ts and PersonFileScreen.tsx: an element missing here is laid
 * out cold at the first real render (warm-up.test.ts checks the main ones are here). The shell's
 * sample is in two parts, and each part is laid out in a task of its own: the shell and the list in
 * one task took 56 ms of a slowed phone's main thread (ninth session, traced), a key typed in the
 * login meanwhile waited for it; the file's sample followed in a task of its own already.
 */
const ICON = '<svg class="nav-icon" viewBox="0 0 24 24" width="22" height="22"><path d="M4 6h3M10 6h10" fill="none" stroke="currentColor" stroke-width="2"></path></svg>';
const SHELL_SAMPLE = `
<a class="skip-link" href="#">Aller au contenu</a>
<header class="app-header"><div class="brand-row"><p class="brand">Relais <span class="org">Organisation</span></p>
<div class="session-actions"><button type="button" class="secondary small">Verrouiller</button><button type="button" class="secondary small">Se déconnecter</button></div></div></header>
<nav class="main-nav"><ul class="admin-links"><li><a href="#" aria-current="page">Paramètres</a></li></ul>
<ul class="bottom-bar"><li><a href="#" aria-current="page">${ICON}<span>Personnes</span></a></li><li><button type="button" class="plus">${ICON}<span>Plus</span></button></li></ul></nav>
<section class="sync-bar"><div class="sync-state"><span class="pill online"><span class="dot"></span>En ligne</span><span class="pending">Rien en attente</span><span class="syncing">Synchronisation…</span></div>
<p class="first-sync">Première synchronisation</p><p class="last-sync">Dernière synchronisation : 08:06</p><button type="button" class="secondary small">Synchroniser</button></section>`;
const LIST_SAMPLE = `
<div class="shell-body with-admin-links">
<main class="persons-screen"><div class="title-row"><h1>Personnes</h1><a href="#" class="button primary small new-person">Nouvelle personne</a></div>
<p class="sync-progress">Synchronisation…</p>
<div class="search"><label>Rechercher une personne</label><p class="hint">Nom, surnom ou téléphone ; accents facultatifs.</p><input type="search"></div>
<div class="field checkbox"><input type="checkbox"><label>Inclure les personnes sorties de la file active</label></div>
<div class="result-count">5 000 personnes.</div>
<ul class="person-list virtual"><li><a href="#" class="person-row"><span class="person-name">Hélène Diallo</span>
<span class="person-meta"><span class="other-names">Lili</span><span> · </span><span class="age">45 ans</span></span>
<span class="badges"><span class="badge alert-badge"><span>⚠ </span>Alerte</span><span class="badge danger">Très vulnérable</span><span class="badge muted">Hors file active</span><span class="badge team">Maraude</span></span></a></li></ul>
</main></div>`;
const FILE_SAMPLE = `
<div class="shell-body with-admin-links"><main class="person-file"><p class="breadcrumb"><a href="#">← Personnes</a></p>
<div class="title-row"><h1>Hélène Diallo</h1><a href="#" class="button primary">Modifier</a></div>
<p class="person-summary"><span>45 ans</span><span class="badge danger">Très vulnérable</span><span class="badge muted">Hors file active depuis le 24/11/2026</span></p>
<section class="alert-banner"><h2><span>⚠ </span>Alertes</h2><p>Alerte</p></section>
<nav class="file-nav"><ul><li><a href="#">Informations</a></li><li><a href="#">Passages, rencontres</a></li></ul></nav>
</main></div>`;

/**
 * Each sample, and what on the page shows it is too late for it: its screen rendered for real, or
 * about to be. The shell's is laid out while the password is typed or derived, not once the keys
 * are in (« Ouverture de Relais… », `.opening`): then the app's own first render is next, and a
 * sample laid out meanwhile only competed with it and with the data Worker for a slow phone's CPU
 * (traced: a 107 ms layout). The file's is laid out once the person list is shown: earlier, it fell
 * between the person index's arrival and the list's render when the password was submitted at once
 * (a password manager), on the warm start's path.
 */
const SAMPLES = {
  shell: { parts: [SHELL_SAMPLE, LIST_SAMPLE], rendered: '.app-header, .opening' },
  file: { parts: [FILE_SAMPLE], rendered: '.person-file' },
} as const;
export type WarmUpSample = keyof typeof SAMPLES;
/** How many parts of each sample were laid out (or skipped). */
const warmed = new Map<WarmUpSample, number>();

/**
 * Lays out the next part of a sample, out of sight and out of the accessibility tree, then removes
 * it. Returns whether a part was laid out (false: every part was done before, or the sample's
 * screen is already on the page, which ends the sample).
 */
export function warmUpRendering(which: WarmUpSample): boolean {
  const sample = SAMPLES[which];
  const done = warmed.get(which) ?? 0;
  if (done >= sample.parts.length || typeof document === 'undefined' || !document.body) return false;
  if (document.querySelector(sample.rendered)) {
    warmed.set(which, sample.parts.length);
    return false;
  }
  warmed.set(which, done + 1);
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  // Laid out at a phone's width but nowhere to be seen: off screen, invisible, not in the page's flow.
  host.style.cssText = 'position:absolute;left:-10000px;top:0;width:360px;visibility:hidden;pointer-events:none;contain:strict;height:800px';
  host.innerHTML = sample.parts[done]!;
  document.body.append(host);
  void host.offsetHeight;
  host.remove();
  return true;
}

/** Runs `step` in the first idle moment (at the latest after `timeoutMs`), in a task of its own. */
export function whenIdle(step: () => void, timeoutMs: number): void {
  if (typeof requestIdleCallback === 'undefined') setTimeout(step, 0);
  else requestIdleCallback(step, { timeout: timeoutMs });
}

/** Warms a sample up in the first idle moments, a part per moment (each at the latest after `timeoutMs`). */
export function warmUpWhenIdle(which: WarmUpSample, timeoutMs: number): void {
  const step = () => {
    if (warmUpRendering(which)) whenIdle(step, timeoutMs);
  };
  whenIdle(step, timeoutMs);
}
