// The browser's first rendering of the unlocked app, done ahead on a hidden sample of it. The first
// layout after an unlock compiled the unlocked app's stylesheet and loaded the faces and sizes of
// its text (bold names, small badges): traced on a slowed phone, 30 ms of style and 65 ms of
// layout for ~100 boxes, after the key derivation, on the warm start's path. Done while the
// password is typed or derived (in the task after the unlocked app's code and stylesheet arrived),
// the first render after the keys only lays out the boxes (decision 015).

/** The markup of a person list screen and its shell, with the classes the stylesheets style: no data, only samples of each kind of text. */
const SAMPLE = `
<header class="app-header"><div class="brand-row"><p class="brand">Relais <span class="org">Organisation</span></p>
<div class="session-actions"><button type="button" class="secondary small">Verrouiller</button></div></div></header>
<nav class="main-nav"><ul><li><a href="#">Personnes</a></li></ul></nav>
<main class="persons-screen"><div class="title-row"><h1>Personnes</h1><a href="#" class="button primary small new-person">Nouvelle personne</a></div>
<p class="sync-progress">Synchronisation…</p>
<div class="search"><label>Rechercher une personne</label><p class="hint">Nom, surnom ou téléphone ; accents facultatifs.</p><input type="search"></div>
<div class="status-message result-count">5 000 personnes.</div>
<ul class="person-list virtual"><li><a href="#" class="person-row"><span class="person-name">Hélène Diallo</span>
<span class="person-meta"><span class="other-names">Lili</span><span> · </span><span class="age">45 ans</span></span>
<span class="badges"><span class="badge alert-badge"><span>⚠ </span>Alerte</span><span class="badge danger">Très vulnérable</span><span class="badge muted">Hors file active</span><span class="badge team">Maraude</span></span></a></li></ul>
</main>`;

let done = false;

/** Lays out the sample once, out of sight and out of the accessibility tree, then removes it. */
export function warmUpRendering(): void {
  if (done || typeof document === 'undefined' || !document.body) return;
  done = true;
  // Already rendered for real: nothing left to warm.
  if (document.querySelector('.app-header')) return;
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  // Laid out at a phone's width but nowhere to be seen: off screen, invisible, not in the page's flow.
  host.style.cssText = 'position:absolute;left:-10000px;top:0;width:360px;visibility:hidden;pointer-events:none;contain:strict;height:800px';
  host.innerHTML = SAMPLE;
  document.body.append(host);
  void host.offsetHeight;
  host.remove();
}

/** Warms up in the first idle moment (at the latest after 200 ms). */
export function warmUpWhenIdle(): void {
  if (typeof requestIdleCallback === 'undefined') setTimeout(warmUpRendering, 0);
  else requestIdleCallback(warmUpRendering, { timeout: 200 });
}
