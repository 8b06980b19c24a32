/**
 * Breakouts on the wire: commands `breakout:*`, events `breakout.*`.
 *
 * A facilitator plans a round (`breakout:create`, groups and all), fills its
 * groups (`breakout:assign` by rule, `breakout:move` by hand, `breakout:import`
 * from a list; participants may `breakout:choose` a topic), starts it; every
 * participant's screen goes to their group's room. During the round:
 * `breakout:broadcast`, `breakout:help` / `breakout:resolveHelp`,
 * `breakout:move`, `breakout:extend`. `breakout:end` starts the closing
 * countdown; the server finishes the round when it runs out. Rapporteurs
 * write their group's findings (`breakout:setFindings`) for the gallery.
 */
import { z } from 'zod';
import { Id } from '../workshop/model.js';
import { BreakoutLimits, GroupPlan, RoundFields, RoundStatus, UnmetSchema } from './model.js';

const RoundRef = z.object({ roundId: Id });
const Groups = z.array(GroupPlan).min(1, 'a round needs at least one group').max(BreakoutLimits.groups);

export const CreateRound = z.object({ round: RoundFields, groups: Groups });
export const UpdateRound = z.object({
  roundId: Id,
  round: RoundFields.partial(),
  groups: Groups.optional(),
});
export const AssignRound = z.object({ roundId: Id, seed: z.number().int().min(0).max(2 ** 31 - 1) });
export const MoveMember = z.object({ roundId: Id, participantId: Id, groupId: Id.nullable() });
export const ImportMembers = z.object({
  roundId: Id,
  rows: z
    .array(z.object({ name: z.string().trim().min(1).max(120), group: z.string().trim().min(1).max(120) }))
    .min(1)
    .max(1000),
});
export const ChooseGroup = z.object({ roundId: Id, groupId: Id });
export const ExtendRound = z.object({ roundId: Id, minutes: z.number().int().min(1).max(120) });
export const EndRound = z.object({ roundId: Id, closingSeconds: z.number().int().min(0).max(600) });
export const BroadcastToGroups = z.object({
  roundId: Id,
  text: z.string().trim().min(1, 'must not be empty').max(BreakoutLimits.broadcastLength),
});
export const ResolveHelp = z.object({ roundId: Id, requestId: Id });
export const SetRapporteur = z.object({ roundId: Id, groupId: Id, participantId: Id });
export const SetFindings = z.object({ roundId: Id, groupId: Id, text: z.string().max(BreakoutLimits.findingsLength) });

/** Breakout commands a connected client may send, by event name. */
export const breakoutCommands = {
  'breakout:create': CreateRound,
  'breakout:update': UpdateRound,
  'breakout:delete': RoundRef,
  'breakout:assign': AssignRound,
  'breakout:move': MoveMember,
  'breakout:import': ImportMembers,
  'breakout:choose': ChooseGroup,
  'breakout:start': RoundRef,
  'breakout:extend': ExtendRound,
  'breakout:end': EndRound,
  'breakout:finish': RoundRef,
  'breakout:broadcast': BroadcastToGroups,
  'breakout:help': RoundRef,
  'breakout:resolveHelp': ResolveHelp,
  'breakout:setRapporteur': SetRapporteur,
  'breakout:setFindings': SetFindings,
  'breakout:rerun': RoundRef,
} as const satisfies Record<`breakout:${string}`, z.ZodType>;

const GroupSchema = z.object({ id: Id, name: z.string(), topic: z.string().nullable(), capacity: z.number().nullable() });
const RoundSchema = RoundFields.extend({
  id: Id,
  groups: z.array(GroupSchema),
  members: z.record(z.string(), z.string()),
  unmet: z.array(UnmetSchema),
  status: RoundStatus,
  startedAt: z.number().nullable(),
  endsAt: z.number().nullable(),
  closingEndsAt: z.number().nullable(),
  rapporteurs: z.record(z.string(), z.string()),
  findings: z.record(z.string(), z.string()),
  help: z.array(z.object({ id: Id, groupId: Id, by: Id, at: z.number(), resolved: z.boolean() })),
  broadcasts: z.array(z.object({ id: Id, text: z.string(), at: z.number() })),
});

export const RoundCreated = z.object({ type: z.literal('breakout.created'), round: RoundSchema });
export const RoundUpdated = z.object({
  type: z.literal('breakout.updated'),
  roundId: Id,
  round: RoundFields.partial(),
  groups: z.array(GroupSchema).optional(),
});
export const RoundDeleted = z.object({ type: z.literal('breakout.deleted'), roundId: Id });
export const RoundAssigned = z.object({
  type: z.literal('breakout.assigned'),
  roundId: Id,
  members: z.record(z.string(), z.string()),
  unmet: z.array(UnmetSchema),
});
export const MemberMoved = z.object({ type: z.literal('breakout.moved'), roundId: Id, participantId: Id, groupId: Id.nullable() });
export const RoundStarted = z.object({ type: z.literal('breakout.started'), roundId: Id, endsAt: z.number() });
export const RoundExtended = z.object({ type: z.literal('breakout.extended'), roundId: Id, endsAt: z.number() });
export const RoundEnding = z.object({ type: z.literal('breakout.ending'), roundId: Id, closingEndsAt: z.number() });
export const RoundClosed = z.object({ type: z.literal('breakout.closed'), roundId: Id });
export const GroupsBroadcast = z.object({ type: z.literal('breakout.broadcast'), roundId: Id, broadcastId: Id, text: z.string() });
export const HelpRequested = z.object({ type: z.literal('breakout.helpRequested'), roundId: Id, requestId: Id, groupId: Id, by: Id });
export const HelpResolved = z.object({ type: z.literal('breakout.helpResolved'), roundId: Id, requestId: Id });
export const RapporteurSet = z.object({ type: z.literal('breakout.rapporteurSet'), roundId: Id, groupId: Id, participantId: Id });
export const FindingsSet = z.object({ type: z.literal('breakout.findingsSet'), roundId: Id, groupId: Id, text: z.string() });

/** Breakout events. */
export const breakoutEvents = [
  RoundCreated,
  RoundUpdated,
  RoundDeleted,
  RoundAssigned,
  MemberMoved,
  RoundStarted,
  RoundExtended,
  RoundEnding,
  RoundClosed,
  GroupsBroadcast,
  HelpRequested,
  HelpResolved,
  RapporteurSet,
  FindingsSet,
] as const;

/** What the server pushes about breakouts besides events. */
export type BreakoutServerEvents = Record<never, never>;
