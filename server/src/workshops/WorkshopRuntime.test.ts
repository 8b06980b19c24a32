import { describe, expect, it } from 'vitest';
import { applyEvents, defaultSettings, demoDefinition, type DomainEvent } from '@plenary/shared';
import { StaleSequenceError } from '../store/Store.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import { WorkshopRuntime } from './WorkshopRuntime.js';

async function twoNodes() {
  const store = new SqliteStore(':memory:');
  const created: DomainEvent = { type: 'workshop.created', workshopId: 'w', joinCode: 'ABCDEF', definition: demoDefinition, settings: defaultSettings, seq: 1, at: 0 };
  await store.createWorkshop({ id: 'w', joinCode: 'ABCDEF', facilitatorKeyHash: 'h', createdAt: 0 }, [created]);
  let ids = 0;
  const deps = {
    store,
    now: () => 1,
    newId: () => `id${++ids}`,
    pseudonym: (scope: string, id: string) => `${scope}:${id}`,
    snapshotEvery: 1000,
    onError: (e: unknown) => {
      throw e;
    },
  };
  const state = applyEvents(null, [created])!;
  return { store, a: new WorkshopRuntime(state, deps), b: new WorkshopRuntime(state, deps) };
}

const join = (name: string) => ({
  type: 'participant:join' as const,
  payload: { name, role: 'participant' as const, language: 'en' as const, affiliation: { kind: 'none' as const } },
});

describe('WorkshopRuntime', () => {
  it('serializes commands: concurrent joins get consecutive sequence numbers', async () => {
    const { a, store } = await twoNodes();
    const results = await Promise.all(['A', 'B', 'C'].map((n) => a.dispatch(join(n), null)));
    expect(results.map((r) => r.ok && r.seq)).toEqual([2, 3, 4]);
    expect((await store.readEvents('w', 0)).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  });

  it('decides a burst of commands in one append, with the outcomes they would have one by one', async () => {
    const { a, store } = await twoNodes();
    const appends: number[] = [];
    const append = store.appendEvents.bind(store);
    store.appendEvents = (id, seq, events) => {
      appends.push(events.length);
      return append(id, seq, events);
    };
    const f = await a.dispatch({ type: 'facilitator:enter', payload: { name: 'F', language: 'en' } }, null);
    if (!f.ok || f.events[0]?.type !== 'participant.joined') throw new Error('no facilitator');
    const facilitator = { participantId: f.events[0].participant.id, role: 'facilitator' as const };
    const results = await Promise.all([
      a.dispatch(join('A'), null),
      a.dispatch({ type: 'workshop:updateSettings', payload: { settings: { joinOpen: false } } }, facilitator),
      a.dispatch(join('Too late'), null),
      a.dispatch({ type: 'workshop:updateSettings', payload: { settings: { joinOpen: false } } }, facilitator),
    ]);
    expect(results.map((r) => (r.ok ? r.seq : r.refusal.message))).toEqual([3, 4, 'This workshop is not accepting new participants.', 4]);
    expect(appends).toEqual([1, 2]);
    expect((await store.readEvents('w', 0)).map((e) => e.type)).toEqual(['workshop.created', 'participant.joined', 'participant.joined', 'workshop.settingsUpdated']);
  });

  it('decides again on fresh state when another node appended first, so conflicting commands cannot both pass', async () => {
    const { a, b, store } = await twoNodes();
    const f = await a.dispatch({ type: 'facilitator:enter', payload: { name: 'F', language: 'en' } }, null);
    if (!f.ok || f.events[0]?.type !== 'participant.joined') throw new Error('no facilitator');
    const fid = f.events[0].participant.id;
    // Node A closes joining; node B has not heard of it yet (not even of the facilitator).
    const closed = await a.dispatch({ type: 'workshop:updateSettings', payload: { settings: { joinOpen: false } } }, { participantId: fid, role: 'facilitator' });
    expect(closed.ok).toBe(true);
    expect(b.state.settings.joinOpen).toBe(true);
    const late = await b.dispatch(join('Late'), null);
    expect(late).toMatchObject({ ok: false, refusal: { message: 'This workshop is not accepting new participants.' } });
    expect(b.state.seq).toBe(a.state.seq);
    expect((await store.readEvents('w', 0)).some((e) => e.type === 'participant.joined' && e.participant.name === 'Late')).toBe(false);
  });

  it('keeps recent events for reconnecting clients, and falls back to the store', async () => {
    const { a, b } = await twoNodes();
    for (const n of ['A', 'B', 'C']) await a.dispatch(join(n), null);
    expect((await a.eventsSince(2))?.map((e) => e.seq)).toEqual([3, 4]);
    await b.ingest(await a.eventsSince(1).then((e) => e!.slice(2)));
    expect(b.state.seq).toBe(4);
    expect((await b.eventsSince(1))?.map((e) => e.seq)).toEqual([2, 3, 4]);
    expect(await a.eventsSince(99)).toBeNull();
  });

  it('keeps trying when it loses the race to append several times in a row (a busy workshop on three nodes), and refuses only after that', async () => {
    const { a, store } = await twoNodes();
    const append = store.appendEvents.bind(store);
    let losses = 8;
    store.appendEvents = (id, seq, events) => {
      if (losses-- > 0) return Promise.reject(new StaleSequenceError(id, seq, seq + 1));
      return append(id, seq, events);
    };
    expect(await a.dispatch(join('A'), null)).toMatchObject({ ok: true, seq: 2 });
    losses = 1000;
    expect(await a.dispatch(join('B'), null)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    expect((await store.readEvents('w', 0)).map((e) => e.seq)).toEqual([1, 2]);
  });
});
