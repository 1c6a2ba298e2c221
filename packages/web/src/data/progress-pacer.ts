// The first sync's progress, told to the page at a pace it can afford. Each message is a render
// and a frame on the page's main thread, during the very sync whose main-thread tasks must stay
// short (traced: a progress frame laid out the whole screen, 15–17 ms of CPU at 4×, and such a
// frame waiting for a core made the sync's longest task). A page arrives about every second; a
// count is told at most every PROGRESS_EVERY_MS, a phase change at once, and the count held back
// when the sync stops, so the last figure shown is the true one.
import type { Clock } from '@relais/core/ports';
import type { SyncProgress } from './types.ts';

export const PROGRESS_EVERY_MS = 2_000;

export class ProgressPacer {
  #lastAt = -Infinity;
  #lastPhase: SyncProgress['phase'] | null = null;
  #held: SyncProgress | null = null;

  constructor(
    private readonly tell: (progress: SyncProgress) => void,
    private readonly clock: Clock,
  ) {}

  report(progress: SyncProgress): void {
    const now = this.clock.now();
    if (progress.phase !== this.#lastPhase || now - this.#lastAt >= PROGRESS_EVERY_MS) this.#send(progress, now);
    else this.#held = progress;
  }

  /** Tells the count held back, if any (the sync stopped). */
  flush(): void {
    if (this.#held) this.#send(this.#held, this.clock.now());
  }

  #send(progress: SyncProgress, now: number): void {
    this.#held = null;
    this.#lastAt = now;
    this.#lastPhase = progress.phase;
    this.tell(progress);
  }
}
