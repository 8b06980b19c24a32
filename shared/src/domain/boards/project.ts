import type { EventOf } from '../../protocol/events.js';
import type { Viewer } from '../project.js';
import type { WorkshopState } from '../state.js';
import type { BoardsState } from './model.js';

/** A board event as a non-facilitator viewer may see it (never dropped: redacted). */
export function projectBoardEvent(event: EventOf<'board'>, _viewer: Viewer): EventOf<'board'> {
  return event;
}

/** Participants who see this board event differently from the public. */
export function boardEventSubjects(_event: EventOf<'board'>): string[] {
  return [];
}

/** The boards slice as a non-facilitator viewer may see it. */
export function projectBoardsState(slice: BoardsState, _viewer: Viewer, _state: WorkshopState): BoardsState {
  return slice;
}
