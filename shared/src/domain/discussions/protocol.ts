/**
 * Discussions on the wire: commands `discussion:*` and events `discussion.*`.
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
 * 5. Someone who may now read a space they could not read before (moved into
 *    the group, the round lets groups read each other, the round closed) has
 *    only its redacted events: their client asks for a fresh snapshot, which
 *    holds every space they may read (client/src/features/discussions/readable.ts).
 *    The report carries each group's answers and chat; facilitators search them
 *    (`DiscussionsApiPath.search`, search.ts).
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
