/**
 * What non-facilitators see of polls. Drafts are the facilitators' own until
 * launched; ballots belong to their voter alone. Events are redacted to
 * `poll.redacted`, never dropped, so sequence numbers stay contiguous.
 * Facilitators see the log as it is, which names no one in anonymous polls.
 */
import type { EventOf } from '../../protocol/events.js';
import type { Viewer } from '../project.js';
import type { WorkshopState } from '../state.js';
import type { WorkshopDefinition } from '../workshop/model.js';
import { pollPseudonymScope, type BallotRecord, type Poll, type PollsState } from './model.js';

/** A poll event as a non-facilitator viewer may see it (never dropped: redacted). */
export function projectPollEvent(event: EventOf<'poll'>, viewer: Viewer): EventOf<'poll'> {
  switch (event.type) {
    case 'poll.opened':
    case 'poll.closed':
    case 'poll.reset':
    case 'poll.resultsSet':
    case 'poll.deleted':
    case 'poll.wordHidden':
      return event;
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

/** Participants who see this poll event differently from the public: the voter of a named ballot. */
export function pollEventSubjects(event: EventOf<'poll'>): string[] {
  if ((event.type === 'poll.ballotCast' || event.type === 'poll.answerModerated') && event.named) return [event.voter];
  return [];
}

/**
 * The polls slice as a non-facilitator viewer may see it: launched polls only,
 * each with the viewer's own ballot and no one else's.
 */
export function projectPollsState(slice: PollsState, viewer: Viewer, _state: WorkshopState): PollsState {
  const byId: Record<string, Poll> = {};
  for (const poll of Object.values(slice.byId)) {
    if (poll.status === 'draft') continue;
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
