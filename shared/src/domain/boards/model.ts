/**
 * Boards on the control plane: which boards a workshop has and the
 * facilitator's controls over them (locks, private mode, dot votes, bringing
 * everyone to a board). The content of a board — notes, cards, lanes, frames,
 * connectors — is a Yjs document (`boardDoc.ts`), not part of this state.
 *
 * Dot votes live here and not in the document because a document is readable
 * whole by everyone who may read it, and hidden results must not be.
 */
import { z } from 'zod';
import { Id, Title } from '../workshop/model.js';

/** What a board starts from. `blank` also serves imports (the client fills it). */
export const boardTemplates = ['blank', 'synergy', 'patterns', 'workplan'] as const;
export const BoardTemplate = z.enum(boardTemplates);
export type BoardTemplate = z.infer<typeof BoardTemplate>;

/** Where on a board to look: the board point at the centre of the screen, and the zoom. */
export const Viewport = z.object({
  x: z.number().finite().min(-1e7).max(1e7),
  y: z.number().finite().min(-1e7).max(1e7),
  zoom: z.number().finite().min(0.05).max(8),
});
export type Viewport = z.infer<typeof Viewport>;

/**
 * A dot vote on a board: `open → closed`, revealed or not; cleared removes it.
 *
 * | from   | open | vote | close | reveal | clear |
 * |--------|------|------|-------|--------|-------|
 * | none   | ✓    |      |       |        |       |
 * | open   |      | ✓    | ✓     | ✓      | ✓     |
 * | closed |      |      |       | ✓      | ✓     |
 */
export type VoteStatus = 'open' | 'closed';

export interface DotVote {
  id: string;
  /** Dots each person may place in this vote (several on one item allowed). */
  budget: number;
  /** Results are hidden from participants until the facilitator reveals them. */
  hidden: boolean;
  revealed: boolean;
  status: VoteStatus;
  /**
   * Dots per voter and item. Facilitators see everyone's; a participant's
   * projection holds their own only.
   */
  ballots: Record<string, Record<string, number>>;
  /** Dots per item, as far as this viewer may see (empty while hidden). */
  tally: Record<string, number>;
}

/** Whose board it is: the plenary's, or one breakout group's (its members write it). */
export const BoardScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plenary') }),
  z.object({ kind: z.literal('group'), roundId: Id, groupId: Id }),
]);
export type BoardScope = z.infer<typeof BoardScope>;

/** A board prepared in the workshop definition, made the first time an activity step shows it. */
export const PreparedBoard = z.object({ id: Id, title: Title, template: BoardTemplate });
export type PreparedBoard = z.infer<typeof PreparedBoard>;

export interface Board {
  id: string;
  title: string;
  template: BoardTemplate;
  scope: BoardScope;
  /** The prepared board it was made from, if any. */
  source: string | null;
  createdBy: string;
  createdAt: number;
  /** Read-only for everyone but facilitators. */
  locked: boolean;
  /** Frames (by item id) whose content is read-only for everyone but facilitators. */
  lockedFrames: string[];
  /** New notes of participants go to their own private document until revealed. */
  private: boolean;
  vote: DotVote | null;
}

/** The boards of a workshop, as the reducer keeps them. */
export interface BoardsState {
  byId: Record<string, Board>;
  /** Board ids in the order they were created. */
  order: string[];
  /** The last time a facilitator brought everyone to a board (clients follow it when it changes). */
  summon: { boardId: string; viewport: Viewport | null; at: number } | null;
}

export function initialBoardsState(): BoardsState {
  return { byId: {}, order: [], summon: null };
}

export const BoardTitle = Title;
export const BoardId = Id;

/** Bounds of boards: control-plane lists and document content. */
export const BoardLimits = {
  boardsPerWorkshop: 200,
  lockedFramesPerBoard: 200,
  /** Items (notes, cards, lanes, frames, connectors) in one board document. */
  itemsPerBoard: 3000,
  /** Characters of a note's text or a card's description. */
  textLength: 1000,
  /** Characters of a title or a connector's label. */
  labelLength: 200,
  /** Dots one person may get in one vote. */
  maxBudget: 50,
} as const;

/** Total dots a voter has placed in a vote. */
export function dotsUsed(ballot: Record<string, number> | undefined): number {
  let n = 0;
  for (const v of Object.values(ballot ?? {})) n += v;
  return n;
}

/** Items ranked by dots, most first (ties by id), as the viewer may see them. */
export function rankedTally(vote: DotVote): { itemId: string; dots: number }[] {
  return Object.entries(vote.tally)
    .filter(([, dots]) => dots > 0)
    .map(([itemId, dots]) => ({ itemId, dots }))
    .sort((a, b) => b.dots - a.dots || (a.itemId < b.itemId ? -1 : 1));
}

/** Whether this viewer's state shows the vote's results (facilitators always see them). */
export function resultsVisible(vote: DotVote, isFacilitator: boolean): boolean {
  return isFacilitator || !vote.hidden || vote.revealed;
}
