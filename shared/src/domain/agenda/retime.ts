/**
 * Editing an agenda keeps it consistent: items of a day follow each other, so
 * adding, removing, moving or lengthening one moves the times of those after
 * it ("times recalculate"). A day keeps the start time of its first item.
 */
import type { AgendaDay, AgendaItem } from '../workshop/model.js';

export const toMinutes = (clock: string): number => {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

export const toClock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const durationOf = (item: Pick<AgendaItem, 'start' | 'end'>): number => toMinutes(item.end) - toMinutes(item.start);

/** The last minute a day may run to: items must end by midnight. */
const endOfDay = 24 * 60 - 1;

/**
 * The day's items laid end to end from `dayStart`, each keeping its duration.
 * Null if the day would run past midnight.
 */
export function layOut(items: readonly (Omit<AgendaItem, 'start' | 'end'> & { minutes: number })[], dayStart: number): AgendaItem[] | null {
  let t = dayStart;
  const out: AgendaItem[] = [];
  for (const { minutes, ...rest } of items) {
    if (t + minutes > endOfDay) return null;
    out.push({ ...rest, start: toClock(t), end: toClock(t + minutes) } as AgendaItem);
    t += minutes;
  }
  return out;
}

/** The day's items with their durations, for editing. */
export function withDurations(day: AgendaDay): (Omit<AgendaItem, 'start' | 'end'> & { minutes: number })[] {
  return day.items.map(({ start, end, ...rest }) => ({ ...rest, minutes: toMinutes(end) - toMinutes(start) }));
}

/** Where a day starts: its first item's start, or 09:00 for an empty day. */
export function dayStart(day: AgendaDay): number {
  return day.items[0] ? toMinutes(day.items[0].start) : 9 * 60;
}

/** The day after applying `edit` to its items (with durations), re-timed; null if it no longer fits in the day. */
export function editDay(
  day: AgendaDay,
  edit: (items: (Omit<AgendaItem, 'start' | 'end'> & { minutes: number })[]) => (Omit<AgendaItem, 'start' | 'end'> & { minutes: number })[],
): AgendaDay | null {
  const start = dayStart(day);
  const items = layOut(edit(withDurations(day)), start);
  return items ? { ...day, items } : null;
}
