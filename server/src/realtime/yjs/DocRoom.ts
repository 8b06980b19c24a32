/**
 * One collaborative document on this node, and the connections editing it.
 *
 * Message flow (y-websocket protocol, see shared/src/protocol/closeCodes.ts):
 *   client → step1(sv)        server → step2(what the client lacks)
 *   server → step1(sv)        client → step2(what the server lacks)
 *   client → update            server: check write access and size, apply,
 *                               store (grouped per tick), then fan out to the
 *                               other connections and the bus, then tell the
 *                               sender its edits are saved (`savedStateVector`)
 *   awareness                  merged and sent to everyone in batches
 *
 * Other nodes serving the same document (see docBus.ts): what is stored here
 * is published on the bus; what they stored arrives from it and goes to our
 * connections. Our connections' awareness goes out in the same batches, and
 * theirs comes in, so cursors cross nodes; a dead node's cursors are dropped
 * (`forgetNode`). After the bus was down (`resync`), the room reads the store
 * again and everyone exchanges awareness again, so nothing missed stays missing.
 *
 * A read-only connection's updates are not applied; it is told once with the
 * standard "permission denied" auth message.
 *
 * A document may have a guard (boards do): it checks each connection's change
 * right after it is applied, before anything is stored or sent on. A refused
 * change is undone at once (a Y.UndoManager that records only refused
 * transactions), the change and its undoing are stored and sent on as one
 * update, so every replica — the sender's too — converges on the document as
 * it was, and the sender is told why (`[101, code, message]`, Plenary clients
 * only). Undoing instead of dropping keeps the sender's later updates
 * applicable: Yjs cannot apply an update whose predecessors it never got.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebSocket } from 'ws';
import type { Logger } from 'pino';
import { CloseCode, YMessage, type DocRef } from '@plenary/shared';
import type { Store } from '../../store/Store.js';
import { BusChannel, type Bus } from '../../bus/Bus.js';
import { decodeDocBusMessage, DocBusKind, encodeDocBusMessage, type DocBusMessage } from './docBus.js';
import { type TokenBucket } from '../TokenBucket.js';

export interface DocConnection {
  ws: WebSocket;
  participantId: string;
  canWrite: boolean;
  wantsSaved: boolean;
  /** Awareness client ids this connection controls; removed when it closes. */
  awarenessIds: Set<number>;
  deniedSent: boolean;
  /** Sent an update (or its half of the handshake) and waits to hear it is stored. */
  awaitingSaved: boolean;
  /** Update messages (sync step 2 or update) received on this connection. */
  received: number;
  rate: TokenBucket;
  backlog: Uint8Array[] | null;
}

/** Why the server undid a connection's change. */
export interface DocRefusal {
  code: string;
  message: string;
}

/** Checks on a document's content; see the top of this file. */
export interface DocGuard {
  /**
   * Checks the changes of a connection's transaction; runs in
   * `afterTransaction`, before the transaction's cleanup. Null keeps them.
   */
  check(doc: Y.Doc, tx: Y.Transaction, participantId: string): DocRefusal | null;
  /** After a connection's change was applied and kept. */
  afterUpdate?(participantId: string): void;
}

/** The guard of a document, given its loaded content (it may also fill it, e.g. from a template); null for none. */
export type DocGuardProvider = (name: string, ref: DocRef, doc: Y.Doc, origin: symbol) => Promise<DocGuard | null>;

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

/** Transaction origins that are not connections. */
const fromStore = Symbol('store');
const fromBus = Symbol('bus');
/** Changes the server makes itself (templates, moving private notes): stored and sent to everyone. */
export const fromServer = Symbol('server');
/** Awareness removed because one of our connections closed: other nodes must hear it. */
const fromLocalLeave = Symbol('local leave');
/** Awareness removed because the node it came from is gone: ours alone to tell our connections. */
const fromNodeGone = Symbol('node gone');

/** Awareness applied from another node's message. */
class RemoteAwareness {
  constructor(readonly node: string) {}
}

interface PendingUpdate {
  update: Uint8Array;
  origin: DocConnection | null;
}

export class DocRoom {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly conns = new Map<WebSocket, DocConnection>();
  readonly loaded: Promise<void>;
  private isLoaded = false;
  private pending: PendingUpdate[] = [];
  private flushing: Promise<void> | null = null;
  private lastStoredId = 0;
  private sinceCompaction = 0;
  /** Bytes of the stored form (snapshot + updates); bounds the document. */
  private approxBytes = 0;
  private awarenessChanged = new Set<number>();
  /** Awareness clients of our connections whose change other nodes have not heard yet. */
  private awarenessOutgoing = new Set<number>();
  /** Awareness clients each other node told us about (they are its connections). */
  private readonly remoteAwareness = new Map<string, Set<number>>();
  private awarenessTimer: NodeJS.Timeout | null = null;
  /** Bus messages that arrived while the document was loading; applied once it is. */
  private busBacklog: DocBusMessage[] | null = [];
  private resyncAfterLoad = false;
  private resyncAnnounce = false;
  private resyncAgain = false;
  private resyncing: Promise<void> | null = null;
  private destroyed = false;
  private unsubscribeBus: (() => Promise<void>) | null = null;
  private failed = false;
  private guard: DocGuard | null = null;
  /** Records only refused transactions, so it can undo them; see the top of this file. */
  private undoer: Y.UndoManager | null = null;
  private refusal: { conn: DocConnection; refusal: DocRefusal } | null = null;
  /** Server-side users of the document (see DocHub.lease); the room stays open while any hold it. */
  leases = 0;

  constructor(
    readonly name: string,
    readonly ref: DocRef,
    private readonly deps: DocRoomDeps,
    private readonly onFailed: (room: DocRoom) => void,
    private readonly guardProvider: DocGuardProvider | null = null,
  ) {
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin));
    this.awareness.on('update', (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) =>
      this.onAwarenessUpdate(change, origin),
    );
    this.loaded = this.load();
  }

  private async load(): Promise<void> {
    // Subscribe before reading the store: an update another node stores meanwhile
    // is then in what we read, or on the bus, or both (applying twice is harmless).
    this.unsubscribeBus = await this.deps.bus.subscribe(BusChannel.doc(this.name), (payload) => this.onBusMessage(payload));
    try {
      const stored = await this.deps.store.loadDoc(this.name);
      this.doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
        for (const u of stored.updates) Y.applyUpdate(this.doc, u);
      }, fromStore);
      this.lastStoredId = stored.lastUpdateId;
      this.sinceCompaction = stored.updates.length;
      this.approxBytes = (stored.snapshot?.length ?? 0) + stored.updates.reduce((n, u) => n + u.length, 0);
      if (this.guardProvider) this.setGuard(await this.guardProvider(this.name, this.ref, this.doc, fromServer));
    } catch (error) {
      await this.unsubscribeBus().catch(() => undefined);
      this.unsubscribeBus = null;
      throw error;
    }
    this.isLoaded = true;
    const early = this.busBacklog ?? [];
    this.busBacklog = null;
    for (const message of early) this.onBusMessageDecoded(message);
    for (const conn of this.conns.values()) this.drainBacklog(conn);
    // Whoever already has this document open on other nodes: show us their people.
    this.publish({ node: this.deps.nodeId, kind: DocBusKind.query });
    if (this.resyncAfterLoad) void this.resync(true);
  }

  /**
   * Catches up after the bus was down: reads what other nodes stored meanwhile
   * (their published updates may be lost) and sends it to our connections, then
   * exchanges awareness with the other nodes again. `announce`: our own bus was
   * down, so we also ask the other nodes to do the same (what we stored may not
   * have reached them). Calls while one runs are coalesced into one more run.
   */
  resync(announce = true): Promise<void> {
    if (this.destroyed || this.failed) return Promise.resolve();
    if (!this.isLoaded) {
      // load() reads the store anyway; it runs this again when done, for the announcement.
      this.resyncAfterLoad ||= announce;
      return Promise.resolve();
    }
    this.resyncAnnounce ||= announce;
    this.resyncAgain = true;
    this.resyncing ??= this.resyncLoop().finally(() => (this.resyncing = null));
    return this.resyncing;
  }

  private async resyncLoop(): Promise<void> {
    while (this.resyncAgain && !this.destroyed && !this.failed) {
      this.resyncAgain = false;
      const announce = this.resyncAnnounce;
      this.resyncAnnounce = false;
      if (announce) this.publish({ node: this.deps.nodeId, kind: DocBusKind.resync });
      try {
        const stored = await this.deps.store.loadDoc(this.name);
        if (this.destroyed || this.failed) return;
        // As if it came over the bus: already stored, only ours to send on. Yjs skips what we have.
        this.doc.transact(() => {
          if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
          for (const u of stored.updates) Y.applyUpdate(this.doc, u);
        }, fromBus);
        this.lastStoredId = Math.max(this.lastStoredId, stored.lastUpdateId);
      } catch (error) {
        this.deps.log.warn({ err: error, doc: this.name }, 'could not read the document again after the bus was down');
      }
      const mine = this.localAwarenessIds();
      if (mine.length > 0) this.publishAwareness(mine);
    }
  }

  /** Drops the awareness (cursors) of people on a node that is gone, and tells our connections. */
  forgetNode(node: string): void {
    const ids = this.remoteAwareness.get(node);
    this.remoteAwareness.delete(node);
    if (!ids || ids.size === 0 || this.destroyed) return;
    awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], fromNodeGone);
  }

  private setGuard(guard: DocGuard | null): void {
    this.guard = guard;
    if (!guard) return;
    const tracked = new Set<unknown>();
    this.undoer = new Y.UndoManager(this.doc, {
      captureTimeout: 0,
      trackedOrigins: tracked,
      // Called for every transaction before anything else: check connections' changes, record only refused ones.
      captureTransaction: (tx) => {
        if (!isConnection(tx.origin) || !this.guard) return false;
        const refusal = this.guard.check(this.doc, tx, tx.origin.participantId);
        if (!refusal) return false;
        this.refusal = { conn: tx.origin, refusal };
        tracked.add(tx.origin);
        return true;
      },
    });
  }

  /** Applies a connection's update; with a guard, undoes it if refused (see the top of this file). */
  private applyFrom(conn: DocConnection, update: Uint8Array): void {
    if (!this.undoer) {
      Y.applyUpdate(this.doc, update, conn);
      return;
    }
    const mark = this.pending.length;
    this.refusal = null;
    Y.applyUpdate(this.doc, update, conn);
    const refused = this.refusal as { conn: DocConnection; refusal: DocRefusal } | null;
    if (!refused) {
      this.guard?.afterUpdate?.(conn.participantId);
      return;
    }
    this.refusal = null;
    this.undoer.undo();
    this.undoer.clear();
    (this.undoer.trackedOrigins as Set<unknown>).delete(refused.conn);
    // The change and its undoing travel and are stored as one update, sent to everyone (the sender too).
    const parts = this.pending.splice(mark);
    if (parts.length > 0) this.pending.push({ update: Y.mergeUpdates(parts.map((p) => p.update)), origin: null });
    this.deps.log.info({ doc: this.name, participant: conn.participantId, code: refused.refusal.code }, 'document change refused and undone');
    if (conn.wantsSaved) this.send(conn, refusedMessage(refused.refusal));
  }

  /** Adds a connection; messages that arrived before it was added come in `early`. */
  add(conn: DocConnection, early: Uint8Array[]): void {
    this.conns.set(conn.ws, conn);
    conn.backlog = [...early];
    conn.ws.on('message', (data: Buffer) => {
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (conn.backlog) conn.backlog.push(bytes);
      else this.handle(conn, bytes);
    });
    conn.ws.on('close', () => this.remove(conn));
    if (this.isLoaded) this.drainBacklog(conn);
  }

  private drainBacklog(conn: DocConnection): void {
    const backlog = conn.backlog ?? [];
    conn.backlog = null;
    // The server's half of the handshake: our state vector, and everyone's awareness.
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, YMessage.sync);
    syncProtocol.writeSyncStep1(step1, this.doc);
    this.send(conn, encoding.toUint8Array(step1));
    const states = this.awareness.getStates();
    if (states.size > 0) this.send(conn, this.awarenessMessage([...states.keys()]));
    if (!conn.canWrite) this.sendDenied(conn);
    for (const message of backlog) this.handle(conn, message);
  }

  /** Closes a connection with a code and reason; its awareness disappears. */
  close(conn: DocConnection, code: number, reason: string): void {
    if (conn.ws.readyState === conn.ws.OPEN || conn.ws.readyState === conn.ws.CONNECTING) conn.ws.close(code, reason);
    this.remove(conn);
  }

  /** Updates a connection's write access, as the workshop's state changed. */
  setWritable(conn: DocConnection, canWrite: boolean): void {
    if (conn.canWrite === canWrite) return;
    conn.canWrite = canWrite;
    conn.deniedSent = false;
    if (!canWrite) this.sendDenied(conn);
  }

  get size(): number {
    return this.conns.size;
  }

  private remove(conn: DocConnection): void {
    if (!this.conns.delete(conn.ws)) return;
    if (conn.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], fromLocalLeave);
    }
  }

  private handle(conn: DocConnection, message: Uint8Array): void {
    if (this.failed) return;
    if (!conn.rate.take()) return this.close(conn, CloseCode.rateLimited, 'Too many messages; slow down.');
    if (message.length > this.deps.maxUpdateBytes + 16) {
      return this.close(conn, CloseCode.tooLarge, `Message too large (at most ${this.deps.maxUpdateBytes} bytes).`);
    }
    try {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case YMessage.sync:
          return this.handleSync(conn, decoder);
        case YMessage.awareness:
          awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), conn);
          return;
        case YMessage.queryAwareness:
          this.send(conn, this.awarenessMessage([...this.awareness.getStates().keys()]));
          return;
        case YMessage.auth:
          return;
        default:
          return this.close(conn, CloseCode.badRequest, 'Unknown message type.');
      }
    } catch (error) {
      this.deps.log.warn({ err: error, doc: this.name }, 'malformed Yjs message');
      this.close(conn, CloseCode.badRequest, 'Malformed message.');
    }
  }

  private handleSync(conn: DocConnection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, YMessage.sync);
      syncProtocol.readSyncStep1(decoder, reply, this.doc);
      this.send(conn, encoding.toUint8Array(reply));
      return;
    }
    if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
      return this.close(conn, CloseCode.badRequest, 'Unknown sync message.');
    }
    const update = decoding.readVarUint8Array(decoder);
    conn.received++;
    if (conn.wantsSaved) conn.awaitingSaved = true;
    if (update.length > 2 && !conn.canWrite) return this.sendDenied(conn);
    if (update.length > this.deps.maxUpdateBytes) {
      return this.close(conn, CloseCode.tooLarge, `Update too large (at most ${this.deps.maxUpdateBytes} bytes).`);
    }
    if (this.approxBytes + update.length > this.deps.maxDocBytes) {
      return this.close(conn, CloseCode.tooLarge, 'This document is full; it cannot take more content.');
    }
    // An update with nothing new for us changes nothing and emits no event.
    if (update.length > 2) this.applyFrom(conn, update);
    if (!this.flushing && this.pending.length === 0) this.sendSaved(Y.encodeStateVector(this.doc), null);
  }

  /**
   * Tells the connections waiting for it what is durable now: the state vector
   * and how many of their update messages are stored (`durable`, counted when
   * the batch began; null: all of them).
   */
  private sendSaved(durableVector: Uint8Array, durable: Map<DocConnection, number> | null): void {
    for (const conn of this.conns.values()) {
      if (!conn.awaitingSaved) continue;
      const count = durable ? (durable.get(conn) ?? 0) : conn.received;
      this.send(conn, savedMessage(durableVector, count));
      conn.awaitingSaved = count < conn.received;
    }
  }

  private onDocUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === fromStore) return;
    if (origin === fromBus) {
      // Stored by the node that received it; only ours to fan out.
      this.approxBytes += update.length;
      const message = updateMessage(update);
      for (const conn of this.conns.values()) this.send(conn, message);
      return;
    }
    this.pending.push({ update, origin: isConnection(origin) ? origin : null });
    this.approxBytes += update.length;
    if (!this.flushing) this.flushing = this.flushLoop();
  }

  /** Stores pending updates, then fans them out; repeats while more arrive. */
  private async flushLoop(): Promise<void> {
    // Let the rest of this tick's updates join the batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.pending.length > 0 && !this.failed) {
      const batch = this.pending;
      this.pending = [];
      // Everything applied so far is in this batch or already stored, so this
      // state vector is exactly what is durable once the batch commits.
      const durableVector = Y.encodeStateVector(this.doc);
      const durable = new Map([...this.conns.values()].map((c) => [c, c.received]));
      let ids: number[];
      try {
        ids = await Promise.all(batch.map((p) => this.deps.store.appendDocUpdate(this.name, p.update)));
      } catch (error) {
        this.deps.log.error({ err: error, doc: this.name }, 'could not store document update');
        this.fail();
        break;
      }
      this.lastStoredId = Math.max(this.lastStoredId, ...ids);
      this.sinceCompaction += batch.length;
      for (const p of batch) {
        const message = updateMessage(p.update);
        for (const conn of this.conns.values()) if (conn !== p.origin) this.send(conn, message);
        this.publish({ node: this.deps.nodeId, kind: DocBusKind.update, update: p.update });
      }
      this.sendSaved(durableVector, durable);
      if (this.sinceCompaction >= this.deps.compactEvery) await this.compact();
    }
    this.flushing = null;
  }

  /** Replaces the stored update log with one snapshot. */
  async compact(): Promise<void> {
    if (this.sinceCompaction === 0 || this.failed) return;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    const through = this.lastStoredId;
    try {
      await this.deps.store.compactDoc(this.name, snapshot, through);
      this.sinceCompaction = 0;
      this.approxBytes = snapshot.length + this.pending.reduce((n, p) => n + p.update.length, 0);
    } catch (error) {
      this.deps.log.warn({ err: error, doc: this.name }, 'compaction failed; the update log stays');
    }
  }

  /** Waits until every update received so far is stored. */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private fail(): void {
    // What we hold in memory may now differ from the store: drop it, and let
    // every client reconnect and sync again (they still have their edits).
    this.failed = true;
    for (const conn of [...this.conns.values()]) this.close(conn, CloseCode.retryLater, 'The server could not save; reconnecting.');
    this.onFailed(this);
  }

  private publish(message: DocBusMessage): void {
    this.deps.bus.publish(BusChannel.doc(this.name), encodeDocBusMessage(message)).catch((err: unknown) => {
      this.deps.log.warn({ err, doc: this.name, kind: message.kind }, 'could not publish to other nodes');
    });
  }

  private onBusMessage(payload: Uint8Array): void {
    if (this.destroyed) return;
    let message: DocBusMessage;
    try {
      message = decodeDocBusMessage(payload);
    } catch (error) {
      this.deps.log.warn({ err: error, doc: this.name }, 'malformed document message from the bus');
      return;
    }
    if (message.node === this.deps.nodeId) return;
    if (this.busBacklog) this.busBacklog.push(message);
    else this.onBusMessageDecoded(message);
  }

  private onBusMessageDecoded(message: DocBusMessage): void {
    if (this.failed || this.destroyed) return;
    try {
      switch (message.kind) {
        case DocBusKind.update:
          Y.applyUpdate(this.doc, message.update, fromBus);
          return;
        case DocBusKind.awareness:
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, new RemoteAwareness(message.node));
          return;
        case DocBusKind.query: {
          const mine = this.localAwarenessIds();
          if (mine.length > 0) this.publishAwareness(mine);
          return;
        }
        case DocBusKind.resync:
          void this.resync(false);
          return;
      }
    } catch (error) {
      this.deps.log.warn({ err: error, doc: this.name, node: message.node }, 'could not apply a document message from another node');
    }
  }

  /** Awareness clients of our own connections that have a state now. */
  private localAwarenessIds(): number[] {
    const states = this.awareness.getStates();
    const ids: number[] = [];
    for (const conn of this.conns.values()) for (const id of conn.awarenessIds) if (states.has(id)) ids.push(id);
    return ids;
  }

  private publishAwareness(ids: number[]): void {
    // Encoding needs each client's clock; a client we never heard of has none.
    const known = ids.filter((id) => this.awareness.meta.has(id));
    if (known.length === 0) return;
    this.publish({ node: this.deps.nodeId, kind: DocBusKind.awareness, update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, known) });
  }

  private onAwarenessUpdate(change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void {
    const present = [...change.added, ...change.updated];
    const changed = [...present, ...change.removed];
    if (isConnection(origin)) {
      for (const id of present) {
        origin.awarenessIds.add(id);
        // Someone who was on another node is here now: that node's death must not remove them.
        for (const ids of this.remoteAwareness.values()) ids.delete(id);
      }
      for (const id of change.removed) origin.awarenessIds.delete(id);
      for (const id of changed) this.awarenessOutgoing.add(id);
    } else if (origin === fromLocalLeave) {
      for (const id of change.removed) this.awarenessOutgoing.add(id);
    } else if (origin instanceof RemoteAwareness) {
      let ids = this.remoteAwareness.get(origin.node);
      if (!ids) this.remoteAwareness.set(origin.node, (ids = new Set()));
      for (const id of present) {
        for (const [node, other] of this.remoteAwareness) if (node !== origin.node) other.delete(id);
        ids.add(id);
      }
      for (const id of change.removed) ids.delete(id);
    }
    for (const id of changed) this.awarenessChanged.add(id);
    if (!this.awarenessTimer && !this.destroyed) {
      this.awarenessTimer = setTimeout(() => this.flushAwareness(), this.deps.awarenessFlushMs);
    }
  }

  /**
   * Sends all awareness changes since the last flush as one message, encoded
   * once, to our connections; and our connections' changes to the other nodes.
   */
  private flushAwareness(): void {
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    this.awarenessTimer = null;
    const ids = [...this.awarenessChanged];
    this.awarenessChanged.clear();
    const outgoing = [...this.awarenessOutgoing];
    this.awarenessOutgoing.clear();
    if (outgoing.length > 0) this.publishAwareness(outgoing);
    if (ids.length === 0) return;
    const message = this.awarenessMessage(ids);
    for (const conn of this.conns.values()) this.send(conn, message);
  }

  private awarenessMessage(ids: number[]): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, YMessage.awareness);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
    return encoding.toUint8Array(e);
  }

  private sendDenied(conn: DocConnection): void {
    if (conn.deniedSent) return;
    conn.deniedSent = true;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, YMessage.auth);
    authProtocol.writePermissionDenied(e, 'read-only: your edits to this document are not saved');
    this.send(conn, encoding.toUint8Array(e));
  }

  private send(conn: DocConnection, message: Uint8Array): void {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    conn.ws.send(message, (err) => {
      if (err) this.remove(conn);
    });
  }

  /**
   * Drops the document without storing anything more of it (its workshop was
   * deleted): closes every connection with `code`; what is pending is thrown away.
   */
  discard(code: number, reason: string): void {
    this.failed = true;
    this.pending = [];
    for (const conn of [...this.conns.values()]) this.close(conn, code, reason);
  }

  /** Stops: stores what is pending, compacts, and releases the document. */
  async destroy(): Promise<void> {
    // Other nodes hear now that our people left, rather than when our heartbeats stop.
    if (!this.failed) this.flushAwareness();
    this.destroyed = true;
    this.undoer?.destroy();
    await this.settled();
    await this.compact();
    await this.unsubscribeBus?.();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

function isConnection(origin: unknown): origin is DocConnection {
  return typeof origin === 'object' && origin !== null && 'ws' in origin && 'awarenessIds' in origin;
}

function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, YMessage.sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

function refusedMessage(refusal: DocRefusal): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, YMessage.refused);
  encoding.writeVarString(e, refusal.code);
  encoding.writeVarString(e, refusal.message);
  return encoding.toUint8Array(e);
}

function savedMessage(stateVector: Uint8Array, durableMessages: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, YMessage.savedStateVector);
  encoding.writeVarUint8Array(e, stateVector);
  encoding.writeVarUint(e, durableMessages);
  return encoding.toUint8Array(e);
}
