/**
 * The connection protocol of a collaborative document: what a connection and
 * the server say to each other on `/yjs/<name>`, and the messages the server
 * builds. This is the one place the message flow is described.
 *
 *   on connect     server → [0, step1(sv)]          our state vector
 *                  server → [1, awareness]          everyone present (if anyone)
 *                  server → [2, permission denied]  only to a read-only connection
 *   handshake      client → [0, step1(sv)]          server → [0, step2(what the client lacks)]
 *                  client → [0, step2(update)]      what the server lacks (an update like any other)
 *   edit           client → [0, update]             checked (write access, size, the document's
 *                                                   guard), applied, stored with the rest of the
 *                                                   tick (DocWriter), then sent to the other
 *                                                   connections and to the other nodes (DocBusLink)
 *   saved          server → [100, stateVector, n]   only with `?saved=1`: after a batch is
 *                                                   durable. n counts this connection's *update
 *                                                   messages* — its step 2 of the handshake
 *                                                   included — that are stored; a client that
 *                                                   counts every [0, step2] and [0, update] it
 *                                                   sent knows its edits are saved when n
 *                                                   catches up. Deletions, which do not move a
 *                                                   state vector, are covered by n.
 *   refused        server → [101, code, message]    only with `?saved=1`: the server undid a
 *                                                   change of this connection (GuardedApply) and
 *                                                   sent the undoing to everyone, the sender too
 *   awareness      client → [1, update]             merged, sent to everyone in batches and to
 *                                                   the other nodes (CrossNodeAwareness)
 *                  client → [3]                     server → [1, every state]
 *
 * A message that breaks the protocol, or exceeds a bound, closes that
 * connection only, with a code from `CloseCode` (shared/src/protocol/closeCodes.ts):
 * 4400 malformed or unknown message, 4413 an update or the document too large,
 * 4429 too many messages, 4500 the server could not store (reconnect and sync
 * again), 4503 shutting down. The access codes (4401, 4403, 4410) come from
 * the endpoint and from access changes (DocHub.refreshAccess).
 */
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { WebSocket } from 'ws';
import { YMessage } from '@plenary/shared';
import type { TokenBucket } from '../TokenBucket.js';

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

/** Why the server undid a connection's change: `[101, code, message]`. */
export interface DocRefusal {
  code: string;
  message: string;
}

/** Whether a transaction or awareness origin is one of our connections. */
export function isConnection(origin: unknown): origin is DocConnection {
  return typeof origin === 'object' && origin !== null && 'ws' in origin && 'awarenessIds' in origin;
}

/** `[0, step1(sv)]`: the server's half of the handshake. */
export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, YMessage.sync);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

/** `[0, update]`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, YMessage.sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

/** `[1, awareness update]` of these clients. */
export function awarenessMessage(awareness: awarenessProtocol.Awareness, ids: number[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, YMessage.awareness);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, ids));
  return encoding.toUint8Array(e);
}

/** `[2, permission denied, reason]`: the standard y-websocket way to say "read-only". */
export function permissionDeniedMessage(reason: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, YMessage.auth);
  authProtocol.writePermissionDenied(e, reason);
  return encoding.toUint8Array(e);
}

/** `[101, code, message]`. */
export function refusedMessage(refusal: DocRefusal): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, YMessage.refused);
  encoding.writeVarString(e, refusal.code);
  encoding.writeVarString(e, refusal.message);
  return encoding.toUint8Array(e);
}

/** `[100, stateVector, n]`: n of the connection's update messages are stored. */
export function savedMessage(stateVector: Uint8Array, durableMessages: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, YMessage.savedStateVector);
  encoding.writeVarUint8Array(e, stateVector);
  encoding.writeVarUint(e, durableMessages);
  return encoding.toUint8Array(e);
}
