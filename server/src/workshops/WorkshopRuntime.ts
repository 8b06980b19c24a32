/**
 * One workshop's control plane on this node: its current state and the
 * serialized path every command takes:
 *
 *   decide(state, command) → append to the log (durable) → apply → notify
 *
 * Commands of one workshop run one at a time, so `decide` always sees the
 * state its events will follow. Those that arrive while an append is in
 * flight are decided together afterwards, in order, each against the state
 * the ones before it leave, and stored in one append (group commit). If
 * another node appended first, the append fails as stale; the runtime reads
 * what it missed and decides again.
 */
import {
  applyEvent,
  decide,
  ErrorCode,
  Limits,
  type Actor,
  type Command,
  type DomainEvent,
  type Refusal,
  type WorkshopState,
} from '@plenary/shared';
import { StaleSequenceError, type Store } from '../store/Store.js';

export type DispatchResult = { ok: true; events: DomainEvent[]; seq: number } | { ok: false; refusal: Refusal };

/** `local`: appended by this node; `remote`: appended by another node, learnt from the bus or the store. */
export type EventsOrigin = 'local' | 'remote';

export type EventsListener = (
  events: DomainEvent[],
  state: WorkshopState,
  previous: WorkshopState,
  origin: EventsOrigin,
) => void;

export interface RuntimeDeps {
  store: Store;
  now: () => number;
  newId: () => string;
  /** Pseudonyms for anonymous contributions (see DecideContext). */
  pseudonym: (scope: string, participantId: string) => string;
  /** Save a state snapshot every this many events. */
  snapshotEvery: number;
  onError: (error: unknown) => void;
}

/**
 * Appends tried before a command is refused as a conflict. Several nodes
 * appending to one busy workshop (a room voting through three nodes) can lose
 * the race a few times in a row: with five, 16 ballots a second in each of
 * ten workshops over three nodes had 3 to 323 of 2400 ballots refused
 * ("try again"), the worst when PostgreSQL deadlocks between the nodes' group
 * commits stalled everything (docs/benchmarks.md); more attempts and jitter
 * cut refusals, they do not remove those stalls.
 */
const maxAttempts = 12;
/** After losing a race twice, wait up to this long (random, doubling per attempt) before trying again, so nodes stop colliding in step. */
const maxRetryJitterMs = 40;
/** Most commands decided and appended together. */
const maxBatch = 500;

interface Waiting {
  command: Command;
  actor: Actor | null;
  resolve: (result: DispatchResult) => void;
  reject: (error: unknown) => void;
}

function settle(item: Waiting, outcome: { ok: true; result: DispatchResult } | { ok: false; error: unknown }): void {
  if (outcome.ok) item.resolve(outcome.result);
  else item.reject(outcome.error);
}

export class WorkshopRuntime {
  private queue: Promise<unknown> = Promise.resolve();
  /** Commands waiting for the next batch. */
  private readonly waiting: Waiting[] = [];
  private batchScheduled = false;
  private readonly listeners = new Set<EventsListener>();
  private sinceSnapshot = 0;
  /** The latest events, so reconnecting clients catch up without reading the store. */
  private recent: DomainEvent[] = [];

  constructor(
    private current: WorkshopState,
    private readonly deps: RuntimeDeps,
  ) {}

  get id(): string {
    return this.current.id;
  }

  get state(): WorkshopState {
    return this.current;
  }

  /** A participant's pseudonym in a scope, as `decide` derives it (for projecting their own anonymous contributions back to them). */
  pseudonym(scope: string, participantId: string): string {
    return this.deps.pseudonym(scope, participantId);
  }

  /**
   * The events after `since`, in order, for a client catching up; null when
   * that is more than `Limits.resyncMaxEvents` (send a snapshot instead).
   */
  async eventsSince(since: number): Promise<DomainEvent[] | null> {
    const seq = this.current.seq;
    if (since > seq || seq - since > Limits.resyncMaxEvents) return null;
    if (since === seq) return [];
    const first = this.recent[0];
    if (first && first.seq <= since + 1) return this.recent.filter((e) => e.seq > since);
    const events = await this.deps.store.readEvents(this.current.id, since, seq - since);
    return events.length === seq - since ? events : null;
  }

  /** Listens to every batch of events applied, in order. Returns an unsubscribe function. */
  onEvents(listener: EventsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Decides, stores and applies a command; resolves after its events are durable.
   *
   * Commands that arrive while an append is in flight are decided together
   * once it is done, each against the state the ones before it leave (the
   * same order and outcomes as one by one), and appended in one write: one
   * commit and one notification for a burst (a room voting at once) instead
   * of one per command.
   */
  dispatch(command: Command, actor: Actor | null): Promise<DispatchResult> {
    return new Promise<DispatchResult>((resolve, reject) => {
      this.waiting.push({ command, actor, resolve, reject });
      this.scheduleBatch();
    });
  }

  private scheduleBatch(): void {
    if (this.batchScheduled) return;
    this.batchScheduled = true;
    const run = this.queue.then(() => {
      this.batchScheduled = false;
      const batch = this.waiting.splice(0, maxBatch);
      if (this.waiting.length > 0) this.scheduleBatch();
      return this.dispatchBatch(batch);
    });
    this.queue = run.catch(() => undefined);
  }

  private async dispatchBatch(batch: Waiting[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const now = this.deps.now();
      const ctx = { now, newId: this.deps.newId, pseudonym: this.deps.pseudonym };
      let working = this.current;
      const events: DomainEvent[] = [];
      const outcomes: ({ ok: true; result: DispatchResult } | { ok: false; error: unknown })[] = [];
      for (const { command, actor } of batch) {
        try {
          const decision = decide(working, command, { ...ctx, actor });
          if (!decision.ok || decision.events.length === 0) {
            outcomes.push({ ok: true, result: decision.ok ? { ok: true, events: [], seq: working.seq } : decision });
            continue;
          }
          const decided = decision.events.map((body, i) => ({ ...body, seq: working.seq + i + 1, at: now }) as DomainEvent);
          let next = working;
          for (const e of decided) next = applyEvent(next, e);
          working = next;
          events.push(...decided);
          outcomes.push({ ok: true, result: { ok: true, events: decided, seq: working.seq } });
        } catch (error) {
          outcomes.push({ ok: false, error });
        }
      }
      if (events.length > 0) {
        try {
          await this.deps.store.appendEvents(this.current.id, this.current.seq, events);
        } catch (error) {
          if (error instanceof StaleSequenceError && attempt < maxAttempts) {
            if (attempt >= 2) await new Promise((r) => setTimeout(r, Math.random() * Math.min(maxRetryJitterMs, 2 ** attempt)));
            await this.catchUpNow();
            continue;
          }
          const stale = error instanceof StaleSequenceError;
          batch.forEach((item, i) => {
            const o = outcomes[i]!;
            const wrote = o.ok && o.result.ok && o.result.events.length > 0;
            if (!wrote) settle(item, o);
            else if (stale) item.resolve({ ok: false, refusal: { code: ErrorCode.conflict, message: 'The workshop changed at the same time; try again.' } });
            else item.reject(error);
          });
          return;
        }
        this.applyAndNotify(events, 'local', working);
      }
      batch.forEach((item, i) => settle(item, outcomes[i]!));
      return;
    }
  }

  /**
   * Takes events another node appended (from the bus). Applies them if they
   * follow on; reads the log from the store if there is a gap.
   */
  ingest(events: DomainEvent[]): Promise<void> {
    const run = this.queue.then(async () => {
      const fresh = events.filter((e) => e.seq > this.current.seq);
      if (fresh.length === 0) return;
      if (fresh[0]!.seq === this.current.seq + 1 && isContiguous(fresh)) this.applyAndNotify(fresh, 'remote');
      else await this.catchUpNow();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Reads from the store whatever this node missed (e.g. after the bus was down). */
  catchUp(): Promise<void> {
    const run = this.queue.then(() => this.catchUpNow());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async catchUpNow(): Promise<void> {
    const missed = await this.deps.store.readEvents(this.current.id, this.current.seq);
    if (missed.length > 0) this.applyAndNotify(missed, 'remote');
  }

  /** Applies events (or takes the state they lead to, when already computed) and tells the listeners. */
  private applyAndNotify(events: DomainEvent[], origin: EventsOrigin, applied?: WorkshopState): void {
    const previous = this.current;
    let next = applied ?? previous;
    if (!applied) for (const e of events) next = applyEvent(next, e);
    this.current = next;
    this.recent.push(...events);
    if (this.recent.length > Limits.resyncMaxEvents) this.recent.splice(0, this.recent.length - Limits.resyncMaxEvents);
    for (const listener of this.listeners) {
      try {
        listener(events, next, previous, origin);
      } catch (error) {
        this.deps.onError(error);
      }
    }
    this.sinceSnapshot += events.length;
    if (this.sinceSnapshot >= this.deps.snapshotEvery) {
      this.sinceSnapshot = 0;
      this.deps.store.saveStateSnapshot(next).catch(this.deps.onError);
    }
  }
}

function isContiguous(events: DomainEvent[]): boolean {
  return events.every((e, i) => i === 0 || e.seq === events[i - 1]!.seq + 1);
}
