/**
 * Moving a workshop in time: every day shifts by the same number of calendar
 * days, so the programme keeps its shape (times of day, gaps between days) and
 * stays in the venue's time zone. Pure date arithmetic on "YYYY-MM-DD".
 */
import { scheduleOf } from '../agenda/agenda.js';
import type { AgendaDay, WorkshopDefinition } from './model.js';

const dayMs = 86_400_000;

/** Whether "YYYY-MM-DD" names a day that exists (not 2026-02-30). */
export function isRealDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** `date` moved by `days` calendar days ("2019-05-20" + 3 → "2019-05-23"). */
export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * dayMs).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (s: string) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / dayMs);
}

/** The first day of the workshop by date, or null for a workshop without days. */
export function firstDateOf(def: Pick<WorkshopDefinition, 'days'>): string | null {
  return def.days.reduce<string | null>((min, d) => (min === null || d.date < min ? d.date : min), null);
}

/** The days moved by `shift` calendar days, each keeping its items and times. */
export function shiftDays(days: readonly AgendaDay[], shift: number): AgendaDay[] {
  return days.map((d) => ({ ...d, date: shiftDate(d.date, shift) }));
}

/**
 * The first date that puts a programme (one given with its dates) about to
 * start or running at `instant`: the earliest shift by whole days after which
 * its first day has not ended yet in the venue's time zone. Times of day stay.
 */
export function firstDateNear(def: WorkshopDefinition, instant: number): string | null {
  const first = firstDateOf(def);
  if (first === null) return null;
  // Today in the venue's time zone ("en-CA" writes dates as YYYY-MM-DD), or tomorrow if today's part is over.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: def.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  const moved = { ...def, days: shiftDays(def.days, daysBetween(first, today)) };
  const ends = scheduleOf(moved)
    .filter((s) => s.day.date === today)
    .map((s) => s.endsAt);
  return ends.length === 0 || Math.max(...ends) > instant ? today : shiftDate(today, 1);
}
