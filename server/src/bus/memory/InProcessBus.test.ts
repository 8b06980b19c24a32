import { describe, expect, it } from 'vitest';
import { decodeJson, encodeJson } from '../Bus.js';
import { InProcessBus } from './InProcessBus.js';

describe('InProcessBus', () => {
  it('delivers to subscribers of the channel in order, and stops after unsubscribe', async () => {
    const bus = new InProcessBus();
    const got: number[] = [];
    const other: number[] = [];
    const off = await bus.subscribe('a', (p) => got.push(decodeJson<number>(p)));
    await bus.subscribe('b', (p) => other.push(decodeJson<number>(p)));
    await bus.publish('a', encodeJson(1));
    await bus.publish('a', encodeJson(2));
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toEqual([1, 2]);
    expect(other).toEqual([]);
    await off();
    await bus.publish('a', encodeJson(3));
    await new Promise((r) => setTimeout(r, 0));
    expect(got).toEqual([1, 2]);
  });
});
