/** Decisions on boards: creating them, the facilitator's controls and dot votes. */
import type { CommandOf } from '../../protocol/commands.js';
import { ErrorCode } from '../../protocol/errors.js';
import { can } from '../access/can.js';
import { accept, forbidden, refuse, type DecideContext, type Decision } from '../decision.js';
import type { WorkshopState } from '../state.js';
import { BoardLimits, dotsUsed, type Board } from './model.js';

const noBoard = () => refuse(ErrorCode.notFound, 'No such board.');
const noVote = () => refuse(ErrorCode.conflict, 'No vote is running on this board.');

/** Decides a `board:*` command. */
export function decideBoards(state: WorkshopState, command: CommandOf<'board'>, ctx: DecideContext): Decision {
  const actor = ctx.actor;
  if (command.type === 'board:vote') {
    const { boardId, itemId, dots } = command.payload;
    const board = state.boards.byId[boardId];
    if (!board) return noBoard();
    if (!actor || !can(state, actor, { kind: 'board.vote', boardId })) return forbidden();
    const vote = board.vote;
    if (!vote || vote.status !== 'open') return refuse(ErrorCode.conflict, 'Voting is not open on this board.');
    const mine = vote.ballots[actor.participantId] ?? {};
    const before = mine[itemId] ?? 0;
    if (before === dots) return accept();
    const used = dotsUsed(mine) - before + dots;
    if (used > vote.budget) {
      return refuse(ErrorCode.conflict, `You have ${vote.budget} dots in this vote and would use ${used}.`);
    }
    return accept({
      type: 'board.dotsSet',
      boardId,
      voteId: vote.id,
      visible: !vote.hidden || vote.revealed,
      participantId: actor.participantId,
      itemId,
      dots,
      delta: dots - before,
    });
  }

  if (!can(state, actor, { kind: 'board.manage' })) return forbidden();
  if (command.type === 'board:create') {
    if (state.boards.order.length >= BoardLimits.boardsPerWorkshop) {
      return refuse(ErrorCode.conflict, 'This workshop has too many boards.');
    }
    const { title, template } = command.payload;
    return accept({ type: 'board.created', boardId: ctx.newId(), title, template, createdBy: actor!.participantId });
  }

  const { boardId } = command.payload;
  const board: Board | undefined = state.boards.byId[boardId];
  if (!board) return noBoard();
  switch (command.type) {
    case 'board:rename':
      if (board.title === command.payload.title) return accept();
      return accept({ type: 'board.renamed', boardId, title: command.payload.title });
    case 'board:lock':
      if (board.locked === command.payload.locked) return accept();
      return accept({ type: 'board.locked', boardId, locked: command.payload.locked });
    case 'board:lockFrame': {
      const { frameId, locked } = command.payload;
      if (board.lockedFrames.includes(frameId) === locked) return accept();
      if (locked && board.lockedFrames.length >= BoardLimits.lockedFramesPerBoard) {
        return refuse(ErrorCode.conflict, 'Too many locked frames on this board.');
      }
      return accept({ type: 'board.frameLocked', boardId, frameId, locked });
    }
    case 'board:setPrivate':
      if (board.private === command.payload.private) return accept();
      return accept({ type: 'board.privateSet', boardId, private: command.payload.private });
    case 'board:summon':
      return accept({ type: 'board.summoned', boardId, viewport: command.payload.viewport });
    case 'board:openVote':
      if (board.vote) return refuse(ErrorCode.conflict, 'A vote already exists on this board; clear it first.');
      return accept({
        type: 'board.voteOpened',
        boardId,
        voteId: ctx.newId(),
        budget: command.payload.budget,
        hidden: command.payload.hidden,
      });
    case 'board:closeVote':
      if (!board.vote) return noVote();
      if (board.vote.status === 'closed') return accept();
      return accept({ type: 'board.voteClosed', boardId, voteId: board.vote.id });
    case 'board:revealVote':
      if (!board.vote) return noVote();
      if (board.vote.revealed) return accept();
      return accept({ type: 'board.voteRevealed', boardId, voteId: board.vote.id, tally: fullTally(board.vote.ballots) });
    case 'board:clearVote':
      if (!board.vote) return accept();
      return accept({ type: 'board.voteCleared', boardId, voteId: board.vote.id });
  }
}

/** Dots per item over all ballots. */
export function fullTally(ballots: Record<string, Record<string, number>>): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const ballot of Object.values(ballots)) {
    for (const [itemId, dots] of Object.entries(ballot)) if (dots > 0) tally[itemId] = (tally[itemId] ?? 0) + dots;
  }
  return tally;
}
