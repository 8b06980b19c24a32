/**
 * Versioned schema migrations of the PostgreSQL store. Append new versions;
 * never edit one that has shipped. They run once, in order, under an advisory
 * lock, so several nodes starting together migrate once.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const postgresMigrations: Migration[] = [
  {
    version: 1,
    description: 'workshops, event logs, state snapshots, Yjs documents',
    sql: `
      CREATE TABLE workshops (
        id TEXT PRIMARY KEY,
        join_code TEXT NOT NULL UNIQUE,
        facilitator_key_hash TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE events (
        workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        type TEXT NOT NULL,
        at BIGINT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (workshop_id, seq)
      );
      CREATE TABLE state_snapshots (
        workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        state TEXT NOT NULL
      );
      CREATE TABLE doc_updates (
        id BIGSERIAL PRIMARY KEY,
        doc TEXT NOT NULL,
        data BYTEA NOT NULL
      );
      CREATE INDEX doc_updates_by_doc ON doc_updates (doc, id);
      CREATE TABLE doc_snapshots (
        doc TEXT PRIMARY KEY,
        data BYTEA NOT NULL,
        through_id BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      );
    `,
  },
];
