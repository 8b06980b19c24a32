import { describe, expect, it } from 'vitest';
import { nowNext } from '../agenda/agenda.js';
import { zonedWallTimeToInstant } from '../agenda/time.js';
import { demoDefinition } from './demo.js';
import { daysBetween, firstDateNear, firstDateOf, isRealDate, shiftDate, shiftDays } from './reschedule.js';

describe('calendar arithmetic', () => {
  it('shifts dates across months, years and leap days', () => {
    expect(shiftDate('2019-05-20', 1)).toBe('2019-05-21');
    expect(shiftDate('2019-12-31', 1)).toBe('2020-01-01');
    expect(shiftDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(shiftDate('2019-05-20', -20)).toBe('2019-04-30');
    expect(daysBetween('2019-05-20', '2026-12-03')).toBe(2754);
    expect(shiftDate('2019-05-20', daysBetween('2019-05-20', '2026-12-03'))).toBe('2026-12-03');
  });

  it('knows which dates exist', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-04-31')).toBe(false);
    expect(isRealDate('2026-4-1')).toBe(false);
  });

  it('keeps the gaps between days and the items of each', () => {
    const days = shiftDays(demoDefinition.days, 10);
    expect(days.map((d) => d.date)).toEqual(demoDefinition.days.map((d) => shiftDate(d.date, 10)));
    expect(days[1]!.items).toBe(demoDefinition.days[1]!.items);
    expect(firstDateOf({ days: [] })).toBeNull();
  });
});

describe('placing the demo near now', () => {
  const first = firstDateOf(demoDefinition)!;
  const firstDayEnd = demoDefinition.days[0]!.items.at(-1)!.end;
  const placed = (instant: number) => {
    const date = firstDateNear(demoDefinition, instant)!;
    return { date, def: { ...demoDefinition, days: shiftDays(demoDefinition.days, daysBetween(first, date)) } };
  };

  it('puts it on today in Vienna while the first day has not ended there, else tomorrow', () => {
    const morning = zonedWallTimeToInstant('2026-12-03', '08:00', 'Europe/Vienna');
    expect(placed(morning).date).toBe('2026-12-03');
    const evening = zonedWallTimeToInstant('2026-12-03', '20:10', 'Europe/Vienna');
    expect(placed(evening).date).toBe('2026-12-04');
    // Just after midnight in Vienna is still the previous evening in UTC: Vienna's day counts.
    const lateUtc = Date.UTC(2026, 11, 3, 23, 30);
    expect(placed(lateUtc).date).toBe('2026-12-04');
  });

  it('is never over: about to start or running at the moment it was placed', () => {
    for (const hour of [0, 6, 12, 13, 14, 15, 16, 17, 22]) {
      const at = zonedWallTimeToInstant('2026-07-01', `${String(hour).padStart(2, '0')}:45`, 'Europe/Vienna');
      const { def } = placed(at);
      const nn = nowNext({ definition: def, run: { currentItemId: null } }, at);
      expect(nn.ended).toBe(false);
      expect(nn.now ?? nn.next).not.toBeNull();
    }
    expect(firstDayEnd).toMatch(/^\d\d:\d\d$/);
  });
});
