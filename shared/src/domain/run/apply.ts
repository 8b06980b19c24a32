import type { EventOf } from '../../protocol/events.js';
import { editDay } from '../agenda/retime.js';
import type { WorkshopState } from '../state.js';
import { moveItem } from './decide.js';
import { announcementsKept, type RunState } from './model.js';
import { editSteps } from './stepEdits.js';

export type RunEvent =
  | EventOf<'agenda'>
  | EventOf<'timer'>
  | EventOf<'room'>
  | EventOf<'announcement'>
  | EventOf<'attention'>
  | EventOf<'projector'>;

/** Applies a run-of-show event. */
export function applyRun(state: WorkshopState, event: RunEvent): WorkshopState {
  const run = state.run;
  const withRun = (patch: Partial<RunState>): WorkshopState => ({ ...state, seq: event.seq, run: { ...run, ...patch } });
  const withDays = (days: WorkshopState['definition']['days'] | null): WorkshopState =>
    days ? { ...state, seq: event.seq, definition: { ...state.definition, days } } : { ...state, seq: event.seq };
  const editItemDay = (itemId: string, fn: Parameters<typeof editDay>[1]) =>
    withDays(state.definition.days.map((d) => (d.items.some((i) => i.id === itemId) ? (editDay(d, fn) ?? d) : d)));

  switch (event.type) {
    case 'agenda.currentSet':
      return withRun({ currentItemId: event.itemId, startedAt: event.itemId ? event.at : null });
    case 'agenda.itemExtended':
      return editItemDay(event.itemId, (items) => items.map((i) => (i.id === event.itemId ? { ...i, minutes: i.minutes + event.minutes } : i)));
    case 'agenda.itemAdded':
      return withDays(
        state.definition.days.map((d) =>
          d.id === event.dayId ? (editDay(d, (items) => [...items.slice(0, event.index), event.item, ...items.slice(event.index)]) ?? d) : d,
        ),
      );
    case 'agenda.itemUpdated':
      return editItemDay(event.itemId, (items) => items.map((i) => (i.id === event.itemId ? { ...i, ...event.patch } : i)));
    case 'agenda.itemMoved':
      return withDays(moveItem(state.definition.days, event.itemId, event.dayId, event.index));
    case 'agenda.stepAdded':
      return editItemDay(event.itemId, (items) => items.map((i) => (i.id === event.itemId ? { ...i, steps: editSteps(i.steps ?? [], { kind: 'add', index: event.index, step: event.step }) } : i)));
    case 'agenda.stepUpdated':
      return editItemDay(event.itemId, (items) => items.map((i) => (i.id === event.itemId ? { ...i, steps: editSteps(i.steps ?? [], { kind: 'update', step: event.step }) } : i)));
    case 'agenda.stepMoved':
      return editItemDay(event.itemId, (items) => items.map((i) => (i.id === event.itemId ? { ...i, steps: editSteps(i.steps ?? [], { kind: 'move', stepId: event.stepId, index: event.index }) } : i)));
    case 'agenda.stepRemoved':
      return editItemDay(event.itemId, (items) => items.map((i) => (i.id === event.itemId ? { ...i, steps: editSteps(i.steps ?? [], { kind: 'remove', stepId: event.stepId }) } : i)));
    case 'agenda.stepRun':
      return withRun({ stepsRun: { ...run.stepsRun, [event.itemId]: [...(run.stepsRun[event.itemId] ?? []), event.stepId] } });
    case 'agenda.itemRemoved': {
      const next = editItemDay(event.itemId, (items) => items.filter((i) => i.id !== event.itemId));
      if (run.currentItemId !== event.itemId) return next;
      return { ...next, run: { ...run, currentItemId: null, startedAt: null } };
    }
    case 'timer.started':
      return withRun({
        timer: { id: event.timerId, label: event.label, durationMs: event.durationMs, startedAt: event.at, endsAt: event.endsAt, remainingMs: event.durationMs },
      });
    case 'timer.paused':
      return run.timer ? withRun({ timer: { ...run.timer, endsAt: null, remainingMs: event.remainingMs } }) : withRun({});
    case 'timer.resumed':
      return run.timer ? withRun({ timer: { ...run.timer, endsAt: event.endsAt } }) : withRun({});
    case 'timer.extended': {
      const t = run.timer;
      if (!t) return withRun({});
      return withRun({
        timer: { ...t, durationMs: t.durationMs + event.ms, ...(t.endsAt === null ? { remainingMs: t.remainingMs + event.ms } : { endsAt: t.endsAt + event.ms }) },
      });
    }
    case 'timer.stopped':
      return withRun({ timer: null });
    case 'room.paused':
      return withRun({ paused: { message: event.message, since: event.at } });
    case 'room.resumed':
      return withRun({ paused: null });
    case 'announcement.posted':
      return withRun({ announcements: [...run.announcements, { id: event.announcementId, text: event.text, at: event.at }].slice(-announcementsKept) });
    case 'announcement.withdrawn':
      return withRun({ announcements: run.announcements.filter((a) => a.id !== event.announcementId) });
    case 'attention.brought':
      return withRun({ attention: { id: event.attentionId, view: event.view, at: event.at } });
    case 'projector.shown':
      return withRun({ projector: event.view });
  }
}
