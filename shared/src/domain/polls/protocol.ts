/**
 * Polls on the wire: commands named `poll:*`, events `poll.*`, and the
 * `poll:results` push.
 *
 * Message flow:
 * 1. A facilitator prepares polls as drafts (`poll:create`, `poll:update`,
 *    `poll:move`, `poll:duplicate`, `poll:import` from the workshop
 *    definition, `poll:delete`). Drafts are the facilitators' business: other
 *    viewers receive these events redacted (`poll.redacted`).
 * 2. `poll:open` launches a poll to its audience (everyone, or some or all
 *    breakout groups of the running round); its event carries the whole
 *    poll, so every viewer who may see it learns it then (a poll put to
 *    groups reaches only their members, facilitators and projector screens;
 *    everyone else gets `poll.redacted`, see audience.ts). `poll:close` stops voting;
 *    `poll:open` on a closed poll reopens it; `poll:reset` clears its ballots.
 * 3. A participant sends `poll:vote` with a ballot; the server checks it
 *    against the poll and answers with an ack. The `poll.ballotCast` event is
 *    never broadcast: facilitators receive it (with no one's identity in an
 *    anonymous poll), the voter of a named poll their own, everyone else a
 *    `poll.redacted` placeholder that keeps sequence numbers contiguous.
 * 4. The server pushes `poll:results` (aggregates only, never ballots), at
 *    most every `resultsPushIntervalMs` per poll, to each audience as the
 *    poll's results visibility allows, and to each connection when it connects.
 */
import { z } from 'zod';
import { Limits } from '../../protocol/limits.js';
import { Id, personText } from '../workshop/model.js';
import { Ballot, Moderation, PollAudience, PollDraft, PollLimits, PollSettings, PollSpec, ResultsVisibility } from './model.js';
import type { PollResults } from './tally.js';

export const CreatePoll = z.object({ poll: PollDraft });
export type CreatePoll = z.infer<typeof CreatePoll>;

export const UpdatePoll = z.object({ pollId: Id, poll: PollDraft });
export type UpdatePoll = z.infer<typeof UpdatePoll>;

export const PollRef = z.object({ pollId: Id });
export type PollRef = z.infer<typeof PollRef>;

export const MovePoll = z.object({ pollId: Id, toIndex: z.number().int().min(0).max(PollLimits.pollsPerWorkshop) });
export type MovePoll = z.infer<typeof MovePoll>;

export const ImportPolls = z.object({ preparedIds: z.array(Id).min(1).max(PollLimits.pollsPerWorkshop) });
export type ImportPolls = z.infer<typeof ImportPolls>;

export const OpenPoll = z.object({ pollId: Id, audience: PollAudience.default({ kind: 'plenary' }) });
export type OpenPoll = z.infer<typeof OpenPoll>;

export const SetPollResultsVisibility = z.object({ pollId: Id, results: ResultsVisibility });
export type SetPollResultsVisibility = z.infer<typeof SetPollResultsVisibility>;

export const CastBallot = z.object({ pollId: Id, ballot: Ballot });
export type CastBallot = z.infer<typeof CastBallot>;

export const ModerateAnswer = z.object({
  pollId: Id,
  voter: z.string().min(1).max(Limits.idLength),
  /** The answer as the facilitator saw it: a changed answer is not moderated by mistake. */
  ballotSeq: z.number().int().positive(),
  decision: Moderation.exclude(['pending']),
});
export type ModerateAnswer = z.infer<typeof ModerateAnswer>;

export const HideWord = z.object({ pollId: Id, word: personText(PollLimits.wordLength * 2), hidden: z.boolean() });
export type HideWord = z.infer<typeof HideWord>;

/** Poll commands a connected client may send, by event name. */
export const pollCommands = {
  'poll:create': CreatePoll,
  'poll:update': UpdatePoll,
  'poll:delete': PollRef,
  'poll:move': MovePoll,
  'poll:duplicate': PollRef,
  'poll:import': ImportPolls,
  'poll:open': OpenPoll,
  'poll:close': PollRef,
  'poll:reset': PollRef,
  'poll:setResults': SetPollResultsVisibility,
  'poll:vote': CastBallot,
  'poll:moderate': ModerateAnswer,
  'poll:hideWord': HideWord,
} as const satisfies Record<`poll:${string}`, z.ZodType>;

/** A poll as it is created: everything but its life and ballots. */
export const PollDefinition = PollDraft.extend({
  id: Id,
  source: Id.nullable(),
});
export type PollDefinition = z.infer<typeof PollDefinition>;

export const PollCreated = z.object({ type: z.literal('poll.created'), poll: PollDefinition });
export const PollUpdated = z.object({
  type: z.literal('poll.updated'),
  pollId: Id,
  question: PollDraft.shape.question,
  spec: PollSpec,
  settings: PollSettings,
});
export const PollDeleted = z.object({ type: z.literal('poll.deleted'), pollId: Id });
export const PollMoved = z.object({ type: z.literal('poll.moved'), pollId: Id, toIndex: z.number().int().min(0) });
/** Launched (or reopened): carries the poll, so viewers who never saw the draft learn it now. */
export const PollOpened = z.object({
  type: z.literal('poll.opened'),
  poll: PollDefinition,
  audience: PollAudience,
  /** The poll's reset round, for viewers who learn the poll only now. */
  round: z.number().int().min(0),
});
export const PollClosed = z.object({ type: z.literal('poll.closed'), pollId: Id });
export const PollReset = z.object({ type: z.literal('poll.reset'), pollId: Id });
export const PollResultsSet = z.object({ type: z.literal('poll.resultsSet'), pollId: Id, results: ResultsVisibility });
export const BallotCast = z.object({
  type: z.literal('poll.ballotCast'),
  pollId: Id,
  /** The participant's id in a named poll, a pseudonym in an anonymous one. */
  voter: z.string(),
  named: z.boolean(),
  ballot: Ballot,
  country: z.string().nullable(),
  organisation: z.string().nullable(),
  /** The voter's breakout group when voting (absent in logs written before groups were recorded). */
  group: z.string().nullable().optional(),
});
export const AnswerModerated = z.object({
  type: z.literal('poll.answerModerated'),
  pollId: Id,
  voter: z.string(),
  named: z.boolean(),
  ballotSeq: z.number().int().positive(),
  decision: Moderation,
});
export const WordHidden = z.object({ type: z.literal('poll.wordHidden'), pollId: Id, word: z.string(), hidden: z.boolean() });
/**
 * What a viewer who may not see a poll event receives in its place (never
 * produced by `decide`, only by projection): it keeps the sequence contiguous.
 */
export const PollRedacted = z.object({ type: z.literal('poll.redacted') });

/** Poll events. */
export const pollEvents = [
  PollCreated,
  PollUpdated,
  PollDeleted,
  PollMoved,
  PollOpened,
  PollClosed,
  PollReset,
  PollResultsSet,
  BallotCast,
  AnswerModerated,
  WordHidden,
  PollRedacted,
] as const;

/** At most one `poll:results` push per poll per this many milliseconds. */
export const resultsPushIntervalMs = 250;

/** Server pushes of the polls area, by Socket.IO event name. */
export const PollSocketEvent = {
  results: 'poll:results',
} as const;

/**
 * Results of one poll, as one viewer may see them. `results` is null while
 * they are hidden from this viewer (`hidden` says why); the ballot count is
 * always there.
 */
export interface PollResultsPush {
  pollId: string;
  /** The poll's reset round these results belong to. */
  round: number;
  status: 'open' | 'closed';
  /** Ballots received (in a one-vote-per-country poll, before keeping one per country). */
  ballots: number;
  results: PollResults | null;
  hidden: null | 'untilClose' | 'facilitatorOnly';
  /** The workshop's sequence number the results were computed at. */
  seq: number;
}

/**
 * HTTP routes of polls (authenticated with the session token):
 *
 *   GET /api/workshops/:id/polls/results               → Result<PollResultsPush[]>  the caller's view of every launched poll
 *   GET /api/workshops/:id/polls/:poll/results.csv     → text/csv   results with the question and options (facilitators)
 *   GET /api/workshops/:id/polls/:poll/ballots.csv     → text/csv   one row per ballot, named polls only (facilitators)
 */
export const PollApiPath = {
  results: (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}/polls/results`,
  resultsCsv: (workshopId: string, pollId: string) =>
    `/api/workshops/${encodeURIComponent(workshopId)}/polls/${encodeURIComponent(pollId)}/results.csv`,
  ballotsCsv: (workshopId: string, pollId: string) =>
    `/api/workshops/${encodeURIComponent(workshopId)}/polls/${encodeURIComponent(pollId)}/ballots.csv`,
} as const;

/** What the server pushes about polls, besides events (Socket.IO event name → handler). */
export interface PollServerEvents {
  [PollSocketEvent.results]: (push: PollResultsPush) => void;
}
