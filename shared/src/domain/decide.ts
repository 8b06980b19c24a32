/**
 * Decisions: what events a command produces in the current state, or why it
 * is refused. Pure: the clock and new ids come in through `ctx`. A command
 * that would change nothing yields no events. Each area decides its own
 * commands (by name prefix).
 */
import type { Command, CommandOf } from '../protocol/commands.js';
import { applyEvent } from './apply.js';
import { decideBoards } from './boards/decide.js';
import { decidePolls } from './polls/decide.js';
import type { WorkshopState } from './state.js';
import { decideQa } from './qa/decide.js';
import { decideBreakouts, placeLatecomer } from './breakouts/decide.js';
import { decideDiscussions, type DiscussionCommand } from './discussions/decide.js';
import { decideRun, isRunPrefix, type RunCommand } from './run/decide.js';
import { decideOutcomes, isOutcomesPrefix, type OutcomesCommand } from './outcomes/decide.js';
import { decideWorkshop, type CoreCommand } from './workshop/decide.js';
import type { DecideContext, Decision } from './decision.js';

// The decision helpers live in their own module (the areas import them from there); re-exported for callers of `decide`.
export { accept, forbidden, refuse, type DecideContext, type Decision } from './decision.js';

export function decide(state: WorkshopState, command: Command, ctx: DecideContext): Decision {
  const area = command.type.slice(0, command.type.indexOf(':'));
  if (isRunPrefix(area)) return decideRun(state, command as RunCommand, ctx, { decide, apply: applyEvent });
  if (isOutcomesPrefix(area)) return decideOutcomes(state, command as OutcomesCommand, ctx);
  switch (area) {
    case 'qa':
      return decideQa(state, command as CommandOf<'qa'>, ctx);
    case 'breakout':
      return decideBreakouts(state, command as CommandOf<'breakout'>, ctx);
    case 'discussion':
      return decideDiscussions(state, command as DiscussionCommand, ctx);
    case 'poll':
      return decidePolls(state, command as CommandOf<'poll'>, ctx);
    case 'board':
      return decideBoards(state, command as CommandOf<'board'>, ctx);
    default: {
      const decision = decideWorkshop(state, command as CoreCommand, ctx);
      return command.type === 'participant:join' ? withLatecomerPlaced(state, decision) : decision;
    }
  }
}

/** Someone joining while a breakout round runs goes straight into a group, by the round's rule. */
function withLatecomerPlaced(state: WorkshopState, decision: Decision): Decision {
  if (!decision.ok) return decision;
  const joined = decision.events.find((e) => e.type === 'participant.joined');
  if (!joined || joined.type !== 'participant.joined') return decision;
  const after: WorkshopState = { ...state, participants: { ...state.participants, [joined.participant.id]: joined.participant } };
  return { ok: true, events: [...decision.events, ...placeLatecomer(after, joined.participant.id)] };
}
