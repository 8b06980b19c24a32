/**
 * The contract every Bus implementation passes: what one node publishes, the
 * subscribers of that channel on another node receive, in order, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import type { Bus } from './Bus.js';

export interface BusHarness {
  /** Two buses that behave as two nodes on the same backend. */
  pair(): Promise<[Bus, Bus]>;
}

const waitFor = async (check: () => boolean, ms = 3000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

let n = 0;
const channel = () => `contract-${process.pid}-${++n}`;

export function describeBusContract(name: string, harness: BusHarness): void {
  describe(`${name} (Bus contract)`, () => {
    it('delivers to subscribers on the other node, in order, byte for byte', async () => {
      const [a, b] = await harness.pair();
      const ch = channel();
      const got: number[][] = [];
      await b.subscribe(ch, (p) => got.push([...p]));
      for (let i = 0; i < 50; i++) await a.publish(ch, new Uint8Array([i, 0, 255, i]));
      await waitFor(() => got.length === 50);
      expect(got[0]).toEqual([0, 0, 255, 0]);
      expect(got.map((g) => g[0])).toEqual(Array.from({ length: 50 }, (_, i) => i));
      await a.close();
      await b.close();
    });

    it('delivers nothing of other channels, and nothing after unsubscribing', async () => {
      const [a, b] = await harness.pair();
      const ch = channel();
      const other = channel();
      const got: number[] = [];
      const off = await b.subscribe(ch, (p) => got.push(p[0]!));
      const second: number[] = [];
      await b.subscribe(ch, (p) => second.push(p[0]!));
      await a.publish(other, new Uint8Array([9]));
      await a.publish(ch, new Uint8Array([1]));
      await waitFor(() => got.length === 1 && second.length === 1);
      await off();
      await a.publish(ch, new Uint8Array([2]));
      await waitFor(() => second.length === 2);
      expect(got).toEqual([1]);
      expect(second).toEqual([1, 2]);
      await a.close();
      await b.close();
    });
  });
}
