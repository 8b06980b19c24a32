/**
 * The data directory is the server's alone: it holds the database (every
 * workshop, ballot and note) and the secret that signs sessions. Created 0700,
 * its files 0600, whatever the umask; files an older version created readable
 * to others are tightened on start.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

/** Creates `dir` (and missing parents) 0700. An existing directory is left as the operator made it. */
export function makePrivateDir(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/**
 * Makes `file` exist with mode 0600: created empty if missing (SQLite then gives
 * its -wal and -shm files the database file's mode), tightened if group or others
 * could read or write it.
 */
export function makePrivateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  tighten(file);
}

/** Removes group and other permissions from `file` if it exists. */
export function tighten(file: string): void {
  if (!existsSync(file)) return;
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) chmodSync(file, mode & 0o700);
}
