// Locks the app after a period without user input. The delay defaults to 15 minutes; a shorter
// one can be set on a device (tests, shared computers) in localStorage under LOCK_AFTER_KEY.
export const DEFAULT_LOCK_AFTER_MS = 15 * 60_000;
export const LOCK_AFTER_KEY = 'relais.lockAfterMs';

export function lockAfterMs(): number {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(LOCK_AFTER_KEY);
  } catch {
    // Storage can be blocked by the browser: the default applies.
  }
  const value = raw === null ? NaN : Number(raw);
  // Only shorter delays are honoured: a longer one would weaken the protection of the keys.
  return Number.isFinite(value) && value >= 1000 ? Math.min(value, DEFAULT_LOCK_AFTER_MS) : DEFAULT_LOCK_AFTER_MS;
}

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

export class InactivityWatcher {
  private last = Date.now();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly timeoutMs: number,
    private readonly onIdle: () => void,
  ) {}

  private readonly touch = () => {
    this.last = Date.now();
  };

  // A phone put to sleep stops timers: check again as soon as the page is visible.
  private readonly check = () => {
    if (Date.now() - this.last >= this.timeoutMs) {
      this.stop();
      this.onIdle();
    }
  };

  start(): void {
    this.last = Date.now();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, this.touch, { passive: true, capture: true });
    document.addEventListener('visibilitychange', this.check);
    this.timer = setInterval(this.check, Math.min(15_000, Math.max(250, this.timeoutMs / 4)));
  }

  stop(): void {
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, this.touch, { capture: true });
    document.removeEventListener('visibilitychange', this.check);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
