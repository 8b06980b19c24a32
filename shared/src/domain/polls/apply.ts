import type { EventOf } from '../../protocol/events.js';
import type { WorkshopState } from '../state.js';
import type { Poll, PollsState } from './model.js';
import type { PollDefinition } from './protocol.js';

/**
 * Applies a poll event. Pure. Viewers who never saw a poll's draft learn the
 * poll from `poll.opened`; events about polls a viewer does not know change
 * nothing but the sequence number.
 */
export function applyPolls(state: WorkshopState, event: EventOf<'poll'>): WorkshopState {
  const polls = nextPolls(state.polls, event);
  return polls === state.polls ? { ...state, seq: event.seq } : { ...state, seq: event.seq, polls };
}

function nextPolls(slice: PollsState, event: EventOf<'poll'>): PollsState {
  switch (event.type) {
    case 'poll.created':
      return {
        byId: { ...slice.byId, [event.poll.id]: newPoll(event.poll, event.at) },
        order: [...slice.order.filter((id) => id !== event.poll.id), event.poll.id],
      };
    case 'poll.updated':
      return patch(slice, event.pollId, () => ({ question: event.question, spec: event.spec, settings: event.settings }));
    case 'poll.deleted': {
      if (!(event.pollId in slice.byId)) return slice;
      const byId = { ...slice.byId };
      delete byId[event.pollId];
      return { byId, order: slice.order.filter((id) => id !== event.pollId) };
    }
    case 'poll.moved': {
      if (!slice.order.includes(event.pollId)) return slice;
      const order = slice.order.filter((id) => id !== event.pollId);
      order.splice(Math.min(event.toIndex, order.length), 0, event.pollId);
      return { ...slice, order };
    }
    case 'poll.opened': {
      const known = slice.byId[event.poll.id];
      const base = known ?? newPoll(event.poll, event.at);
      const poll: Poll = {
        ...base,
        question: event.poll.question,
        spec: event.poll.spec,
        settings: event.poll.settings,
        source: event.poll.source,
        audience: event.audience,
        status: 'open',
        openedAt: event.at,
        closedAt: null,
        round: event.round,
      };
      return {
        byId: { ...slice.byId, [poll.id]: poll },
        order: known ? slice.order : [...slice.order, poll.id],
      };
    }
    case 'poll.closed':
      return patch(slice, event.pollId, () => ({ status: 'closed', closedAt: event.at }));
    case 'poll.reset':
      return patch(slice, event.pollId, (p) => ({ ballots: {}, round: p.round + 1 }));
    case 'poll.resultsSet':
      return patch(slice, event.pollId, (p) => ({ settings: { ...p.settings, results: event.results } }));
    case 'poll.ballotCast':
      return patch(slice, event.pollId, (p) => ({
        ballots: {
          ...p.ballots,
          [event.voter]: {
            voter: event.voter,
            named: event.named,
            ballot: event.ballot,
            country: event.country,
            organisation: event.organisation,
            group: event.group ?? null,
            seq: event.seq,
            at: event.at,
            // A changed answer waits for moderation again.
            moderation: p.spec.kind === 'openText' ? 'pending' : null,
          },
        },
      }));
    case 'poll.answerModerated':
      return patch(slice, event.pollId, (p) => {
        const record = p.ballots[event.voter];
        if (!record || record.seq !== event.ballotSeq) return {};
        return { ballots: { ...p.ballots, [event.voter]: { ...record, moderation: event.decision } } };
      });
    case 'poll.wordHidden':
      return patch(slice, event.pollId, (p) => ({
        hiddenWords: event.hidden ? [...p.hiddenWords.filter((w) => w !== event.word), event.word] : p.hiddenWords.filter((w) => w !== event.word),
      }));
    case 'poll.redacted':
      return slice;
  }
}

function newPoll(def: PollDefinition, at: number): Poll {
  return {
    id: def.id,
    question: def.question,
    spec: def.spec,
    settings: def.settings,
    source: def.source,
    status: 'draft',
    audience: { kind: 'plenary' },
    createdAt: at,
    openedAt: null,
    closedAt: null,
    round: 0,
    ballots: {},
    hiddenWords: [],
  };
}

function patch(slice: PollsState, pollId: string, change: (p: Poll) => Partial<Poll>): PollsState {
  const poll = slice.byId[pollId];
  if (!poll) return slice;
  const delta = change(poll);
  if (Object.keys(delta).length === 0) return slice;
  return { ...slice, byId: { ...slice.byId, [pollId]: { ...poll, ...delta } } };
}
