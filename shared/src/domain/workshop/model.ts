import { z } from 'zod';
import { Limits } from '../../protocol/limits.js';
import { LanguageCode } from '../../protocol/languages.js';
import type { PollDraft, PreparedPoll } from '../polls/model.js';
import { PreparedTranslations } from './preparedText.js';

/** Identifiers are short, URL-safe strings chosen by the server (or the definition). */
export const Id = z
  .string()
  .min(1)
  .max(Limits.idLength)
  .regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, "-" or "_"');
export type Id = z.infer<typeof Id>;

/** Text typed by a person: trimmed, non-empty, bounded, no control characters. */
export const personText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), 'contains control characters');

export const DisplayName = personText(Limits.nameLength);
export const Title = personText(Limits.titleLength);
export const LongText = z.string().max(Limits.textLength);

/** `projector`: a screen in the room, opened by a facilitator; it reads and never writes. */
export const Role = z.enum(['facilitator', 'participant', 'observer', 'projector']);
export type Role = z.infer<typeof Role>;

/** ISO 3166-1 alpha-2 code; names come from Intl.DisplayNames in the viewer's language. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code');
export type CountryCode = z.infer<typeof CountryCode>;

/** Phase of a country in the programme (GLO.ACT: 1 = first phase, 2 = Asia and the Middle East). */
export const Phase = z.union([z.literal(1), z.literal(2)]);
export type Phase = z.infer<typeof Phase>;

export const Country = z.object({
  code: CountryCode,
  /** A country can take part in several phases (Pakistan is in both). */
  phases: z.array(Phase).min(1).max(2),
});
export type Country = z.infer<typeof Country>;

export const Organisation = z.object({
  id: Id,
  name: Title,
  /** Short form shown in lists ("UNODC"). */
  short: personText(20),
  kind: z.enum(['un', 'donor', 'government', 'civil-society', 'other']),
});
export type Organisation = z.infer<typeof Organisation>;

/** Where a country's representative comes from. */
export const Delegation = z.enum(['capital', 'mission-vienna', 'mission-geneva']);
export type Delegation = z.infer<typeof Delegation>;

export const Objective = z.object({
  id: Id,
  title: Title,
  short: personText(40),
});
export type Objective = z.infer<typeof Objective>;

export const AgendaItemKind = z.enum(['plenary', 'presentation', 'breakout', 'poll', 'break', 'other']);
export type AgendaItemKind = z.infer<typeof AgendaItemKind>;

/** Wall-clock time of day in the venue's time zone, "HH:MM". */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');
/** Calendar date in the venue's time zone, "YYYY-MM-DD". */
export const CalendarDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date as YYYY-MM-DD');

/**
 * A breakout round prepared on an agenda item: run, it makes the round, puts
 * the room into groups by the method, sets the guiding questions and starts
 * it, each group with its own board from `template` (null: no boards).
 * `groups` is a number of groups, or a size that gives the number from the
 * people present when the step runs. Templates are checked loosely here (the
 * boards area depends on this module) and fully when the step is added or run.
 */
export const RoundPlan = z.object({
  title: personText(200),
  method: z.enum(['balanced', 'random']),
  groups: z.discriminatedUnion('by', [
    z.object({ by: z.literal('count'), count: z.number().int().min(1).max(40) }),
    z.object({ by: z.literal('size'), size: z.number().int().min(2).max(100) }),
  ]),
  minutes: z.number().int().min(1).max(480),
  questions: z.array(personText(500)).max(12),
  template: z.string().max(40).nullable(),
  /** Keep speakers of one language together (balanced only). */
  byLanguage: z.boolean().optional(),
  /** Let groups read each other's work while the round runs. */
  readAcross: z.boolean().optional(),
});
export type RoundPlan = z.infer<typeof RoundPlan>;

/** Where a step brings everyone (the run of show's "bring everyone here"). */
export const StepPlace = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('home') }),
  z.object({ kind: z.literal('questions') }),
  z.object({ kind: z.literal('board'), boardId: Id }),
]);
export type StepPlace = z.infer<typeof StepPlace>;

/**
 * One click of the run of show: what an agenda item sets going. Steps name
 * things prepared in the definition (a poll, a board) or already in the
 * workshop (a board, a poll, a breakout round), or carry what they need (a
 * new board from a template, a new poll, a round's plan, a timer, a message).
 * A step that carries a new board or poll makes it the first time it runs
 * (its `source` is the step's id) and shows that one again after.
 *
 * - `showBoard`: `boardId` (an existing or prepared board) or `board` (a new one).
 * - `launchPoll`: `pollId` (an existing or prepared poll) or `poll` (a new one;
 *   its shape is checked by the polls area when the step is added and run).
 * - `startRound`: `roundId` (a planned round) or `plan`.
 */
export const ActivityStep = z.discriminatedUnion('kind', [
  z.object({
    id: Id,
    kind: z.literal('showBoard'),
    boardId: Id.optional(),
    board: z.object({ title: Title, template: z.string().max(40) }).optional(),
  }),
  z.object({
    id: Id,
    kind: z.literal('launchPoll'),
    pollId: Id.optional(),
    poll: z.custom<PollDraft>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'a poll').optional(),
  }),
  z.object({ id: Id, kind: z.literal('startRound'), roundId: Id.optional(), plan: RoundPlan.optional() }),
  z.object({ id: Id, kind: z.literal('startTimer'), minutes: z.number().int().min(1).max(600), label: z.string().max(100) }),
  z.object({ id: Id, kind: z.literal('openQa'), bring: z.boolean() }),
  z.object({ id: Id, kind: z.literal('showMessage'), text: z.string().trim().min(1).max(500) }),
  z.object({ id: Id, kind: z.literal('bringEveryone'), place: StepPlace }),
]);
export type ActivityStep = z.infer<typeof ActivityStep>;
export type StepKind = ActivityStep['kind'];
export const stepKinds = ['showBoard', 'launchPoll', 'startRound', 'startTimer', 'openQa', 'showMessage', 'bringEveryone'] as const satisfies readonly StepKind[];
/** Steps one agenda item may hold. */
export const stepsPerItem = 20;

export const AgendaItem = z
  .object({
    id: Id,
    start: ClockTime,
    end: ClockTime,
    title: Title,
    kind: AgendaItemKind,
    speaker: z.string().max(Limits.titleLength).optional(),
    description: LongText.optional(),
    steps: z.array(ActivityStep).max(stepsPerItem).optional(),
  })
  .refine((i) => i.start < i.end, { message: 'an item must end after it starts', path: ['end'] });
export type AgendaItem = z.infer<typeof AgendaItem>;

export const AgendaDay = z.object({
  id: Id,
  date: CalendarDate,
  title: z.string().max(Limits.titleLength).optional(),
  items: z.array(AgendaItem).max(Limits.agendaItemsPerDay),
});
export type AgendaDay = z.infer<typeof AgendaDay>;

/** An IANA time zone name such as "Europe/Vienna". */
export const TimeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as Europe/Vienna');

/** What a workshop is: fixed by its organisers before and (rarely) during the event. */
export const WorkshopDefinition = z.object({
  title: Title,
  subtitle: z.string().max(Limits.titleLength).optional(),
  venue: z.string().max(Limits.titleLength),
  timeZone: TimeZone,
  /** What the workshop sets out to do, as the concept note states it. */
  goals: z.array(Title).max(20),
  /** The programme's objectives; boards, polls and workplan inputs refer to them. */
  objectives: z.array(Objective).max(20),
  countries: z.array(Country).max(Limits.countries),
  organisations: z.array(Organisation).max(Limits.organisations),
  days: z.array(AgendaDay).max(Limits.days),
  /**
   * Polls prepared with the workshop, which a facilitator imports as drafts.
   * Only their shape as objects is checked here; the polls area validates
   * each one when it is imported (domain/polls/model.ts, `PreparedPoll`).
   */
  /**
   * Boards prepared for activity steps; made the first time a step shows one.
   * Checked loosely here (the boards area depends on this module); the step
   * checks each fully (`PreparedBoard`) when it makes the board.
   */
  boards: z.array(z.object({ id: Id, title: Title, template: z.string() })).max(50).optional(),
  polls: z
    .array(z.custom<PreparedPoll>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'a prepared poll'))
    .max(50)
    .optional(),
  /** Prepared texts in other languages, by the text as authored (preparedText.ts). */
  translations: PreparedTranslations.optional(),
});
export type WorkshopDefinition = z.infer<typeof WorkshopDefinition>;

/** Settings the facilitator changes while the workshop runs. */
export const WorkshopSettings = z.object({
  /** Language of the workshop's own texts and the default for people who join. */
  defaultLanguage: LanguageCode,
  /** Whether the join code admits new people. Existing sessions keep working. */
  joinOpen: z.boolean(),
  /** Whether people may join as listen-only observers. */
  allowObservers: z.boolean(),
  /** Who may write the shared workshop notes. Observers never may. */
  notesEditableBy: z.enum(['everyone', 'facilitators']),
  /** How contributions are attributed in views and exports of this sensitive topic. */
  attribution: z.enum(['named', 'country', 'anonymous']),
});
export type WorkshopSettings = z.infer<typeof WorkshopSettings>;

export const defaultSettings: WorkshopSettings = {
  defaultLanguage: 'en',
  joinOpen: true,
  allowObservers: true,
  notesEditableBy: 'everyone',
  attribution: 'country',
};

/** Who someone in the workshop says they represent: a country, or an organisation. */
export const Affiliation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('country'), country: CountryCode, delegation: Delegation }),
  z.object({ kind: z.literal('organisation'), organisation: Id }),
  z.object({ kind: z.literal('none') }),
]);
export type Affiliation = z.infer<typeof Affiliation>;

export const Participant = z.object({
  id: Id,
  name: DisplayName,
  role: Role,
  affiliation: Affiliation,
  language: LanguageCode,
  joinedAt: z.number(),
  /** Set when a facilitator removed them; their sessions stop working. */
  removed: z.boolean(),
});
export type Participant = z.infer<typeof Participant>;

/** Where the room is in its agenda; the facilitator moves it. */
