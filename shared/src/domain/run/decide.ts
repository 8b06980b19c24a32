/** Decisions on the run of show. Every command here is the facilitators'. */
import type { CommandOf } from '../../protocol/commands.js';
import { ErrorCode } from '../../protocol/errors.js';
import { can } from '../access/can.js';
import { findAgendaItem } from '../agenda/agenda.js';
import { activeRound } from '../breakouts/model.js';
import { editDay } from '../agenda/retime.js';
import { accept, forbidden, refuse, type DecideContext, type Decision } from '../decision.js';
import type { WorkshopState } from '../state.js';
import type { AgendaDay } from '../workshop/model.js';
import { newParticipant } from '../workshop/decide.js';
import { timerRemaining } from './model.js';
import { runPrefixes } from './protocol.js';
import { decideStepEdit } from './stepEdits.js';
import { decideStep, type StepRunner } from './steps.js';

export type RunCommand =
  | CommandOf<'agenda'>
  | CommandOf<'timer'>
  | CommandOf<'room'>
  | CommandOf<'announcement'>
  | CommandOf<'attention'>
  | CommandOf<'projector'>;

/** Whether a command or event name prefix belongs to the run of show. */
export function isRunPrefix(prefix: string): boolean {
  return (runPrefixes as readonly string[]).includes(prefix);
}

const tooLong = () => refuse(ErrorCode.invalid, 'The day would run past midnight; shorten something first.');
const noItem = () => refuse(ErrorCode.notFound, 'No such agenda item.');

/** `runner` is how a step decides and applies the area commands it stands for (the workshop's `decide` and `applyEvent`). */
/** The closing countdown of a round ended by moving on from its breakout item. */
export const roundClosingSeconds = 30;

export function decideRun(state: WorkshopState, command: RunCommand, ctx: DecideContext, runner: StepRunner): Decision {
  if (command.type === 'projector:open') {
    if (!can(state, ctx.actor, { kind: 'projector.control' })) return forbidden();
    const language = state.settings.defaultLanguage;
    return accept({ type: 'participant.joined', participant: newParticipant(ctx, 'Projector', 'projector', { kind: 'none' }, language) });
  }
  const control = command.type === 'projector:show' ? 'projector.control' : 'agenda.control';
  if (!can(state, ctx.actor, { kind: control })) return forbidden();
  const { run } = state;
  switch (command.type) {
    case 'agenda:setCurrent': {
      const { itemId } = command.payload;
      if (itemId !== null && !findAgendaItem(state.definition, itemId)) return noItem();
      if (run.currentItemId === itemId) return accept();
      // Moving on from a breakout item ends its running round, with a closing countdown, so Next is enough.
      const leaving = run.currentItemId ? findAgendaItem(state.definition, run.currentItemId) : null;
      const round = activeRound(state.breakouts);
      if (leaving?.kind === 'breakout' && round?.status === 'running') {
        const ended = runner.decide(state, { type: 'breakout:end', payload: { roundId: round.id, closingSeconds: roundClosingSeconds } }, ctx);
        if (ended.ok) return accept(...ended.events, { type: 'agenda.currentSet', itemId });
      }
      return accept({ type: 'agenda.currentSet', itemId });
    }
    case 'agenda:extend': {
      const itemId = run.currentItemId;
      if (!itemId) return refuse(ErrorCode.conflict, 'No agenda item is running.');
      const day = dayOf(state, itemId)!;
      const edited = editDay(day, (items) => items.map((i) => (i.id === itemId ? { ...i, minutes: i.minutes + command.payload.minutes } : i)));
      if (!edited) return tooLong();
      return accept({ type: 'agenda.itemExtended', itemId, minutes: command.payload.minutes });
    }
    case 'agenda:addItem': {
      const { dayId, index, item } = command.payload;
      const day = state.definition.days.find((d) => d.id === dayId);
      if (!day) return refuse(ErrorCode.notFound, 'No such day.');
      if (index > day.items.length) return refuse(ErrorCode.invalid, 'That position is past the end of the day.');
      const withId = { ...item, id: ctx.newId() };
      if (!editDay(day, (items) => [...items.slice(0, index), withId, ...items.slice(index)])) return tooLong();
      return accept({ type: 'agenda.itemAdded', dayId, index, item: withId });
    }
    case 'agenda:updateItem': {
      const { itemId, patch } = command.payload;
      const day = dayOf(state, itemId);
      if (!day) return noItem();
      if (!editDay(day, (items) => items.map((i) => (i.id === itemId ? { ...i, ...patch } : i)))) return tooLong();
      return accept({ type: 'agenda.itemUpdated', itemId, patch });
    }
    case 'agenda:moveItem': {
      const { itemId, dayId, index } = command.payload;
      const from = dayOf(state, itemId);
      const to = state.definition.days.find((d) => d.id === dayId);
      if (!from) return noItem();
      if (!to) return refuse(ErrorCode.notFound, 'No such day.');
      const limit = from.id === to.id ? to.items.length - 1 : to.items.length;
      if (index > limit) return refuse(ErrorCode.invalid, 'That position is past the end of the day.');
      const moved = moveItem(state.definition.days, itemId, dayId, index);
      if (!moved) return tooLong();
      return accept({ type: 'agenda.itemMoved', itemId, dayId, index });
    }
    case 'agenda:addStep':
    case 'agenda:updateStep':
    case 'agenda:moveStep':
    case 'agenda:removeStep':
      return decideStepEdit(state, command, ctx);
    case 'agenda:runStep':
      return decideStep(state, command.payload.itemId, command.payload.stepId, ctx, runner);
    case 'agenda:removeItem': {
      const { itemId } = command.payload;
      if (!dayOf(state, itemId)) return noItem();
      return accept({ type: 'agenda.itemRemoved', itemId });
    }
    case 'timer:start': {
      const { seconds, label } = command.payload;
      const durationMs = seconds * 1000;
      return accept({ type: 'timer.started', timerId: ctx.newId(), label, durationMs, endsAt: ctx.now + durationMs });
    }
    case 'timer:pause': {
      if (!run.timer || run.timer.endsAt === null) return refuse(ErrorCode.conflict, 'No timer is running.');
      return accept({ type: 'timer.paused', remainingMs: timerRemaining(run.timer, ctx.now) });
    }
    case 'timer:resume': {
      if (!run.timer || run.timer.endsAt !== null) return refuse(ErrorCode.conflict, 'No timer is paused.');
      return accept({ type: 'timer.resumed', endsAt: ctx.now + run.timer.remainingMs });
    }
    case 'timer:extend': {
      if (!run.timer) return refuse(ErrorCode.conflict, 'There is no timer to extend.');
      const ms = command.payload.seconds * 1000;
      // A timer that already ran out starts again from now.
      const ended = run.timer.endsAt !== null && run.timer.endsAt <= ctx.now;
      if (ended) return accept({ type: 'timer.resumed', endsAt: ctx.now + ms });
      return accept({ type: 'timer.extended', ms });
    }
    case 'timer:stop': {
      if (!run.timer) return accept();
      return accept({ type: 'timer.stopped' });
    }
    case 'room:pause': {
      if (run.paused) return refuse(ErrorCode.conflict, 'The room is already paused.');
      return accept({ type: 'room.paused', message: command.payload.message });
    }
    case 'room:resume': {
      if (!run.paused) return accept();
      return accept({ type: 'room.resumed' });
    }
    case 'announcement:post':
      return accept({ type: 'announcement.posted', announcementId: ctx.newId(), text: command.payload.text });
    case 'announcement:withdraw': {
      const { announcementId } = command.payload;
      if (!run.announcements.some((a) => a.id === announcementId)) return refuse(ErrorCode.notFound, 'No such announcement.');
      return accept({ type: 'announcement.withdrawn', announcementId });
    }
    case 'attention:bring': {
      const { view } = command.payload;
      if (view.kind === 'board' && !(view.boardId in state.boards.byId)) return refuse(ErrorCode.notFound, 'No such board.');
      return accept({ type: 'attention.brought', attentionId: ctx.newId(), view });
    }
    case 'projector:show': {
      const { view } = command.payload;
      if (view.kind === 'poll' && !(view.pollId in state.polls.byId)) return refuse(ErrorCode.notFound, 'No such poll.');
      if (view.kind === 'board' && !(view.boardId in state.boards.byId)) return refuse(ErrorCode.notFound, 'No such board.');
      if (view.kind === 'question' && !(view.questionId in state.qa.byId)) return refuse(ErrorCode.notFound, 'No such question.');
      if (JSON.stringify(run.projector) === JSON.stringify(view)) return accept();
      return accept({ type: 'projector.shown', view });
    }
  }
}

export function dayOf(state: Pick<WorkshopState, 'definition'>, itemId: string): AgendaDay | undefined {
  return state.definition.days.find((d) => d.items.some((i) => i.id === itemId));
}

/** The days after moving an item (re-timed), or null if a day would no longer fit. */
export function moveItem(days: readonly AgendaDay[], itemId: string, dayId: string, index: number): AgendaDay[] | null {
  const from = days.find((d) => d.items.some((i) => i.id === itemId));
  const item = from?.items.find((i) => i.id === itemId);
  if (!from || !item) return null;
  const out: AgendaDay[] = [];
  for (const day of days) {
    let edited: AgendaDay | null = day;
    if (day.id === from.id && day.id === dayId) {
      edited = editDay(day, (items) => {
        const moving = items.find((i) => i.id === itemId)!;
        const rest = items.filter((i) => i.id !== itemId);
        return [...rest.slice(0, index), moving, ...rest.slice(index)];
      });
    } else if (day.id === from.id) {
      edited = editDay(day, (items) => items.filter((i) => i.id !== itemId));
    } else if (day.id === dayId) {
      const minutes = Number(item.end.slice(0, 2)) * 60 + Number(item.end.slice(3)) - (Number(item.start.slice(0, 2)) * 60 + Number(item.start.slice(3)));
      const { start: _s, end: _e, ...rest } = item;
      edited = editDay(day, (items) => [...items.slice(0, index), { ...rest, minutes }, ...items.slice(index)]);
    }
    if (!edited) return null;
    out.push(edited);
  }
  return out;
}
