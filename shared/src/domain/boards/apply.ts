import type { EventOf } from '../../protocol/events.js';
import type { WorkshopState } from '../state.js';
import type { Board, DotVote } from './model.js';

/**
 * Applies a board event. Viewers receive projected events (see project.ts):
 * a field a viewer may not see is absent, and the reducer then leaves that
 * part of the state alone, so each viewer's state holds what they may see.
 */
export function applyBoards(state: WorkshopState, event: EventOf<'board'>): WorkshopState {
  const next: WorkshopState = { ...state, seq: event.seq };
  if (event.type === 'board.created') {
    const board: Board = {
      id: event.boardId,
      title: event.title,
      template: event.template,
      scope: event.scope ?? { kind: 'plenary' },
      source: event.source ?? null,
      createdBy: event.createdBy,
      createdAt: event.at,
      locked: false,
      lockedFrames: [],
      private: false,
      vote: null,
    };
    next.boards = { ...state.boards, byId: { ...state.boards.byId, [board.id]: board }, order: [...state.boards.order, board.id] };
    return next;
  }
  if (event.type === 'board.summoned') {
    next.boards = { ...state.boards, summon: { boardId: event.boardId, viewport: event.viewport, at: event.at } };
    return next;
  }
  const board = state.boards.byId[event.boardId];
  if (!board) return next;
  const patched = patchBoard(board, event);
  next.boards = { ...state.boards, byId: { ...state.boards.byId, [board.id]: patched } };
  return next;
}

function patchBoard(board: Board, event: Exclude<EventOf<'board'>, { type: 'board.created' | 'board.summoned' }>): Board {
  switch (event.type) {
    case 'board.renamed':
      return { ...board, title: event.title };
    case 'board.locked':
      return { ...board, locked: event.locked };
    case 'board.frameLocked':
      return {
        ...board,
        lockedFrames: event.locked
          ? [...board.lockedFrames.filter((f) => f !== event.frameId), event.frameId]
          : board.lockedFrames.filter((f) => f !== event.frameId),
      };
    case 'board.privateSet':
      return { ...board, private: event.private };
    case 'board.voteOpened':
      return {
        ...board,
        vote: { id: event.voteId, budget: event.budget, hidden: event.hidden, revealed: false, status: 'open', ballots: {}, tally: {} },
      };
    case 'board.dotsSet':
      return withVote(board, event.voteId, (vote) => {
        let { ballots, tally } = vote;
        if (event.participantId !== undefined && event.itemId !== undefined && event.dots !== undefined) {
          const ballot = { ...(ballots[event.participantId] ?? {}) };
          if (event.dots === 0) delete ballot[event.itemId];
          else ballot[event.itemId] = event.dots;
          ballots = { ...ballots, [event.participantId]: ballot };
        }
        if (event.itemId !== undefined && event.delta !== undefined) {
          const dots = (tally[event.itemId] ?? 0) + event.delta;
          tally = { ...tally };
          if (dots > 0) tally[event.itemId] = dots;
          else delete tally[event.itemId];
        }
        return { ...vote, ballots, tally };
      });
    case 'board.voteClosed':
      return withVote(board, event.voteId, (vote) => ({ ...vote, status: 'closed' }));
    case 'board.voteRevealed':
      return withVote(board, event.voteId, (vote) => ({ ...vote, revealed: true, tally: { ...event.tally } }));
    case 'board.voteCleared':
      return withVote(board, event.voteId, () => null);
  }
}

function withVote(board: Board, voteId: string, f: (vote: DotVote) => DotVote | null): Board {
  if (!board.vote || board.vote.id !== voteId) return board;
  return { ...board, vote: f(board.vote) };
}
