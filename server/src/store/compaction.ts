import * as Y from 'yjs';

/**
 * The compacted form of a document: the caller's snapshot merged with what
 * the store already holds up to `throughId` (its snapshot and updates). A node
 * whose copy lacks an update another node stored therefore cannot lose it by
 * compacting (Yjs merges are idempotent).
 */
export function mergeForCompaction(callerSnapshot: Uint8Array, stored: (Uint8Array | null)[]): Uint8Array {
  const parts = [callerSnapshot, ...stored.filter((u): u is Uint8Array => u !== null && u.length > 0)];
  return parts.length === 1 ? callerSnapshot : Y.mergeUpdates(parts);
}
