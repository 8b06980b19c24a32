/**
 * Projections: what each viewer may see of the state and of each event.
 * Facilitators see everything the log holds; everyone else sees what each
 * area lets them (ballots of others, for example, never). An event may also
 * have subjects (e.g. the voter of a ballot) who see their own part of it.
 */
import type { DomainEvent, EventOf } from '../protocol/events.js';
import { boardEventSubjects, projectBoardEvent, projectBoardsState } from './boards/project.js';
import { definitionWithoutPreparedPolls, pollEventSubjects, projectPollEvent, projectPollsState } from './polls/project.js';
import { projectQaEvent, projectQaState, qaEventSubjects } from './qa/project.js';
import { outcomesEventSubjects, projectOutcomesEvent, projectOutcomesState } from './outcomes/project.js';
import type { OutcomesEvent } from './outcomes/apply.js';
import { discussionEventSubjects, projectDiscussionEvent, projectDiscussionsState } from './discussions/project.js';
import type { DiscussionEvent } from './discussions/apply.js';
import type { WorkshopState } from './state.js';
import type { Role } from './workshop/model.js';

export interface Viewer {
  /** Null for a viewer who is no one in particular (the public projection). */
  participantId: string | null;
  role: Role;
  /**
   * The viewer's own pseudonym in a scope (see `DecideContext.pseudonym`), so
   * a projection can give people back their own anonymous contributions.
   * Only the server can derive it; absent where it is not known.
   */
  pseudonym?: (scope: string) => string;
}

export type Audience = 'facilitators' | 'public';

export function audienceOf(role: Role): Audience {
  return role === 'facilitator' ? 'facilitators' : 'public';
}

/** The viewer every non-facilitator's projection starts from. */
export const publicViewer: Viewer = { participantId: null, role: 'participant' };
export const facilitatorViewer: Viewer = { participantId: null, role: 'facilitator' };

/**
 * The event as this viewer receives it. Never drops an event (every viewer
 * sees contiguous sequence numbers, so gaps mean loss); it redacts. Areas
 * whose visibility depends on the workshop as it is (a group's discussion)
 * need `state`, and redact without it.
 */
export function projectEvent(event: DomainEvent, viewer: Viewer, state?: WorkshopState): DomainEvent {
  if (viewer.role === 'facilitator') return event;
  if (isArea(event, 'poll')) return projectPollEvent(event, viewer, state);
  if (isArea(event, 'board')) return projectBoardEvent(event, viewer);
  if (isArea(event, 'qa')) return projectQaEvent(event, viewer);
  if (isArea(event, 'input')) return projectOutcomesEvent(event as OutcomesEvent, viewer);
  if (isArea(event, 'discussion')) return projectDiscussionEvent(event as DiscussionEvent, viewer, state);
  if (event.type === 'workshop.created' && event.definition.polls !== undefined) {
    return { ...event, definition: definitionWithoutPreparedPolls(event.definition) };
  }
  if (event.type === 'participant.removed' && event.by !== undefined) {
    // Who removed whom is the facilitators' business.
    return { type: event.type, participantId: event.participantId, seq: event.seq, at: event.at };
  }
  return event;
}

/**
 * Participants who see this event differently from the public: their own
 * projection is sent to them alone. Empty for most events.
 */
export function eventSubjects(event: DomainEvent, state?: WorkshopState): string[] {
  if (isArea(event, 'poll')) return pollEventSubjects(event, state);
  if (isArea(event, 'board')) return boardEventSubjects(event);
  if (isArea(event, 'qa')) return qaEventSubjects(event);
  if (isArea(event, 'input')) return outcomesEventSubjects(event as OutcomesEvent);
  if (isArea(event, 'discussion')) return discussionEventSubjects(event as DiscussionEvent, state);
  return [];
}

/** The state as this viewer may see it. */
export function projectState(state: WorkshopState, viewer: Viewer): WorkshopState {
  if (viewer.role === 'facilitator') return state;
  return {
    ...state,
    // Prepared polls are drafts until launched: the facilitators' business.
    definition: definitionWithoutPreparedPolls(state.definition),
    polls: projectPollsState(state.polls, viewer, state),
    boards: projectBoardsState(state.boards, viewer, state),
    qa: projectQaState(state.qa, viewer, state),
    outcomes: projectOutcomesState(state.outcomes, viewer, state),
    discussions: projectDiscussionsState(state.discussions, viewer, state),
  };
}

function isArea<P extends string>(event: DomainEvent, prefix: P): event is EventOf<P> {
  return event.type.startsWith(`${prefix}.`);
}
