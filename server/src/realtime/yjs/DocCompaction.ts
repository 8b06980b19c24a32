/**
 * Compaction of a document's stored form: the store keeps a snapshot and the
 * updates appended since; after `every` updates (and when the room closes)
 * the log is replaced by one snapshot of the document, through the last
 * stored update id. A failed compaction leaves the log as it was: nothing is
 * lost, the next one tries again.
 */
import * as Y from 'yjs';
import type { Logger } from 'pino';
import type { Store } from '../../store/Store.js';

export class DocCompaction {
  /** Updates stored since the last snapshot. */
  private since = 0;

  constructor(
    private readonly name: string,
    private readonly store: Store,
    private readonly log: Logger,
    private readonly every: number,
  ) {}

  /** `n` more updates are in the stored log. */
  counted(n: number): void {
    this.since += n;
  }

  due(): boolean {
    return this.since >= this.every;
  }

  /** Replaces the stored log through `through` with one snapshot of `doc`; returns the snapshot's size, or null if nothing was done. */
  async run(doc: Y.Doc, through: number): Promise<number | null> {
    if (this.since === 0) return null;
    const snapshot = Y.encodeStateAsUpdate(doc);
    try {
      await this.store.compactDoc(this.name, snapshot, through);
      this.since = 0;
      return snapshot.length;
    } catch (error) {
      this.log.warn({ err: error, doc: this.name }, 'compaction failed; the update log stays');
      return null;
    }
  }
}
