/**
 * The storage port. Everything a node must not lose goes through it: workshop
 * records, each workshop's append-only event log (and state snapshots that
 * keep start-up fast), and the update logs and snapshots of Yjs documents.
 *
 * Implementations: `SqliteStore` (default, one file under the data directory).
 * Every implementation passes the same contract suite (`Store.contract.ts`).
 * Writes resolve only once they are durable.
 */
import type { DomainEvent, WorkshopState } from '@plenary/shared';

export interface WorkshopRecord {
  id: string;
  joinCode: string;
  /** SHA-256 of the facilitator key, hex; the key itself is never stored. */
  facilitatorKeyHash: string;
  createdAt: number;
}

export interface StoredDoc {
  /** The compacted state, or null if the document was never compacted. */
  snapshot: Uint8Array | null;
  /** Updates after the snapshot, in the order they were stored. */
  updates: Uint8Array[];
  /** Id of the last stored update (0 if none); compaction goes up to an id. */
  lastUpdateId: number;
}

/** An append whose expected sequence number is not the log's last: reload and decide again. */
export class StaleSequenceError extends Error {
  constructor(
    readonly workshopId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`workshop ${workshopId}: expected log to end at ${expected}, it ends at ${actual}`);
    this.name = 'StaleSequenceError';
  }
}

/** A workshop id or join code that is already taken. */
export class DuplicateWorkshopError extends Error {
  constructor(readonly field: 'id' | 'joinCode') {
    super(`a workshop with this ${field} exists`);
    this.name = 'DuplicateWorkshopError';
  }
}

/** The prefix of the names of a workshop's documents (see shared/src/protocol/docs.ts). */
export const workshopDocPrefix = (workshopId: string): string => `w/${workshopId}/`;

export interface Store {
  /** Creates a workshop with the first events of its log (seq 1…n), atomically. */
  createWorkshop(record: WorkshopRecord, events: DomainEvent[]): Promise<void>;
  getWorkshop(id: string): Promise<WorkshopRecord | null>;
  findWorkshopByJoinCode(joinCode: string): Promise<WorkshopRecord | null>;
  listWorkshops(): Promise<WorkshopRecord[]>;
  setFacilitatorKeyHash(workshopId: string, hash: string): Promise<void>;

  /**
   * Appends events `expectedSeq + 1 …` to a workshop's log. Rejects with
   * `StaleSequenceError`, writing nothing, unless the log ends at `expectedSeq`.
   */
  appendEvents(workshopId: string, expectedSeq: number, events: DomainEvent[]): Promise<void>;
  /** Events with seq > afterSeq, in order, at most `limit`. */
  readEvents(workshopId: string, afterSeq: number, limit?: number): Promise<DomainEvent[]>;
  saveStateSnapshot(state: WorkshopState): Promise<void>;
  loadStateSnapshot(workshopId: string): Promise<WorkshopState | null>;

  /** Stores one Yjs update of a document; resolves with its id once durable. */
  appendDocUpdate(docName: string, update: Uint8Array): Promise<number>;
  loadDoc(docName: string): Promise<StoredDoc>;
  /**
   * Replaces the snapshot with `snapshot` merged with everything stored up to
   * `throughId`, and drops those updates, atomically; one compaction of a
   * document at a time. A caller whose copy lacks some stored update loses nothing.
   */
  compactDoc(docName: string, snapshot: Uint8Array, throughId: number): Promise<void>;

  /** Names of every stored document of a workshop (`w/<id>/…`), sorted. */
  listDocNames(workshopId: string): Promise<string[]>;

  /**
   * Deletes a workshop and everything of it — record, event log, state
   * snapshots, every document's updates and snapshot — atomically. Resolves
   * with whether there was such a workshop (documents are deleted either way).
   */
  deleteWorkshop(workshopId: string): Promise<boolean>;

  /** Whether the store answers now (readiness). */
  ping(): Promise<boolean>;

  close(): Promise<void>;
}
