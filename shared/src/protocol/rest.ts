/**
 * The HTTP API (`/api/*`): JSON bodies validated with these schemas, answers
 * as `Result` objects with a matching HTTP status. Authenticated routes take
 * `Authorization: Bearer <session token>`.
 *
 *   GET  /api/join/:code                  → JoinInfo        (rate-limited on wrong codes)
 *   POST /api/join                        → JoinReply       (rate-limited on wrong codes)
 *   POST /api/workshops/:id/facilitator   → JoinReply       (facilitator key; rate-limited)
 *   GET  /api/session                     → SessionInfo     (checks a stored token still works)
 *   POST /api/workshops/:id/projector     → JoinReply       (a facilitator opens a projector screen)
 *   POST /api/workshops                   → CreatedWorkshop (a facilitator creates a workshop)
 *   GET  /healthz                         → { ok: true }
 */
import { z } from 'zod';
import { StoredSession } from '../auth/claims.js';
import {
  Affiliation,
  Country,
  DisplayName,
  Id,
  Organisation,
  Role,
  Title,
} from '../domain/workshop/model.js';
import { LanguageCode } from './languages.js';

export const JoinCodeInput = z.string().trim().min(1).max(20);

export const JoinRequest = z.object({
  code: JoinCodeInput,
  name: DisplayName,
  affiliation: Affiliation,
  language: LanguageCode,
  role: z.enum(['participant', 'observer']).default('participant'),
});
export type JoinRequest = z.input<typeof JoinRequest>;

/** A new session: the client stores it per workshop. */
export const JoinReply = StoredSession;
export type JoinReply = z.infer<typeof JoinReply>;

/** What the join form needs to know about the workshop behind a code. */
export const JoinInfo = z.object({
  workshopId: Id,
  title: z.string(),
  subtitle: z.string().optional(),
  venue: z.string(),
  countries: z.array(Country),
  organisations: z.array(Organisation),
  allowObservers: z.boolean(),
  defaultLanguage: LanguageCode,
});
export type JoinInfo = z.infer<typeof JoinInfo>;

export const FacilitatorEnterRequest = z.object({
  key: z.string().min(16).max(200),
  name: DisplayName,
  language: LanguageCode,
});
export type FacilitatorEnterRequest = z.infer<typeof FacilitatorEnterRequest>;

export const SessionInfo = z.object({
  workshopId: Id,
  participantId: Id,
  role: Role,
  name: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const CreateWorkshopRequest = z.object({
  /** Start blank, or from a copy of the built-in demo's definition. */
  from: z.enum(['blank', 'demo']),
  title: Title,
});
export type CreateWorkshopRequest = z.infer<typeof CreateWorkshopRequest>;

export const CreatedWorkshop = z.object({
  workshopId: Id,
  joinCode: z.string(),
  /** Shown once; the server keeps only its hash. */
  facilitatorKey: z.string(),
});
export type CreatedWorkshop = z.infer<typeof CreatedWorkshop>;

/** Paths of the HTTP API, so no client or test spells them on its own. */
export const ApiPath = {
  joinInfo: (code: string) => `/api/join/${encodeURIComponent(code)}`,
  join: '/api/join',
  facilitatorEnter: (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}/facilitator`,
  session: '/api/session',
  workshops: '/api/workshops',
  projector: (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}/projector`,
  health: '/healthz',
} as const;

/** Client routes that links and printed URLs point to. */
export const AppPath = {
  home: '/',
  join: (code: string) => `/join/${encodeURIComponent(code)}`,
  workshop: (workshopId: string) => `/w/${encodeURIComponent(workshopId)}`,
  /** The key travels in the fragment, so it never reaches a server log. */
  projector: (workshopId: string) => `/p/${encodeURIComponent(workshopId)}`,
  facilitate: (workshopId: string, key?: string) =>
    `/f/${encodeURIComponent(workshopId)}${key ? `#key=${encodeURIComponent(key)}` : ''}`,
} as const;
