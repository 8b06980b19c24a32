import { afterEach, describe, expect, it, vi } from 'vitest';
import { InProcessBus } from '../bus/memory/InProcessBus.js';
import type { Bus } from '../bus/Bus.js';
import { FlakyBus } from '../testing/FlakyBus.js';
import { ClusterPresence } from './ClusterPresence.js';

describe('ClusterPresence', () => {
  afterEach(() => vi.useRealTimers());

  function node(bus: Bus, nodeId: string, changes: [string[], string[]][], clock: { t: number }, gone: string[] = []) {
    return new ClusterPresence({
      bus,
      nodeId,
      graceMs: 100,
      heartbeatMs: 1000,
      expireMs: 3000,
      now: () => clock.t,
      onChange: (_w, on, off) => changes.push([on, off]),
      onNodeGone: (id) => gone.push(id),
      onError: (e) => {
        throw e;
      },
    });
  }
  const flush = () => new Promise((r) => setTimeout(r, 0));

  it('sees people connected to other nodes, and does not flicker when someone moves between nodes', async () => {
    const bus = new InProcessBus();
    const clock = { t: 0 };
    const seenA: [string[], string[]][] = [];
    const seenB: [string[], string[]][] = [];
    const a = node(bus, 'A', seenA, clock);
    const b = node(bus, 'B', seenB, clock);
    await a.start();
    await b.start();
    a.connect('w', 'amina');
    await flush();
    expect(b.online('w')).toEqual(['amina']);
    expect(seenB).toEqual([[['amina'], []]]);
    // Amina's laptop moves to node B; then her connection to A closes.
    b.connect('w', 'amina');
    a.disconnect('w', 'amina');
    await new Promise((r) => setTimeout(r, 150));
    await flush();
    expect(a.online('w')).toEqual(['amina']);
    expect(seenA).toEqual([[['amina'], []]]);
    expect(seenB).toEqual([[['amina'], []]]);
    await a.close();
    await b.close();
  });

  it('forgets a node that stops sending heartbeats, with its people', async () => {
    vi.useFakeTimers();
    const bus = new InProcessBus();
    const clock = { t: 0 };
    const seenA: [string[], string[]][] = [];
    const goneA: string[] = [];
    const a = node(bus, 'A', seenA, clock, goneA);
    const b = node(bus, 'B', [], clock);
    await a.start();
    await b.start();
    b.connect('w', 'karim');
    await vi.advanceTimersByTimeAsync(10);
    expect(a.online('w')).toEqual(['karim']);
    await b.close(); // node B dies: no more heartbeats
    clock.t = 5000;
    await vi.advanceTimersByTimeAsync(1100);
    expect(a.online('w')).toEqual([]);
    expect(seenA.at(-1)).toEqual([[], ['karim']]);
    // Whoever shows B's people (document rooms, for cursors) hears that B is gone.
    expect(goneA).toEqual(['B']);
    await a.close();
  });

  it('does not forget the others while its own bus is down, and shows them again at once when it is back', async () => {
    vi.useFakeTimers();
    const shared = new InProcessBus();
    const flaky = new FlakyBus(shared);
    const clock = { t: 0 };
    const seenA: [string[], string[]][] = [];
    const goneA: string[] = [];
    const a = node(flaky, 'A', seenA, clock, goneA);
    const b = node(shared, 'B', [], clock);
    await a.start();
    await b.start();
    b.connect('w', 'karim');
    await vi.advanceTimersByTimeAsync(10);
    expect(a.online('w')).toEqual(['karim']);

    // A's connection to the bus is down for longer than the expiry: it hears nobody, itself included.
    flaky.disconnect();
    b.connect('w', 'olga');
    for (let t = 1000; t <= 10_000; t += 1000) {
      clock.t = t;
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(a.online('w')).toEqual(['karim']);
    expect(goneA).toEqual([]);

    // Back: A says hello, B answers with its picture at once (not at its next heartbeat).
    flaky.reconnect();
    await vi.advanceTimersByTimeAsync(10);
    expect(a.online('w').sort()).toEqual(['karim', 'olga']);
    expect(seenA).toEqual([
      [['karim'], []],
      [['olga'], []],
    ]);
    await a.close();
    await b.close();
  });
});
