/**
 * Sessions kept in this browser, one per workshop, so a reload or a lost
 * connection keeps the same participant. Stored in localStorage; a session the
 * server no longer accepts is forgotten.
 */
import { StoredSession } from '@plenary/shared';

/** A browser keeps a person's session and, apart, a projector screen's (the facilitator's laptop often drives both). */
export type SessionSlot = 'session' | 'projector';

const key = (workshopId: string, slot: SessionSlot) => `plenary.${slot}.${workshopId}`;
const slotOf = (s: StoredSession): SessionSlot => (s.role === 'projector' ? 'projector' : 'session');

export function loadSession(workshopId: string, slot: SessionSlot = 'session'): StoredSession | null {
  try {
    const raw = localStorage.getItem(key(workshopId, slot));
    if (!raw) return null;
    const parsed = StoredSession.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveSession(session: StoredSession): void {
  localStorage.setItem(key(session.workshopId, slotOf(session)), JSON.stringify(session));
}

export function forgetSession(session: StoredSession): void {
  localStorage.removeItem(key(session.workshopId, slotOf(session)));
}
