// Input → painted result, timed inside the page by INPUT_PROBE: the bench arms the probe, performs
// the input (a keystroke, a click), and waits until the screen has stopped changing for QUIET_MS
// and the caller's condition holds (the dossier's heading is there, the list is filtered). The
// latency is from the input event to the paint of the last change.
import type { Page } from 'playwright-core';
import { sleep } from './device.ts';
import type { ProbeState } from './probes.ts';

const QUIET_MS = 400;
const POLL_MS = 50;

export interface Latency {
  ms: number;
  /** DOM changes seen between the input and the quiet period. */
  changes: number;
  /** True when the screen never stayed still (or the condition never held) within the time limit. */
  timedOut: boolean;
}

async function read(page: Page): Promise<ProbeState> {
  return (await page.evaluate('window.__benchProbe.read()')) as ProbeState;
}

export async function measureInput(
  page: Page,
  input: () => Promise<void>,
  ready: () => Promise<boolean> = () => Promise.resolve(true),
  timeoutMs = 15_000,
): Promise<Latency> {
  await page.evaluate('window.__benchProbe.arm()');
  await input();
  const deadline = Date.now() + timeoutMs;
  let state = await read(page);
  for (;;) {
    await sleep(POLL_MS);
    state = await read(page);
    if (state.inputAt === 0) {
      if (Date.now() > deadline) throw new Error('the input never reached the page');
      continue;
    }
    const lastEvent = Math.max(state.lastChange, state.inputAt);
    const painted = state.changes === 0 ? state.firstPaint > 0 : state.lastPaint >= state.lastChange;
    const still = state.now - lastEvent >= QUIET_MS;
    if (painted && still && (await ready())) break;
    if (Date.now() > deadline) {
      await page.evaluate('window.__benchProbe.disarm()');
      return { ms: endOf(state) - state.inputAt, changes: state.changes, timedOut: true };
    }
  }
  await page.evaluate('window.__benchProbe.disarm()');
  return { ms: endOf(state) - state.inputAt, changes: state.changes, timedOut: false };
}

function endOf(state: ProbeState): number {
  return state.changes === 0 ? state.firstPaint : Math.max(state.lastPaint, state.lastChange);
}
