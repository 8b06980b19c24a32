/**
 * A room's link to the other nodes serving the same document: its bus
 * channel (`BusChannel.doc(name)`, message kinds in docBus.ts). Publishes
 * what this node stored (after it is stored), our connections' awareness,
 * queries and resync announcements; receives theirs, skips our own, holds
 * what arrives while the document is still loading and hands the rest to the
 * room's handlers. A failed publish is logged, not retried: the other nodes
 * catch up on resync.
 */
import type { Logger } from 'pino';
import { BusChannel, type Bus } from '../../bus/Bus.js';
import { decodeDocBusMessage, DocBusKind, encodeDocBusMessage, type DocBusMessage } from './docBus.js';

/** What the room does with each kind of message from another node. */
export interface DocBusHandlers {
  /** An update the other node stored. */
  update(update: Uint8Array): void;
  /** Awareness of the other node's connections. */
  awareness(node: string, update: Uint8Array): void;
  /** The other node asks for our connections' awareness. */
  query(): void;
  /** The other node's bus was down: read the store again and re-send awareness. */
  resync(): void;
  /** The room is closed: drop everything. */
  closed(): boolean;
  /** The room takes nothing more (failed or closed). */
  stopped(): boolean;
}

export class DocBusLink {
  /** Messages that arrived while the document was loading; handled once it is. */
  private backlog: DocBusMessage[] | null = [];
  private unsubscribe: (() => Promise<void>) | null = null;

  constructor(
    private readonly name: string,
    private readonly bus: Bus,
    private readonly nodeId: string,
    private readonly log: Logger,
    private readonly handlers: DocBusHandlers,
  ) {}

  /** Subscribes; messages are held until `open`. */
  async subscribe(): Promise<void> {
    this.unsubscribe = await this.bus.subscribe(BusChannel.doc(this.name), (payload) => this.onMessage(payload));
  }

  /** The document is loaded: handles what was held, and from now on every message as it comes. */
  open(): void {
    const early = this.backlog ?? [];
    this.backlog = null;
    for (const message of early) this.dispatch(message);
  }

  async close(): Promise<void> {
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = null;
    await unsubscribe?.();
  }

  publishUpdate(update: Uint8Array): void {
    this.publish({ node: this.nodeId, kind: DocBusKind.update, update });
  }

  publishAwareness(update: Uint8Array): void {
    this.publish({ node: this.nodeId, kind: DocBusKind.awareness, update });
  }

  /** Asks the other nodes for their connections' awareness. */
  query(): void {
    this.publish({ node: this.nodeId, kind: DocBusKind.query });
  }

  /** Asks the other nodes to read the store again (our bus was down). */
  announceResync(): void {
    this.publish({ node: this.nodeId, kind: DocBusKind.resync });
  }

  private publish(message: DocBusMessage): void {
    this.bus.publish(BusChannel.doc(this.name), encodeDocBusMessage(message)).catch((err: unknown) => {
      this.log.warn({ err, doc: this.name, kind: message.kind }, 'could not publish to other nodes');
    });
  }

  private onMessage(payload: Uint8Array): void {
    if (this.handlers.closed()) return;
    let message: DocBusMessage;
    try {
      message = decodeDocBusMessage(payload);
    } catch (error) {
      this.log.warn({ err: error, doc: this.name }, 'malformed document message from the bus');
      return;
    }
    if (message.node === this.nodeId) return;
    if (this.backlog) this.backlog.push(message);
    else this.dispatch(message);
  }

  private dispatch(message: DocBusMessage): void {
    if (this.handlers.stopped()) return;
    try {
      switch (message.kind) {
        case DocBusKind.update:
          return this.handlers.update(message.update);
        case DocBusKind.awareness:
          return this.handlers.awareness(message.node, message.update);
        case DocBusKind.query:
          return this.handlers.query();
        case DocBusKind.resync:
          return this.handlers.resync();
      }
    } catch (error) {
      this.log.warn({ err: error, doc: this.name, node: message.node }, 'could not apply a document message from another node');
    }
  }
}
