/**
 * Sessions kept in this browser, one per workshop, so a reload or a lost
 * connection keeps the same participant. Stored in localStorage; a session the
 * server no longer accepts is forgotten.
 */
import { Limits, type StoredSession } from '@plenary/shared';

/** A browser keeps a person's session and, apart, a projector screen's (the facilitator's laptop often drives both). */
export type SessionSlot = 'session' | 'projector';

const key = (workshopId: string, slot: SessionSlot) => `plenary.${slot}.${workshopId}`;
const slotOf = (s: StoredSession): SessionSlot => (s.role === 'projector' ? 'projector' : 'session');

const roles: readonly string[] = ['facilitator', 'participant', 'observer', 'projector'] satisfies StoredSession['role'][];
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= Limits.idLength && /^[A-Za-z0-9_-]+$/.test(v);

/**
 * What was stored, if it is a session (checked by hand rather than with shared's
 * schema, so zod stays out of a phone's first download).
 */
export function asStoredSession(v: unknown): StoredSession | null {
  if (typeof v !== 'object' || v === null) return null;
  const s = v as Record<string, unknown>;
  if (typeof s.token !== 'string' || s.token.length === 0 || !isId(s.workshopId) || !isId(s.participantId)) return null;
  if (typeof s.role !== 'string' || !roles.includes(s.role)) return null;
  return { token: s.token, workshopId: s.workshopId, participantId: s.participantId, role: s.role as StoredSession['role'] };
}

export function loadSession(workshopId: string, slot: SessionSlot = 'session'): StoredSession | null {
  try {
    const raw = localStorage.getItem(key(workshopId, slot));
    if (!raw) return null;
    return asStoredSession(JSON.parse(raw));
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
