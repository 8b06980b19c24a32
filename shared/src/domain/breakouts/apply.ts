import type { EventOf } from '../../protocol/events.js';
import type { WorkshopState } from '../state.js';
import type { Round } from './model.js';

/** Applies a breakout event. */
export function applyBreakouts(state: WorkshopState, event: EventOf<'breakout'>): WorkshopState {
  const b = state.breakouts;
  const withRounds = (byId: Record<string, Round>, order = b.order): WorkshopState => ({ ...state, seq: event.seq, breakouts: { byId, order } });
  if (event.type === 'breakout.created') {
    return withRounds({ ...b.byId, [event.round.id]: event.round }, [...b.order, event.round.id]);
  }
  if (event.type === 'breakout.deleted') {
    const { [event.roundId]: _gone, ...rest } = b.byId;
    return withRounds(rest, b.order.filter((id) => id !== event.roundId));
  }
  const round = b.byId[event.roundId];
  if (!round) return { ...state, seq: event.seq };
  const patch = (p: Partial<Round>) => withRounds({ ...b.byId, [round.id]: { ...round, ...p } });
  switch (event.type) {
    case 'breakout.updated': {
      const groups = event.groups ?? round.groups;
      const ids = new Set(groups.map((g) => g.id));
      const members = Object.fromEntries(Object.entries(round.members).filter(([, g]) => ids.has(g)));
      return patch({ ...event.round, groups, members });
    }
    case 'breakout.assigned':
      return patch({ members: event.members, unmet: event.unmet });
    case 'breakout.moved': {
      const members = { ...round.members };
      if (event.groupId === null) delete members[event.participantId];
      else members[event.participantId] = event.groupId;
      // A rapporteur who leaves the group is no longer its rapporteur.
      const rapporteurs = Object.fromEntries(Object.entries(round.rapporteurs).filter(([g, p]) => p !== event.participantId || members[p] === g));
      return patch({ members, rapporteurs });
    }
    case 'breakout.started':
      return patch({ status: 'running', startedAt: event.at, endsAt: event.endsAt });
    case 'breakout.extended':
      return patch({ endsAt: event.endsAt });
    // A round that ends answers its help requests: nobody is coming to a group that is wrapping up.
    case 'breakout.ending':
      return patch({ status: 'closing', closingEndsAt: event.closingEndsAt, help: helpAnswered(round) });
    case 'breakout.closed':
      return patch({ status: 'closed', closingEndsAt: round.closingEndsAt ?? event.at, help: helpAnswered(round) });
    case 'breakout.broadcast':
      return patch({ broadcasts: [...round.broadcasts, { id: event.broadcastId, text: event.text, at: event.at }].slice(-20) });
    case 'breakout.helpRequested':
      return patch({ help: [...round.help, { id: event.requestId, groupId: event.groupId, by: event.by, at: event.at, resolved: false }] });
    case 'breakout.helpResolved':
      return patch({ help: round.help.map((h) => (h.id === event.requestId ? { ...h, resolved: true } : h)) });
    case 'breakout.rapporteurSet':
      return patch({ rapporteurs: { ...round.rapporteurs, [event.groupId]: event.participantId } });
    case 'breakout.findingsSet':
      return patch({ findings: { ...round.findings, [event.groupId]: event.text } });
  }
}

/** The round's help requests, all marked resolved (the same array when none was open). */
function helpAnswered(round: Round): Round['help'] {
  return round.help.some((h) => !h.resolved) ? round.help.map((h) => (h.resolved ? h : { ...h, resolved: true })) : round.help;
}
