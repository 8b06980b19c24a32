/**
 * Sessions kept in this browser, one per workshop, so a reload or a lost
 * connection keeps the same participant. Stored in localStorage; a session the
 * server no longer accepts is forgotten.
 */
import { StoredSession } from '@plenary/shared';

const key = (workshopId: string) => `plenary.session.${workshopId}`;

export function loadSession(workshopId: string): StoredSession | null {
  try {
    const raw = localStorage.getItem(key(workshopId));
    if (!raw) return null;
    const parsed = StoredSession.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveSession(session: StoredSession): void {
  localStorage.setItem(key(session.workshopId), JSON.stringify(session));
}

export function forgetSession(workshopId: string): void {
  localStorage.removeItem(key(workshopId));
}
