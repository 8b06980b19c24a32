/**
 * The connections of one room and the protocol spoken on each (the message
 * flow is in docProtocol.ts). Owns the connection set, each connection's
 * backlog until the document is loaded, its rate limit and the size bounds,
 * the decoding of its messages, and what is sent to it: the handshake,
 * "read-only", "saved" and whatever the room broadcasts. It does not decide
 * what an update does to the document: that goes to the host
 * (`applyUpdate`), which guards, stores and fans out.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebSocket } from 'ws';
import type { Logger } from 'pino';
import { CloseCode, YMessage } from '@plenary/shared';
import { awarenessMessage, permissionDeniedMessage, savedMessage, syncStep1Message, type DocConnection } from './docProtocol.js';

/** What the connections need from their room. */
export interface ConnectionsHost {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly log: Logger;
  readonly maxUpdateBytes: number;
  readonly maxDocBytes: number;
  /** Messages wait in each connection's backlog until the document is loaded. */
  ready(): boolean;
  /** The room takes no more messages (it failed or was discarded). */
  stopped(): boolean;
  /** Bytes of the document's stored form, against `maxDocBytes`. */
  docBytes(): number;
  /** Applies an update a connection sent (guarded, then stored and fanned out). */
  applyUpdate(conn: DocConnection, update: Uint8Array): void;
  /** Nothing is waiting to be stored, so what is applied is durable. */
  writesIdle(): boolean;
  /** A connection left; its awareness states go. */
  left(conn: DocConnection): void;
}

const readOnlyReason = 'read-only: your edits to this document are not saved';

export class DocConnections {
  readonly all = new Map<WebSocket, DocConnection>();

  constructor(private readonly host: ConnectionsHost) {}

  get size(): number {
    return this.all.size;
  }

  values(): IterableIterator<DocConnection> {
    return this.all.values();
  }

  /** Adds a connection; messages that arrived before it was added come in `early`. */
  add(conn: DocConnection, early: Uint8Array[]): void {
    this.all.set(conn.ws, conn);
    conn.backlog = [...early];
    conn.ws.on('message', (data: Buffer) => {
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (conn.backlog) conn.backlog.push(bytes);
      else this.handle(conn, bytes);
    });
    conn.ws.on('close', () => this.remove(conn));
    if (this.host.ready()) this.drainBacklog(conn);
  }

  /** Once the document is loaded: the server's half of the handshake, then what the connection sent meanwhile. */
  drainBacklog(conn: DocConnection): void {
    const backlog = conn.backlog ?? [];
    conn.backlog = null;
    // The server's half of the handshake: our state vector, and everyone's awareness.
    this.send(conn, syncStep1Message(this.host.doc));
    const states = this.host.awareness.getStates();
    if (states.size > 0) this.send(conn, awarenessMessage(this.host.awareness, [...states.keys()]));
    if (!conn.canWrite) this.sendDenied(conn);
    for (const message of backlog) this.handle(conn, message);
  }

  /** Closes a connection with a code and reason; its awareness disappears. */
  close(conn: DocConnection, code: number, reason: string): void {
    if (conn.ws.readyState === conn.ws.OPEN || conn.ws.readyState === conn.ws.CONNECTING) conn.ws.close(code, reason);
    this.remove(conn);
  }

  /** Closes every connection. */
  closeAll(code: number, reason: string): void {
    for (const conn of [...this.all.values()]) this.close(conn, code, reason);
  }

  /** Updates a connection's write access, as the workshop's state changed. */
  setWritable(conn: DocConnection, canWrite: boolean): void {
    if (conn.canWrite === canWrite) return;
    conn.canWrite = canWrite;
    conn.deniedSent = false;
    if (!canWrite) this.sendDenied(conn);
  }

  /** Sends to every connection but `except`. */
  broadcast(message: Uint8Array, except: DocConnection | null = null): void {
    for (const conn of this.all.values()) if (conn !== except) this.send(conn, message);
  }

  send(conn: DocConnection, message: Uint8Array): void {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    conn.ws.send(message, (err) => {
      if (err) this.remove(conn);
    });
  }

  /**
   * Tells the connections waiting for it what is durable now: the state vector
   * and how many of their update messages are stored (`durable`, counted when
   * the batch began; null: all of them).
   */
  sendSaved(durableVector: Uint8Array, durable: Map<DocConnection, number> | null): void {
    for (const conn of this.all.values()) {
      if (!conn.awaitingSaved) continue;
      const count = durable ? (durable.get(conn) ?? 0) : conn.received;
      this.send(conn, savedMessage(durableVector, count));
      conn.awaitingSaved = count < conn.received;
    }
  }

  /** How many update messages each connection had sent: what a batch begun now covers. */
  receivedCounts(): Map<DocConnection, number> {
    return new Map([...this.all.values()].map((c) => [c, c.received]));
  }

  private remove(conn: DocConnection): void {
    if (!this.all.delete(conn.ws)) return;
    this.host.left(conn);
  }

  private sendDenied(conn: DocConnection): void {
    if (conn.deniedSent) return;
    conn.deniedSent = true;
    this.send(conn, permissionDeniedMessage(readOnlyReason));
  }

  private handle(conn: DocConnection, message: Uint8Array): void {
    if (this.host.stopped()) return;
    if (!conn.rate.take()) return this.close(conn, CloseCode.rateLimited, 'Too many messages; slow down.');
    if (message.length > this.host.maxUpdateBytes + 16) {
      return this.close(conn, CloseCode.tooLarge, `Message too large (at most ${this.host.maxUpdateBytes} bytes).`);
    }
    try {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case YMessage.sync:
          return this.handleSync(conn, decoder);
        case YMessage.awareness:
          awarenessProtocol.applyAwarenessUpdate(this.host.awareness, decoding.readVarUint8Array(decoder), conn);
          return;
        case YMessage.queryAwareness:
          this.send(conn, awarenessMessage(this.host.awareness, [...this.host.awareness.getStates().keys()]));
          return;
        case YMessage.auth:
          return;
        default:
          return this.close(conn, CloseCode.badRequest, 'Unknown message type.');
      }
    } catch (error) {
      this.host.log.warn({ err: error, doc: this.host.name }, 'malformed Yjs message');
      this.close(conn, CloseCode.badRequest, 'Malformed message.');
    }
  }

  private handleSync(conn: DocConnection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, YMessage.sync);
      syncProtocol.readSyncStep1(decoder, reply, this.host.doc);
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
    if (update.length > this.host.maxUpdateBytes) {
      return this.close(conn, CloseCode.tooLarge, `Update too large (at most ${this.host.maxUpdateBytes} bytes).`);
    }
    if (this.host.docBytes() + update.length > this.host.maxDocBytes) {
      return this.close(conn, CloseCode.tooLarge, 'This document is full; it cannot take more content.');
    }
    // An update with nothing new for us changes nothing and emits no event.
    if (update.length > 2) this.host.applyUpdate(conn, update);
    if (this.host.writesIdle()) this.sendSaved(Y.encodeStateVector(this.host.doc), null);
  }
}
