// Scripts run inside the page. Plain JavaScript strings on purpose: a TypeScript function passed to
// page.evaluate is transpiled by tsx, which may add helpers (such as __name) that do not exist in
// the page.

/**
 * Calls `done` with the time of the task after the next frame's rendering: a requestAnimationFrame,
 * then a message. That task runs once the frame has been painted.
 */
export const AFTER_PAINT = String.raw`(done, clock = () => performance.now()) => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => done(clock());
  channel.port2.postMessage(0);
})`;

/**
 * Installed in every document before the app's scripts (addInitScript). Once armed, it records when
 * the next input event happened (event.timeStamp), when the screen last changed (a DOM mutation
 * outside the sync bar and progress indicators) and when the frame showing that change was painted
 * (a requestAnimationFrame, then a message: the task after the frame's rendering). A change's
 * latency is that paint time minus the input time; an input that changes nothing gets the first
 * frame after it.
 */
export const INPUT_PROBE = String.raw`(() => {
  if (window.__benchProbe) return;
  const IGNORE = '[aria-label="État de la synchronisation"], [role="progressbar"], progress, .sync-progress';
  const state = { armed: false, inputAt: 0, firstPaint: 0, lastChange: 0, lastPaint: 0, changes: 0 };
  const afterPaint = ${AFTER_PAINT};
  const relevant = (node) => {
    const element = node.nodeType === 1 ? node : node.parentElement;
    return element !== null && element.closest(IGNORE) === null;
  };
  let framePending = false;
  const observer = new MutationObserver((records) => {
    if (!state.armed || state.inputAt === 0) return;
    if (!records.some((r) => relevant(r.target))) return;
    state.changes += 1;
    state.lastChange = performance.now();
    if (framePending) return;
    framePending = true;
    afterPaint((t) => { framePending = false; state.lastPaint = t; });
  });
  const observe = () => observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  if (document.documentElement) observe(); else document.addEventListener('readystatechange', observe, { once: true });
  for (const type of ['keydown', 'pointerdown', 'mousedown']) {
    addEventListener(type, (event) => {
      if (!state.armed || state.inputAt !== 0) return;
      state.inputAt = event.timeStamp;
      afterPaint((t) => { if (state.firstPaint === 0) state.firstPaint = t; });
    }, true);
  }
  window.__benchProbe = {
    arm() { Object.assign(state, { armed: true, inputAt: 0, firstPaint: 0, lastChange: 0, lastPaint: 0, changes: 0 }); },
    read() { return { ...state, now: performance.now() }; },
    disarm() { state.armed = false; },
  };
})();`;

/**
 * Installed in every document before the app's scripts (addInitScript): the first level-1 heading
 * shown (a start's first screen: login or unlock) and the time (Date.now(), the bench's clock) of
 * the first painted frame showing it. A DOM mutation notices the heading; the paint is found as in
 * INPUT_PROBE. The observer is then disconnected: a
 * second one watching every mutation made the rest of the run slower (a file opening inserts
 * thousands of nodes). So the bench learns when the first screen showed without asking the page
 * with selectors: Playwright's role queries run on the slowed main thread (~20 ms each at 4×, plus
 * ~50 ms to inject its selector engine), during the start they measure, and each poll added up to
 * its period to the figure.
 */
export const FIRST_SCREEN_PROBE = String.raw`(() => {
  if (window.__benchFirstScreen) return;
  const afterPaint = ${AFTER_PAINT};
  const first = { title: '', at: 0 };
  window.__benchFirstScreen = first;
  let observer = null;
  const look = () => {
    const heading = document.getElementsByTagName('h1')[0];
    const title = heading ? heading.textContent.trim() : '';
    if (title === '') return;
    observer.disconnect();
    first.title = title;
    afterPaint((t) => { first.at = t; }, Date.now);
  };
  const observe = () => {
    observer = new MutationObserver(look);
    observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  };
  if (document.documentElement) observe(); else document.addEventListener('readystatechange', observe, { once: true });
})();`;

export interface ProbeState {
  armed: boolean;
  inputAt: number;
  firstPaint: number;
  lastChange: number;
  lastPaint: number;
  changes: number;
  now: number;
}

/**
 * The raw baseline of the search: the same persons (name, other names, phone, given by the bench)
 * filtered by a plain loop over keys normalised once, as any in-memory index would hold them.
 * Returns the time of each query (ms) and how many persons matched.
 */
export const PLAIN_SEARCH = String.raw`(({ persons, queries }) => {
  const norm = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const digits = (s) => s.replace(/\D+/g, '');
  const keys = persons.map(([name, otherNames, phone]) => ({ text: norm(name + ' ' + otherNames), phone: digits(phone) }));
  const out = [];
  for (const query of queries) {
    const t0 = performance.now();
    const words = norm(query).split(' ').filter(Boolean);
    const queryDigits = /^[\d\s.+()-]+$/.test(query.trim()) ? digits(query) : '';
    let count = 0;
    for (const key of keys) {
      if (words.every((w) => key.text.includes(w)) || (queryDigits.length >= 3 && key.phone.includes(queryDigits))) count += 1;
    }
    out.push({ ms: performance.now() - t0, count });
  }
  return out;
})`;

/**
 * The raw baseline of the sync: the same pull pages the app asked for, fetched in order by plain
 * fetch and parsed with response.json(), nothing decrypted or stored. Like the app (which reads
 * one page ahead), the next page is asked as soon as the current one's headers are in, so the
 * baseline is what the network allows, not a fetch-then-parse relay. Returns when each page had
 * been parsed (ms after the first request) and how many records they held.
 */
export const PLAIN_PULL = String.raw`(async ({ urls, token }) => {
  const t0 = performance.now();
  const done = [];
  let records = 0;
  const ask = (url) => fetch(url, { headers: { authorization: 'Bearer ' + token } });
  let next = urls.length > 0 ? ask(urls[0]) : null;
  for (let i = 0; i < urls.length; i++) {
    const response = await next;
    if (!response.ok) throw new Error('pull ' + response.status + ' ' + urls[i]);
    next = i + 1 < urls.length ? ask(urls[i + 1]) : null;
    const page = await response.json();
    records += page.changes.length;
    done.push(performance.now() - t0);
  }
  return { done, records };
})`;
