/**
 * Discussions: what a breakout group (and a board) says, kept with its record.
 *
 * - Guiding questions of a breakout round, in order, planned and edited live
 *   by the facilitator. Each group answers each question in a shared rich
 *   text (the group's answers document, a Yjs document: `answers.ts`).
 * - Spaces of short messages, ordered by the workshop's event log: a group's
 *   chat, and the comment thread of a note on a board (the server accepts and
 *   checks thread messages; the board screen does not show threads yet). Both are control-plane
 *   events, so the server knows who wrote what (attribution, edit and delete
 *   windows, mentions, rate limits) and an offline client's retry is
 *   recognised by the id it chose (`clientId`) instead of posted twice.
 *
 * Threads are control-plane events rather than part of the board's Yjs
 * document: a board document carries no trustworthy author (any client can
 * write any name into it), cannot refuse an edit after five minutes or
 * someone else's delete, and mentions would need the server to read every
 * board update. A thread keeps to its note by the note's id; a note deleted
 * from the board leaves its thread in the record (the report quotes the note
 * as it last was).
 */
import { z } from 'zod';
import { Id } from '../workshop/model.js';

export const DiscussionLimits = {
  questionsPerRound: 12,
  questionLength: 500,
  messageLength: 1000,
  mentionsPerMessage: 20,
  /** Messages kept per space (a group's chat, one note's thread). */
  messagesPerSpace: 2000,
  /** Threads per board. */
  threadsPerBoard: 1000,
  /** How long after posting its author may edit or delete a message. */
  editWindowMs: 5 * 60_000,
  /** Messages one person may post within `rateWindowMs`, over all spaces. */
  ratePerWindow: 6,
  rateWindowMs: 10_000,
} as const;

/** Where a message is said: a breakout group's chat, or the thread of one item on a board. */
export const SpaceRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chat'), groupId: Id }),
  z.object({ kind: z.literal('thread'), boardId: Id, itemId: Id }),
]);
export type SpaceRef = z.infer<typeof SpaceRef>;

/** The key of a space in `DiscussionsState.spaces`. */
export function spaceKey(ref: SpaceRef): string {
  return ref.kind === 'chat' ? `chat:${ref.groupId}` : `thread:${ref.boardId}:${ref.itemId}`;
}

export interface Message {
  id: string;
  /** The id the author's device chose, so a retry after a lost connection is not posted twice; '' for others. */
  clientId: string;
  /** Participant id; '' where the viewer may not know who wrote it (attribution). */
  author: string;
  /** What the author represents (country code or organisation id) when attribution shows it; else null. */
  affiliation: string | null;
  /** Empty once deleted. */
  text: string;
  /** Participants mentioned; their client shows the message as mentioning them. */
  mentions: string[];
  at: number;
  /** Sequence number of the event that posted it: the order of a space. */
  seq: number;
  editedAt: number | null;
  deleted: boolean;
  /** Sequence number of the last event that changed this message (merging copies keeps the newest). */
  rev: number;
}

export interface Space {
  ref: SpaceRef;
  messages: Message[];
}

export interface GuidingQuestion {
  id: string;
  text: string;
}

export interface DiscussionsState {
  /** Guiding questions by round id, in order. */
  questions: Record<string, GuidingQuestion[]>;
  /** Spaces by `spaceKey`. */
  spaces: Record<string, Space>;
  /** When each person posted their last few messages (the rate limit); facilitators see all, others their own. */
  recent: Record<string, number[]>;
}

export function initialDiscussionsState(): DiscussionsState {
  return { questions: {}, spaces: {}, recent: {} };
}

/** Whether a message may still be edited or deleted by its author at `now`. */
export function withinEditWindow(message: Pick<Message, 'at'>, now: number): boolean {
  return now - message.at <= DiscussionLimits.editWindowMs;
}

/** A space's messages that are not deleted. */
export function liveMessages(space: Space | undefined): Message[] {
  return space ? space.messages.filter((m) => !m.deleted) : [];
}

/** Thread spaces of one board, by item id. */
export function boardThreads(state: DiscussionsState, boardId: string): Record<string, Space> {
  const out: Record<string, Space> = {};
  for (const space of Object.values(state.spaces)) {
    if (space.ref.kind === 'thread' && space.ref.boardId === boardId) out[space.ref.itemId] = space;
  }
  return out;
}

/**
 * Two copies of a space's messages as one list (what the event stream built
 * and what a later read returned), each message at its newest revision, in
 * the order of posting.
 */
export function mergeMessages(a: readonly Message[], b: readonly Message[]): Message[] {
  const byId = new Map<string, Message>();
  for (const m of [...a, ...b]) {
    const seen = byId.get(m.id);
    if (!seen || m.rev > seen.rev) byId.set(m.id, m);
  }
  return [...byId.values()].sort((x, y) => x.seq - y.seq);
}

export const MessageText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(DiscussionLimits.messageLength, `must be at most ${DiscussionLimits.messageLength} characters`)
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), 'contains control characters');

export const QuestionText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(DiscussionLimits.questionLength, `must be at most ${DiscussionLimits.questionLength} characters`);
