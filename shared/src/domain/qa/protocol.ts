/** Q&A on the wire: commands `qa:*`, events `qa.*`. */
import { z } from 'zod';
import { Id, personText } from '../workshop/model.js';
import { QaSettings, QuestionIdentity, questionLength } from './model.js';

const QuestionRef = z.object({ questionId: Id });

export const AskQuestion = z.object({ text: personText(questionLength), identity: QuestionIdentity });
export const MergeQuestion = z.object({ questionId: Id, intoId: Id });
export const ConfigureQa = z.object({
  settings: QaSettings.partial().refine((s) => Object.keys(s).length > 0, 'name at least one setting'),
});

/** Q&A commands a connected client may send, by event name. */
export const qaCommands = {
  'qa:ask': AskQuestion,
  'qa:upvote': QuestionRef,
  'qa:unvote': QuestionRef,
  'qa:approve': QuestionRef,
  'qa:hide': QuestionRef,
  'qa:answer': QuestionRef,
  'qa:merge': MergeQuestion,
  'qa:configure': ConfigureQa,
} as const;

const QuestionSchema = z.object({
  id: Id,
  text: z.string(),
  identity: QuestionIdentity,
  asker: z.string(),
  affiliation: z.string().nullable(),
  at: z.number(),
  status: z.enum(['pending', 'visible', 'hidden', 'answered']),
  votes: z.number().int(),
  voters: z.array(z.string()),
  mergedInto: Id.nullable(),
});

/** Asked: the question, or null where the viewer may not see it yet (pending moderation). */
export const QuestionAsked = z.object({ type: z.literal('qa.asked'), questionId: Id, question: QuestionSchema.nullable() });
/** Approved: carries the question, so viewers who could not see it now can. */
export const QuestionApproved = z.object({ type: z.literal('qa.approved'), questionId: Id, question: QuestionSchema });
export const QuestionHidden = z.object({ type: z.literal('qa.hidden'), questionId: Id });
export const QuestionAnswered = z.object({ type: z.literal('qa.answered'), questionId: Id });
/** Voter: a participant id; '' where the viewer may not know who. */
export const QuestionUpvoted = z.object({ type: z.literal('qa.upvoted'), questionId: Id, voter: z.string() });
export const QuestionUnvoted = z.object({ type: z.literal('qa.unvoted'), questionId: Id, voter: z.string() });
export const QuestionMerged = z.object({ type: z.literal('qa.merged'), questionId: Id, intoId: Id, voters: z.array(z.string()), votes: z.number().int() });
export const QaConfigured = z.object({ type: z.literal('qa.configured'), settings: QaSettings.partial() });

/** Q&A events. */
export const qaEvents = [
  QuestionAsked,
  QuestionApproved,
  QuestionHidden,
  QuestionAnswered,
  QuestionUpvoted,
  QuestionUnvoted,
  QuestionMerged,
  QaConfigured,
] as const;

/** What the server pushes about Q&A besides events. */
export type QaServerEvents = Record<never, never>;
