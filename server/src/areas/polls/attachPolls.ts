/**
 * Live results. Whenever a workshop's events touch a poll's results (a
 * ballot, a reset, closing, moderation, a visibility change, the projector
 * showing it), the poll is marked dirty; its results are computed from the
 * state as it is when the push goes out, at most once per
 * `resultsPushIntervalMs` per poll (the first change goes out on the next
 * tick, later ones wait for the interval), so a burst of a thousand ballots
 * costs a handful of pushes, not a thousand.
 *
 * Each audience gets what it may see (`pollResultsFor`): facilitators the
 * results always, the public room per the poll's setting, projector screens
 * also a facilitator-only poll that a facilitator put on them. A poll put to
 * breakout groups goes only to its audience (as it is at push time) and
 * projector screens, never to the public room. A connection
 * gets the current results of every launched poll when it connects, so a
 * reconnecting screen does not wait for the next change. Ballots never leave here.
 */
import type { Socket } from 'socket.io';
import {
  PollSocketEvent,
  maySeePoll,
  pollResultsFor,
  pollViewers,
  resultsAudienceOf,
  resultsPushIntervalMs,
  type ClientToServerEvents,
  type DomainEvent,
  type InterServerEvents,
  type ServerToClientEvents,
  type SocketData,
  type WorkshopState,
} from '@plenary/shared';
import type { AreaContext, AreaHandle } from '../AreaContext.js';
import { rooms } from '../../realtime/socket/ControlPlane.js';

interface Pending {
  timer: NodeJS.Timeout | null;
  lastSentAt: number;
}

export interface AttachPollsOptions {
  /** Minimum time between two results pushes of one poll (tests shorten or lengthen it). */
  intervalMs?: number;
}

/** The server side of polls beyond commands and events: coalesced results pushes. */
export function attachPolls(ctx: AreaContext, options: AttachPollsOptions = {}): AreaHandle {
  const intervalMs = options.intervalMs ?? resultsPushIntervalMs;
  /** Per workshop, per poll: when results last went out, and the push waiting to go. */
  const pending = new Map<string, Map<string, Pending>>();
  const latest = new Map<string, () => WorkshopState>();
  let closed = false;

  const unsubscribe = ctx.workshops.onEvents((runtime, events, state, previous) => {
    latest.set(runtime.id, () => runtime.state);
    for (const pollId of touchedPolls(events, state, previous)) schedule(runtime.id, pollId);
  });

  const schedule = (workshopId: string, pollId: string) => {
    if (closed) return;
    let byPoll = pending.get(workshopId);
    if (!byPoll) pending.set(workshopId, (byPoll = new Map()));
    let p = byPoll.get(pollId);
    if (!p) byPoll.set(pollId, (p = { timer: null, lastSentAt: -Infinity }));
    if (p.timer) return; // A push is on its way; it will read the state as it is then.
    const wait = Math.max(0, p.lastSentAt + intervalMs - ctx.now());
    const entry = p;
    entry.timer = setTimeout(() => {
      entry.timer = null;
      entry.lastSentAt = ctx.now();
      try {
        push(workshopId, pollId);
      } catch (error) {
        ctx.log.error({ err: error, workshopId, pollId }, 'poll results push failed');
      }
    }, wait);
  };

  const push = (workshopId: string, pollId: string) => {
    const state = latest.get(workshopId)?.();
    const poll = state?.polls.byId[pollId];
    if (!state || !poll || poll.status === 'draft') return;
    const facilitators = pollResultsFor(poll, state, 'facilitators');
    const everyone = pollResultsFor(poll, state, 'public');
    const projectors = pollResultsFor(poll, state, 'projector');
    ctx.io.to(rooms.audience(workshopId, 'facilitators')).emit(PollSocketEvent.results, facilitators!);
    const viewers = pollViewers(state, poll.audience);
    if (viewers !== 'everyone') {
      // A poll put to groups: its audience (as it is now) and projector screens, each as they may see it.
      const isScreen = (id: string) => state.participants[id]?.role === 'projector';
      const members = viewers.filter((id) => !isScreen(id)).map((id) => rooms.participant(workshopId, id));
      const screens = viewers.filter(isScreen).map((id) => rooms.participant(workshopId, id));
      if (members.length > 0) ctx.io.to(members).emit(PollSocketEvent.results, everyone!);
      if (screens.length > 0) ctx.io.to(screens).emit(PollSocketEvent.results, projectors!);
      return;
    }
    const publicRoom = ctx.io.to(rooms.audience(workshopId, 'public'));
    if (everyone!.hidden === projectors!.hidden) {
      publicRoom.emit(PollSocketEvent.results, everyone!);
      return;
    }
    // Projector screens see what a facilitator put on them; everyone else what the setting allows.
    const screens = Object.values(state.participants)
      .filter((p) => p.role === 'projector' && !p.removed)
      .map((p) => rooms.participant(workshopId, p.id));
    publicRoom.except(screens).emit(PollSocketEvent.results, everyone!);
    if (screens.length > 0) ctx.io.to(screens).emit(PollSocketEvent.results, projectors!);
  };

  const onConnection = (socket: Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>) => {
    const { workshopId, participantId } = socket.data;
    void ctx.workshops.get(workshopId).then((runtime) => {
      const state = runtime?.state;
      const me = state?.participants[participantId];
      if (!state || !me || socket.disconnected) return;
      latest.set(workshopId, () => runtime.state);
      const audience = resultsAudienceOf(me.role);
      for (const id of state.polls.order) {
        const poll = state.polls.byId[id]!;
        if (!maySeePoll(state, poll, { participantId, role: me.role })) continue;
        const results = pollResultsFor(poll, state, audience);
        if (results) socket.emit(PollSocketEvent.results, results);
      }
    }, (error: unknown) => ctx.log.error({ err: error }, 'poll results on connect failed'));
  };
  ctx.io.on('connection', onConnection);

  return {
    close: async () => {
      closed = true;
      unsubscribe();
      ctx.io.off('connection', onConnection);
      for (const byPoll of pending.values()) for (const p of byPoll.values()) if (p.timer) clearTimeout(p.timer);
      pending.clear();
    },
  };
}

/** Polls whose results (or who may see them) these events change. */
function touchedPolls(events: DomainEvent[], state: WorkshopState, previous: WorkshopState): Set<string> {
  const touched = new Set<string>();
  for (const e of events) {
    switch (e.type) {
      case 'poll.opened':
        touched.add(e.poll.id);
        break;
      case 'poll.closed':
      case 'poll.reset':
      case 'poll.resultsSet':
      case 'poll.ballotCast':
      case 'poll.answerModerated':
      case 'poll.wordHidden':
        touched.add(e.pollId);
        break;
      case 'projector.shown':
        for (const view of [previous.run.projector, state.run.projector]) if (view.kind === 'poll') touched.add(view.pollId);
        break;
      default:
        break;
    }
  }
  return touched;
}
