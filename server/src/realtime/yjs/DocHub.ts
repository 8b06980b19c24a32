/**
 * The documents this node serves: one `DocRoom` per open document, created on
 * the first connection and released a while after the last one leaves.
 * Applies access changes to connections that are already open. When the bus
 * says messages may have been lost, every open document catches up.
 */
import type { WebSocket } from 'ws';
import type * as Y from 'yjs';
import { docAccess, type DocRef, type WorkshopState } from '@plenary/shared';
import { TokenBucket } from '../TokenBucket.js';
import { DocRoom, fromServer, type DocConnection, type DocGuardProvider, type DocRoomDeps } from './DocRoom.js';

export interface DocHubDeps extends DocRoomDeps {
  /** Release a room this long after its last connection closed. */
  idleReleaseMs: number;
  /** Messages per second a connection may send, and the burst above it. */
  messagesPerSecond: number;
  messageBurst: number;
}

export interface ConnectOptions {
  participantId: string;
  canWrite: boolean;
  wantsSaved: boolean;
}

/** A server-side hold on an open document (see `DocHub.lease`). */
export interface DocLease {
  doc: Y.Doc;
  /** The transaction origin of server changes: stored, then sent to every connection. */
  origin: symbol;
  /** Resolves once every change made so far is stored. */
  settled(): Promise<void>;
  release(): void;
}

export class DocHub {
  private readonly rooms = new Map<string, DocRoom>();
  private guardProvider: DocGuardProvider | null = null;
  private readonly releasing = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly stopResync: () => void;

  constructor(private readonly deps: DocHubDeps) {
    // Updates and awareness published while the bus was down never arrive: read the store again.
    this.stopResync = deps.bus.onResync(() => {
      for (const room of this.rooms.values()) void room.resync();
    });
  }

  /** Another node is gone (its heartbeats stopped): its people's cursors disappear from every document. */
  forgetNode(nodeId: string): void {
    for (const room of this.rooms.values()) room.forgetNode(nodeId);
  }

  /**
   * Serves a new connection to a document. `early` collects the messages that
   * arrive until the room takes over; it is read once, when the room does.
   */
  async connect(ws: WebSocket, name: string, ref: DocRef, options: ConnectOptions, early: Uint8Array[]): Promise<void> {
    const room = await this.room(name, ref);
    if (ws.readyState !== ws.OPEN) {
      this.scheduleRelease(room);
      return;
    }
    const conn: DocConnection = {
      ws,
      participantId: options.participantId,
      canWrite: options.canWrite,
      wantsSaved: options.wantsSaved,
      awarenessIds: new Set(),
      deniedSent: false,
      awaitingSaved: false,
      received: 0,
      rate: new TokenBucket(this.deps.messagesPerSecond, this.deps.messageBurst),
      backlog: null,
    };
    room.add(conn, early);
    ws.on('close', () => this.scheduleRelease(room));
    await room.loaded;
  }

  /**
   * Sets what checks documents' content (an area's guard per document kind);
   * applies to documents opened from now on.
   */
  useGuards(provider: DocGuardProvider): void {
    this.guardProvider = provider;
  }

  /**
   * Opens a document for the server itself (templates, moving notes): its
   * changes with `origin` are stored and sent to every connection, like a
   * connection's. The document stays open until released.
   */
  async lease(name: string, ref: DocRef): Promise<DocLease> {
    const room = await this.room(name, ref);
    room.leases++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      room.leases--;
      this.scheduleRelease(room);
    };
    try {
      await room.loaded;
    } catch (error) {
      release();
      throw error;
    }
    return { doc: room.doc, origin: fromServer, settled: () => room.settled(), release };
  }

  /** Re-decides access for every open connection to a workshop's documents. */
  refreshAccess(state: WorkshopState): void {
    for (const room of this.rooms.values()) {
      if (room.ref.workshopId !== state.id) continue;
      for (const conn of [...room.conns.values()]) {
        const access = docAccess(state, room.ref, conn.participantId);
        if (!access.read) room.close(conn, access.closeCode, access.reason);
        else room.setWritable(conn, access.write);
      }
    }
  }

  /**
   * Closes every connection to a workshop's documents with `code` and drops
   * the documents without storing anything more of them (the workshop was deleted).
   */
  async dropWorkshop(workshopId: string, code: number, reason: string): Promise<void> {
    const rooms = [...this.rooms.values()].filter((r) => r.ref.workshopId === workshopId);
    for (const room of rooms) {
      const timer = this.idleTimers.get(room.name);
      if (timer) clearTimeout(timer);
      this.idleTimers.delete(room.name);
      room.discard(code, reason);
    }
    await Promise.all(rooms.map((r) => this.release(r)));
  }

  /** Number of open documents and connections, for health and benchmarks. */
  stats(): { docs: number; connections: number } {
    let connections = 0;
    for (const r of this.rooms.values()) connections += r.size;
    return { docs: this.rooms.size, connections };
  }

  /** Closes every connection with `code`, stores what is pending and releases all documents. */
  async close(code: number, reason: string): Promise<void> {
    this.stopResync();
    for (const t of this.idleTimers.values()) clearTimeout(t);
    this.idleTimers.clear();
    const rooms = [...this.rooms.values()];
    for (const room of rooms) for (const conn of [...room.conns.values()]) room.close(conn, code, reason);
    await Promise.all(rooms.map((r) => this.release(r)));
    await Promise.all(this.releasing.values());
  }

  private async room(name: string, ref: DocRef): Promise<DocRoom> {
    const releasing = this.releasing.get(name);
    if (releasing) await releasing;
    let room = this.rooms.get(name);
    if (!room) {
      room = new DocRoom(name, ref, this.deps, (failed) => void this.release(failed), this.guardProvider);
      this.rooms.set(name, room);
      const created = room;
      created.loaded.catch((error: unknown) => {
        this.deps.log.error({ err: error, doc: name }, 'could not load document');
        if (this.rooms.get(name) === created) this.rooms.delete(name);
        for (const conn of [...created.conns.values()]) created.close(conn, 4500, 'Could not load the document; retrying.');
      });
    }
    const timer = this.idleTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.idleTimers.delete(name);
    }
    return room;
  }

  private scheduleRelease(room: DocRoom): void {
    if (room.size > 0 || room.leases > 0 || this.rooms.get(room.name) !== room || this.idleTimers.has(room.name)) return;
    this.idleTimers.set(
      room.name,
      setTimeout(() => {
        this.idleTimers.delete(room.name);
        if (room.size === 0 && room.leases === 0) void this.release(room);
      }, this.deps.idleReleaseMs),
    );
  }

  private release(room: DocRoom): Promise<void> {
    if (this.rooms.get(room.name) !== room) return this.releasing.get(room.name) ?? Promise.resolve();
    this.rooms.delete(room.name);
    const done = room
      .destroy()
      .catch((error: unknown) => this.deps.log.error({ err: error, doc: room.name }, 'could not release document'))
      .finally(() => this.releasing.delete(room.name));
    this.releasing.set(room.name, done);
    return done;
  }
}
