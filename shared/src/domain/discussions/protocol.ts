/**
 * Discussions on the wire: commands `discussion:*`, events `discussion.*`,
 * and two HTTP reads.
 *
 * Message flow:
 * 1. The facilitator sets a round's guiding questions (`discussion:setQuestions`),
 *    before or while it runs; every group's room shows them in order, each with
 *    the group's shared answer (a Yjs document, `w/<w>/group/<g>/answers`).
 * 2. A member (or a facilitator) posts to a space (`discussion:post`): a group's
 *    chat or the thread of a board note. The client chooses `clientId` when the
 *    person presses send and keeps the message until the server acknowledges
 *    it; if it sends it again (reconnected, the first ack lost), the server
 *    finds the same `clientId` of the same author in the space and answers ok
 *    without posting it twice.
 * 3. Authors edit or delete their own message within five minutes
 *    (`discussion:edit`, `discussion:delete`); facilitators may delete any.
 * 4. Everyone receives every event; who may not read a space receives it
 *    redacted (`message: null`, `text: null`). Who wrote a message shows as the
 *    workshop's attribution setting allows (authors see their own).
 * 5. Someone who may read a space they did not follow before (moved into the
 *    group, the round lets groups read each other, the round closed) reads it
 *    over HTTP (`DiscussionsApiPath.spaces`) and merges it by revision.
 *    Facilitators search everything said (`DiscussionsApiPath.search`).
 */
import { z } from 'zod';
import { Id } from '../workshop/model.js';
import { DiscussionLimits, MessageText, QuestionText, SpaceRef } from './model.js';

const Mentions = z.array(Id).max(DiscussionLimits.mentionsPerMessage).default([]);

export const SetQuestions = z.object({
  roundId: Id,
  questions: z
    .array(z.object({ id: Id.optional(), text: QuestionText }))
    .max(DiscussionLimits.questionsPerRound, `at most ${DiscussionLimits.questionsPerRound} questions`),
});
export const PostMessage = z.object({ space: SpaceRef, clientId: Id, text: MessageText, mentions: Mentions });
export type PostMessage = z.infer<typeof PostMessage>;
export const EditMessage = z.object({ space: SpaceRef, messageId: Id, text: MessageText, mentions: Mentions });
export const DeleteMessage = z.object({ space: SpaceRef, messageId: Id });

/** Discussion commands a connected client may send, by event name. */
export const discussionCommands = {
  'discussion:setQuestions': SetQuestions,
  'discussion:post': PostMessage,
  'discussion:edit': EditMessage,
  'discussion:delete': DeleteMessage,
} as const satisfies Record<`discussion:${string}`, z.ZodType>;

export const MessageSchema = z.object({
  id: Id,
  clientId: z.string(),
  author: z.string(),
  affiliation: z.string().nullable(),
  text: z.string(),
  mentions: z.array(z.string()),
  at: z.number(),
  seq: z.number().int(),
  editedAt: z.number().nullable(),
  deleted: z.boolean(),
  rev: z.number().int(),
});

export const QuestionsSet = z.object({
  type: z.literal('discussion.questionsSet'),
  roundId: Id,
  questions: z.array(z.object({ id: Id, text: z.string() })),
});
/** Posted: the message, or null where the viewer may not read the space. `at`, `seq` and `rev` of the message are the event's. */
export const MessagePosted = z.object({ type: z.literal('discussion.posted'), space: SpaceRef, message: MessageSchema.nullable() });
/** Edited: the new text, or null where the viewer may not read the space. */
export const MessageEdited = z.object({
  type: z.literal('discussion.edited'),
  space: SpaceRef,
  messageId: Id,
  text: z.string().nullable(),
  mentions: z.array(z.string()),
});
export const MessageDeleted = z.object({ type: z.literal('discussion.deleted'), space: SpaceRef, messageId: Id, by: z.string() });

/** Discussion events. */
export const discussionEvents = [QuestionsSet, MessagePosted, MessageEdited, MessageDeleted] as const;

/** What the server pushes about discussions besides events. */
export type DiscussionServerEvents = Record<never, never>;

/** `GET spaces`: the spaces asked for that the caller may read, as they may see them. */
export interface SpacesReply {
  /** The workshop's sequence number when read. */
  seq: number;
  spaces: { ref: SpaceRef; messages: z.infer<typeof MessageSchema>[] }[];
}

export const SearchQuery = z.object({ q: z.string().trim().min(2, 'at least 2 characters').max(DiscussionLimits.searchLength) });

/** One place where the words were found. */
export interface SearchHit {
  kind: 'answer' | 'chat' | 'thread';
  roundId: string | null;
  groupId: string | null;
  /** The question an answer answers. */
  questionId: string | null;
  boardId: string | null;
  itemId: string | null;
  messageId: string | null;
  /** Who wrote it (facilitators see names). */
  author: string | null;
  at: number | null;
  /** The matching text, cut around the first match. */
  excerpt: string;
}

export interface SearchReply {
  hits: SearchHit[];
  /** More matched than `hits` holds. */
  more: boolean;
}

/**
 * HTTP routes of discussions (`Authorization: Bearer <token>`):
 *
 *   GET /api/workshops/:id/discussions/spaces?chat=<groupId>&board=<boardId>
 *       the group's chat and the threads of the board, those the caller may read → SpacesReply
 *   GET /api/workshops/:id/discussions/search?q=…   facilitators: answers, chats and threads → SearchReply
 */
export const DiscussionsApiPath = {
  spaces: (workshopId: string, q: { chat?: string; board?: string }) => {
    const params: string[] = [];
    if (q.chat) params.push(`chat=${encodeURIComponent(q.chat)}`);
    if (q.board) params.push(`board=${encodeURIComponent(q.board)}`);
    return `/api/workshops/${encodeURIComponent(workshopId)}/discussions/spaces?${params.join('&')}`;
  },
  search: (workshopId: string, q: string) => `/api/workshops/${encodeURIComponent(workshopId)}/discussions/search?q=${encodeURIComponent(q)}`,
} as const;
