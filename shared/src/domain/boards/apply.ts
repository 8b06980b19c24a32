import type { EventOf } from '../../protocol/events.js';
import type { WorkshopState } from '../state.js';

/** Applies a board event. */
export function applyBoards(state: WorkshopState, event: EventOf<'board'>): WorkshopState {
  return { ...state, seq: (event as { seq: number }).seq };
}
