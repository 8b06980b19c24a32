/**
 * Q&A: participants ask questions and upvote others'; facilitators moderate
 * (approve before showing, hide, merge duplicates), mark them answered and put
 * one on the projector.
 */
import { z } from 'zod';

export const QuestionIdentity = z.enum(['named', 'country', 'anonymous']);
/** How an asker appears: by name, by country or organisation only, or not at all. */
export type QuestionIdentity = z.infer<typeof QuestionIdentity>;

export const QaSettings = z.object({
  /** `pre`: a facilitator approves each question before others see it. `post`: shown at once. */
  moderation: z.enum(['pre', 'post']),
  /** The identities askers may choose from. */
  identities: z.array(QuestionIdentity).min(1),
  /** Whether participants may ask now. */
  open: z.boolean(),
});
export type QaSettings = z.infer<typeof QaSettings>;

export type QuestionStatus = 'pending' | 'visible' | 'hidden' | 'answered';

export interface Question {
  id: string;
  text: string;
  identity: QuestionIdentity;
  /**
   * Who asked: the participant id when named or country-only; a pseudonym when
   * anonymous (nobody, facilitators included, can tell who). Others never see it
   * unless named.
   */
  asker: string;
  /** What the room sees of a country-only asker: their country code or organisation id. */
  affiliation: string | null;
  at: number;
  status: QuestionStatus;
  votes: number;
  /** Who upvoted; facilitators see all, each participant only themselves. */
  voters: string[];
  /** Set when merged into another question as a duplicate. */
  mergedInto: string | null;
}

export interface QaState {
  byId: Record<string, Question>;
  /** Ids in the order they were asked. */
  order: string[];
  settings: QaSettings;
}

export const defaultQaSettings: QaSettings = { moderation: 'pre', identities: ['named', 'country', 'anonymous'], open: true };

export function initialQaState(): QaState {
  return { byId: {}, order: [], settings: defaultQaSettings };
}

export const questionLength = 500;
export const questionsPerWorkshop = 2000;
