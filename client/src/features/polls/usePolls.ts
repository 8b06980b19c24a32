/**
 * Hooks of the polls feature: what a screen reads (polls, results, the
 * viewer's own ballot) and what it does (vote; run polls, for facilitators).
 * Components never touch the socket.
 */
import { useMemo, useSyncExternalStore } from 'react';
import {
  ErrorCode,
  maySeePoll,
  ownBallot,
  pollsInOrder,
  tallyPoll,
  type Ballot,
  type CommandAck,
  type CommandInput,
  type Poll,
  type PollResults,
  type PollResultsPush,
  type Result,
  type SocketCommandName,
} from '@plenary/shared';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { pollsStoreOf, type PollsSnapshot } from './PollsStore';

function usePollsSnapshot(): PollsSnapshot {
  const store = pollsStoreOf(useWorkshopClient()).store;
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/**
 * The polls as this viewer's state holds them, in the facilitators' order,
 * without polls put to groups they have since left (their state may still
 * hold one until its next snapshot).
 */
export function usePolls(): Poll[] {
  const view = useWorkshopView();
  const state = view.state!;
  const me = state.participants[view.me];
  return useMemo(
    () => pollsInOrder(state.polls).filter((p) => !me || maySeePoll(state, p, { participantId: me.id, role: me.role })),
    [state, me],
  );
}

/** The latest results push of a poll, if one arrived. */
export function usePollResults(pollId: string): PollResultsPush | null {
  return usePollsSnapshot().results.get(pollId) ?? null;
}

/**
 * Results computed here from the ballots in the state: facilitators hold every
 * ballot, so their console is exact at once, whatever the push schedule.
 */
export function useLocalTally(poll: Poll): PollResults {
  const definition = useWorkshopView().state!.definition;
  return useMemo(() => tallyPoll(poll, definition), [poll, definition]);
}

/** The viewer's own ballot in this round of the poll: the newer of what the state holds and what the server last accepted. */
export function useMyBallot(poll: Poll): Ballot | null {
  const view = useWorkshopView();
  const accepted = usePollsSnapshot().accepted.get(poll.id);
  const me = view.state!.participants[view.me];
  const held = me ? ownBallot(poll, { participantId: me.id, role: me.role }) : null;
  const mine = accepted && accepted.round === poll.round ? accepted : null;
  if (held && (!mine || held.seq >= mine.seq)) return held.ballot;
  return mine?.ballot ?? null;
}

/** Whether this person's last ballot in this round arrived after the poll closed. */
export function useLateBallot(poll: Poll): boolean {
  return usePollsSnapshot().late.get(poll.id) === poll.round;
}

/** Voting, with what the server said. */
export function useVote(): (poll: Poll, ballot: Ballot) => Promise<Result<CommandAck>> {
  const client = useWorkshopClient();
  return async (poll, ballot) => {
    const r = await client.send('poll:vote', { pollId: poll.id, ballot });
    if (r.ok) pollsStoreOf(client).remember(poll.id, { ballot, round: poll.round, seq: r.data.seq });
    else if (refusedAsClosed(r)) pollsStoreOf(client).rememberLate(poll.id, poll.round);
    return r;
  };
}

/** Sends a poll command; resolves with the server's answer. */
export function usePollCommand(): <K extends SocketCommandName & `poll:${string}`>(name: K, payload: CommandInput<K>) => Promise<Result<CommandAck>> {
  const client = useWorkshopClient();
  return (name, payload) => client.send(name, payload);
}

/** Whether an ack said the poll had closed (a ballot that arrived too late). */
export const refusedAsClosed = (r: Result<unknown>) => !r.ok && r.error.code === ErrorCode.conflict;
