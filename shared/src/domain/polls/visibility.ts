/**
 * Who sees a poll's results. Facilitators always; everyone else as the poll's
 * results setting says: while it runs (`live`), once it is closed
 * (`afterClose`), or never (`facilitatorOnly`) — except that a facilitator who
 * puts a facilitator-only poll on the projector shows its results there.
 * Everyone sees how many ballots came in.
 */
import type { WorkshopState } from '../state.js';
import type { Role } from '../workshop/model.js';
import type { Poll } from './model.js';
import type { PollResultsPush } from './protocol.js';
import { tallyPoll } from './tally.js';

/** Whom a results push is for. */
export type ResultsAudience = 'facilitators' | 'public' | 'projector';

export function resultsAudienceOf(role: Role): ResultsAudience {
  return role === 'facilitator' ? 'facilitators' : role === 'projector' ? 'projector' : 'public';
}

/** Why results are hidden from this audience now, or null when they see them. */
export function resultsHiddenFrom(poll: Poll, state: Pick<WorkshopState, 'run'>, audience: ResultsAudience): PollResultsPush['hidden'] {
  if (audience === 'facilitators') return null;
  switch (poll.settings.results) {
    case 'live':
      return null;
    case 'afterClose':
      return poll.status === 'closed' ? null : 'untilClose';
    case 'facilitatorOnly': {
      const onProjector = state.run.projector.kind === 'poll' && state.run.projector.pollId === poll.id;
      return audience === 'projector' && onProjector ? null : 'facilitatorOnly';
    }
  }
}

/** The results push of a launched poll for an audience; null for a draft (no one but facilitators knows it). */
export function pollResultsFor(poll: Poll, state: WorkshopState, audience: ResultsAudience): PollResultsPush | null {
  if (poll.status === 'draft') return null;
  const hidden = resultsHiddenFrom(poll, state, audience);
  return {
    pollId: poll.id,
    round: poll.round,
    status: poll.status,
    ballots: Object.keys(poll.ballots).length,
    results: hidden ? null : tallyPoll(poll, state.definition),
    hidden,
    seq: state.seq,
  };
}
