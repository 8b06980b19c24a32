import type { AgendaDay, AgendaItem, WorkshopDefinition } from '../workshop/model.js';
import type { WorkshopState } from '../state.js';
import { zonedWallTimeToInstant } from './time.js';

/** An agenda item placed in time: its day and its start and end instants. */
export interface ScheduledItem {
  item: AgendaItem;
  day: AgendaDay;
  startsAt: number;
  endsAt: number;
}

/** All agenda items in order, with their instants in the venue's time zone. */
export function scheduleOf(def: WorkshopDefinition): ScheduledItem[] {
  const out: ScheduledItem[] = [];
  for (const day of def.days) {
    for (const item of day.items) {
      out.push({
        item,
        day,
        startsAt: zonedWallTimeToInstant(day.date, item.start, def.timeZone),
        endsAt: zonedWallTimeToInstant(day.date, item.end, def.timeZone),
      });
    }
  }
  return out.sort((a, b) => a.startsAt - b.startsAt);
}

export function findAgendaItem(def: WorkshopDefinition, itemId: string): AgendaItem | undefined {
  for (const day of def.days) {
    const item = day.items.find((i) => i.id === itemId);
    if (item) return item;
  }
  return undefined;
}

export interface NowNext {
  now: ScheduledItem | null;
  next: ScheduledItem | null;
  /** Whether `now` was set by the facilitator (true) or read off the clock (false). */
  led: boolean;
  /** The schedule is over and the facilitator has not set an item. */
  ended: boolean;
}

/**
 * What is happening now and what comes next. The facilitator's choice wins;
 * without one, the clock decides against the schedule.
 */
export function nowNext(state: { definition: WorkshopState['definition']; run: Pick<WorkshopState['run'], 'currentItemId'> }, instant: number): NowNext {
  const schedule = scheduleOf(state.definition);
  const currentId = state.run.currentItemId;
  if (currentId) {
    const i = schedule.findIndex((s) => s.item.id === currentId);
    if (i >= 0) return { now: schedule[i]!, next: schedule[i + 1] ?? null, led: true, ended: false };
  }
  const now = schedule.find((s) => s.startsAt <= instant && instant < s.endsAt) ?? null;
  const next = schedule.find((s) => s.startsAt > instant) ?? null;
  const last = schedule[schedule.length - 1];
  return { now, next, led: false, ended: !now && !next && !!last && instant >= last.endsAt };
}
