/**
 * What the polls feature keeps beside the workshop state, per session:
 *
 * - the latest results of each launched poll, from `poll:results` pushes and,
 *   when a screen starts or reconnects, from `GET …/polls/results` (pushes that
 *   came before the screen listened are not lost); the newest by sequence wins;
 * - the ballots this person cast and the server accepted. The state a viewer
 *   holds has their own ballot from the snapshot, but in an anonymous poll the
 *   later ballot events reach them redacted (nobody's name is on them), so the
 *   accepted ballot is remembered here; the newer of the two is theirs.
 *
 * Framework-free; hooks read it with `useSyncExternalStore`.
 */
import {
  PollApiPath,
  PollSocketEvent,
  type Ballot,
  type PollResultsPush,
  type Result,
} from '@plenary/shared';
import { Store } from '../../realtime/Store';
import type { WorkshopClient } from '../../realtime/WorkshopClient';

export interface AcceptedBallot {
  ballot: Ballot;
  round: number;
  /** The workshop's sequence number in the ack: the ballot's event is at or before it. */
  seq: number;
}

export interface PollsSnapshot {
  results: ReadonlyMap<string, PollResultsPush>;
  accepted: ReadonlyMap<string, AcceptedBallot>;
  /** Polls (and their round) where this person's last ballot arrived after the poll closed. */
  late: ReadonlyMap<string, number>;
}

export class PollsStore {
  readonly store = new Store<PollsSnapshot>({ results: new Map(), accepted: new Map(), late: new Map() });
  private readonly stop: (() => void)[] = [];

  constructor(private readonly client: WorkshopClient) {
    this.stop.push(client.on(PollSocketEvent.results, (push) => this.receive([push])));
    // Read the current results now, and again after every reconnect.
    let last = client.view.getSnapshot().status;
    this.stop.push(
      client.view.subscribe(() => {
        const status = client.view.getSnapshot().status;
        if (status === 'connected' && last !== 'connected') void this.refresh();
        last = status;
      }),
    );
    void this.refresh();
  }

  /** Fetches the current results of every launched poll as this viewer may see them. */
  async refresh(): Promise<void> {
    const { token, workshopId } = this.client.session;
    try {
      const res = await fetch(PollApiPath.results(workshopId), { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
      const body = (await res.json()) as Result<PollResultsPush[]>;
      if (body.ok) this.receive(body.data);
    } catch {
      // Offline: the pushes after the reconnect bring the results.
    }
  }

  remember(pollId: string, accepted: AcceptedBallot): void {
    this.store.set((s) => {
      const late = new Map(s.late);
      late.delete(pollId);
      return { ...s, accepted: new Map(s.accepted).set(pollId, accepted), late };
    });
  }

  /** The server refused a ballot because the poll had closed meanwhile. */
  rememberLate(pollId: string, round: number): void {
    this.store.set((s) => ({ ...s, late: new Map(s.late).set(pollId, round) }));
  }

  dispose(): void {
    for (const stop of this.stop.splice(0)) stop();
  }

  private receive(pushes: PollResultsPush[]): void {
    this.store.set((s) => {
      let results: Map<string, PollResultsPush> | null = null;
      for (const push of pushes) {
        const have = (results ?? s.results).get(push.pollId);
        if (have && have.seq > push.seq) continue;
        results ??= new Map(s.results);
        results.set(push.pollId, push);
      }
      return results ? { ...s, results } : s;
    });
  }
}

const stores = new WeakMap<WorkshopClient, PollsStore>();

/** The polls store of a session, made on first use. */
export function pollsStoreOf(client: WorkshopClient): PollsStore {
  let s = stores.get(client);
  if (!s) stores.set(client, (s = new PollsStore(client)));
  return s;
}
