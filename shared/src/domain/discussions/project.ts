/**
 * What non-facilitators see of discussions: the spaces they may read (their
 * group's chat, threads of boards they may read, other groups' when the round
 * allows it), with who wrote what as the workshop's attribution setting
 * allows; their own messages in full. Events of spaces they may not read
 * arrive redacted. Facilitators see everything.
 */
import { spaceAccess } from '../access/can.js';
import type { Viewer } from '../project.js';
import type { WorkshopState } from '../state.js';
import type { DiscussionEvent } from './apply.js';
import type { DiscussionsState, Message, Space, SpaceRef } from './model.js';

/** A message as this viewer may see it. */
export function projectMessage(m: Message, viewer: Viewer, state: WorkshopState): Message {
  if (viewer.role === 'facilitator') return m;
  if (viewer.participantId !== null && m.author === viewer.participantId) return m;
  const attribution = state.settings.attribution;
  return { ...m, clientId: '', author: attribution === 'named' ? m.author : '', affiliation: attribution === 'anonymous' ? null : m.affiliation };
}

/** A space as this viewer may see it, or null if they may not read it. */
export function projectSpace(space: Space, viewer: Viewer, state: WorkshopState): Space | null {
  if (viewer.role !== 'facilitator' && spaceAccess(state, viewer.participantId, space.ref) === 'none') return null;
  return { ref: space.ref, messages: space.messages.map((m) => projectMessage(m, viewer, state)) };
}

function readable(viewer: Viewer, ref: SpaceRef, state: WorkshopState | undefined): boolean {
  if (viewer.role === 'facilitator') return true;
  return state !== undefined && spaceAccess(state, viewer.participantId, ref) !== 'none';
}

/** A discussion event as a non-facilitator viewer may see it; without the state, messages are redacted. */
export function projectDiscussionEvent(event: DiscussionEvent, viewer: Viewer, state?: WorkshopState): DiscussionEvent {
  switch (event.type) {
    case 'discussion.questionsSet':
      return event;
    case 'discussion.posted':
      return { ...event, message: event.message && readable(viewer, event.space, state) ? projectMessage(event.message, viewer, state!) : null };
    case 'discussion.edited':
      return readable(viewer, event.space, state) ? event : { ...event, text: null, mentions: [] };
    case 'discussion.deleted':
      return { ...event, by: viewer.participantId === event.by ? event.by : '' };
  }
}

/** The members of the group a space belongs to (its chat, or the group's board), if it is a group's. */
function groupMembers(state: WorkshopState, ref: SpaceRef): string[] {
  const groupId = ref.kind === 'chat' ? ref.groupId : (() => {
    const scope = state.boards.byId[ref.boardId]?.scope;
    return scope?.kind === 'group' ? scope.groupId : null;
  })();
  if (!groupId) return [];
  for (const id of state.breakouts.order) {
    const round = state.breakouts.byId[id]!;
    if (round.groups.some((g) => g.id === groupId)) return Object.entries(round.members).filter(([, g]) => g === groupId).map(([p]) => p);
  }
  return [];
}

/**
 * Who sees a discussion event differently from the public: its author (their
 * own message in full) and, in a space the public may not read, everyone who
 * may read it.
 */
export function discussionEventSubjects(event: DiscussionEvent, state?: WorkshopState): string[] {
  if (!state || (event.type !== 'discussion.posted' && event.type !== 'discussion.edited')) return [];
  const author = event.type === 'discussion.posted' ? (event.message?.author ?? '') : '';
  const out = new Set<string>(author ? [author] : []);
  if (spaceAccess(state, null, event.space) === 'none') {
    for (const id of groupMembers(state, event.space)) if (spaceAccess(state, id, event.space) !== 'none') out.add(id);
  }
  return [...out];
}

export function projectDiscussionsState(slice: DiscussionsState, viewer: Viewer, state: WorkshopState): DiscussionsState {
  const spaces: Record<string, Space> = {};
  for (const [key, space] of Object.entries(slice.spaces)) {
    const seen = projectSpace(space, viewer, state);
    if (seen) spaces[key] = seen;
  }
  const mine = viewer.participantId !== null ? slice.recent[viewer.participantId] : undefined;
  return { questions: slice.questions, spaces, recent: mine ? { [viewer.participantId!]: mine } : {} };
}
