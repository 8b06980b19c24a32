/**
 * What non-facilitators see of polls. Drafts are the facilitators' own until
 * launched; a poll put to breakout groups is its audience's (and the
 * projector's); ballots belong to their voter alone. Events are redacted to
 * `poll.redacted`, never dropped, so sequence numbers stay contiguous.
 * Facilitators see the log as it is, which names no one in anonymous polls.
 */
import type { EventOf } from '../../protocol/events.js';
import type { Viewer } from '../project.js';
import type { WorkshopState } from '../state.js';
import type { WorkshopDefinition } from '../workshop/model.js';
import { maySeePoll, pollViewers } from './audience.js';
import { pollPseudonymScope, type BallotRecord, type Poll, type PollsState } from './model.js';

/**
 * A poll event as a non-facilitator viewer may see it (never dropped:
 * redacted). Events of a poll put to groups reach its audience and projector
 * screens only; without the state, such a poll's launch is redacted.
 */
export function projectPollEvent(event: EventOf<'poll'>, viewer: Viewer, state?: WorkshopState): EventOf<'poll'> {
  switch (event.type) {
    case 'poll.opened':
      if (event.audience.kind === 'plenary') return event;
      return state && maySeePoll(state, { audience: event.audience }, viewer) ? event : redacted(event);
    case 'poll.closed':
    case 'poll.reset':
    case 'poll.resultsSet':
    case 'poll.deleted':
    case 'poll.wordHidden': {
      const poll = state?.polls.byId[event.pollId];
      return poll && !maySeePoll(state!, poll, viewer) ? redacted(event) : event;
    }
    case 'poll.ballotCast':
    case 'poll.answerModerated':
      // Only the voter of a named poll gets their own ballot (and its moderation) back live.
      if (event.named && viewer.participantId !== null && event.voter === viewer.participantId) return event;
      return redacted(event);
    case 'poll.created':
    case 'poll.updated':
    case 'poll.moved':
    case 'poll.redacted':
      return redacted(event);
  }
}

function redacted(event: EventOf<'poll'>): EventOf<'poll'> {
  return { type: 'poll.redacted', seq: event.seq, at: event.at };
}

/**
 * Participants who see this poll event differently from the public: the voter
 * of a named ballot; everyone who sees a poll put to groups, for its life's events.
 */
export function pollEventSubjects(event: EventOf<'poll'>, state?: WorkshopState): string[] {
  if ((event.type === 'poll.ballotCast' || event.type === 'poll.answerModerated') && event.named) return [event.voter];
  if (!state) return [];
  const audience =
    event.type === 'poll.opened'
      ? event.audience
      : 'pollId' in event && event.type !== 'poll.ballotCast' && event.type !== 'poll.answerModerated'
        ? state.polls.byId[event.pollId]?.audience
        : undefined;
  if (!audience) return [];
  const viewers = pollViewers(state, audience);
  return viewers === 'everyone' ? [] : viewers;
}

/**
 * The polls slice as a non-facilitator viewer may see it: launched polls only,
 * each with the viewer's own ballot and no one else's.
 */
export function projectPollsState(slice: PollsState, viewer: Viewer, state: WorkshopState): PollsState {
  const byId: Record<string, Poll> = {};
  for (const poll of Object.values(slice.byId)) {
    if (poll.status === 'draft' || !maySeePoll(state, poll, viewer)) continue;
    byId[poll.id] = { ...poll, ballots: ownBallots(poll, viewer) };
  }
  return { byId, order: slice.order.filter((id) => id in byId) };
}

function ownBallots(poll: Poll, viewer: Viewer): Record<string, BallotRecord> {
  if (viewer.participantId === null) return {};
  const key = poll.settings.anonymous ? viewer.pseudonym?.(pollPseudonymScope(poll.id)) : viewer.participantId;
  const own = key === undefined ? undefined : poll.ballots[key];
  return own ? { [own.voter]: own } : {};
}

/**
 * The viewer's own ballot as their (projected) state holds it. Facilitators
 * hold every ballot, so in an anonymous poll theirs cannot be told apart.
 */
export function ownBallot(poll: Poll, viewer: { participantId: string; role: Viewer['role'] }): BallotRecord | null {
  if (!poll.settings.anonymous) return poll.ballots[viewer.participantId] ?? null;
  if (viewer.role === 'facilitator') return null;
  return Object.values(poll.ballots)[0] ?? null;
}

/** The workshop definition without its prepared polls, which are drafts until a facilitator launches them. */
export function definitionWithoutPreparedPolls(definition: WorkshopDefinition): WorkshopDefinition {
  if (definition.polls === undefined) return definition;
  const rest = { ...definition };
  delete rest.polls;
  return rest;
}
