/**
 * Projections: what each audience may see of the state and of each event.
 * Facilitators see everything; everyone else sees the public projection.
 */
import type { DomainEvent } from '../../protocol/events.js';
import type { Role, WorkshopState } from './model.js';

export type Audience = 'facilitators' | 'public';

export function audienceOf(role: Role): Audience {
  return role === 'facilitator' ? 'facilitators' : 'public';
}

/**
 * The event as this audience receives it. Never drops an event (every
 * audience sees contiguous sequence numbers, so gaps mean loss); it redacts.
 */
export function projectEvent(event: DomainEvent, audience: Audience): DomainEvent {
  if (audience === 'facilitators') return event;
  if (event.type === 'participant.removed' && event.by !== undefined) {
    // Who removed whom is the facilitators' business.
    return { type: event.type, participantId: event.participantId, seq: event.seq, at: event.at };
  }
  return event;
}

/** The state as this audience may see it. */
export function projectState(state: WorkshopState, _audience: Audience): WorkshopState {
  return state;
}
