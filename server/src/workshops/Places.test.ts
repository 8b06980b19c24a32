import { describe, expect, it } from 'vitest';
import type { Place } from '@plenary/shared';
import { InProcessBus } from '../bus/memory/InProcessBus.js';
import type { Bus } from '../bus/Bus.js';
import { FlakyBus } from '../testing/FlakyBus.js';
import { Places } from './Places.js';

const board = (boardId: string): Place => ({ kind: 'board', boardId });
const home: Place = { kind: 'home' };

describe('Places', () => {
  function node(bus: Bus, nodeId: string, clock: { t: number }, seen: Record<string, Place>[] = []) {
    return new Places({
      bus,
      nodeId,
      now: () => clock.t,
      onChange: (_w, changed) => seen.push(changed),
      onError: (e) => {
        throw e;
      },
    });
  }
  const flush = () => new Promise((r) => setTimeout(r, 0));

  it('tells every node where someone is, and only when it changes', async () => {
    const bus = new InProcessBus();
    const clock = { t: 1 };
    const seenB: Record<string, Place>[] = [];
    const a = node(bus, 'A', clock);
    const b = node(bus, 'B', clock, seenB);
    await a.start();
    await b.start();
    a.report('w', 'amina', home);
    clock.t = 2;
    a.report('w', 'amina', board('b1'));
    clock.t = 3;
    a.report('w', 'amina', board('b1'));
    await flush();
    expect(b.of('w')).toEqual({ amina: board('b1') });
    expect(seenB).toEqual([{ amina: home }, { amina: board('b1') }]);
    expect(b.of('other')).toEqual({});
  });

  it('keeps the latest report when someone moves between nodes', async () => {
    const bus = new InProcessBus();
    const clock = { t: 10 };
    const a = node(bus, 'A', clock);
    const b = node(bus, 'B', clock);
    await a.start();
    await b.start();
    b.report('w', 'karim', board('b2'));
    clock.t = 5; // A's report is older (its clock, or a late message)
    a.report('w', 'karim', home);
    await flush();
    expect(a.of('w')).toEqual({ karim: board('b2') });
    expect(b.of('w')).toEqual({ karim: board('b2') });
  });

  it('after its bus was down, a node hears what others reported meanwhile and repeats its own', async () => {
    const shared = new InProcessBus();
    const clock = { t: 1 };
    const busA = new FlakyBus(shared);
    const a = node(busA, 'A', clock);
    const b = node(shared, 'B', clock);
    await a.start();
    await b.start();
    busA.disconnect();
    a.report('w', 'olga', board('b3'));
    b.report('w', 'reza', home);
    await flush();
    expect(a.of('w')).toEqual({ olga: board('b3') });
    expect(b.of('w')).toEqual({ reza: home });
    busA.reconnect();
    await flush();
    expect(a.of('w')).toEqual({ olga: board('b3'), reza: home });
    expect(b.of('w')).toEqual({ olga: board('b3'), reza: home });
  });

  it('forgets a deleted workshop', async () => {
    const a = node(new InProcessBus(), 'A', { t: 1 });
    await a.start();
    a.report('w', 'amina', home);
    a.forget('w');
    expect(a.of('w')).toEqual({});
  });
});
