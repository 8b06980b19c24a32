/**
 * Activity steps: one click runs what an agenda item prepared — a board for
 * everyone, a poll, a breakout round from its plan, a timer, Q&A, a message,
 * everyone brought to a place. A step is decided as
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
import { BoardTemplate, PreparedBoard } from '../boards/model.js';
import { groupable } from '../breakouts/decide.js';
import { BreakoutLimits } from '../breakouts/model.js';
import { PollDraft } from '../polls/model.js';

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
  for (const next of planOf(step, ctx, runner)) {
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
function planOf(step: ActivityStep, ctx: DecideContext, runner: StepRunner): Plan {
  switch (step.kind) {
    case 'launchPoll': {
      // A prepared poll is imported the first time, a new one created (its source is the step); then it is opened.
      const ref = step.pollId ?? step.id;
      const pollOf = (s: WorkshopState) => s.polls.byId[ref] ?? Object.values(s.polls.byId).find((p) => p.source === ref);
      const draft = step.poll;
      return [
        (s) => {
          if (pollOf(s)) return null;
          if (!draft) return { type: 'poll:import', payload: { preparedIds: [ref] } };
          const parsed = PollDraft.safeParse(draft);
          if (!parsed.success) return refuse(ErrorCode.invalid, `The poll of this step is not valid: ${parsed.error.issues[0]?.message ?? 'check it'}.`);
          const made = runner.decide(s, { type: 'poll:create', payload: { poll: parsed.data } }, ctx);
          if (!made.ok) return made;
          return accept(...made.events.map((e) => (e.type === 'poll.created' ? { ...e, poll: { ...e.poll, source: step.id } } : e)));
        },
        (s) => {
          const poll = pollOf(s);
          if (!poll) return refuse(ErrorCode.notFound, 'The poll of this step does not exist.');
          return poll.status === 'open' ? null : { type: 'poll:open', payload: { pollId: poll.id, audience: { kind: 'plenary' } } };
        },
        (s) => ({ type: 'projector:show', payload: { view: { kind: 'poll', pollId: pollOf(s)!.id } } }),
      ];
    }
    case 'showBoard': {
      // A prepared board or a new one from a template is made the first time, then everyone is brought to it.
      const ref = step.boardId ?? step.id;
      return [
        (s) => {
          if (boardOf(s, ref)) return null;
          const raw = step.board ? { id: step.id, ...step.board } : s.definition.boards?.find((b) => b.id === ref);
          if (!raw) return refuse(ErrorCode.notFound, 'The board of this step does not exist.');
          const parsed = PreparedBoard.safeParse(raw);
          if (!parsed.success) return refuse(ErrorCode.invalid, `The board "${raw.title}" of this step is not valid.`);
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
        (s) => ({ type: 'board:summon', payload: { boardId: boardOf(s, ref)!.id, viewport: null } }),
        (s) => ({ type: 'projector:show', payload: { view: { kind: 'board', boardId: boardOf(s, ref)!.id } } }),
      ];
    }
    case 'startRound': {
      if (step.roundId !== undefined) {
        const roundId = step.roundId;
        return [() => ({ type: 'breakout:start', payload: { roundId } })];
      }
      const plan = step.plan;
      if (!plan) return [() => refuse(ErrorCode.invalid, 'This step has no round to start.')];
      // Each run makes a new round from the plan, fills it by the method and starts it.
      let roundId = '';
      return [
        (s) => {
          const template = plan.template === null ? null : BoardTemplate.safeParse(plan.template);
          if (template && !template.success) return refuse(ErrorCode.invalid, `The round "${plan.title}" has an unknown board template.`);
          const people = groupable(s).length;
          if (people === 0) return refuse(ErrorCode.conflict, 'No participants to put into groups yet.');
          const count = Math.min(people, BreakoutLimits.groups, plan.groups.by === 'count' ? plan.groups.count : Math.ceil(people / plan.groups.size));
          const made = runner.decide(
            s,
            {
              type: 'breakout:create',
              payload: {
                round: {
                  title: plan.title,
                  prompt: '',
                  template: template ? template.data : null,
                  minutes: plan.minutes,
                  method: plan.method,
                  byLanguage: plan.byLanguage ?? false,
                  readAcross: plan.readAcross ?? false,
                },
                groups: Array.from({ length: count }, (_, i) => ({ name: `Group ${i + 1}`, topic: null, capacity: null })),
              },
            },
            ctx,
          );
          if (made.ok) for (const e of made.events) if (e.type === 'breakout.created') roundId = e.round.id;
          return made;
        },
        () => (plan.questions.length === 0 ? null : { type: 'discussion:setQuestions', payload: { roundId, questions: plan.questions.map((text) => ({ text })) } }),
        () => ({ type: 'breakout:assign', payload: { roundId, seed: ctx.now % 2 ** 31 } }),
        () => ({ type: 'breakout:start', payload: { roundId } }),
      ];
    }
    case 'startTimer':
      return [() => ({ type: 'timer:start', payload: { seconds: step.minutes * 60, label: step.label } })];
    case 'openQa':
      return [
        (s) => (s.qa.settings.open ? null : { type: 'qa:configure', payload: { settings: { open: true } } }),
        () => (step.bring ? { type: 'attention:bring', payload: { view: { kind: 'questions' } } } : null),
      ];
    case 'showMessage':
      return [() => ({ type: 'announcement:post', payload: { text: step.text } })];
    case 'bringEveryone': {
      const place = step.place;
      if (place.kind !== 'board') return [() => ({ type: 'attention:bring', payload: { view: place } })];
      return [
        (s) => {
          const board = boardOf(s, place.boardId);
          if (!board) return refuse(ErrorCode.conflict, 'That board has not been shown yet; run the step that shows it first.');
          return { type: 'attention:bring', payload: { view: { kind: 'board', boardId: board.id } } };
        },
      ];
    }
  }
}

/** A board of the workshop by its id, or the one made from a prepared board or a step with this id. */
function boardOf(s: WorkshopState, ref: string) {
  return s.boards.byId[ref] ?? Object.values(s.boards.byId).find((b) => b.source === ref);
}
