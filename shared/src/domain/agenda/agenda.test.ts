import { describe, expect, it } from 'vitest';
import { demoDefinition } from '../workshop/demo.js';
import { nowNext, scheduleOf } from './agenda.js';
import { zonedWallTimeToInstant } from './time.js';

describe('venue time', () => {
  it('places Vienna wall-clock times in summer (UTC+2) and winter (UTC+1)', () => {
    expect(zonedWallTimeToInstant('2019-05-20', '14:30', 'Europe/Vienna')).toBe(Date.UTC(2019, 4, 20, 12, 30));
    expect(zonedWallTimeToInstant('2019-01-15', '09:00', 'Europe/Vienna')).toBe(Date.UTC(2019, 0, 15, 8, 0));
  });

  it('handles zones west of UTC and half-hour offsets', () => {
    expect(zonedWallTimeToInstant('2019-05-20', '09:00', 'America/Bogota')).toBe(Date.UTC(2019, 4, 20, 14, 0));
    expect(zonedWallTimeToInstant('2019-05-20', '09:00', 'Asia/Kabul')).toBe(Date.UTC(2019, 4, 20, 4, 30));
  });
});

describe('now and next', () => {
  const run = { currentItemId: null };
  const state = { definition: demoDefinition, run };

  it('reads the clock against the schedule', () => {
    const during = Date.UTC(2019, 4, 20, 12, 40); // 14:40 in Vienna
    const nn = nowNext(state, during);
    expect(nn.now?.item.id).toBe('d1-opening');
    expect(nn.next?.item.id).toBe('d1-next-phase');
    expect(nn.led).toBe(false);
  });

  it('shows the first item as next before the workshop, and says when it ended', () => {
    expect(nowNext(state, Date.UTC(2019, 0, 1)).next?.item.id).toBe('d1-opening');
    const after = nowNext(state, Date.UTC(2026, 0, 1));
    expect(after).toMatchObject({ now: null, next: null, ended: true });
  });

  it('lets the facilitator lead, crossing days', () => {
    const nn = nowNext({ definition: demoDefinition, run: { currentItemId: 'd1-wrap-up' } }, Date.UTC(2026, 0, 1));
    expect(nn).toMatchObject({ led: true, now: { item: { id: 'd1-wrap-up' } }, next: { item: { id: 'd2-recap' } } });
  });

  it('keeps the demo inside the concept note’s hours', () => {
    const s = scheduleOf(demoDefinition);
    const day1 = s.filter((x) => x.day.id === 'day-1');
    const day2 = s.filter((x) => x.day.id === 'day-2');
    expect(day1[0]?.item.start).toBe('14:30');
    expect(day1.at(-1)?.item.end).toBe('16:30');
    expect(day2[0]?.item.start).toBe('09:00');
    expect(day2.at(-1)?.item.end).toBe('16:30');
    for (let i = 1; i < s.length; i++) expect(s[i]!.startsAt).toBeGreaterThanOrEqual(s[i - 1]!.endsAt);
  });
});
