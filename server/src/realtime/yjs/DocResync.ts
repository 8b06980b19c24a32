/**
 * Catching up after the bus was down. Updates and awareness published while
 * it was down never arrive, so the room reads the store again (what other
 * nodes stored meanwhile goes to our connections, as if it had come over the
 * bus; Yjs skips what we have) and publishes our connections' awareness
 * again. `announce`: our own bus was down, so we also ask the other nodes to
 * do the same (what we stored may not have reached them). Requests while one
 * runs are coalesced into one more run; a request before the document is
 * loaded waits for the load (which reads the store anyway) and only keeps
 * the announcement.
 */
import * as Y from 'yjs';
import type { Logger } from 'pino';
import type { Store } from '../../store/Store.js';
import { fromBus } from './docOrigins.js';

/** What a resync needs from its room. */
export interface ResyncHost {
  readonly name: string;
  readonly doc: Y.Doc;
  /** The room is closed or failed: stop. */
  stopped(): boolean;
  loaded(): boolean;
  announce(): void;
  /** The store held updates through this id. */
  storedThrough(lastUpdateId: number): void;
  republishAwareness(): void;
}

export class DocResync {
  private afterLoad = false;
  private announce = false;
  private again = false;
  private running: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly host: ResyncHost,
  ) {}

  /** Asks for a resync; resolves when the run that covers it is done. */
  request(announce: boolean): Promise<void> {
    if (this.host.stopped()) return Promise.resolve();
    if (!this.host.loaded()) {
      // load() reads the store anyway; it runs this again when done, for the announcement.
      this.afterLoad ||= announce;
      return Promise.resolve();
    }
    this.announce ||= announce;
    this.again = true;
    this.running ??= this.loop().finally(() => (this.running = null));
    return this.running;
  }

  /** The document is loaded: runs the announcement asked for meanwhile. */
  loaded(): void {
    if (this.afterLoad) void this.request(true);
  }

  private async loop(): Promise<void> {
    while (this.again && !this.host.stopped()) {
      this.again = false;
      const announce = this.announce;
      this.announce = false;
      if (announce) this.host.announce();
      try {
        const stored = await this.store.loadDoc(this.host.name);
        if (this.host.stopped()) return;
        // As if it came over the bus: already stored, only ours to send on. Yjs skips what we have.
        this.host.doc.transact(() => {
          if (stored.snapshot) Y.applyUpdate(this.host.doc, stored.snapshot);
          for (const u of stored.updates) Y.applyUpdate(this.host.doc, u);
        }, fromBus);
        this.host.storedThrough(stored.lastUpdateId);
      } catch (error) {
        this.log.warn({ err: error, doc: this.host.name }, 'could not read the document again after the bus was down');
      }
      this.host.republishAwareness();
    }
  }
}
