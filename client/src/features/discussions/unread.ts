/**
 * Unread messages per space: how far into a space's messages this person has
 * seen (the sequence number of the last message that was on screen), kept for
 * the browser session so a reload does not make everything new again.
 */
import { useSyncExternalStore } from 'react';
import type { Message } from '@plenary/shared';
import { Store } from '../../realtime/Store';

const storageKey = 'plenary.discussions.seen';

function load(): Record<string, number> {
  try {
    const raw = sessionStorage.getItem(storageKey);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

const seen = new Store<Record<string, number>>(load());

/** Marks a space's messages up to `seq` as seen. */
export function markSeen(key: string, seq: number): void {
  if ((seen.getSnapshot()[key] ?? 0) >= seq) return;
  seen.set((s) => ({ ...s, [key]: seq }));
  try {
    sessionStorage.setItem(storageKey, JSON.stringify(seen.getSnapshot()));
  } catch {
    // Private mode or full: the count is kept for this page only.
  }
}

/** Messages of others, not deleted, after what this person has seen. */
export function unreadCount(messages: readonly Message[], seenSeq: number, me: string): number {
  return messages.filter((m) => m.seq > seenSeq && !m.deleted && m.author !== me).length;
}

/** What has been seen, by space key. */
export function useSeen(): Record<string, number> {
  return useSyncExternalStore(seen.subscribe, seen.getSnapshot);
}
