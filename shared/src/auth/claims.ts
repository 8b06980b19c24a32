import { z } from 'zod';
import { Id, Role } from '../domain/workshop/model.js';

/**
 * What a session token says: who (participant id), where (workshop id) and
 * in which role they joined. The server signs it; the role that counts is
 * always the one in the workshop's current state, never the token's.
 */
export const SessionClaims = z.object({
  wid: Id,
  sub: Id,
  role: Role,
});
export type SessionClaims = z.infer<typeof SessionClaims>;

/** What a client keeps per workshop to stay the same person across reloads. */
export const StoredSession = z.object({
  token: z.string().min(1),
  workshopId: Id,
  participantId: Id,
  role: Role,
});
export type StoredSession = z.infer<typeof StoredSession>;
