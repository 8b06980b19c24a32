/**
 * A minimal external store: state outside React, read by components with
 * `useSyncExternalStore`. Snapshots are immutable; `set` replaces them.
 */
export class Store<T> {
  private listeners = new Set<() => void>();

  constructor(private snapshot: T) {}

  getSnapshot = (): T => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(next: T | ((prev: T) => T)): void {
    const value = typeof next === 'function' ? (next as (prev: T) => T)(this.snapshot) : next;
    if (Object.is(value, this.snapshot)) return;
    this.snapshot = value;
    for (const l of [...this.listeners]) l();
  }
}
