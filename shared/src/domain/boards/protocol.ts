/**
 * Boards on the wire: commands named `board:*`, events `board.*`.
 *
 * Flow: a facilitator creates a board from a template (`board:create`); the
 * server then fills its Yjs document from the template, and everyone edits the
 * document over y-websocket. The commands here are the facilitator's controls
 * (lock a board or a frame, private mode, bring everyone to a board, run a dot
 * vote) and the participants' dots (`board:vote`), which go through the
 * control plane so that hidden results stay hidden.
 */
import { z } from 'zod';
import { Id } from '../workshop/model.js';
import { BoardId, BoardLimits, BoardScope, BoardTemplate, BoardTitle, Viewport } from './model.js';

export const CreateBoard = z.object({
  title: BoardTitle,
  template: BoardTemplate,
});
export type CreateBoard = z.infer<typeof CreateBoard>;

export const RenameBoard = z.object({ boardId: BoardId, title: BoardTitle });
export type RenameBoard = z.infer<typeof RenameBoard>;

export const LockBoard = z.object({ boardId: BoardId, locked: z.boolean() });
export type LockBoard = z.infer<typeof LockBoard>;

export const LockFrame = z.object({ boardId: BoardId, frameId: Id, locked: z.boolean() });
export type LockFrame = z.infer<typeof LockFrame>;

/** Turning private mode off reveals: everyone's private notes join the board. */
export const SetPrivate = z.object({ boardId: BoardId, private: z.boolean() });
export type SetPrivate = z.infer<typeof SetPrivate>;

/** Brings everyone to a board, optionally to the facilitator's viewport. */
export const SummonToBoard = z.object({ boardId: BoardId, viewport: Viewport.nullable() });
export type SummonToBoard = z.infer<typeof SummonToBoard>;

export const OpenVote = z.object({
  boardId: BoardId,
  budget: z.number().int().min(1).max(BoardLimits.maxBudget),
  hidden: z.boolean(),
});
export type OpenVote = z.infer<typeof OpenVote>;

/** Sets how many of my dots are on an item (0 takes them all back). */
export const CastDots = z.object({
  boardId: BoardId,
  itemId: Id,
  dots: z.number().int().min(0).max(BoardLimits.maxBudget),
});
export type CastDots = z.infer<typeof CastDots>;

export const BoardRef = z.object({ boardId: BoardId });
export type BoardRef = z.infer<typeof BoardRef>;

/** Board commands a connected client may send, by event name. */
export const boardCommands = {
  'board:create': CreateBoard,
  'board:rename': RenameBoard,
  'board:lock': LockBoard,
  'board:lockFrame': LockFrame,
  'board:setPrivate': SetPrivate,
  'board:summon': SummonToBoard,
  'board:openVote': OpenVote,
  'board:vote': CastDots,
  'board:closeVote': BoardRef,
  'board:revealVote': BoardRef,
  'board:clearVote': BoardRef,
} as const satisfies Record<`board:${string}`, z.ZodType>;

export const BoardCreated = z.object({
  type: z.literal('board.created'),
  boardId: BoardId,
  title: BoardTitle,
  template: BoardTemplate,
  createdBy: Id,
  /** Absent in logs written before boards had scopes: the plenary's. */
  scope: BoardScope.optional(),
  source: Id.optional(),
});
export const BoardRenamed = z.object({ type: z.literal('board.renamed'), boardId: BoardId, title: BoardTitle });
export const BoardLocked = z.object({ type: z.literal('board.locked'), boardId: BoardId, locked: z.boolean() });
export const BoardFrameLocked = z.object({
  type: z.literal('board.frameLocked'),
  boardId: BoardId,
  frameId: Id,
  locked: z.boolean(),
});
export const BoardPrivateSet = z.object({ type: z.literal('board.privateSet'), boardId: BoardId, private: z.boolean() });
export const BoardSummoned = z.object({ type: z.literal('board.summoned'), boardId: BoardId, viewport: Viewport.nullable() });
export const BoardVoteOpened = z.object({
  type: z.literal('board.voteOpened'),
  boardId: BoardId,
  voteId: Id,
  budget: z.number().int(),
  hidden: z.boolean(),
});
/**
 * A voter set their dots on an item. Who voted is for facilitators and the
 * voter; while results are hidden, others learn only that someone voted.
 */
export const BoardDotsSet = z.object({
  type: z.literal('board.dotsSet'),
  boardId: BoardId,
  voteId: Id,
  /** Whether participants could see results when the dots were set; decides what others learn. */
  visible: z.boolean(),
  participantId: Id.optional(),
  itemId: Id.optional(),
  dots: z.number().int().optional(),
  /** Change of the item's total. */
  delta: z.number().int().optional(),
});
export const BoardVoteClosed = z.object({ type: z.literal('board.voteClosed'), boardId: BoardId, voteId: Id });
export const BoardVoteRevealed = z.object({
  type: z.literal('board.voteRevealed'),
  boardId: BoardId,
  voteId: Id,
  /** The results at reveal, so every viewer's state holds them from then on. */
  tally: z.record(z.string(), z.number().int()),
});
export const BoardVoteCleared = z.object({ type: z.literal('board.voteCleared'), boardId: BoardId, voteId: Id });

/** Board events. */
export const boardEvents = [
  BoardCreated,
  BoardRenamed,
  BoardLocked,
  BoardFrameLocked,
  BoardPrivateSet,
  BoardSummoned,
  BoardVoteOpened,
  BoardDotsSet,
  BoardVoteClosed,
  BoardVoteRevealed,
  BoardVoteCleared,
] as const;

/** What the server pushes about boards, besides events (Socket.IO event name → handler). */
export type BoardServerEvents = Record<never, never>;
