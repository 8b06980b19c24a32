/**
 * Activity steps: one click runs what an agenda item prepared — a board for
 * everyone, a poll, a breakout round, a timer, a message. A step is decided as
 * the area commands it stands for, one after the other, each against the state
 * the ones before leave; all their events are appended together, with a
 * record that the step ran. If any part is refused, nothing happens.
 */
import type { Command } from '../../protocol/commands.js';
import type { DomainEvent, DomainEventBody } from '../../protocol/events.js';
import { ErrorCode } from '../../protocol/errors.js';
import { can } from '../access/can.js';
import { findAgendaItem } from '../agenda/agenda.js';
import { accept, forbidden, refuse, type DecideContext, type Decision } from '../decision.js';
import type { WorkshopState } from '../state.js';
import type { ActivityStep } from '../workshop/model.js';
import { PreparedBoard } from '../boards/model.js';

/**
 * How a step decides and applies the commands it stands for: the workshop's
 * own `decide` and `applyEvent`, handed in by the dispatcher (this module
 * does not import them, so the domain's module graph has no cycle).
 */
export interface StepRunner {
  decide: (state: WorkshopState, command: Command, ctx: DecideContext) => Decision;
  apply: (state: WorkshopState, event: DomainEvent) => WorkshopState;
}

type Plan = ((state: WorkshopState) => Command | Decision | null)[];

export function decideStep(state: WorkshopState, itemId: string, stepId: string, ctx: DecideContext, runner: StepRunner): Decision {
  if (!can(state, ctx.actor, { kind: 'agenda.control' })) return forbidden();
  const step = findAgendaItem(state.definition, itemId)?.steps?.find((s) => s.id === stepId);
  if (!step) return refuse(ErrorCode.notFound, 'No such step on this agenda item.');
  let current = state;
  const events: DomainEventBody[] = [];
  for (const next of planOf(step, ctx)) {
    const command = next(current);
    if (command === null) continue;
    const decision = 'ok' in command ? command : runner.decide(current, command, ctx);
    if (!decision.ok) return decision;
    events.push(...decision.events);
    current = decision.events.reduce(
      (s, body) => runner.apply(s, { ...body, seq: s.seq + 1, at: ctx.now } as DomainEvent),
      current,
    );
  }
  return accept(...events, { type: 'agenda.stepRun', itemId, stepId });
}

/** The commands a step stands for; each sees the state the ones before it leave. */
function planOf(step: ActivityStep, ctx: DecideContext): Plan {
  switch (step.kind) {
    case 'launchPoll': {
      // A poll prepared in the definition is imported the first time, then opened.
      const pollOf = (s: WorkshopState) => s.polls.byId[step.pollId] ?? Object.values(s.polls.byId).find((p) => p.source === step.pollId);
      return [
        (s) => (pollOf(s) ? null : { type: 'poll:import', payload: { preparedIds: [step.pollId] } }),
        (s) => {
          const poll = pollOf(s);
          if (!poll) return refuse(ErrorCode.notFound, 'The poll of this step does not exist.');
          return poll.status === 'open' ? null : { type: 'poll:open', payload: { pollId: poll.id, audience: { kind: 'plenary' } } };
        },
        (s) => ({ type: 'projector:show', payload: { view: { kind: 'poll', pollId: pollOf(s)!.id } } }),
      ];
    }
    case 'showBoard': {
      // A board prepared in the definition is made the first time, then everyone is brought to it.
      const boardOf = (s: WorkshopState) => s.boards.byId[step.boardId] ?? Object.values(s.boards.byId).find((b) => b.source === step.boardId);
      return [
        (s) => {
          if (boardOf(s)) return null;
          const raw = s.definition.boards?.find((b) => b.id === step.boardId);
          if (!raw) return refuse(ErrorCode.notFound, 'The board of this step does not exist.');
          const parsed = PreparedBoard.safeParse(raw);
          if (!parsed.success) return refuse(ErrorCode.invalid, `The prepared board "${raw.id}" is not valid.`);
          const prepared = parsed.data;
          return accept({
            type: 'board.created',
            boardId: ctx.newId(),
            title: prepared.title,
            template: prepared.template,
            createdBy: ctx.actor!.participantId,
            scope: { kind: 'plenary' },
            source: prepared.id,
          });
        },
        (s) => ({ type: 'board:summon', payload: { boardId: boardOf(s)!.id, viewport: null } }),
        (s) => ({ type: 'projector:show', payload: { view: { kind: 'board', boardId: boardOf(s)!.id } } }),
      ];
    }
    case 'startRound':
      return [() => ({ type: 'breakout:start', payload: { roundId: step.roundId } })];
    case 'startTimer':
      return [() => ({ type: 'timer:start', payload: { seconds: step.minutes * 60, label: step.label } })];
    case 'showMessage':
      return [() => ({ type: 'announcement:post', payload: { text: step.text } })];
  }
}
