import { afterEach, describe, expect, it, vi } from 'vitest';
import { PollSocketEvent, type PollResultsPush, type StoredSession } from '@plenary/shared';
import { Store } from '../../realtime/Store';
import type { WorkshopClient, WorkshopView } from '../../realtime/WorkshopClient';
import { PollsStore } from './PollsStore';

/** Just enough of a WorkshopClient: its view, its session, and pushes delivered by hand. */
function fakeClient() {
  const handlers: ((p: PollResultsPush) => void)[] = [];
  // The store reads only the connection status of the view.
  const view = new Store<Pick<WorkshopView, 'status'>>({ status: 'connecting' });
  const client = {
    session: { token: 't', workshopId: 'w1', participantId: 'p1', role: 'participant' } as StoredSession,
    view,
    on: (event: string, handler: (p: PollResultsPush) => void) => {
      expect(event).toBe(PollSocketEvent.results);
      handlers.push(handler);
      return () => undefined;
    },
  };
  return { client: client as unknown as WorkshopClient, push: (p: PollResultsPush) => handlers.forEach((h) => h(p)), view };
}

const push = (seq: number, ballots: number): PollResultsPush => ({ pollId: 'q1', round: 0, status: 'open', ballots, results: null, hidden: 'untilClose', seq });

afterEach(() => vi.unstubAllGlobals());

describe('PollsStore', () => {
  it('keeps the newest results of each poll, whatever order pushes and reads arrive in', async () => {
    let answer: PollResultsPush[] = [push(5, 2)];
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return { json: async () => ({ ok: true, data: answer }) };
    });
    const { client, push: deliver, view } = fakeClient();
    const store = new PollsStore(client);
    await vi.waitFor(() => expect(store.store.getSnapshot().results.get('q1')?.seq).toBe(5));
    deliver(push(9, 4));
    deliver(push(7, 3)); // late and older: ignored
    expect(store.store.getSnapshot().results.get('q1')).toMatchObject({ seq: 9, ballots: 4 });
    // Reconnecting reads the results again.
    answer = [push(12, 6)];
    view.set((v) => ({ ...v, status: 'connected' }));
    await vi.waitFor(() => expect(store.store.getSnapshot().results.get('q1')?.ballots).toBe(6));
    expect(fetched).toEqual(['/api/workshops/w1/polls/results', '/api/workshops/w1/polls/results']);
  });

  it('remembers an accepted ballot, and a ballot that came too late until the next one is accepted', () => {
    vi.stubGlobal('fetch', async () => {
      throw new Error('offline');
    });
    const { client } = fakeClient();
    const store = new PollsStore(client);
    store.rememberLate('q1', 0);
    expect(store.store.getSnapshot().late.get('q1')).toBe(0);
    store.remember('q1', { ballot: { kind: 'single', option: 'a' }, round: 0, seq: 3 });
    expect(store.store.getSnapshot().late.has('q1')).toBe(false);
    expect(store.store.getSnapshot().accepted.get('q1')).toMatchObject({ seq: 3 });
  });
});
