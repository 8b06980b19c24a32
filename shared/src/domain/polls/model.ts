/**
 * Polls: what a poll asks (its spec, one shape per kind), how it is run (its
 * settings and audience), the ballots people cast, and the slice of
 * `WorkshopState` the reducer keeps.
 *
 * A poll's life is a small state machine (see `pollTransitions` in decide.ts):
 *
 *   draft ──open──▶ open ──close──▶ closed ──open (reopen)──▶ open
 *                    └─reset─┘        └─reset─┘   (reset clears the ballots)
 *
 * Ballots are kept per voter: the participant's id in named polls, a keyed
 * pseudonym (`DecideContext.pseudonym`) in anonymous ones, so neither the log
 * nor the state of an anonymous poll names anyone.
 */
import { z } from 'zod';
import { Id, personText } from '../workshop/model.js';

/** Bounds of poll inputs. */
export const PollLimits = {
  pollsPerWorkshop: 200,
  questionLength: 200,
  optionLength: 120,
  axisLabelLength: 40,
  options: 20,
  maxBudget: 1000,
  scaleMax: 10,
  /** Positions on a 2×2 matrix's axes go from 0 to this. */
  matrixMax: 100,
  words: 10,
  wordLength: 60,
  textLength: 1000,
  hiddenWords: 200,
} as const;

export const PollKind = z.enum(['single', 'multiple', 'ranking', 'points', 'scale', 'matrix', 'wordCloud', 'openText']);
export type PollKind = z.infer<typeof PollKind>;

/** Kinds whose questions list options to choose, rank, score or place. */
export const optionKinds = ['single', 'multiple', 'ranking', 'points', 'scale', 'matrix'] as const satisfies readonly PollKind[];

export const PollOption = z.object({
  id: Id,
  label: personText(PollLimits.optionLength),
});
export type PollOption = z.infer<typeof PollOption>;

const optionList = (min: number) =>
  z
    .array(PollOption)
    .min(min, min === 1 ? 'give at least one option' : `give at least ${min} options`)
    .max(PollLimits.options, `at most ${PollLimits.options} options`)
    .refine((os) => new Set(os.map((o) => o.id)).size === os.length, 'option ids must be distinct');
const Options = optionList(2);

const AxisLabel = personText(PollLimits.axisLabelLength);
export const MatrixAxis = z.object({
  /** What the axis measures ("Impact"). */
  label: AxisLabel,
  /** Its low and high ends ("low", "high"). */
  low: AxisLabel,
  high: AxisLabel,
});
export type MatrixAxis = z.infer<typeof MatrixAxis>;

const int = (min: number, max: number) => z.number().int().min(min).max(max);

/** What a poll asks, one shape per kind. */
export const PollSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('single'), options: Options }),
  z
    .object({ kind: z.literal('multiple'), options: Options, maxChoices: int(1, PollLimits.options) })
    .refine((s) => s.maxChoices <= s.options.length, { message: 'at most as many choices as options', path: ['maxChoices'] }),
  /** Everyone orders every option; results by Borda count. */
  z.object({ kind: z.literal('ranking'), options: Options }),
  /** Spread a budget (100 points, or N dots) over the options. */
  z.object({ kind: z.literal('points'), options: Options, budget: int(1, PollLimits.maxBudget), spendAll: z.boolean() }),
  /** Rate each option from `min` to `max`, optionally "no opinion". */
  z
    .object({
      kind: z.literal('scale'),
      options: optionList(1),
      min: int(0, 1),
      max: int(2, PollLimits.scaleMax),
      minLabel: personText(PollLimits.axisLabelLength).optional(),
      maxLabel: personText(PollLimits.axisLabelLength).optional(),
      allowSkip: z.boolean(),
    }),
  /** Place each option on two axes (impact × effort), from 0 to `PollLimits.matrixMax` each. */
  z.object({ kind: z.literal('matrix'), options: optionList(1), x: MatrixAxis, y: MatrixAxis }),
  /** Up to `maxWords` short words or phrases per person. */
  z.object({ kind: z.literal('wordCloud'), maxWords: int(1, PollLimits.words), maxLength: int(3, PollLimits.wordLength) }),
  /** A free answer; facilitators approve answers before they show. */
  z.object({ kind: z.literal('openText'), maxLength: int(20, PollLimits.textLength) }),
]);
export type PollSpec = z.infer<typeof PollSpec>;
export type PollSpecOf<K extends PollKind> = Extract<PollSpec, { kind: K }>;

/**
 * Who sees results: everyone while the poll runs (`live`), everyone once it
 * closes (`afterClose`), or facilitators only (`facilitatorOnly`; a
 * facilitator can still put them on the projector). Ballot counts are always shown.
 */
export const ResultsVisibility = z.enum(['live', 'afterClose', 'facilitatorOnly']);
export type ResultsVisibility = z.infer<typeof ResultsVisibility>;

/**
 * What counts: every person's ballot, or one ballot per country, where the
 * latest ballot cast by any delegate of a country is that country's vote.
 */
export const CountBy = z.enum(['person', 'country']);
export type CountBy = z.infer<typeof CountBy>;

/**
 * How results are broken down besides the total: by programme phase, by what
 * each voter represents (their country or organisation), or by the breakout
 * group each voter was in when they cast their ballot (the poll's round for a
 * poll put to groups, the running round for one put to everyone).
 */
export const SegmentBy = z.enum(['none', 'phase', 'affiliation', 'group']);
export type SegmentBy = z.infer<typeof SegmentBy>;

export const PollSettings = z.object({
  /** Anonymous: ballots are stored under a pseudonym; no one, facilitators included, sees who voted what. */
  anonymous: z.boolean(),
  results: ResultsVisibility,
  countBy: CountBy,
  segmentBy: SegmentBy,
});
export type PollSettings = z.infer<typeof PollSettings>;

export const defaultPollSettings: PollSettings = { anonymous: true, results: 'live', countBy: 'person', segmentBy: 'none' };

/**
 * Why a combination of settings is refused, or null. Anonymous ballots carry
 * no voter attributes (they could single someone out), so they cannot be
 * broken down — except in one-vote-per-country polls, where the country is
 * the voter and its vote is meant to be seen as the country's.
 */
export function settingsProblem(settings: PollSettings, spec: PollSpec): string | null {
  if (settings.anonymous && settings.countBy === 'person' && settings.segmentBy !== 'none') {
    return 'An anonymous poll cannot be broken down by phase, country, organisation or group: it could show how one person voted. Make it named, or count one vote per country.';
  }
  if (spec.kind === 'openText' && settings.segmentBy !== 'none') {
    return 'Open answers are not broken down.';
  }
  return null;
}

/**
 * Who a poll is put to: everyone (`plenary`), or the members of some or all
 * groups of a breakout round (`groups`). Membership counts as it is when a
 * ballot is cast: someone moved to another group votes in the poll only if
 * their new group is in its audience. Group polls are seen only by their
 * audience, facilitators and projector screens.
 */
export const PollAudience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('plenary') }),
  z.object({
    kind: z.literal('groups'),
    roundId: Id,
    /** The groups it is put to, or `all` of the round's groups. */
    groupIds: z.union([z.literal('all'), z.array(Id).min(1, 'name at least one group').max(40)]),
  }),
]);
export type PollAudience = z.infer<typeof PollAudience>;

/** What a facilitator writes: everything about a poll except its life. */
export const PollDraft = z.object({
  question: personText(PollLimits.questionLength),
  spec: PollSpec,
  settings: PollSettings,
});
export type PollDraft = z.infer<typeof PollDraft>;

/** A poll prepared with the workshop's definition, imported as a draft by a facilitator. */
export const PreparedPoll = PollDraft.extend({
  id: Id,
  /** The agenda item it belongs to, if any. */
  agendaItemId: Id.optional(),
});
export type PreparedPoll = z.infer<typeof PreparedPoll>;

const Word = z.string().max(PollLimits.wordLength * 2);

/** A ballot, one shape per kind. The server checks it against the poll (`ballotProblem`). */
export const Ballot = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('single'), option: Id }),
  z.object({ kind: z.literal('multiple'), options: z.array(Id).max(PollLimits.options) }),
  /** Every option, first place first. */
  z.object({ kind: z.literal('ranking'), order: z.array(Id).max(PollLimits.options) }),
  z.object({ kind: z.literal('points'), points: z.record(Id, int(0, PollLimits.maxBudget)) }),
  /** A rating per option; null is "no opinion". */
  z.object({ kind: z.literal('scale'), ratings: z.record(Id, int(0, PollLimits.scaleMax).nullable()) }),
  z.object({
    kind: z.literal('matrix'),
    positions: z.record(Id, z.object({ x: int(0, PollLimits.matrixMax), y: int(0, PollLimits.matrixMax) })),
  }),
  z.object({ kind: z.literal('wordCloud'), words: z.array(Word).max(PollLimits.words) }),
  z.object({ kind: z.literal('openText'), text: z.string().max(PollLimits.textLength * 2) }),
]);
export type Ballot = z.infer<typeof Ballot>;
export type BallotOf<K extends PollKind> = Extract<Ballot, { kind: K }>;

export const Moderation = z.enum(['pending', 'approved', 'hidden']);
export type Moderation = z.infer<typeof Moderation>;

export type PollStatus = 'draft' | 'open' | 'closed';

/** A ballot as the state keeps it. */
export interface BallotRecord {
  /** The participant's id in a named poll; a pseudonym in an anonymous one. */
  voter: string;
  named: boolean;
  ballot: Ballot;
  /** What the voter represented when voting; null where the poll must not record it. */
  country: string | null;
  organisation: string | null;
  /** The breakout group the voter was in when voting (see `SegmentBy`); null for none, or where the poll must not record it. */
  group: string | null;
  /** Sequence number and time of the event that cast (or last changed) it. */
  seq: number;
  at: number;
  /** Open answers wait for a facilitator; other kinds are null. */
  moderation: Moderation | null;
}

export interface Poll extends PollDraft {
  id: string;
  status: PollStatus;
  audience: PollAudience;
  /** The prepared poll it was imported from, or the poll it duplicates. */
  source: string | null;
  createdAt: number;
  openedAt: number | null;
  closedAt: number | null;
  /** Incremented by every reset, so results and ballots of an earlier round are recognised. */
  round: number;
  ballots: Record<string, BallotRecord>;
  /** Normalised words a facilitator hid from a word cloud. */
  hiddenWords: string[];
}

/** The polls of a workshop, as the reducer keeps them. */
export interface PollsState {
  byId: Record<string, Poll>;
  /** The facilitators' running order. */
  order: string[];
}

export function initialPollsState(): PollsState {
  return { byId: {}, order: [] };
}

/** The polls in running order. */
export function pollsInOrder(slice: PollsState): Poll[] {
  return slice.order.map((id) => slice.byId[id]).filter((p): p is Poll => p !== undefined);
}

/** The options of a poll (empty for word clouds and open text). */
export function pollOptions(spec: PollSpec): PollOption[] {
  return 'options' in spec ? spec.options : [];
}

/** The scope of a poll's pseudonyms: one per poll, so votes cannot be linked across polls. */
export const pollPseudonymScope = (pollId: string) => `poll:${pollId}`;
