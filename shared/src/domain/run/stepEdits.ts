/**
 * Editing an agenda item's activity steps: add, change, move, remove. Each is
 * one event in the log, so the definition a step runs from is always the one
 * everyone sees. A step must refer to something that exists — a board or a
 * poll of the workshop or of its definition, a planned round — and what it
 * carries new (a board's template, a poll) must be valid, or the edit is
 * refused and nothing changes.
 */
import type { Command } from '../../protocol/commands.js';
import { ErrorCode } from '../../protocol/errors.js';
import { findAgendaItem } from '../agenda/agenda.js';
import { accept, refuse, type DecideContext, type Decision } from '../decision.js';
import { settingsProblem } from '../polls/model.js';
import type { WorkshopState } from '../state.js';
import { stepsPerItem, type ActivityStep } from '../workshop/model.js';
import type { StepInput } from './protocol.js';

type StepEdit = Extract<Command, { type: 'agenda:addStep' | 'agenda:updateStep' | 'agenda:moveStep' | 'agenda:removeStep' }>;

/** Decides a step edit; the caller has checked that the actor runs the agenda. */
export function decideStepEdit(state: WorkshopState, command: StepEdit, ctx: DecideContext): Decision {
  const item = findAgendaItem(state.definition, command.payload.itemId);
  if (!item) return refuse(ErrorCode.notFound, 'No such agenda item.');
  const itemId = item.id;
  const steps = item.steps ?? [];
  if (command.type === 'agenda:addStep') {
    const { step, index = steps.length } = command.payload;
    if (steps.length >= stepsPerItem) return refuse(ErrorCode.conflict, `An agenda item holds at most ${stepsPerItem} steps.`);
    if (index > steps.length) return refuse(ErrorCode.invalid, 'That position is past the last step.');
    const problem = stepProblem(state, step);
    if (problem) return refuse(ErrorCode.invalid, problem);
    return accept({ type: 'agenda.stepAdded', itemId, index, step: { ...step, id: ctx.newId() } as ActivityStep });
  }
  const { stepId } = command.payload;
  const at = steps.findIndex((s) => s.id === stepId);
  if (at < 0) return refuse(ErrorCode.notFound, 'No such step on this agenda item.');
  switch (command.type) {
    case 'agenda:updateStep': {
      const problem = stepProblem(state, command.payload.step);
      if (problem) return refuse(ErrorCode.invalid, problem);
      const step = { ...command.payload.step, id: stepId } as ActivityStep;
      if (JSON.stringify(step) === JSON.stringify(steps[at])) return accept();
      return accept({ type: 'agenda.stepUpdated', itemId, step });
    }
    case 'agenda:moveStep': {
      const { index } = command.payload;
      if (index >= steps.length) return refuse(ErrorCode.invalid, 'That position is past the last step.');
      if (index === at) return accept();
      return accept({ type: 'agenda.stepMoved', itemId, stepId, index });
    }
    case 'agenda:removeStep':
      return accept({ type: 'agenda.stepRemoved', itemId, stepId });
  }
}

/** Why a step cannot be kept as written, or null. */
export function stepProblem(state: WorkshopState, step: StepInput): string | null {
  switch (step.kind) {
    case 'showBoard':
      if (step.boardId !== undefined && !hasBoard(state, step.boardId)) return 'No such board.';
      return null;
    case 'launchPoll':
      if (step.pollId !== undefined && !hasPoll(state, step.pollId)) return 'No such poll.';
      return step.poll ? settingsProblem(step.poll.settings, step.poll.spec) : null;
    case 'startRound':
      if (step.roundId !== undefined && !(step.roundId in state.breakouts.byId)) return 'No such breakout round.';
      return null;
    case 'bringEveryone':
      if (step.place.kind === 'board' && !hasBoard(state, step.place.boardId)) return 'No such board.';
      return null;
    default:
      return null;
  }
}

const hasBoard = (state: WorkshopState, id: string) => id in state.boards.byId || (state.definition.boards ?? []).some((b) => b.id === id);
const hasPoll = (state: WorkshopState, id: string) => id in state.polls.byId || (state.definition.polls ?? []).some((p) => p.id === id);

/** The steps after an edit event. */
export function editSteps(steps: readonly ActivityStep[], edit: { kind: 'add'; index: number; step: ActivityStep } | { kind: 'update'; step: ActivityStep } | { kind: 'move'; stepId: string; index: number } | { kind: 'remove'; stepId: string }): ActivityStep[] {
  switch (edit.kind) {
    case 'add':
      return [...steps.slice(0, edit.index), edit.step, ...steps.slice(edit.index)];
    case 'update':
      return steps.map((s) => (s.id === edit.step.id ? edit.step : s));
    case 'move': {
      const moving = steps.find((s) => s.id === edit.stepId);
      if (!moving) return [...steps];
      const rest = steps.filter((s) => s.id !== edit.stepId);
      return [...rest.slice(0, edit.index), moving, ...rest.slice(edit.index)];
    }
    case 'remove':
      return steps.filter((s) => s.id !== edit.stepId);
  }
}
