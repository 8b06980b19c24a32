/**
 * The workshops this node serves: loads each from the store on first use
 * (state snapshot + the events after it), keeps its runtime, creates new
 * ones, and relays each workshop's events to and from the bus.
 */
import {
  applyEvents,
  defaultSettings,
  makeJoinCode,
  type DomainEvent,
  type WorkshopDefinition,
  type WorkshopSettings,
  type WorkshopState,
} from '@plenary/shared';
import { createHmac } from 'node:crypto';
import { BusChannel, decodeJson, encodeJson, type Bus } from '../bus/Bus.js';
import { hashKey, keyMatches, newFacilitatorKey } from '../auth/secrets.js';
import { DuplicateWorkshopError, type Store, type WorkshopRecord } from '../store/Store.js';
import { newId, secureRandom } from './ids.js';
import { WorkshopRuntime } from './WorkshopRuntime.js';

export interface WorkshopsDeps {
  store: Store;
  bus: Bus;
  nodeId: string;
  now: () => number;
  snapshotEvery: number;
  /** Key for pseudonyms of anonymous contributions; derive it from the server secret. */
  pseudonymKey: Uint8Array;
  onError: (error: unknown) => void;
}

export type WorkshopEventsListener = (
  runtime: WorkshopRuntime,
  events: DomainEvent[],
  state: WorkshopState,
  previous: WorkshopState,
) => void;

interface BusEvents {
  node: string;
  events: DomainEvent[];
  /**
   * Sent (with no events) by a node whose bus was down: what it appended
   * meanwhile may not have reached the others, who read the store again.
   */
  catchUp?: true;
}

/** Told when a workshop was deleted (here or on another node) and forgotten. */
export type WorkshopRemovedListener = (workshopId: string) => void;

interface BusDeleted {
  node: string;
  workshopId: string;
}

export interface CreateWorkshopInput {
  id?: string;
  definition: WorkshopDefinition;
  settings?: WorkshopSettings;
  joinCode?: string;
}

export class Workshops {
  private readonly loaded = new Map<string, Promise<WorkshopRuntime | null>>();
  private readonly listeners = new Set<WorkshopEventsListener>();
  private readonly loadListeners = new Set<(runtime: WorkshopRuntime) => void>();
  private readonly unsubscribers: (() => Promise<void>)[] = [];
  /** Each loaded workshop's subscription to its events on the bus. */
  private readonly relays = new Map<string, Promise<() => Promise<void>>>();
  private readonly removedListeners = new Set<WorkshopRemovedListener>();
  /** Workshops deleted while this node ran: never loaded again (a store read could race the delete). */
  private readonly deleted = new Set<string>();

  constructor(private readonly deps: WorkshopsDeps) {
    // Events published while the bus was down never arrive: read them from the store.
    // What this node appended meanwhile may not have reached the others either: ask them to do the same.
    const stop = deps.bus.onResync(() => {
      for (const [id, p] of this.loaded) {
        void p.then((r) => r?.catchUp()).catch(deps.onError);
        deps.bus.publish(BusChannel.workshopEvents(id), encodeJson({ node: deps.nodeId, events: [], catchUp: true } satisfies BusEvents)).catch(deps.onError);
      }
    });
    this.unsubscribers.push(async () => stop());
    const deletions = deps.bus.subscribe(BusChannel.workshopDeleted, (payload) => {
      const msg = decodeJson<BusDeleted>(payload);
      if (msg.node !== deps.nodeId) this.forget(msg.workshopId);
    });
    deletions.catch(deps.onError);
    this.unsubscribers.push(async () => (await deletions)());
  }

  /** Listens to workshops being deleted, on this node or another. */
  onRemoved(listener: WorkshopRemovedListener): () => void {
    this.removedListeners.add(listener);
    return () => this.removedListeners.delete(listener);
  }

  /**
   * Deletes a workshop and all its data: every node forgets it and ends its
   * sessions (told through the bus), then the store deletes it. Other nodes
   * are given `settleMs` to stop writing its documents before the store does.
   */
  async delete(id: string, settleMs = 200): Promise<boolean> {
    this.forget(id);
    await this.deps.bus.publish(BusChannel.workshopDeleted, encodeJson({ node: this.deps.nodeId, workshopId: id } satisfies BusDeleted));
    if (settleMs > 0) await new Promise((r) => setTimeout(r, settleMs));
    return this.deps.store.deleteWorkshop(id);
  }

  /** Drops a workshop from memory for good and tells the listeners. */
  private forget(id: string): void {
    this.deleted.add(id);
    this.loaded.delete(id);
    const relay = this.relays.get(id);
    this.relays.delete(id);
    relay?.then((unsubscribe) => unsubscribe()).catch(this.deps.onError);
    for (const l of this.removedListeners) {
      try {
        l(id);
      } catch (error) {
        this.deps.onError(error);
      }
    }
  }

  /** Listens for workshops this node starts serving (loaded from the store or created). */
  onLoaded(listener: (runtime: WorkshopRuntime) => void): () => void {
    this.loadListeners.add(listener);
    return () => this.loadListeners.delete(listener);
  }

  /** Listens to the events of every workshop this node serves. */
  onEvents(listener: WorkshopEventsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The runtime of a workshop, loading it on first use; null if there is no such workshop. */
  get(id: string): Promise<WorkshopRuntime | null> {
    if (this.deleted.has(id)) return Promise.resolve(null);
    let p = this.loaded.get(id);
    if (!p) {
      p = this.load(id);
      this.loaded.set(id, p);
      p.then((r) => r === null && this.loaded.delete(id)).catch(() => this.loaded.delete(id));
    }
    return p;
  }

  /**
   * The runtime of the workshop a signed token names, caught up with the store
   * first when it does not know the participant: another node may have just
   * admitted them and the bus not told this one yet (or be down). Only a
   * participant the store lacks too is then missing. Null if there is no such workshop.
   * Tokens are signed, so a caller cannot make this node read the store at will.
   */
  async forParticipant(workshopId: string, participantId: string): Promise<WorkshopRuntime | null> {
    const runtime = await this.get(workshopId);
    if (runtime && !runtime.state.participants[participantId]) await runtime.catchUp();
    return runtime;
  }

  record(id: string): Promise<WorkshopRecord | null> {
    return this.deps.store.getWorkshop(id);
  }

  async byJoinCode(code: string): Promise<WorkshopRuntime | null> {
    const rec = await this.deps.store.findWorkshopByJoinCode(code);
    return rec ? this.get(rec.id) : null;
  }

  list(): Promise<WorkshopRecord[]> {
    return this.deps.store.listWorkshops();
  }

  /** Creates a workshop; returns its runtime and its facilitator key (shown once, stored hashed). */
  async create(input: CreateWorkshopInput): Promise<{ runtime: WorkshopRuntime; facilitatorKey: string }> {
    const facilitatorKey = newFacilitatorKey();
    for (let attempt = 0; ; attempt++) {
      const id = input.id ?? newId(10);
      // A workshop restored under the id of one deleted earlier is a new one.
      this.deleted.delete(id);
      const joinCode = input.joinCode ?? makeJoinCode(secureRandom);
      const at = this.deps.now();
      const created: DomainEvent = {
        type: 'workshop.created',
        workshopId: id,
        joinCode,
        definition: input.definition,
        settings: input.settings ?? defaultSettings,
        seq: 1,
        at,
      };
      try {
        await this.deps.store.createWorkshop({ id, joinCode, facilitatorKeyHash: hashKey(facilitatorKey), createdAt: at }, [created]);
      } catch (error) {
        const retriable = error instanceof DuplicateWorkshopError && attempt < 5 && (error.field === 'joinCode' ? !input.joinCode : !input.id);
        if (retriable) continue;
        throw error;
      }
      const runtime = await this.get(id);
      if (!runtime) throw new Error(`workshop ${id} vanished after creation`);
      return { runtime, facilitatorKey };
    }
  }

  /**
   * Creates a workshop from a whole event log (an archive being restored):
   * the log is stored as it is, seq 1…n. Keeps the wanted id and join code
   * unless this server has them already; then it picks new ones.
   * `eventsFor` gives the log for the id and code chosen.
   */
  async restore(input: {
    id: string;
    joinCode: string;
    createdAt: number;
    eventsFor: (id: string, joinCode: string) => DomainEvent[];
  }): Promise<{ runtime: WorkshopRuntime; facilitatorKey: string }> {
    const facilitatorKey = newFacilitatorKey();
    let id = input.id;
    let joinCode = input.joinCode;
    for (let attempt = 0; ; attempt++) {
      this.deleted.delete(id);
      try {
        await this.deps.store.createWorkshop(
          { id, joinCode, facilitatorKeyHash: hashKey(facilitatorKey), createdAt: input.createdAt },
          input.eventsFor(id, joinCode),
        );
      } catch (error) {
        if (!(error instanceof DuplicateWorkshopError) || attempt >= 5) throw error;
        if (error.field === 'id') id = newId(10);
        else joinCode = makeJoinCode(secureRandom);
        continue;
      }
      const runtime = await this.get(id);
      if (!runtime) throw new Error(`workshop ${id} vanished after it was restored`);
      return { runtime, facilitatorKey };
    }
  }

  async verifyFacilitatorKey(workshopId: string, key: string): Promise<boolean> {
    const rec = await this.deps.store.getWorkshop(workshopId);
    return !!rec && keyMatches(key, rec.facilitatorKeyHash);
  }

  /** Replaces a workshop's facilitator key (the old one stops working); returns the new one. */
  async rotateFacilitatorKey(workshopId: string): Promise<string> {
    const key = newFacilitatorKey();
    await this.deps.store.setFacilitatorKeyHash(workshopId, hashKey(key));
    return key;
  }

  async close(): Promise<void> {
    await Promise.all(this.unsubscribers.splice(0).map((u) => u()));
    const relays = [...this.relays.values()];
    this.relays.clear();
    await Promise.all(relays.map(async (r) => (await r)()));
  }

  private async load(id: string): Promise<WorkshopRuntime | null> {
    const { bus } = this.deps;
    // Subscribe before reading the store: an event another node appends meanwhile
    // is then in what we read, or on the bus, or both (ingest skips what it has).
    let runtime: WorkshopRuntime | null = null;
    const early: DomainEvent[][] = [];
    const relay = bus.subscribe(BusChannel.workshopEvents(id), (payload) => {
      const msg = decodeJson<BusEvents>(payload);
      if (msg.node === this.deps.nodeId) return;
      if (runtime) (msg.catchUp ? runtime.catchUp() : runtime.ingest(msg.events)).catch(this.deps.onError);
      else early.push(msg.events); // load reads the store after this anyway
    });
    this.relays.set(id, relay);
    const unsubscribe = await relay;
    try {
      runtime = await this.readRuntime(id);
    } catch (error) {
      if (this.relays.get(id) === relay) this.relays.delete(id);
      await unsubscribe();
      throw error;
    }
    if (!runtime) {
      if (this.relays.get(id) === relay) this.relays.delete(id);
      await unsubscribe();
      return null;
    }
    for (const events of early) runtime.ingest(events).catch(this.deps.onError);
    for (const l of this.loadListeners) l(runtime);
    return runtime;
  }

  /** A workshop's runtime from its latest state snapshot and the events after it; null if there is no such workshop. */
  private async readRuntime(id: string): Promise<WorkshopRuntime | null> {
    const { store, bus } = this.deps;
    let snapshot = await store.loadStateSnapshot(id);
    if (snapshot) {
      // A snapshot saved before an area existed lacks that area's slice: replay the whole log instead.
      const [first] = await store.readEvents(id, 0, 1);
      const fresh = first ? applyEvents(null, [first]) : null;
      if (fresh && Object.keys(fresh).some((key) => !(key in snapshot!))) snapshot = null;
    }
    const events = await store.readEvents(id, snapshot?.seq ?? 0);
    const state = applyEvents(snapshot, events);
    if (!state) return null;
    const runtime = new WorkshopRuntime(state, {
      store,
      now: this.deps.now,
      newId: () => newId(12),
      pseudonym: (scope, participantId) =>
        createHmac('sha256', this.deps.pseudonymKey).update(`${id}\u0000${scope}\u0000${participantId}`).digest('base64url').slice(0, 22),
      snapshotEvery: this.deps.snapshotEvery,
      onError: this.deps.onError,
    });
    runtime.onEvents((evs, next, prev) => {
      for (const l of this.listeners) l(runtime, evs, next, prev);
    });
    // Relay: what this node appends goes out (what other nodes append comes in through `load`'s subscription).
    runtime.onEvents((evs, _next, _prev, origin) => {
      if (origin !== 'local') return;
      bus.publish(BusChannel.workshopEvents(id), encodeJson({ node: this.deps.nodeId, events: evs } satisfies BusEvents)).catch(this.deps.onError);
    });
    return runtime;
  }
}
