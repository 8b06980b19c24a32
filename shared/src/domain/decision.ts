/**
 * What every area's decider returns, and the small helpers that build it.
 * Kept apart from `decide.ts` (which dispatches a command to its area) so
 * that the areas depend on this module and not on their dispatcher: the
 * module graph has no cycle.
 */
import { ErrorCode, type Refusal } from '../protocol/errors.js';
import type { DomainEventBody } from '../protocol/events.js';
import type { Actor } from './access/can.js';

export interface DecideContext {
  /** Who sends the command; null for joining, which has no actor yet. */
  actor: Actor | null;
  now: number;
  newId: () => string;
  /**
   * A stable pseudonym for a participant within a scope (e.g. an anonymous
   * poll): the same inputs give the same string, and it cannot be traced back
   * to the participant without the server's secret. The server derives it
   * with a keyed hash; tests may pass any injective function.
   */
  pseudonym: (scope: string, participantId: string) => string;
}

export type Decision = { ok: true; events: DomainEventBody[] } | { ok: false; refusal: Refusal };

export const accept = (...events: DomainEventBody[]): Decision => ({ ok: true, events });
export const refuse = (code: Refusal['code'], message: string): Decision => ({ ok: false, refusal: { code, message } });
export const forbidden = (): Decision => refuse(ErrorCode.forbidden, 'Your role does not allow this.');
