/**
 * Where each participant is (which screen), across all nodes, for the
 * facilitators' console (shared/src/protocol/places.ts). A node records what
 * its own sockets report and tells the other nodes over the bus; every node
 * keeps the whole picture, so a facilitator on any node sees everyone. The
 * latest report wins (by the reporting node's clock). Nothing is stored: after
 * the bus was down a node says hello, and every node sends what its own
 * sockets reported. A place means something only while its person is online;
 * the console shows it only then.
 */
import { samePlace, type Place } from '@plenary/shared';
import { BusChannel, decodeJson, encodeJson, type Bus } from '../bus/Bus.js';

interface Entry {
  place: Place;
  at: number;
}

type Message =
  | { kind: 'set'; node: string; workshopId: string; participantId: string; place: Place; at: number }
  | { kind: 'snapshot'; node: string; entries: { workshopId: string; participantId: string; place: Place; at: number }[] }
  | { kind: 'hello'; node: string };

export interface PlacesDeps {
  bus: Bus;
  nodeId: string;
  now: () => number;
  /** Places of the workshop changed (by participant). */
  onChange: (workshopId: string, changed: Record<string, Place>) => void;
  onError: (error: unknown) => void;
}

export class Places {
  /** workshop → participant → latest place known on any node. */
  private readonly all = new Map<string, Map<string, Entry>>();
  /** What our own sockets reported (we repeat it after a resync). */
  private readonly own = new Map<string, Map<string, Entry>>();
  private unsubscribe: (() => Promise<void>) | null = null;
  private stopResync: (() => void) | null = null;

  constructor(private readonly deps: PlacesDeps) {}

  async start(): Promise<void> {
    this.unsubscribe = await this.deps.bus.subscribe(BusChannel.places, (payload) => this.onMessage(decodeJson<Message>(payload)));
    this.publish({ kind: 'hello', node: this.deps.nodeId });
    this.stopResync = this.deps.bus.onResync(() => {
      this.publish({ kind: 'hello', node: this.deps.nodeId });
      this.sendSnapshot();
    });
  }

  /** One of our sockets says where its person is now. */
  report(workshopId: string, participantId: string, place: Place): void {
    const entry = { place, at: this.deps.now() };
    const own = this.own.get(workshopId) ?? new Map<string, Entry>();
    own.set(participantId, entry);
    this.own.set(workshopId, own);
    this.merge(workshopId, participantId, entry);
    this.publish({ kind: 'set', node: this.deps.nodeId, workshopId, participantId, ...entry });
  }

  /** Everyone's place in the workshop, as far as any node knows. */
  of(workshopId: string): Record<string, Place> {
    const out: Record<string, Place> = {};
    for (const [id, e] of this.all.get(workshopId) ?? []) out[id] = e.place;
    return out;
  }

  /** The workshop is gone (deleted): forget its places. */
  forget(workshopId: string): void {
    this.all.delete(workshopId);
    this.own.delete(workshopId);
  }

  async close(): Promise<void> {
    this.stopResync?.();
    await this.unsubscribe?.();
  }

  private merge(workshopId: string, participantId: string, entry: Entry): void {
    const map = this.all.get(workshopId) ?? new Map<string, Entry>();
    const was = map.get(participantId);
    if (was && was.at > entry.at) return;
    map.set(participantId, entry);
    this.all.set(workshopId, map);
    if (!samePlace(was?.place, entry.place)) this.deps.onChange(workshopId, { [participantId]: entry.place });
  }

  private onMessage(msg: Message): void {
    if (msg.node === this.deps.nodeId) return;
    if (msg.kind === 'hello') return this.sendSnapshot();
    if (msg.kind === 'set') return this.merge(msg.workshopId, msg.participantId, { place: msg.place, at: msg.at });
    for (const e of msg.entries) this.merge(e.workshopId, e.participantId, { place: e.place, at: e.at });
  }

  private sendSnapshot(): void {
    const entries: Extract<Message, { kind: 'snapshot' }>['entries'] = [];
    for (const [workshopId, map] of this.own) for (const [participantId, e] of map) entries.push({ workshopId, participantId, ...e });
    if (entries.length > 0) this.publish({ kind: 'snapshot', node: this.deps.nodeId, entries });
  }

  private publish(msg: Message): void {
    this.deps.bus.publish(BusChannel.places, encodeJson(msg)).catch(this.deps.onError);
  }
}
