import { afterEach, describe, expect, it, vi } from 'vitest';
import { Presence } from './Presence.js';

describe('Presence', () => {
  afterEach(() => vi.useRealTimers());

  it('reports online at the first connection and offline after the last one, past the grace period', () => {
    vi.useFakeTimers();
    const changes: [string[], string[]][] = [];
    const p = new Presence((_w, on, off) => changes.push([on, off]), 1000);
    p.connect('w', 'a');
    p.connect('w', 'a');
    p.disconnect('w', 'a');
    expect(changes).toEqual([[['a'], []]]);
    p.disconnect('w', 'a');
    expect(p.online('w')).toEqual(['a']);
    vi.advanceTimersByTime(1001);
    expect(changes).toEqual([[['a'], []], [[], ['a']]]);
    expect(p.online('w')).toEqual([]);
  });

  it('does not flicker when someone reloads within the grace period', () => {
    vi.useFakeTimers();
    const changes: unknown[] = [];
    const p = new Presence((_w, on, off) => changes.push([on, off]), 1000);
    p.connect('w', 'a');
    p.disconnect('w', 'a');
    vi.advanceTimersByTime(500);
    p.connect('w', 'a');
    vi.advanceTimersByTime(2000);
    expect(changes).toEqual([[['a'], []]]);
    expect(p.online('w')).toEqual(['a']);
  });
});
