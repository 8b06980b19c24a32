/**
 * The bus for several nodes: Redis pub/sub (node-redis), chosen by
 * `REDIS_URL`. One connection publishes, one subscribes; node-redis
 * reconnects by itself (with backoff) and subscribes again after a Redis
 * restart. Messages published while Redis is away wait in the client's
 * queue. Channel names get a prefix, so several deployments (or test runs)
 * can share one Redis.
 */
import { createClient } from 'redis';
import type { Bus, BusHandler } from '../Bus.js';

function makeClient(url: string, onError: (error: unknown) => void) {
  const c = createClient({
    url,
    socket: {
      // Back off up to 2 s and keep trying: a Redis restart must not need a node restart.
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2000),
      connectTimeout: 5000,
    },
  });
  c.on('error', onError);
  return c;
}
type Client = ReturnType<typeof makeClient>;

export interface RedisBusOptions {
  /** Prepended to every channel name (default `plenary:`). */
  prefix?: string;
  onError?: (error: unknown) => void;
}

export class RedisBus implements Bus {
  private readonly handlers = new Map<string, Set<BusHandler>>();
  private readonly resyncListeners = new Set<() => void>();
  private closed = false;

  private constructor(
    private readonly pub: Client,
    private readonly sub: Client,
    private readonly prefix: string,
  ) {}

  /** Connects both connections; rejects if Redis cannot be reached now. */
  static async connect(url: string, options: RedisBusOptions = {}): Promise<RedisBus> {
    const onError = options.onError ?? (() => undefined);
    const pub = makeClient(url, onError);
    const sub = makeClient(url, onError);
    await Promise.all([pub.connect(), sub.connect()]);
    const bus = new RedisBus(pub, sub, options.prefix ?? 'plenary:');
    // 'ready' again after the first time: the subscriber reconnected; what was published meanwhile is gone.
    sub.on('ready', () => {
      for (const l of bus.resyncListeners) l();
    });
    return bus;
  }

  async publish(channel: string, payload: Uint8Array): Promise<void> {
    await this.pub.publish(this.prefix + channel, Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength));
  }

  async subscribe(channel: string, handler: BusHandler): Promise<() => Promise<void>> {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      const handlers = set;
      await this.sub.subscribe(
        this.prefix + channel,
        (message: Buffer) => {
          const bytes = new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
          for (const h of [...handlers]) h(bytes);
        },
        true,
      );
    }
    set.add(handler);
    return async () => {
      const current = this.handlers.get(channel);
      if (!current) return;
      current.delete(handler);
      if (current.size === 0) {
        this.handlers.delete(channel);
        if (!this.closed) await this.sub.unsubscribe(this.prefix + channel);
      }
    };
  }

  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  /** Whether Redis answers now (for readiness). */
  async ping(): Promise<boolean> {
    try {
      return this.pub.isReady && (await this.pub.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.handlers.clear();
    await Promise.allSettled([this.pub.close(), this.sub.close()]);
  }
}
