/**
 * A bus whose connection can be cut in tests, as a Redis outage does to one
 * node: while cut, what this node publishes is lost and nothing reaches it;
 * when restored, it says that messages may have been lost (`onResync`), as
 * RedisBus does when its subscriber is ready again. Deterministic: the loss
 * is certain, unlike a real restart, where a queued publish may still arrive.
 * It can also hold what it delivers for a while (`delay`), as a slow bus does.
 */
import type { Bus, BusHandler } from '../bus/Bus.js';

export class FlakyBus implements Bus {
  private cut = false;
  private delayMs = 0;
  private readonly resyncListeners = new Set<() => void>();

  constructor(private readonly inner: Bus) {}

  /** Loses everything from now on, both ways. */
  disconnect(): void {
    this.cut = true;
  }

  /** Holds every message for this node `ms` longer before delivering it (0: at once), as a slow bus would. */
  delay(ms: number): void {
    this.delayMs = ms;
  }

  /** Delivers again, and tells the listeners that messages were lost meanwhile. */
  reconnect(): void {
    this.cut = false;
    for (const l of [...this.resyncListeners]) l();
  }

  async publish(channel: string, payload: Uint8Array): Promise<void> {
    if (this.cut) return;
    await this.inner.publish(channel, payload);
  }

  subscribe(channel: string, handler: BusHandler): Promise<() => Promise<void>> {
    return this.inner.subscribe(channel, (payload) => {
      if (this.cut) return;
      if (this.delayMs === 0) return handler(payload);
      setTimeout(() => this.cut || handler(payload), this.delayMs);
    });
  }

  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    const off = this.inner.onResync(listener);
    return () => {
      this.resyncListeners.delete(listener);
      off();
    };
  }

  async ping(): Promise<boolean> {
    return !this.cut && (await this.inner.ping());
  }

  /** Closes only this node's view; the shared bus underneath stays for the others. */
  async close(): Promise<void> {
    this.cut = true;
    this.resyncListeners.clear();
  }
}
