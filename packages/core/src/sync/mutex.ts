// Serialises async critical sections of one engine instance. Each engine owns its own lock:
// no module-level state, so two engines (two devices in a test, two accounts) never block each other.
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Runs `task` after every task queued before it, whether those succeeded or failed. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    this.#tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
