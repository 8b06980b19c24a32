/**
 * The store for several nodes: PostgreSQL (the `pg` driver), chosen by
 * `DATABASE_URL`. Same contract as `SqliteStore`:
 *
 * - Writes that arrive in one event-loop tick share one transaction, each in
 *   its own savepoint; every promise resolves after the commit. Within the
 *   transaction, writes that take row or key locks (a workshop's events and
 *   snapshot, a document's compaction) run in the order of their lock key,
 *   the same on every node, so two nodes' transactions never wait on each
 *   other in a cycle (a deadlock PostgreSQL would break only after a second,
 *   failing one node's whole tick). Writes for one key keep their order.
 * - Appends are ordered per workshop by the (workshop, seq) primary key: an
 *   append at a sequence number another node already used fails as stale.
 * - Compaction locks the document's snapshot row, so one node at a time
 *   compacts a document, and merges what the store holds, so nothing another
 *   node stored is lost.
 */
import pg from 'pg';
import type { DomainEvent, WorkshopState } from '@plenary/shared';
import {
  DuplicateWorkshopError,
  StaleSequenceError,
  type Store,
  type StoredDoc,
  type WorkshopRecord,
} from '../Store.js';
import { mergeForCompaction } from '../compaction.js';
import { workshopDocPrefix } from '../Store.js';
import { postgresMigrations } from './migrations.js';

type Op = (client: pg.PoolClient) => Promise<unknown>;

/** Lock keys: documents sort before workshops; within each, by name. */
const lockKey = {
  doc: (docName: string) => `d:${docName}`,
  workshop: (workshopId: string) => `w:${workshopId}`,
};

interface PendingWrite {
  op: Op;
  /** What it locks ('' for nothing another node's write could wait on); the batch runs in key order. */
  key: string;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface WorkshopRow {
  id: string;
  join_code: string;
  facilitator_key_hash: string;
  created_at: string;
}

const toRecord = (r: WorkshopRow): WorkshopRecord => ({
  id: r.id,
  joinCode: r.join_code,
  facilitatorKeyHash: r.facilitator_key_hash,
  createdAt: Number(r.created_at),
});

const uniqueViolation = '23505';
const isUniqueViolation = (e: unknown, constraint?: string) =>
  (e as { code?: string }).code === uniqueViolation && (!constraint || (e as { constraint?: string }).constraint === constraint);

export interface PostgresStoreOptions {
  /** Schema to keep the tables in (created if missing); tests use one per run. */
  schema?: string;
  /** Pool size; each node needs few connections. */
  maxConnections?: number;
}

export class PostgresStore implements Store {
  private pending: PendingWrite[] = [];
  private flushing: Promise<void> | null = null;
  private closed = false;

  private constructor(private readonly pool: pg.Pool) {}

  /** Connects, creates the schema if needed and migrates it. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const schema = options.schema ?? 'public';
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 10,
      options: `-c search_path=${schema}`,
    });
    pool.on('error', () => undefined); // idle-client errors surface on the next query
    const store = new PostgresStore(pool);
    try {
      await store.migrate(schema);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  async schemaVersion(): Promise<number> {
    const r = await this.pool.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    return r.rows[0]?.v ?? 0;
  }

  private async migrate(schema: string): Promise<void> {
    const client = await this.pool.connect();
    const lock = `plenary-migrate:${schema}`;
    try {
      // One node creates and migrates the schema at a time; the others wait and find nothing to do.
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [lock]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
      const r = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
      const current = r.rows[0]?.v ?? 0;
      for (const m of postgresMigrations) {
        if (m.version <= current) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [m.version, Date.now()]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lock]).catch(() => undefined);
      client.release();
    }
  }

  private write<T>(op: (client: pg.PoolClient) => Promise<T>, key = ''): Promise<T> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ op, key, resolve: resolve as (v: unknown) => void, reject });
      if (!this.flushing) this.flushing = this.flushLoop();
    });
  }

  /** Commits the queued writes, a tick's worth per transaction, until none are left. */
  private async flushLoop(): Promise<void> {
    await new Promise<void>((r) => setImmediate(r));
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      await this.commit(batch);
    }
    this.flushing = null;
  }

  private async commit(batch: PendingWrite[]): Promise<void> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    // Locks are taken in one global order (stable: a key's writes keep theirs); see the top.
    batch = [...batch].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const results: { ok: boolean; value: unknown }[] = [];
    try {
      await client.query('BEGIN');
      for (const w of batch) {
        await client.query('SAVEPOINT w');
        try {
          results.push({ ok: true, value: await w.op(client) });
          await client.query('RELEASE SAVEPOINT w');
        } catch (error) {
          results.push({ ok: false, value: error });
          await client.query('ROLLBACK TO SAVEPOINT w');
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(true);
      for (const w of batch) w.reject(error);
      return;
    }
    client.release();
    batch.forEach((w, i) => {
      const r = results[i]!;
      if (r.ok) w.resolve(r.value);
      else w.reject(r.value);
    });
  }

  createWorkshop(record: WorkshopRecord, events: DomainEvent[]): Promise<void> {
    return this.write(async (c) => {
      try {
        await c.query('INSERT INTO workshops (id, join_code, facilitator_key_hash, created_at) VALUES ($1, $2, $3, $4)', [
          record.id,
          record.joinCode,
          record.facilitatorKeyHash,
          record.createdAt,
        ]);
      } catch (error) {
        if (isUniqueViolation(error, 'workshops_pkey')) throw new DuplicateWorkshopError('id');
        if (isUniqueViolation(error)) throw new DuplicateWorkshopError('joinCode');
        throw error;
      }
      await insertEvents(c, record.id, events);
    }, lockKey.workshop(record.id));
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | null> {
    const r = await this.pool.query<WorkshopRow>('SELECT * FROM workshops WHERE id = $1', [id]);
    return r.rows[0] ? toRecord(r.rows[0]) : null;
  }

  async findWorkshopByJoinCode(joinCode: string): Promise<WorkshopRecord | null> {
    const r = await this.pool.query<WorkshopRow>('SELECT * FROM workshops WHERE join_code = $1', [joinCode]);
    return r.rows[0] ? toRecord(r.rows[0]) : null;
  }

  async listWorkshops(): Promise<WorkshopRecord[]> {
    const r = await this.pool.query<WorkshopRow>('SELECT * FROM workshops ORDER BY created_at, id');
    return r.rows.map(toRecord);
  }

  setFacilitatorKeyHash(workshopId: string, hash: string): Promise<void> {
    return this.write(async (c) => {
      await c.query('UPDATE workshops SET facilitator_key_hash = $1 WHERE id = $2', [hash, workshopId]);
    }, lockKey.workshop(workshopId));
  }

  appendEvents(workshopId: string, expectedSeq: number, events: DomainEvent[]): Promise<void> {
    return this.write(async (c) => {
      const r = await c.query<{ s: number | null }>('SELECT MAX(seq) AS s FROM events WHERE workshop_id = $1', [workshopId]);
      const actual = r.rows[0]?.s ?? 0;
      if (actual !== expectedSeq) throw new StaleSequenceError(workshopId, expectedSeq, actual);
      try {
        await insertEvents(c, workshopId, events);
      } catch (error) {
        // Another node appended the same sequence number between our check and our insert.
        if (isUniqueViolation(error)) throw new StaleSequenceError(workshopId, expectedSeq, expectedSeq + 1);
        throw error;
      }
    }, lockKey.workshop(workshopId));
  }

  async readEvents(workshopId: string, afterSeq: number, limit = 1_000_000): Promise<DomainEvent[]> {
    const r = await this.pool.query<{ body: string }>(
      'SELECT body FROM events WHERE workshop_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
      [workshopId, afterSeq, limit],
    );
    return r.rows.map((row) => JSON.parse(row.body) as DomainEvent);
  }

  saveStateSnapshot(state: WorkshopState): Promise<void> {
    return this.write(async (c) => {
      await c.query(
        `INSERT INTO state_snapshots (workshop_id, seq, state) VALUES ($1, $2, $3)
         ON CONFLICT (workshop_id) DO UPDATE SET seq = excluded.seq, state = excluded.state
         WHERE excluded.seq > state_snapshots.seq`,
        [state.id, state.seq, JSON.stringify(state)],
      );
    }, lockKey.workshop(state.id));
  }

  async loadStateSnapshot(workshopId: string): Promise<WorkshopState | null> {
    const r = await this.pool.query<{ state: string }>('SELECT state FROM state_snapshots WHERE workshop_id = $1', [workshopId]);
    return r.rows[0] ? (JSON.parse(r.rows[0].state) as WorkshopState) : null;
  }

  appendDocUpdate(docName: string, update: Uint8Array): Promise<number> {
    return this.write(async (c) => {
      const r = await c.query<{ id: string }>('INSERT INTO doc_updates (doc, data) VALUES ($1, $2) RETURNING id', [docName, Buffer.from(update)]);
      return Number(r.rows[0]!.id);
    });
  }

  async loadDoc(docName: string): Promise<StoredDoc> {
    const snap = await this.pool.query<{ data: Buffer; through_id: string }>('SELECT data, through_id FROM doc_snapshots WHERE doc = $1', [docName]);
    const after = snap.rows[0] ? Number(snap.rows[0].through_id) : 0;
    const rows = await this.pool.query<{ id: string; data: Buffer }>(
      'SELECT id, data FROM doc_updates WHERE doc = $1 AND id > $2 ORDER BY id',
      [docName, after],
    );
    return {
      snapshot: snap.rows[0] && snap.rows[0].data.length > 0 ? new Uint8Array(snap.rows[0].data) : null,
      updates: rows.rows.map((r) => new Uint8Array(r.data)),
      lastUpdateId: rows.rows.length > 0 ? Number(rows.rows[rows.rows.length - 1]!.id) : after,
    };
  }

  compactDoc(docName: string, snapshot: Uint8Array, throughId: number): Promise<void> {
    return this.write(async (c) => {
      // Lock the document's snapshot row (made if missing): one compaction at a time.
      await c.query(
        `INSERT INTO doc_snapshots (doc, data, through_id, updated_at) VALUES ($1, '\\x', 0, 0) ON CONFLICT (doc) DO NOTHING`,
        [docName],
      );
      const current = await c.query<{ data: Buffer; through_id: string }>('SELECT data, through_id FROM doc_snapshots WHERE doc = $1 FOR UPDATE', [
        docName,
      ]);
      const row = current.rows[0]!;
      if (Number(row.through_id) >= throughId && row.data.length > 0) return;
      const updates = await c.query<{ data: Buffer }>('SELECT data FROM doc_updates WHERE doc = $1 AND id <= $2 ORDER BY id', [docName, throughId]);
      const merged = mergeForCompaction(snapshot, [row.data.length > 0 ? new Uint8Array(row.data) : null, ...updates.rows.map((u) => new Uint8Array(u.data))]);
      await c.query('UPDATE doc_snapshots SET data = $2, through_id = $3, updated_at = $4 WHERE doc = $1', [docName, Buffer.from(merged), throughId, Date.now()]);
      await c.query('DELETE FROM doc_updates WHERE doc = $1 AND id <= $2', [docName, throughId]);
    }, lockKey.doc(docName));
  }

  async listDocNames(workshopId: string): Promise<string[]> {
    const prefix = workshopDocPrefix(workshopId);
    const r = await this.pool.query<{ doc: string }>(
      `SELECT doc FROM (SELECT doc FROM doc_updates WHERE starts_with(doc, $1)
       UNION SELECT doc FROM doc_snapshots WHERE starts_with(doc, $1)) d ORDER BY doc COLLATE "C"`,
      [prefix],
    );
    return r.rows.map((row) => row.doc);
  }

  deleteWorkshop(workshopId: string): Promise<boolean> {
    return this.write(async (c) => {
      const prefix = workshopDocPrefix(workshopId);
      // Lock the record first, so an append racing with the delete waits for it and then finds no workshop.
      await c.query('SELECT id FROM workshops WHERE id = $1 FOR UPDATE', [workshopId]);
      await c.query('DELETE FROM doc_updates WHERE starts_with(doc, $1)', [prefix]);
      await c.query('DELETE FROM doc_snapshots WHERE starts_with(doc, $1)', [prefix]);
      await c.query('DELETE FROM state_snapshots WHERE workshop_id = $1', [workshopId]);
      await c.query('DELETE FROM events WHERE workshop_id = $1', [workshopId]);
      const r = await c.query('DELETE FROM workshops WHERE id = $1', [workshopId]);
      return (r.rowCount ?? 0) > 0;
    }, lockKey.workshop(workshopId));
  }

  /** Whether the database answers (for readiness). */
  async ping(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /** Drops the schema with everything in it (tests). */
  async dropSchema(schema: string): Promise<void> {
    await this.pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    while (this.flushing) await this.flushing;
    this.closed = true;
    await this.pool.end();
  }
}

async function insertEvents(c: pg.PoolClient, workshopId: string, events: DomainEvent[]): Promise<void> {
  for (const e of events) {
    await c.query('INSERT INTO events (workshop_id, seq, type, at, body) VALUES ($1, $2, $3, $4, $5)', [
      workshopId,
      e.seq,
      e.type,
      e.at,
      JSON.stringify(e),
    ]);
  }
}
