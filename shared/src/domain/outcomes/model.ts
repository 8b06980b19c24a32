/**
 * Outcomes: the register of workplan inputs — what each country (or
 * organisation) takes home, per objective of the programme — and the
 * facilitators' choices for the workshop report.
 *
 * An input's life is a small state machine; facilitators move it:
 *
 *   proposed ──agree──▶ agreed ──(back)──▶ proposed
 *      └──drop──▶ dropped ──(back)──▶ proposed
 *   any but merged ──merge into another──▶ merged (final; it lives on in the other)
 *
 * Who proposed an input is kept (participants may edit their own while it is
 * proposed), but shown only as the workshop's attribution setting allows:
 * names, country only, or nobody (see `attributionOf` in report.ts).
 */
import { z } from 'zod';
import { CalendarDate, CountryCode, Id, personText } from '../workshop/model.js';

/** Bounds of outcome inputs. */
export const OutcomeLimits = {
  inputsPerWorkshop: 2000,
  actionLength: 1000,
  leadLength: 200,
  partnersLength: 300,
  /** The text of a source (a board note, a finding, a poll option) kept with an input. */
  quoteLength: 300,
  /** Inputs merged in one command. */
  mergeAtOnce: 50,
  reportBoards: 20,
} as const;

// The lists are plain arrays (not read from the schemas) so a client can use them without zod.
export const inputStatuses = ['proposed', 'agreed', 'dropped'] as const;
export const InputStatus = z.enum(inputStatuses);
export type InputStatus = z.infer<typeof InputStatus>;

export const priorities = ['high', 'medium', 'low'] as const;
export const Priority = z.enum(priorities);
export type Priority = z.infer<typeof Priority>;

/** Whose workplan an input is for: a country, or an organisation. */
export const InputOwner = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('country'), country: CountryCode }),
  z.object({ kind: z.literal('organisation'), organisation: Id }),
]);
export type InputOwner = z.infer<typeof InputOwner>;

/** A stable key of an owner (`country:NP`, `organisation:iom`), for grouping and matrices. */
export const ownerKey = (o: InputOwner): string => (o.kind === 'country' ? `country:${o.country}` : `organisation:${o.organisation}`);

/** When: a quarter of a year, or a span of dates (either end may be open). */
export const Timeframe = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('quarter'), year: z.number().int().min(2000).max(2100), quarter: z.number().int().min(1).max(4) }),
  z
    .object({ kind: z.literal('dates'), from: CalendarDate.nullable(), to: CalendarDate.nullable() })
    .refine((t) => t.from !== null || t.to !== null, 'give a start or an end date')
    .refine((t) => t.from === null || t.to === null || t.from <= t.to, { message: 'the end comes after the start', path: ['to'] }),
]);
export type Timeframe = z.infer<typeof Timeframe>;

/** A timeframe as plain text: "Q3 2019", "2019-07-01 – 2019-12-31", "from 2019-07-01", "until 2019-12-31". */
export function timeframeText(t: Timeframe | null, words: { from: string; until: string } = { from: 'from', until: 'until' }): string {
  if (!t) return '';
  if (t.kind === 'quarter') return `Q${t.quarter} ${t.year}`;
  if (t.from && t.to) return `${t.from} – ${t.to}`;
  return t.from ? `${words.from} ${t.from}` : `${words.until} ${t.to}`;
}

const quote = z.string().trim().max(OutcomeLimits.quoteLength);

/**
 * Where an input came from, kept with it: a note or card on a board, a
 * breakout group's finding, or a poll (and one of its options). `quote` is
 * the source's text when the input was made, so the report can cite it even
 * after the source changed.
 */
export const InputSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('boardItem'), boardId: Id, itemId: Id, quote }),
  z.object({ kind: z.literal('finding'), roundId: Id, groupId: Id, quote }),
  z.object({ kind: z.literal('poll'), pollId: Id, optionId: Id.nullable(), quote }),
]);
export type InputSource = z.infer<typeof InputSource>;
export type InputSourceKind = InputSource['kind'];

/** What a person writes of an input. */
export const InputFields = z.object({
  owner: InputOwner,
  /** One of the workshop's objectives (`definition.objectives`). */
  objective: Id,
  action: personText(OutcomeLimits.actionLength),
  /** The institution that leads the action; may be empty. */
  lead: z.string().trim().max(OutcomeLimits.leadLength),
  partners: z.string().trim().max(OutcomeLimits.partnersLength),
  timeframe: Timeframe.nullable(),
  priority: Priority,
});
export type InputFields = z.infer<typeof InputFields>;

export interface WorkplanInput extends InputFields {
  id: string;
  status: InputStatus;
  source: InputSource | null;
  /**
   * Who proposed it (participant id). Facilitators' state has it (views and
   * exports show it only as attribution allows); everyone else sees it only
   * on their own inputs ('' otherwise).
   */
  author: string;
  createdAt: number;
  updatedAt: number;
  /** Set when a facilitator merged it into another input. */
  mergedInto: string | null;
  /** Inputs merged into this one. */
  mergedFrom: string[];
}

/** The facilitators' choices for the report. */
export interface ReportSettings {
  /** Boards whose pictures go into the report, in this order. */
  boardIds: string[];
}

export interface OutcomesState {
  byId: Record<string, WorkplanInput>;
  /** Ids in the order inputs were proposed. */
  order: string[];
  report: ReportSettings;
}

export function initialOutcomesState(): OutcomesState {
  return { byId: {}, order: [], report: { boardIds: [] } };
}

/** Inputs that stand on their own (not merged into another), in the order proposed. */
export function liveInputs(slice: OutcomesState): WorkplanInput[] {
  return slice.order.map((id) => slice.byId[id]).filter((i): i is WorkplanInput => i !== undefined && i.mergedInto === null);
}
