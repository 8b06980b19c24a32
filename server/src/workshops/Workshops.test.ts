import { describe, expect, it } from 'vitest';
import { demoDefinition } from '@plenary/shared';
import { InProcessBus } from '../bus/memory/InProcessBus.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import { Workshops } from './Workshops.js';

/** A bus that can drop what is published while "down", and then announce it is back. */
class FlakyBus extends InProcessBus {
  down = false;
  private listeners = new Set<() => void>();
  override async publish(channel: string, payload: Uint8Array): Promise<void> {
    if (!this.down) await super.publish(channel, payload);
  }
  override onResync(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  back(): void {
    this.down = false;
    for (const l of this.listeners) l();
  }
}

const node = (store: SqliteStore, bus: FlakyBus, nodeId: string) =>
  new Workshops({ store, bus, nodeId, now: () => 1, snapshotEvery: 1000, pseudonymKey: new Uint8Array(32), onError: (e) => { throw e; } });

describe('Workshops on several nodes', () => {
  it('catch up from the store what the bus lost while it was down', async () => {
    const store = new SqliteStore(':memory:');
    const bus = new FlakyBus();
    const a = node(store, bus, 'a');
    const b = node(store, bus, 'b');
    const { runtime } = await a.create({ id: 'w', definition: demoDefinition });
    const onB = (await b.get('w'))!;
    bus.down = true;
    await runtime.dispatch({ type: 'facilitator:enter', payload: { name: 'F', language: 'en' } }, null);
    await new Promise((r) => setTimeout(r, 10));
    expect(onB.state.seq).toBe(1);
    bus.back();
    await expect.poll(() => onB.state.seq).toBe(2);
    expect(Object.values(onB.state.participants).map((p) => p.name)).toEqual(['F']);
    await a.close();
    await b.close();
  });
});
