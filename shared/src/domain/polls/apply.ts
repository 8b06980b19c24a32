import type { EventOf } from '../../protocol/events.js';
import type { WorkshopState } from '../state.js';

/** Applies a poll event. */
export function applyPolls(state: WorkshopState, event: EventOf<'poll'>): WorkshopState {
  return { ...state, seq: (event as { seq: number }).seq };
}
