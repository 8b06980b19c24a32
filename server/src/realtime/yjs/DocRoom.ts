/**
 * One collaborative document on this node, and the connections editing it.
 * The room owns the document's lifecycle — load, fail, discard, destroy —
 * and routes each change by where it came from; every concern is its own
 * module, and the room composes them:
 *
 *   docProtocol.ts         the message flow on a connection, and its messages
 *   DocConnections.ts      the connections: backlog, rate and size bounds, decoding, sending
 *   GuardedApply.ts        the document's guard, and undoing the changes it refuses
 *   DocWriter.ts           write batching: store (one fsync per tick), then send on and say "saved"
 *   DocCompaction.ts       replacing the stored update log with a snapshot
 *   DocBusLink.ts          fan-out to and from the other nodes serving the document
 *   CrossNodeAwareness.ts  cursors and presence across connections and nodes
 *   DocResync.ts           catching up after the bus was down
 *
 * A change from a connection goes connections → guard → writer → (stored)
 * → the other connections and the bus → "saved" to its author. A change from
 * the bus is already stored elsewhere: it only goes to our connections.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Logger } from 'pino';
import { CloseCode, type DocRef } from '@plenary/shared';
import type { Store } from '../../store/Store.js';
import type { Bus } from '../../bus/Bus.js';
import { CrossNodeAwareness } from './CrossNodeAwareness.js';
import { DocBusLink } from './DocBusLink.js';
import { DocConnections } from './DocConnections.js';
import { fromBus, fromServer, fromStore } from './docOrigins.js';
import { isConnection, refusedMessage, updateMessage, type DocConnection } from './docProtocol.js';
import { DocResync } from './DocResync.js';
import { DocWriter } from './DocWriter.js';
import { GuardedApply, type DocGuardProvider } from './GuardedApply.js';

export type { DocConnection, DocRefusal } from './docProtocol.js';
export type { DocGuard, DocGuardProvider } from './GuardedApply.js';
export { fromServer } from './docOrigins.js';

export interface DocRoomDeps {
  store: Store;
  bus: Bus;
  nodeId: string;
  log: Logger;
  compactEvery: number;
  awarenessFlushMs: number;
  maxUpdateBytes: number;
  maxDocBytes: number;
}

export class DocRoom {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly conns: DocConnections;
  readonly loaded: Promise<void>;
  /** Server-side users of the document (see DocHub.lease); the room stays open while any hold it. */
  leases = 0;
  private isLoaded = false;
  private destroyed = false;
  private failed = false;
  private guarded: GuardedApply | null = null;
  private readonly writer: DocWriter;
  private readonly bus: DocBusLink;
  private readonly presence: CrossNodeAwareness;
  private readonly resyncer: DocResync;

  constructor(
    readonly name: string,
    readonly ref: DocRef,
    private readonly deps: DocRoomDeps,
    private readonly onFailed: (room: DocRoom) => void,
    private readonly guardProvider: DocGuardProvider | null = null,
  ) {
    this.conns = new DocConnections({
      name,
      doc: this.doc,
      awareness: this.awareness,
      log: deps.log,
      maxUpdateBytes: deps.maxUpdateBytes,
      maxDocBytes: deps.maxDocBytes,
      ready: () => this.isLoaded,
      stopped: () => this.failed,
      docBytes: () => this.writer.bytes,
      applyUpdate: (conn, update) => this.applyFrom(conn, update),
      writesIdle: () => this.writer.idle(),
      left: (conn) => this.presence.leave(conn),
    });
    this.writer = new DocWriter(name, this.doc, deps.store, deps.log, deps.compactEvery, {
      receivedCounts: () => this.conns.receivedCounts(),
      fanOut: (update, origin) => {
        this.conns.broadcast(updateMessage(update), origin);
        this.bus.publishUpdate(update);
      },
      saved: (vector, durable) => this.conns.sendSaved(vector, durable),
      fail: () => this.fail(),
      failed: () => this.failed,
    });
    this.bus = new DocBusLink(name, deps.bus, deps.nodeId, deps.log, {
      update: (update) => Y.applyUpdate(this.doc, update, fromBus),
      awareness: (node, update) => this.presence.applyRemote(node, update),
      query: () => this.presence.publishLocal(),
      resync: () => void this.resync(false),
      closed: () => this.destroyed,
      stopped: () => this.failed || this.destroyed,
    });
    this.presence = new CrossNodeAwareness(this.awareness, deps.awarenessFlushMs, {
      connections: () => this.conns.values(),
      broadcast: (message) => this.conns.broadcast(message),
      publish: (update) => this.bus.publishAwareness(update),
      closed: () => this.destroyed,
    });
    this.resyncer = new DocResync(deps.store, deps.log, {
      name,
      doc: this.doc,
      stopped: () => this.destroyed || this.failed,
      loaded: () => this.isLoaded,
      announce: () => this.bus.announceResync(),
      storedThrough: (id) => this.writer.storedElsewhere(id),
      republishAwareness: () => this.presence.publishLocal(),
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin));
    this.loaded = this.load();
  }

  private async load(): Promise<void> {
    // Subscribe before reading the store: an update another node stores meanwhile
    // is then in what we read, or on the bus, or both (applying twice is harmless).
    await this.bus.subscribe();
    try {
      const stored = await this.deps.store.loadDoc(this.name);
      this.doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
        for (const u of stored.updates) Y.applyUpdate(this.doc, u);
      }, fromStore);
      this.writer.loadedFrom(stored);
      const guard = this.guardProvider ? await this.guardProvider(this.name, this.ref, this.doc, fromServer) : null;
      if (guard) this.guarded = new GuardedApply(this.doc, guard);
    } catch (error) {
      await this.bus.close().catch(() => undefined);
      throw error;
    }
    this.isLoaded = true;
    this.bus.open();
    for (const conn of this.conns.values()) this.conns.drainBacklog(conn);
    // Whoever already has this document open on other nodes: show us their people.
    this.bus.query();
    this.resyncer.loaded();
  }

  /** Catches up after the bus was down (see DocResync.ts). */
  resync(announce = true): Promise<void> {
    return this.resyncer.request(announce);
  }

  /** Drops the awareness (cursors) of people on a node that is gone, and tells our connections. */
  forgetNode(node: string): void {
    this.presence.forgetNode(node);
  }

  /** Adds a connection; messages that arrived before it was added come in `early`. */
  add(conn: DocConnection, early: Uint8Array[]): void {
    this.conns.add(conn, early);
  }

  /** Closes a connection with a code and reason; its awareness disappears. */
  close(conn: DocConnection, code: number, reason: string): void {
    this.conns.close(conn, code, reason);
  }

  /** Updates a connection's write access, as the workshop's state changed. */
  setWritable(conn: DocConnection, canWrite: boolean): void {
    this.conns.setWritable(conn, canWrite);
  }

  get size(): number {
    return this.conns.size;
  }

  /** Replaces the stored update log with one snapshot. */
  compact(): Promise<void> {
    return this.writer.compact();
  }

  /** Waits until every update received so far is stored. */
  settled(): Promise<void> {
    return this.writer.settled();
  }

  /** Applies a connection's update; with a guard, undoes it if refused (see GuardedApply.ts). */
  private applyFrom(conn: DocConnection, update: Uint8Array): void {
    if (!this.guarded) {
      Y.applyUpdate(this.doc, update, conn);
      return;
    }
    const refusal = this.guarded.apply(conn, update, this.writer);
    if (!refusal) return;
    this.deps.log.info({ doc: this.name, participant: conn.participantId, code: refusal.code }, 'document change refused and undone');
    if (conn.wantsSaved) this.conns.send(conn, refusedMessage(refusal));
  }

  private onDocUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === fromStore) return;
    if (origin === fromBus) {
      // Stored by the node that received it; only ours to fan out.
      this.writer.countRemote(update);
      this.conns.broadcast(updateMessage(update));
      return;
    }
    this.writer.write(update, isConnection(origin) ? origin : null);
  }

  private fail(): void {
    // What we hold in memory may now differ from the store: drop it, and let
    // every client reconnect and sync again (they still have their edits).
    this.failed = true;
    this.conns.closeAll(CloseCode.retryLater, 'The server could not save; reconnecting.');
    this.onFailed(this);
  }

  /**
   * Drops the document without storing anything more of it (its workshop was
   * deleted): closes every connection with `code`; what is pending is thrown away.
   */
  discard(code: number, reason: string): void {
    this.failed = true;
    this.writer.discard();
    this.conns.closeAll(code, reason);
  }

  /** Stops: stores what is pending, compacts, and releases the document. */
  async destroy(): Promise<void> {
    // Other nodes hear now that our people left, rather than when our heartbeats stop.
    if (!this.failed) this.presence.flush();
    this.destroyed = true;
    this.guarded?.destroy();
    await this.settled();
    await this.compact();
    await this.bus.close();
    this.presence.destroy();
    this.doc.destroy();
  }
}
