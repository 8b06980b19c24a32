import type { Bus, BusHandler } from '../Bus.js';

/** The default bus: delivery within this process, asynchronously, in publish order. */
export class InProcessBus implements Bus {
  private readonly channels = new Map<string, Set<BusHandler>>();

  async publish(channel: string, payload: Uint8Array): Promise<void> {
    const handlers = this.channels.get(channel);
    if (!handlers) return;
    for (const h of [...handlers]) queueMicrotask(() => h(payload));
  }

  async subscribe(channel: string, handler: BusHandler): Promise<() => Promise<void>> {
    let set = this.channels.get(channel);
    if (!set) this.channels.set(channel, (set = new Set()));
    set.add(handler);
    return async () => {
      set.delete(handler);
      if (set.size === 0) this.channels.delete(channel);
    };
  }

  /** In one process nothing is ever lost in transit. */
  onResync(_listener: () => void): () => void {
    return () => undefined;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.channels.clear();
  }
}
