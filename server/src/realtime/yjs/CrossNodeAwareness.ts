/**
 * Awareness (cursors, selections, who is here) of one document across
 * connections and nodes. Changes are merged and sent to our connections in
 * batches, encoded once per flush (`awarenessFlushMs`); our own connections'
 * changes go to the other nodes in the same batches, and theirs come in, so
 * cursors cross nodes. It remembers which awareness clients belong to which
 * connection (they go when it closes) and to which other node (they go when
 * that node is gone, `forgetNode`), and answers other nodes' queries with
 * our connections' states.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import { awarenessMessage, isConnection, type DocConnection } from './docProtocol.js';

/** Awareness removed because one of our connections closed: other nodes must hear it. */
const fromLocalLeave = Symbol('local leave');
/** Awareness removed because the node it came from is gone: ours alone to tell our connections. */
const fromNodeGone = Symbol('node gone');

/** Awareness applied from another node's message. */
class RemoteAwareness {
  constructor(readonly node: string) {}
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** What cross-node awareness needs from its room. */
export interface AwarenessHost {
  connections(): Iterable<DocConnection>;
  /** Sends to every connection of this node. */
  broadcast(message: Uint8Array): void;
  /** Publishes an awareness update to the other nodes. */
  publish(update: Uint8Array): void;
  closed(): boolean;
}

export class CrossNodeAwareness {
  private readonly changed = new Set<number>();
  /** Awareness clients of our connections whose change other nodes have not heard yet. */
  private readonly outgoing = new Set<number>();
  /** Awareness clients each other node told us about (they are its connections). */
  private readonly remote = new Map<string, Set<number>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly awareness: awarenessProtocol.Awareness,
    private readonly flushMs: number,
    private readonly host: AwarenessHost,
  ) {
    awareness.setLocalState(null);
    awareness.on('update', (change: AwarenessChange, origin: unknown) => this.onUpdate(change, origin));
  }

  /** Applies an awareness update another node sent. */
  applyRemote(node: string, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, new RemoteAwareness(node));
  }

  /** One of our connections left: its states go, here and on the other nodes. */
  leave(conn: DocConnection): void {
    if (conn.awarenessIds.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], fromLocalLeave);
  }

  /** Drops the awareness (cursors) of people on a node that is gone, and tells our connections. */
  forgetNode(node: string): void {
    const ids = this.remote.get(node);
    this.remote.delete(node);
    if (!ids || ids.size === 0 || this.host.closed()) return;
    awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], fromNodeGone);
  }

  /** Publishes the states of our connections to the other nodes (an answer to a query, or after a resync). */
  publishLocal(): void {
    const mine = this.localIds();
    if (mine.length > 0) this.publishIds(mine);
  }

  /**
   * Sends all awareness changes since the last flush as one message, encoded
   * once, to our connections; and our connections' changes to the other nodes.
   */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const ids = [...this.changed];
    this.changed.clear();
    const outgoing = [...this.outgoing];
    this.outgoing.clear();
    if (outgoing.length > 0) this.publishIds(outgoing);
    if (ids.length === 0) return;
    this.host.broadcast(awarenessMessage(this.awareness, ids));
  }

  destroy(): void {
    this.awareness.destroy();
  }

  /** Awareness clients of our own connections that have a state now. */
  private localIds(): number[] {
    const states = this.awareness.getStates();
    const ids: number[] = [];
    for (const conn of this.host.connections()) for (const id of conn.awarenessIds) if (states.has(id)) ids.push(id);
    return ids;
  }

  private publishIds(ids: number[]): void {
    // Encoding needs each client's clock; a client we never heard of has none.
    const known = ids.filter((id) => this.awareness.meta.has(id));
    if (known.length === 0) return;
    this.host.publish(awarenessProtocol.encodeAwarenessUpdate(this.awareness, known));
  }

  private onUpdate(change: AwarenessChange, origin: unknown): void {
    const present = [...change.added, ...change.updated];
    const changed = [...present, ...change.removed];
    if (isConnection(origin)) {
      for (const id of present) {
        origin.awarenessIds.add(id);
        // Someone who was on another node is here now: that node's death must not remove them.
        for (const ids of this.remote.values()) ids.delete(id);
      }
      for (const id of change.removed) origin.awarenessIds.delete(id);
      for (const id of changed) this.outgoing.add(id);
    } else if (origin === fromLocalLeave) {
      for (const id of change.removed) this.outgoing.add(id);
    } else if (origin instanceof RemoteAwareness) {
      let ids = this.remote.get(origin.node);
      if (!ids) this.remote.set(origin.node, (ids = new Set()));
      for (const id of present) {
        for (const [node, other] of this.remote) if (node !== origin.node) other.delete(id);
        ids.add(id);
      }
      for (const id of change.removed) ids.delete(id);
    }
    for (const id of changed) this.changed.add(id);
    if (!this.timer && !this.host.closed()) this.timer = setTimeout(() => this.flush(), this.flushMs);
  }
}
