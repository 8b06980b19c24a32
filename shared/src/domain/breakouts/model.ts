/**
 * Breakout rounds: the facilitator splits the room into groups for a task;
 * each group works in its own room (notes, and a board once the round has
 * one), the facilitator keeps watch, and the groups report back.
 *
 * A round is a state machine, `draft → running → closing → closed`:
 *
 * | from     | to       | by                                                  |
 * |----------|----------|-----------------------------------------------------|
 * | draft    | running  | `breakout:start` (needs people in every group)      |
 * | running  | closing  | `breakout:end` (a closing countdown starts)         |
 * | closing  | closed   | `breakout:finish`, when the countdown is over       |
 * | running  | closed   | `breakout:end` with no countdown                    |
 * | closed   | —        | a new round (`breakout:rerun`) starts again as a draft |
 */
import { z } from 'zod';
import { BoardTemplate } from '../boards/model.js';
import { Id, personText } from '../workshop/model.js';

export const RoundStatus = z.enum(['draft', 'running', 'closing', 'closed']);
export type RoundStatus = z.infer<typeof RoundStatus>;

/** Which status may follow which (the transition table above). */
export const roundTransitions: Record<RoundStatus, readonly RoundStatus[]> = {
  draft: ['running'],
  running: ['closing', 'closed'],
  closing: ['closed'],
  closed: [],
};

export const GroupingMethod = z.enum(['random', 'balanced', 'topic', 'manual', 'import']);
export type GroupingMethod = z.infer<typeof GroupingMethod>;

export const BreakoutLimits = {
  rounds: 50,
  groups: 40,
  findingsLength: 5000,
  promptLength: 2000,
  broadcastLength: 500,
  helpOpenPerGroup: 3,
} as const;

export const GroupName = personText(80);

export interface Group {
  id: string;
  name: string;
  /** For self-selection by topic. */
  topic: string | null;
  /** For self-selection: most members; null for no limit. */
  capacity: number | null;
}

export interface HelpRequest {
  id: string;
  groupId: string;
  by: string;
  at: number;
  resolved: boolean;
}

export interface Broadcast {
  id: string;
  text: string;
  at: number;
}

export interface Round {
  id: string;
  title: string;
  prompt: string;
  /** The template of each group's board; null for no boards. */
  template: BoardTemplate | null;
  minutes: number;
  method: GroupingMethod;
  byLanguage: boolean;
  /** Whether groups may read each other's work while the round runs. */
  readAcross: boolean;
  groups: Group[];
  /** Who is in which group (participant id → group id). */
  members: Record<string, string>;
  /** What the assignment could not satisfy, as the last assignment reported it. */
  unmet: Unmet[];
  status: RoundStatus;
  startedAt: number | null;
  endsAt: number | null;
  closingEndsAt: number | null;
  rapporteurs: Record<string, string>;
  findings: Record<string, string>;
  help: HelpRequest[];
  broadcasts: Broadcast[];
}

export interface BreakoutsState {
  byId: Record<string, Round>;
  order: string[];
}

export function initialBreakoutsState(): BreakoutsState {
  return { byId: {}, order: [] };
}

/** The round that is running or closing now, if any (one at a time). */
export function activeRound(state: BreakoutsState): Round | null {
  for (const id of state.order) {
    const r = state.byId[id];
    if (r && (r.status === 'running' || r.status === 'closing')) return r;
  }
  return null;
}

/** The group a participant is in during the active round. */
export function groupOf(state: BreakoutsState, participantId: string): { round: Round; group: Group } | null {
  const round = activeRound(state);
  const groupId = round?.members[participantId];
  const group = groupId ? round.groups.find((g) => g.id === groupId) : undefined;
  return round && group ? { round, group } : null;
}

/** Something an assignment could not satisfy; `group` is the group's position in the round. */
export const UnmetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('phaseMissing'), group: z.number().int(), phase: z.union([z.literal(1), z.literal(2)]) }),
  z.object({ kind: z.literal('sameAffiliation'), group: z.number().int(), affiliation: z.string(), count: z.number().int() }),
  z.object({ kind: z.literal('mixedLanguages'), group: z.number().int(), languages: z.array(z.string()) }),
]);
export type Unmet = z.infer<typeof UnmetSchema>;

export const RoundTemplate = BoardTemplate.nullable();
export const RoundFields = z.object({
  title: personText(200),
  prompt: z.string().trim().max(BreakoutLimits.promptLength),
  template: RoundTemplate,
  minutes: z.number().int().min(1).max(480),
  method: GroupingMethod,
  byLanguage: z.boolean(),
  readAcross: z.boolean(),
});
export type RoundFields = z.infer<typeof RoundFields>;

export const GroupPlan = z.object({
  name: GroupName,
  topic: z.string().trim().max(200).nullable(),
  capacity: z.number().int().min(1).max(500).nullable(),
});
export type GroupPlan = z.infer<typeof GroupPlan>;

export const GroupId = Id;
