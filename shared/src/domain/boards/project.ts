/**
 * What non-facilitators see of boards: dot votes without who voted for what,
 * and, while a vote's results are hidden, nothing of others' dots. A voter
 * sees their own dots (they are the subject of their `board.dotsSet`).
 */
import type { EventOf } from '../../protocol/events.js';
import type { Viewer } from '../project.js';
import type { WorkshopState } from '../state.js';
import type { Board, BoardsState } from './model.js';

/** A board event as a non-facilitator viewer may see it (never dropped: redacted). */
export function projectBoardEvent(event: EventOf<'board'>, viewer: Viewer): EventOf<'board'> {
  if (event.type !== 'board.dotsSet') return event;
  const own = viewer.participantId !== null && viewer.participantId === event.participantId;
  const { type, boardId, voteId, visible, seq, at } = event;
  if (own) {
    return visible
      ? event
      : { type, boardId, voteId, visible, seq, at, participantId: event.participantId, itemId: event.itemId, dots: event.dots };
  }
  if (visible) return { type, boardId, voteId, visible, seq, at, itemId: event.itemId, delta: event.delta };
  return { type, boardId, voteId, visible, seq, at };
}

/** Participants who see this board event differently from the public: the voter of dots. */
export function boardEventSubjects(event: EventOf<'board'>): string[] {
  return event.type === 'board.dotsSet' && event.participantId ? [event.participantId] : [];
}

/** The boards slice as a non-facilitator viewer may see it. */
export function projectBoardsState(slice: BoardsState, viewer: Viewer, _state: WorkshopState): BoardsState {
  const byId: Record<string, Board> = {};
  for (const [id, board] of Object.entries(slice.byId)) {
    const vote = board.vote;
    if (!vote) {
      byId[id] = board;
      continue;
    }
    const own = viewer.participantId ? vote.ballots[viewer.participantId] : undefined;
    byId[id] = {
      ...board,
      vote: {
        ...vote,
        ballots: own && viewer.participantId ? { [viewer.participantId]: own } : {},
        tally: !vote.hidden || vote.revealed ? vote.tally : {},
      },
    };
  }
  return { ...slice, byId };
}
