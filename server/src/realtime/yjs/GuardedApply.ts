/**
 * The guard of a document and the undoing of what it refuses. A document may
 * have a guard (boards and answers do): it checks each connection's change
 * right after it is applied, before anything is stored or sent on. A refused
 * change is undone at once (a Y.UndoManager that records only refused
 * transactions), and the change and its undoing are stored and sent on as one
 * update, so every replica — the sender's too — converges on the document as
 * it was; the sender is told why (`[101, code, message]`, see docProtocol.ts).
 * Undoing instead of dropping keeps the sender's later updates applicable:
 * Yjs cannot apply an update whose predecessors it never got.
 */
import * as Y from 'yjs';
import type { DocRef } from '@plenary/shared';
import { isConnection, type DocConnection, type DocRefusal } from './docProtocol.js';

export type { DocRefusal } from './docProtocol.js';

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

/** The updates waiting to be stored, so that a change and its undoing can become one. */
export interface PendingWrites {
  /** A mark of what is pending now. */
  mark(): number;
  /** Merges everything pending since `mark` into one update. */
  mergeSince(mark: number): void;
}

export class GuardedApply {
  /** Records only refused transactions, so it can undo them; see the top of this file. */
  private readonly undoer: Y.UndoManager;
  private readonly tracked = new Set<unknown>();
  private refusal: { conn: DocConnection; refusal: DocRefusal } | null = null;

  constructor(
    private readonly doc: Y.Doc,
    private readonly guard: DocGuard,
  ) {
    this.undoer = new Y.UndoManager(doc, {
      captureTimeout: 0,
      trackedOrigins: this.tracked,
      // Called for every transaction before anything else: check connections' changes, record only refused ones.
      captureTransaction: (tx) => {
        if (!isConnection(tx.origin)) return false;
        const refusal = this.guard.check(this.doc, tx, tx.origin.participantId);
        if (!refusal) return false;
        this.refusal = { conn: tx.origin, refusal };
        this.tracked.add(tx.origin);
        return true;
      },
    });
  }

  /**
   * Applies a connection's update; if the guard refuses it, undoes it and
   * merges the change and its undoing in `pending`. Returns the refusal, or
   * null when the change stays.
   */
  apply(conn: DocConnection, update: Uint8Array, pending: PendingWrites): DocRefusal | null {
    const mark = pending.mark();
    this.refusal = null;
    Y.applyUpdate(this.doc, update, conn);
    const refused = this.refusal as { conn: DocConnection; refusal: DocRefusal } | null;
    if (!refused) {
      this.guard.afterUpdate?.(conn.participantId);
      return null;
    }
    this.refusal = null;
    this.undoer.undo();
    this.undoer.clear();
    this.tracked.delete(refused.conn);
    // The change and its undoing travel and are stored as one update, sent to everyone (the sender too).
    pending.mergeSince(mark);
    return refused.refusal;
  }

  destroy(): void {
    this.undoer.destroy();
  }
}
