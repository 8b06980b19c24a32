/**
 * Versioned schema migrations of the SQLite store. Append new versions; never
 * edit one that has shipped. Each runs once, in a transaction, in order.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const sqliteMigrations: Migration[] = [
  {
    version: 1,
    description: 'workshops, event logs, state snapshots, Yjs documents',
    sql: `
      CREATE TABLE workshops (
        id TEXT PRIMARY KEY,
        join_code TEXT NOT NULL UNIQUE,
        facilitator_key_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE events (
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        at INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (workshop_id, seq)
      ) WITHOUT ROWID;
      CREATE TABLE state_snapshots (
        workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        state TEXT NOT NULL
      );
      CREATE TABLE doc_updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        doc TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX doc_updates_by_doc ON doc_updates (doc, id);
      CREATE TABLE doc_snapshots (
        doc TEXT PRIMARY KEY,
        data BLOB NOT NULL,
        through_id INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `,
  },
];
