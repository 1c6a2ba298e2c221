// A minimal observable value for useSyncExternalStore: one object per state, replaced on change.
export class Store<T extends object> {
  private listeners = new Set<() => void>();

  constructor(protected state: T) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): T => this.state;

  protected set(next: T): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  protected update(patch: Partial<T>): void {
    this.set({ ...this.state, ...patch });
  }
}
