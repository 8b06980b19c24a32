/**
 * Wall-clock times in a venue's time zone, converted to instants with the
 * platform's Intl time zone data (no I/O, no library): agenda items are
 * "HH:MM on YYYY-MM-DD in Europe/Vienna", and viewers elsewhere see them in
 * their own time.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (Vienna in summer: +2 h). */
export function timeZoneOffset(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which the clocks of `timeZone` show `date` ("YYYY-MM-DD") and `time` ("HH:MM"). */
export function zonedWallTimeToInstant(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const first = wall - timeZoneOffset(wall, timeZone);
  const second = wall - timeZoneOffset(first, timeZone);
  return second;
}
