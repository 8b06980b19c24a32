/**
 * Secrets at rest: the server secret (from the environment, or generated once
 * into the data directory with mode 0600) and facilitator keys, which are
 * stored only as SHA-256 hashes (they are long random strings, so a fast hash
 * is enough) and compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir, tighten } from '../privateFiles.js';

/** The server secret: from `configured` if given, else from (or newly into) `<dataDir>/secret.key`. */
export function loadServerSecret(dataDir: string, configured?: string): Uint8Array {
  if (configured) return new TextEncoder().encode(configured);
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) {
    makePrivateDir(dataDir);
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  tighten(file);
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

/** A new facilitator key: 32 random bytes, URL-safe. */
export function newFacilitatorKey(): string {
  return randomBytes(32).toString('base64url');
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Whether `key` hashes to `hash`, in time independent of where they differ. */
export function keyMatches(key: string, hash: string): boolean {
  const a = Buffer.from(hashKey(key), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
