/**
 * Write batching of one document: every change applied on this node (a
 * connection's, or the server's own) waits here until the store has it. The
 * changes of one tick are stored together (the store's group commit makes it
 * one fsync), and only then sent on — to the other connections and to the
 * other nodes — and acknowledged to their authors ("saved"), so nobody ever
 * sees an edit that a crash could still lose. Also keeps the size of the
 * stored form, which bounds the document, and triggers compaction.
 */
import * as Y from 'yjs';
import type { Logger } from 'pino';
import type { Store } from '../../store/Store.js';
import { DocCompaction } from './DocCompaction.js';
import type { DocConnection } from './docProtocol.js';
import type { PendingWrites } from './GuardedApply.js';

interface PendingUpdate {
  update: Uint8Array;
  /** The connection it came from (it has it already), or null: everyone gets it. */
  origin: DocConnection | null;
}

/** What the writer needs from its room. */
export interface WriterHost {
  /** Update-message counts of the connections, taken when a batch begins. */
  receivedCounts(): Map<DocConnection, number>;
  /** A stored update goes to every connection but `origin`, and to the other nodes. */
  fanOut(update: Uint8Array, origin: DocConnection | null): void;
  /** A batch is durable: tell the connections waiting for it. */
  saved(durableVector: Uint8Array, durable: Map<DocConnection, number>): void;
  /** Storing failed: what is in memory may differ from the store. */
  fail(): void;
  failed(): boolean;
}

export class DocWriter implements PendingWrites {
  private pending: PendingUpdate[] = [];
  private flushing: Promise<void> | null = null;
  private lastStoredId = 0;
  /** Bytes of the stored form (snapshot + updates); bounds the document. */
  private approxBytes = 0;
  private readonly compaction: DocCompaction;

  constructor(
    private readonly name: string,
    private readonly doc: Y.Doc,
    private readonly store: Store,
    private readonly log: Logger,
    compactEvery: number,
    private readonly host: WriterHost,
  ) {
    this.compaction = new DocCompaction(name, store, log, compactEvery);
  }

  /** What the store held when the room loaded it. */
  loadedFrom(stored: { snapshot: Uint8Array | null; updates: Uint8Array[]; lastUpdateId: number }): void {
    this.lastStoredId = stored.lastUpdateId;
    this.compaction.counted(stored.updates.length);
    this.approxBytes = (stored.snapshot?.length ?? 0) + stored.updates.reduce((n, u) => n + u.length, 0);
  }

  /** Another node stored updates through this id (read again on resync). */
  storedElsewhere(lastUpdateId: number): void {
    this.lastStoredId = Math.max(this.lastStoredId, lastUpdateId);
  }

  /** An update another node stored arrived: it counts against the bound. */
  countRemote(update: Uint8Array): void {
    this.approxBytes += update.length;
  }

  get bytes(): number {
    return this.approxBytes;
  }

  /** Queues an update applied here; it is stored with the rest of this tick. */
  write(update: Uint8Array, origin: DocConnection | null): void {
    this.pending.push({ update, origin });
    this.approxBytes += update.length;
    if (!this.flushing) this.flushing = this.flushLoop();
  }

  mark(): number {
    return this.pending.length;
  }

  mergeSince(mark: number): void {
    const parts = this.pending.splice(mark);
    if (parts.length > 0) this.pending.push({ update: Y.mergeUpdates(parts.map((p) => p.update)), origin: null });
  }

  /** Nothing waits to be stored. */
  idle(): boolean {
    return !this.flushing && this.pending.length === 0;
  }

  /** Waits until every update received so far is stored. */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** Throws away what is pending (the document is being dropped). */
  discard(): void {
    this.pending = [];
  }

  /** Replaces the stored update log with one snapshot. */
  async compact(): Promise<void> {
    if (this.host.failed()) return;
    const size = await this.compaction.run(this.doc, this.lastStoredId);
    if (size !== null) this.approxBytes = size + this.pending.reduce((n, p) => n + p.update.length, 0);
  }

  /** Stores pending updates, then fans them out; repeats while more arrive. */
  private async flushLoop(): Promise<void> {
    // Let the rest of this tick's updates join the batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.pending.length > 0 && !this.host.failed()) {
      const batch = this.pending;
      this.pending = [];
      // Everything applied so far is in this batch or already stored, so this
      // state vector is exactly what is durable once the batch commits.
      const durableVector = Y.encodeStateVector(this.doc);
      const durable = this.host.receivedCounts();
      let ids: number[];
      try {
        ids = await Promise.all(batch.map((p) => this.store.appendDocUpdate(this.name, p.update)));
      } catch (error) {
        this.log.error({ err: error, doc: this.name }, 'could not store document update');
        this.host.fail();
        break;
      }
      this.lastStoredId = Math.max(this.lastStoredId, ...ids);
      this.compaction.counted(batch.length);
      for (const p of batch) this.host.fanOut(p.update, p.origin);
      this.host.saved(durableVector, durable);
      if (this.compaction.due()) await this.compact();
    }
    this.flushing = null;
  }
}
