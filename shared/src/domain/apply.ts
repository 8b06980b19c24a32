/**
 * The reducer: the state after one event. Pure and total over valid event
 * sequences; the server and every client run the same one. Each area applies
 * its own events (by type prefix).
 */
import type { DomainEvent, EventOf } from '../protocol/events.js';
import { applyBoards } from './boards/apply.js';
import { applyPolls } from './polls/apply.js';
import type { WorkshopState } from './state.js';
import { applyQa } from './qa/apply.js';
import { applyBreakouts } from './breakouts/apply.js';
import { applyDiscussions, type DiscussionEvent } from './discussions/apply.js';
import { applyRun, type RunEvent } from './run/apply.js';
import { isRunPrefix } from './run/decide.js';
import { applyOutcomes, type OutcomesEvent } from './outcomes/apply.js';
import { isOutcomesPrefix } from './outcomes/decide.js';
import { applyWorkshop, createState, type CoreEvent } from './workshop/apply.js';

/** The state after `event`; `state` is null only before `workshop.created`. */
export function applyEvent(state: WorkshopState | null, event: DomainEvent): WorkshopState {
  if (event.type === 'workshop.created') return createState(event);
  if (!state) throw new Error(`event ${event.type} before workshop.created`);
  const area = event.type.slice(0, event.type.indexOf('.'));
  if (isRunPrefix(area)) return applyRun(state, event as RunEvent);
  if (isOutcomesPrefix(area)) return applyOutcomes(state, event as OutcomesEvent);
  switch (area) {
    case 'poll':
      return applyPolls(state, event as EventOf<'poll'>);
    case 'board':
      return applyBoards(state, event as EventOf<'board'>);
    case 'qa':
      return applyQa(state, event as EventOf<'qa'>);
    case 'breakout':
      return applyBreakouts(state, event as EventOf<'breakout'>);
    case 'discussion':
      return applyDiscussions(state, event as DiscussionEvent);
    default:
      return applyWorkshop(state, event as CoreEvent);
  }
}

/** Applies events in order. */
export function applyEvents(state: WorkshopState | null, events: readonly DomainEvent[]): WorkshopState | null {
  let s = state;
  for (const e of events) s = applyEvent(s, e);
  return s;
}
