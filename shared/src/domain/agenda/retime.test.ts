import { describe, expect, it } from 'vitest';
import { demoDefinition } from '../workshop/demo.js';
import { editDay, toClock, toMinutes } from './retime.js';

const day2 = demoDefinition.days[1]!;

describe('re-timing a day', () => {
  it('converts clock times', () => {
    expect(toMinutes('09:15')).toBe(555);
    expect(toClock(555)).toBe('09:15');
  });

  it('moves later items when an item grows, and keeps the day start', () => {
    const edited = editDay(day2, (items) => items.map((i) => (i.id === 'd2-recap' ? { ...i, minutes: i.minutes + 10 } : i)))!;
    expect(edited.items[0]).toMatchObject({ id: 'd2-recap', start: '09:00', end: '09:25' });
    expect(edited.items[1]).toMatchObject({ id: 'd2-practices', start: '09:25', end: '10:40' });
    expect(edited.items.at(-1)).toMatchObject({ id: 'd2-closing', end: '16:40' });
  });

  it('closes the gap when an item is removed and opens room when one is added', () => {
    const removed = editDay(day2, (items) => items.filter((i) => i.id !== 'd2-break-1'))!;
    expect(removed.items.find((i) => i.id === 'd2-synergies')).toMatchObject({ start: '10:30', end: '11:45' });
    const added = editDay(day2, (items) => [items[0]!, { id: 'x', title: 'Video', kind: 'presentation', minutes: 5 }, ...items.slice(1)])!;
    expect(added.items[1]).toMatchObject({ id: 'x', start: '09:15', end: '09:20' });
    expect(added.items[2]).toMatchObject({ id: 'd2-practices', start: '09:20' });
  });

  it('refuses a day that would run past midnight', () => {
    expect(editDay(day2, (items) => items.map((i, n) => (n === 0 ? { ...i, minutes: 900 } : i)))).toBeNull();
  });
});
