import type { EventOf } from '../../protocol/events.js';
import type { Viewer } from '../project.js';
import type { WorkshopState } from '../state.js';
import type { PollsState } from './model.js';

/** A poll event as a non-facilitator viewer may see it (never dropped: redacted). */
export function projectPollEvent(event: EventOf<'poll'>, _viewer: Viewer): EventOf<'poll'> {
  return event;
}

/** Participants who see this poll event differently from the public. */
export function pollEventSubjects(_event: EventOf<'poll'>): string[] {
  return [];
}

/** The polls slice as a non-facilitator viewer may see it. */
export function projectPollsState(slice: PollsState, _viewer: Viewer, _state: WorkshopState): PollsState {
  return slice;
}
