/**
 * Decisions on `poll:*` commands. Facilitators prepare and run polls;
 * participants (and facilitators) vote. Every refusal says what to do.
 */
import type { CommandOf } from '../../protocol/commands.js';
import { ErrorCode } from '../../protocol/errors.js';
import { can } from '../access/can.js';
import { accept, forbidden, refuse, type DecideContext, type Decision } from '../decision.js';
import type { WorkshopState } from '../state.js';
import { audienceProblem, audienceRound, ballotGroup, sameAudience } from './audience.js';
import { ballotProblem, canonicalBallot, describeBallotProblem } from './ballotProblem.js';
import {
  PollLimits,
  PreparedPoll,
  pollPseudonymScope,
  settingsProblem,
  type Ballot,
  type Poll,
  type PollDraft,
  type PollStatus,
} from './model.js';
import type { PollDefinition } from './protocol.js';
import { normalizeWord } from './words.js';

/** What a facilitator does to a poll's life. */
export type PollTransition = 'open' | 'close' | 'reset';

/**
 * The poll state machine: from each status, the transitions allowed and where
 * they lead. Anything not here is refused. Repeating a transition that
 * already happened (closing a closed poll) is accepted and changes nothing.
 */
export const pollTransitions: Record<PollStatus, Partial<Record<PollTransition, PollStatus>>> = {
  draft: { open: 'open' },
  open: { close: 'closed', reset: 'open' },
  closed: { open: 'open', reset: 'closed' },
};

/** Where `transition` takes a poll in `status`, or null if it is refused. */
export function nextPollStatus(status: PollStatus, transition: PollTransition): PollStatus | null {
  return pollTransitions[status][transition] ?? null;
}

const refusedTransition: Record<PollTransition, Partial<Record<PollStatus, string>>> = {
  open: {},
  close: { draft: 'This poll has not been launched yet; there is nothing to close.' },
  reset: { draft: 'This poll has not been launched yet; it has no ballots to clear.' },
};

export function decidePolls(state: WorkshopState, command: CommandOf<'poll'>, ctx: DecideContext): Decision {
  if (command.type === 'poll:vote') return decideVote(state, command.payload.pollId, command.payload.ballot, ctx);
  if (!can(state, ctx.actor, { kind: 'poll.manage' })) return forbidden();
  const polls = state.polls;
  switch (command.type) {
    case 'poll:create': {
      if (polls.order.length >= PollLimits.pollsPerWorkshop) return refuse(ErrorCode.conflict, 'This workshop has as many polls as it can hold. Delete some first.');
      const problem = draftProblem(command.payload.poll);
      if (problem) return refuse(ErrorCode.invalid, problem);
      return accept({ type: 'poll.created', poll: { ...command.payload.poll, id: ctx.newId(), source: null } });
    }
    case 'poll:import': {
      const prepared = state.definition.polls ?? [];
      const events: PollDefinition[] = [];
      const imported = new Set(Object.values(polls.byId).map((p) => p.source));
      for (const id of new Set(command.payload.preparedIds)) {
        const raw = prepared.find((p) => p.id === id);
        if (!raw) return refuse(ErrorCode.notFound, `The workshop has no prepared poll "${id}".`);
        if (imported.has(id)) continue;
        const parsed = PreparedPoll.safeParse(raw);
        if (!parsed.success) return refuse(ErrorCode.invalid, `The prepared poll "${id}" is not valid: ${parsed.error.issues[0]?.message ?? 'check it'}.`);
        const problem = draftProblem(parsed.data);
        if (problem) return refuse(ErrorCode.invalid, `The prepared poll "${id}": ${problem}`);
        const { question, spec, settings } = parsed.data;
        events.push({ id: ctx.newId(), question, spec, settings, source: id });
      }
      if (polls.order.length + events.length > PollLimits.pollsPerWorkshop) {
        return refuse(ErrorCode.conflict, 'This workshop has as many polls as it can hold. Delete some first.');
      }
      return accept(...events.map((poll) => ({ type: 'poll.created' as const, poll })));
    }
  }
  const poll = polls.byId[command.payload.pollId];
  if (!poll) return refuse(ErrorCode.notFound, 'No such poll.');
  switch (command.type) {
    case 'poll:update': {
      if (poll.status !== 'draft') return refuse(ErrorCode.conflict, 'Only drafts can be edited. Duplicate the poll to change it.');
      const problem = draftProblem(command.payload.poll);
      if (problem) return refuse(ErrorCode.invalid, problem);
      const { question, spec, settings } = command.payload.poll;
      if (JSON.stringify({ question: poll.question, spec: poll.spec, settings: poll.settings }) === JSON.stringify({ question, spec, settings })) return accept();
      return accept({ type: 'poll.updated', pollId: poll.id, question, spec, settings });
    }
    case 'poll:delete':
      if (poll.status === 'open') return refuse(ErrorCode.conflict, 'Close the poll before deleting it.');
      return accept({ type: 'poll.deleted', pollId: poll.id });
    case 'poll:move': {
      const toIndex = Math.min(command.payload.toIndex, polls.order.length - 1);
      if (polls.order.indexOf(poll.id) === toIndex) return accept();
      return accept({ type: 'poll.moved', pollId: poll.id, toIndex });
    }
    case 'poll:duplicate': {
      if (polls.order.length >= PollLimits.pollsPerWorkshop) return refuse(ErrorCode.conflict, 'This workshop has as many polls as it can hold. Delete some first.');
      const { question, spec, settings } = poll;
      return accept({ type: 'poll.created', poll: { id: ctx.newId(), question, spec, settings, source: poll.id } });
    }
    case 'poll:open': {
      const { audience } = command.payload;
      if (poll.status === 'open') {
        if (sameAudience(poll.audience, audience)) return accept();
        return refuse(ErrorCode.conflict, 'This poll is already open to other people. Close it first, then launch it again to whom you mean.');
      }
      if (!nextPollStatus(poll.status, 'open')) return refuse(ErrorCode.conflict, 'This poll cannot be opened now.');
      const problem = audienceProblem(state, audience);
      if (problem) return refuse(ErrorCode[problem.code], problem.message);
      const { id, question, spec, settings, source } = poll;
      return accept({ type: 'poll.opened', poll: { id, question, spec, settings, source }, audience, round: poll.round });
    }
    case 'poll:close':
      if (poll.status === 'closed') return accept();
      if (!nextPollStatus(poll.status, 'close')) return refuse(ErrorCode.conflict, refusedTransition.close[poll.status] ?? 'This poll cannot be closed now.');
      return accept({ type: 'poll.closed', pollId: poll.id });
    case 'poll:reset':
      if (!nextPollStatus(poll.status, 'reset')) return refuse(ErrorCode.conflict, refusedTransition.reset[poll.status] ?? 'This poll cannot be reset now.');
      if (Object.keys(poll.ballots).length === 0) return accept();
      return accept({ type: 'poll.reset', pollId: poll.id });
    case 'poll:setResults':
      if (poll.settings.results === command.payload.results) return accept();
      return accept({ type: 'poll.resultsSet', pollId: poll.id, results: command.payload.results });
    case 'poll:moderate': {
      if (poll.spec.kind !== 'openText') return refuse(ErrorCode.invalid, 'Only open-answer polls are moderated.');
      const { voter, ballotSeq, decision } = command.payload;
      const record = poll.ballots[voter];
      if (!record) return refuse(ErrorCode.notFound, 'This answer was withdrawn or cleared.');
      if (record.seq !== ballotSeq) return refuse(ErrorCode.conflict, 'This answer was changed after you saw it; look at it again.');
      if (record.moderation === decision) return accept();
      return accept({ type: 'poll.answerModerated', pollId: poll.id, voter, named: record.named, ballotSeq, decision });
    }
    case 'poll:hideWord': {
      if (poll.spec.kind !== 'wordCloud') return refuse(ErrorCode.invalid, 'Only word clouds have words to hide.');
      const word = normalizeWord(command.payload.word);
      if (word === '') return refuse(ErrorCode.invalid, 'Name a word to hide.');
      const isHidden = poll.hiddenWords.includes(word);
      if (isHidden === command.payload.hidden) return accept();
      if (command.payload.hidden && poll.hiddenWords.length >= PollLimits.hiddenWords) return refuse(ErrorCode.conflict, 'Too many hidden words in this poll.');
      return accept({ type: 'poll.wordHidden', pollId: poll.id, word, hidden: command.payload.hidden });
    }
  }
}

function decideVote(state: WorkshopState, pollId: string, ballot: Ballot, ctx: DecideContext): Decision {
  const actor = ctx.actor;
  const poll: Poll | undefined = state.polls.byId[pollId];
  const me = actor ? state.participants[actor.participantId] : undefined;
  // A draft is invisible to everyone but facilitators: to others it does not exist.
  if (!poll || (poll.status === 'draft' && me?.role !== 'facilitator')) return refuse(ErrorCode.notFound, 'No such poll.');
  if (!me || !can(state, actor, { kind: 'poll.vote', pollId })) {
    if (me?.role === 'observer') return refuse(ErrorCode.forbidden, 'Observers follow polls but do not vote.');
    if (me?.role === 'projector') return refuse(ErrorCode.forbidden, 'The projector screen does not vote.');
    if (me && poll.audience.kind === 'groups') {
      const inRound = audienceRound(state, poll.audience)?.members[me.id] !== undefined;
      return refuse(
        ErrorCode.forbidden,
        inRound ? 'This poll is put to other breakout groups, not to yours.' : 'This poll is put to breakout groups, and you are not in one of them.',
      );
    }
    return refuse(ErrorCode.forbidden, 'This poll is not put to you.');
  }
  if (poll.status === 'draft') return refuse(ErrorCode.conflict, 'This poll has not been launched yet.');
  if (poll.status === 'closed') return refuse(ErrorCode.conflict, 'This poll is closed: ballots are no longer accepted.');
  const problem = ballotProblem(poll.spec, ballot);
  if (problem) return refuse(ErrorCode.invalid, describeBallotProblem(problem));
  const a = me.affiliation;
  const country = a.kind === 'country' ? a.country : null;
  if (poll.settings.countBy === 'country' && country === null) {
    return refuse(ErrorCode.forbidden, 'This poll takes one vote per country; only country delegates vote in it.');
  }
  const { anonymous } = poll.settings;
  const voter = anonymous ? ctx.pseudonym(pollPseudonymScope(poll.id), me.id) : me.id;
  const stored = canonicalBallot(ballot);
  const previous = poll.ballots[voter];
  if (previous && JSON.stringify(previous.ballot) === JSON.stringify(stored)) return accept();
  return accept({
    type: 'poll.ballotCast',
    pollId: poll.id,
    voter,
    named: !anonymous,
    ballot: stored,
    // Anonymous ballots carry nothing that could single someone out, except
    // the country where one vote per country is the rule (the country is the voter).
    country: anonymous && poll.settings.countBy === 'person' ? null : country,
    organisation: anonymous ? null : a.kind === 'organisation' ? a.organisation : null,
    group: anonymous && poll.settings.countBy === 'person' ? null : ballotGroup(state, poll.audience, me.id),
  });
}

/** Why a draft cannot be saved, beyond its schema; null when it can. */
function draftProblem(draft: PollDraft): string | null {
  return settingsProblem(draft.settings, draft.spec);
}
