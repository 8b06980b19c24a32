/**
 * The default store: one SQLite file (better-sqlite3, WAL).
 *
 * Writes are grouped: every write that arrives in one event-loop tick is
 * committed in one transaction on the next (`setImmediate`), and each write's
 * promise resolves once that commit is on disk. Each write runs in its own
 * savepoint, so one refused append (a stale sequence) does not undo the others.
 *
 * Durability without blocking: with synchronous=FULL, SQLite would fsync the
 * write-ahead log inside the commit, on the event loop, which then serves
 * nobody for as long as the disk takes (tens of ms at p99 on a busy disk).
 * Instead the commit runs with synchronous=NORMAL (it writes the log, no
 * fsync) and the store fsyncs the log itself in libuv's thread pool; the
 * promises resolve after that fsync. What a write's caller is told is stored
 * is then exactly as durable as with FULL, and the event loop goes on sending
 * while the disk works. (Checkpoints still sync the log and the database file
 * themselves, as SQLite does with NORMAL.)
 */
import Database from 'better-sqlite3';
import { closeSync, fsync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DomainEvent, WorkshopState } from '@plenary/shared';
import {
  DuplicateWorkshopError,
  StaleSequenceError,
  type Store,
  type StoredDoc,
  type WorkshopRecord,
} from '../Store.js';
import { makePrivateDir, makePrivateFile, tighten } from '../../privateFiles.js';
import { sqliteMigrations } from './migrations.js';
import { mergeForCompaction } from '../compaction.js';
import { workshopDocPrefix } from '../Store.js';

/**
 * The names starting with a workshop's document prefix, as a range that
 * SQLite's index on `doc` serves (BINARY collation compares bytes): from
 * `w/<id>/` up to `w/<id>0`, '0' being the character after '/'.
 */
function prefixRange(workshopId: string): [string, string] {
  const prefix = workshopDocPrefix(workshopId);
  return [prefix, `${prefix.slice(0, -1)}0`];
}

interface PendingWrite {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface WorkshopRow {
  id: string;
  join_code: string;
  facilitator_key_hash: string;
  created_at: number;
}

const toRecord = (r: WorkshopRow): WorkshopRecord => ({
  id: r.id,
  joinCode: r.join_code,
  facilitatorKeyHash: r.facilitator_key_hash,
  createdAt: r.created_at,
});

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private pending: PendingWrite[] = [];
  private flushScheduled = false;
  private closed = false;
  /** The write-ahead log, fsynced after each commit (null for `:memory:`). */
  private walFd: number | null = null;
  /** Commits whose fsync has not returned yet (close waits for them). */
  private syncing = 0;

  /** Opens (creating if needed) the database file and migrates it. `:memory:` works for tests. */
  constructor(file: string) {
    if (file !== ':memory:') {
      // The database and its log hold every workshop: the server's user alone reads them.
      makePrivateDir(dirname(file));
      makePrivateFile(file);
      tighten(`${file}-wal`);
      tighten(`${file}-shm`);
    }
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // Commits write the log without fsync; `flush` fsyncs it off the event loop (see the top).
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    // Deleted rows are overwritten with zeros, so a deleted workshop (or compacted
    // document updates) leaves nothing readable in free pages of the file.
    this.db.pragma('secure_delete = ON');
    this.migrate();
    // The log exists from the first write on (the migrations) until the last connection closes.
    if (file !== ':memory:') this.walFd = openSync(`${file}-wal`, 'r');
  }

  /** The schema version after migration. */
  schemaVersion(): number {
    const row = this.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
    return row.v ?? 0;
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
    const current = this.schemaVersion();
    for (const m of sqliteMigrations) {
      if (m.version <= current) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(m.version, Date.now());
      })();
    }
  }

  private write<T>(run: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ run, resolve: resolve as (v: unknown) => void, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const results: { ok: boolean; value: unknown }[] = [];
    try {
      this.db.transaction(() => {
        for (const w of batch) {
          try {
            results.push({ ok: true, value: this.db.transaction(w.run)() });
          } catch (error) {
            results.push({ ok: false, value: error });
          }
        }
      })();
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    const settle = (error: Error | null) => {
      batch.forEach((w, i) => {
        const r = results[i]!;
        if (error) w.reject(error);
        else if (r.ok) w.resolve(r.value);
        else w.reject(r.value);
      });
    };
    if (this.walFd === null) return settle(null);
    this.syncing++;
    fsync(this.walFd, (error) => {
      this.syncing--;
      settle(error);
    });
  }

  createWorkshop(record: WorkshopRecord, events: DomainEvent[]): Promise<void> {
    return this.write(() => {
      const clash = this.db
        .prepare('SELECT id, join_code FROM workshops WHERE id = ? OR join_code = ?')
        .get(record.id, record.joinCode) as { id: string } | undefined;
      if (clash) throw new DuplicateWorkshopError(clash.id === record.id ? 'id' : 'joinCode');
      this.db
        .prepare('INSERT INTO workshops (id, join_code, facilitator_key_hash, created_at) VALUES (?, ?, ?, ?)')
        .run(record.id, record.joinCode, record.facilitatorKeyHash, record.createdAt);
      this.insertEvents(record.id, events);
    });
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | null> {
    const row = this.db.prepare('SELECT * FROM workshops WHERE id = ?').get(id) as WorkshopRow | undefined;
    return row ? toRecord(row) : null;
  }

  async findWorkshopByJoinCode(joinCode: string): Promise<WorkshopRecord | null> {
    const row = this.db.prepare('SELECT * FROM workshops WHERE join_code = ?').get(joinCode) as WorkshopRow | undefined;
    return row ? toRecord(row) : null;
  }

  async listWorkshops(): Promise<WorkshopRecord[]> {
    return (this.db.prepare('SELECT * FROM workshops ORDER BY created_at, id').all() as WorkshopRow[]).map(toRecord);
  }

  setFacilitatorKeyHash(workshopId: string, hash: string): Promise<void> {
    return this.write(() => {
      this.db.prepare('UPDATE workshops SET facilitator_key_hash = ? WHERE id = ?').run(hash, workshopId);
    });
  }

  appendEvents(workshopId: string, expectedSeq: number, events: DomainEvent[]): Promise<void> {
    return this.write(() => {
      const row = this.db.prepare('SELECT MAX(seq) AS s FROM events WHERE workshop_id = ?').get(workshopId) as { s: number | null };
      const actual = row.s ?? 0;
      if (actual !== expectedSeq) throw new StaleSequenceError(workshopId, expectedSeq, actual);
      this.insertEvents(workshopId, events);
    });
  }

  private insertEvents(workshopId: string, events: DomainEvent[]): void {
    const insert = this.db.prepare('INSERT INTO events (workshop_id, seq, type, at, body) VALUES (?, ?, ?, ?, ?)');
    for (const e of events) insert.run(workshopId, e.seq, e.type, e.at, JSON.stringify(e));
  }

  async readEvents(workshopId: string, afterSeq: number, limit = 1_000_000): Promise<DomainEvent[]> {
    const rows = this.db
      .prepare('SELECT body FROM events WHERE workshop_id = ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(workshopId, afterSeq, limit) as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as DomainEvent);
  }

  saveStateSnapshot(state: WorkshopState): Promise<void> {
    return this.write(() => {
      this.db
        .prepare(
          `INSERT INTO state_snapshots (workshop_id, seq, state) VALUES (?, ?, ?)
           ON CONFLICT (workshop_id) DO UPDATE SET seq = excluded.seq, state = excluded.state
           WHERE excluded.seq > state_snapshots.seq`,
        )
        .run(state.id, state.seq, JSON.stringify(state));
    });
  }

  async loadStateSnapshot(workshopId: string): Promise<WorkshopState | null> {
    const row = this.db.prepare('SELECT state FROM state_snapshots WHERE workshop_id = ?').get(workshopId) as
      | { state: string }
      | undefined;
    return row ? (JSON.parse(row.state) as WorkshopState) : null;
  }

  appendDocUpdate(docName: string, update: Uint8Array): Promise<number> {
    return this.write(() => {
      const r = this.db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)').run(docName, Buffer.from(update));
      return Number(r.lastInsertRowid);
    });
  }

  async loadDoc(docName: string): Promise<StoredDoc> {
    const snap = this.db.prepare('SELECT data, through_id FROM doc_snapshots WHERE doc = ?').get(docName) as
      | { data: Buffer; through_id: number }
      | undefined;
    const after = snap?.through_id ?? 0;
    const rows = this.db
      .prepare('SELECT id, data FROM doc_updates WHERE doc = ? AND id > ? ORDER BY id')
      .all(docName, after) as { id: number; data: Buffer }[];
    return {
      snapshot: snap ? new Uint8Array(snap.data) : null,
      updates: rows.map((r) => new Uint8Array(r.data)),
      lastUpdateId: rows.length > 0 ? rows[rows.length - 1]!.id : after,
    };
  }

  compactDoc(docName: string, snapshot: Uint8Array, throughId: number): Promise<void> {
    return this.write(() => {
      const current = this.db.prepare('SELECT data, through_id FROM doc_snapshots WHERE doc = ?').get(docName) as
        | { data: Buffer; through_id: number }
        | undefined;
      if (current && current.through_id >= throughId) return;
      const updates = this.db.prepare('SELECT data FROM doc_updates WHERE doc = ? AND id <= ? ORDER BY id').all(docName, throughId) as {
        data: Buffer;
      }[];
      const merged = mergeForCompaction(snapshot, [current ? new Uint8Array(current.data) : null, ...updates.map((u) => new Uint8Array(u.data))]);
      this.db
        .prepare(
          `INSERT INTO doc_snapshots (doc, data, through_id, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (doc) DO UPDATE SET data = excluded.data, through_id = excluded.through_id, updated_at = excluded.updated_at`,
        )
        .run(docName, Buffer.from(merged), throughId, Date.now());
      this.db.prepare('DELETE FROM doc_updates WHERE doc = ? AND id <= ?').run(docName, throughId);
    });
  }

  async listDocNames(workshopId: string): Promise<string[]> {
    const [from, to] = prefixRange(workshopId);
    const rows = this.db
      .prepare(
        `SELECT doc FROM doc_updates WHERE doc >= ? AND doc < ?
         UNION SELECT doc FROM doc_snapshots WHERE doc >= ? AND doc < ? ORDER BY doc`,
      )
      .all(from, to, from, to) as { doc: string }[];
    return rows.map((r) => r.doc);
  }

  async deleteWorkshop(workshopId: string): Promise<boolean> {
    const deleted = await this.write(() => {
      const [from, to] = prefixRange(workshopId);
      this.db.prepare('DELETE FROM doc_updates WHERE doc >= ? AND doc < ?').run(from, to);
      this.db.prepare('DELETE FROM doc_snapshots WHERE doc >= ? AND doc < ?').run(from, to);
      this.db.prepare('DELETE FROM state_snapshots WHERE workshop_id = ?').run(workshopId);
      this.db.prepare('DELETE FROM events WHERE workshop_id = ?').run(workshopId);
      return this.db.prepare('DELETE FROM workshops WHERE id = ?').run(workshopId).changes > 0;
    });
    // The write-ahead log still holds earlier copies of its pages: move them into the
    // (zeroed) file and empty the log, so nothing of the workshop stays on disk.
    if (deleted && !this.closed) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return deleted;
  }

  async ping(): Promise<boolean> {
    return !this.closed && this.db.open;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Let writes already accepted reach the disk before closing.
    if (this.pending.length > 0) this.flush();
    this.closed = true;
    // Fsyncs in flight finish on this descriptor (their writes resolve) before it closes.
    while (this.syncing > 0) await new Promise((resolve) => setTimeout(resolve, 1));
    if (this.walFd !== null) {
      // What the last flush committed reaches the disk before we go.
      fsyncSync(this.walFd);
      closeSync(this.walFd);
      this.walFd = null;
    }
    this.db.close();
  }
}
