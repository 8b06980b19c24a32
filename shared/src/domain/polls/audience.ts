/**
 * Polls put to breakout groups: who is in a poll's audience, who sees it, and
 * the group a ballot counts in. Membership is read from the poll's round as it
 * is now (`round.members`), so someone moved to another group votes in the
 * poll only if their new group is in its audience.
 */
import { groupOf, type Round } from '../breakouts/model.js';
import type { WorkshopState } from '../state.js';
import type { Role } from '../workshop/model.js';
import type { Poll, PollAudience } from './model.js';

type GroupsAudience = Extract<PollAudience, { kind: 'groups' }>;

/** The round of a poll put to groups, if it still exists. */
export function audienceRound(state: Pick<WorkshopState, 'breakouts'>, audience: GroupsAudience): Round | null {
  return state.breakouts.byId[audience.roundId] ?? null;
}

/** The ids of the groups a group audience covers now. */
export function audienceGroupIds(state: Pick<WorkshopState, 'breakouts'>, audience: GroupsAudience): string[] {
  const round = audienceRound(state, audience);
  if (!round) return [];
  const known = new Set(round.groups.map((g) => g.id));
  return audience.groupIds === 'all' ? [...known] : audience.groupIds.filter((id) => known.has(id));
}

/** Whether a participant is in a poll's audience now (whatever their role). */
export function inPollAudience(state: Pick<WorkshopState, 'breakouts'>, audience: PollAudience, participantId: string): boolean {
  if (audience.kind === 'plenary') return true;
  const groupId = audienceRound(state, audience)?.members[participantId];
  return groupId !== undefined && audienceGroupIds(state, audience).includes(groupId);
}

/**
 * The group a participant's ballot counts in: their group in the poll's round
 * for a poll put to groups, their group in the running round (if any) for one
 * put to everyone.
 */
export function ballotGroup(state: Pick<WorkshopState, 'breakouts'>, audience: PollAudience, participantId: string): string | null {
  if (audience.kind === 'groups') return audienceRound(state, audience)?.members[participantId] ?? null;
  return groupOf(state.breakouts, participantId)?.group.id ?? null;
}

/**
 * Whether a viewer sees a launched poll: a poll put to everyone, everyone;
 * one put to groups, its audience, facilitators and projector screens (a
 * facilitator decides what a projector shows).
 */
export function maySeePoll(state: Pick<WorkshopState, 'breakouts'>, poll: Pick<Poll, 'audience'>, viewer: { participantId: string | null; role: Role }): boolean {
  if (poll.audience.kind === 'plenary' || viewer.role === 'facilitator' || viewer.role === 'projector') return true;
  return viewer.participantId !== null && inPollAudience(state, poll.audience, viewer.participantId);
}

/**
 * The non-facilitators who see a poll put to groups (its audience now, and
 * projector screens); `everyone` for a poll put to everyone.
 */
export function pollViewers(state: Pick<WorkshopState, 'breakouts' | 'participants'>, audience: PollAudience): string[] | 'everyone' {
  if (audience.kind === 'plenary') return 'everyone';
  return Object.values(state.participants)
    .filter((p) => !p.removed && p.role !== 'facilitator' && (p.role === 'projector' || inPollAudience(state, audience, p.id)))
    .map((p) => p.id);
}

/** Why a poll cannot be launched to this audience now, or null. */
export function audienceProblem(state: Pick<WorkshopState, 'breakouts'>, audience: PollAudience): { code: 'notFound' | 'conflict' | 'invalid'; message: string } | null {
  if (audience.kind === 'plenary') return null;
  const round = audienceRound(state, audience);
  if (!round) return { code: 'notFound', message: 'No such breakout round.' };
  if (round.status !== 'running' && round.status !== 'closing') {
    return { code: 'conflict', message: 'A poll goes to breakout groups while their round runs: start the round first, or launch the poll to everyone.' };
  }
  if (audience.groupIds === 'all') return null;
  if (new Set(audience.groupIds).size !== audience.groupIds.length) return { code: 'invalid', message: 'Name each group once.' };
  const missing = audience.groupIds.find((id) => !round.groups.some((g) => g.id === id));
  if (missing !== undefined) return { code: 'notFound', message: `This round has no group "${missing}".` };
  return null;
}

/** Whether two audiences are the same. */
export function sameAudience(a: PollAudience, b: PollAudience): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'plenary' || b.kind === 'plenary') return true;
  if (a.roundId !== b.roundId) return false;
  if (a.groupIds === 'all' || b.groupIds === 'all') return a.groupIds === b.groupIds;
  return [...a.groupIds].sort().join('\n') === [...b.groupIds].sort().join('\n');
}

/** The name of a breakout group, in whichever round it is, or null if it no longer exists. */
export function breakoutGroupName(state: Pick<WorkshopState, 'breakouts'>, groupId: string): string | null {
  for (const id of state.breakouts.order) {
    const group = state.breakouts.byId[id]?.groups.find((g) => g.id === groupId);
    if (group) return group.name;
  }
  return null;
}
