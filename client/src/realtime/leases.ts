/**
 * External resources (a board's connections) that live while something shows
 * them: made when the first holder of a key comes, destroyed when the last
 * one goes. React reads them with `useLease`, through useSyncExternalStore:
 * the resource is made on subscribe (after commit, never during render) and
 * React reads it again right after subscribing, so it renders it at once.
 */
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';

interface Lease<T> {
  value: T;
  holders: number;
}

export class Leases<T extends { destroy(): void }> {
  private readonly byKey = new Map<string, Lease<T>>();

  /** Takes a hold of `key`, making it with `make` if no one holds it; returns the release. */
  hold(key: string, make: () => T): () => void {
    let lease = this.byKey.get(key);
    if (!lease) {
      lease = { value: make(), holders: 0 };
      this.byKey.set(key, lease);
    }
    lease.holders++;
    const held = lease;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      held.holders--;
      if (held.holders > 0 || this.byKey.get(key) !== held) return;
      this.byKey.delete(key);
      held.value.destroy();
    };
  }

  peek(key: string): T | null {
    return this.byKey.get(key)?.value ?? null;
  }
}

/**
 * The resource of `key` while the component is mounted (null on its first
 * render). `make` is read when the resource is made: a change of what it
 * closes over does not remake it; a change of `key` does.
 */
export function useLease<T extends { destroy(): void }>(leases: Leases<T>, key: string, make: () => T): T | null {
  const latest = useRef(make);
  useEffect(() => {
    latest.current = make;
  });
  const subscribe = useCallback((_changed: () => void) => leases.hold(key, () => latest.current()), [leases, key]);
  const read = useCallback(() => leases.peek(key), [leases, key]);
  return useSyncExternalStore(subscribe, read);
}
