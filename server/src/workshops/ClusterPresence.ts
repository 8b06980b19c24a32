/**
 * Who is online in each workshop across all nodes. Each node counts its own
 * connections (`Presence`), tells the others over the bus what changed, and
 * every few seconds sends its whole picture (a heartbeat). A node that stops
 * sending heartbeats (it died) is forgotten after `expireMs`, and its people go
 * offline unless they are connected elsewhere. Listeners hear only changes to
 * the union: someone reconnecting to another node does not flicker. Others
 * (document rooms, for cursors) hear that a node is gone (`onNodeGone`). After
 * the bus was down, a node says hello again, so every node sends its picture
 * at once rather than at its next heartbeat.
 */
import { BusChannel, decodeJson, encodeJson, type Bus } from '../bus/Bus.js';
import { Presence, type PresenceListener } from './Presence.js';

type Message =
  | { kind: 'delta'; node: string; workshopId: string; online: string[]; offline: string[] }
  | { kind: 'snapshot'; node: string; workshops: Record<string, string[]> }
  | { kind: 'hello'; node: string };

export interface ClusterPresenceDeps {
  bus: Bus;
  nodeId: string;
  graceMs: number;
  heartbeatMs: number;
  expireMs: number;
  now: () => number;
  onChange: PresenceListener;
  /** A node stopped sending heartbeats and was forgotten. */
  onNodeGone?: (nodeId: string) => void;
  onError: (error: unknown) => void;
}

export class ClusterPresence {
  private readonly local: Presence;
  private readonly remote = new Map<string, { seenAt: number; workshops: Map<string, Set<string>> }>();
  private heartbeat: NodeJS.Timeout | null = null;
  private unsubscribe: (() => Promise<void>) | null = null;
  private stopResync: (() => void) | null = null;
  /** When our own messages last came back over the bus, and when we last sent a heartbeat. */
  private heardSelfAt: number;
  private lastBeatAt = -Infinity;

  constructor(private readonly deps: ClusterPresenceDeps) {
    this.local = new Presence((w, on, off) => this.onLocalChange(w, on, off), deps.graceMs);
    this.heardSelfAt = deps.now();
  }

  async start(): Promise<void> {
    this.unsubscribe = await this.deps.bus.subscribe(BusChannel.presence, (payload) => this.onMessage(decodeJson<Message>(payload)));
    this.publish({ kind: 'hello', node: this.deps.nodeId });
    this.stopResync = this.deps.bus.onResync(() => {
      this.publish({ kind: 'hello', node: this.deps.nodeId });
      this.sendSnapshot();
    });
    this.heartbeat = setInterval(() => this.beat(), this.deps.heartbeatMs);
    this.heartbeat.unref();
  }

  connect(workshopId: string, participantId: string): void {
    this.local.connect(workshopId, participantId);
  }

  disconnect(workshopId: string, participantId: string): void {
    this.local.disconnect(workshopId, participantId);
  }

  /** Everyone online in the workshop, on any node. */
  online(workshopId: string): string[] {
    const all = new Set(this.local.online(workshopId));
    for (const n of this.remote.values()) for (const id of n.workshops.get(workshopId) ?? []) all.add(id);
    return [...all];
  }

  async close(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.stopResync?.();
    this.local.close();
    await this.unsubscribe?.();
  }

  private isOnline(workshopId: string, participantId: string): boolean {
    return this.online(workshopId).includes(participantId);
  }

  private onLocalChange(workshopId: string, online: string[], offline: string[]): void {
    this.publish({ kind: 'delta', node: this.deps.nodeId, workshopId, online, offline });
    // Tell our clients only what changes the union.
    const on = online.filter((id) => !this.onlineElsewhere(workshopId, id, this.deps.nodeId));
    const off = offline.filter((id) => !this.isOnline(workshopId, id));
    if (on.length > 0 || off.length > 0) this.deps.onChange(workshopId, on, off);
  }

  private onlineElsewhere(workshopId: string, participantId: string, exceptNode: string): boolean {
    for (const [node, n] of this.remote) if (node !== exceptNode && n.workshops.get(workshopId)?.has(participantId)) return true;
    return false;
  }

  private onMessage(msg: Message): void {
    if (msg.node === this.deps.nodeId) {
      this.heardSelfAt = this.deps.now();
      return;
    }
    if (msg.kind === 'hello') {
      this.beat();
      return;
    }
    const before = this.unionOf(msg.kind === 'delta' ? [msg.workshopId] : [...this.workshopsOf(msg.node), ...Object.keys(msg.workshops)]);
    const entry = this.remote.get(msg.node) ?? { seenAt: 0, workshops: new Map<string, Set<string>>() };
    entry.seenAt = this.deps.now();
    if (msg.kind === 'delta') {
      const set = entry.workshops.get(msg.workshopId) ?? new Set<string>();
      for (const id of msg.online) set.add(id);
      for (const id of msg.offline) set.delete(id);
      entry.workshops.set(msg.workshopId, set);
    } else {
      entry.workshops = new Map(Object.entries(msg.workshops).map(([w, ids]) => [w, new Set(ids)]));
    }
    this.remote.set(msg.node, entry);
    this.announceDiff(before);
  }

  private workshopsOf(node: string): string[] {
    return [...(this.remote.get(node)?.workshops.keys() ?? [])];
  }

  private unionOf(workshopIds: string[]): Map<string, Set<string>> {
    return new Map(workshopIds.map((w) => [w, new Set(this.online(w))]));
  }

  private announceDiff(before: Map<string, Set<string>>): void {
    for (const [w, was] of before) {
      const now = new Set(this.online(w));
      const on = [...now].filter((id) => !was.has(id));
      const off = [...was].filter((id) => !now.has(id));
      if (on.length > 0 || off.length > 0) this.deps.onChange(w, on, off);
    }
  }

  /**
   * Sends our whole picture, and forgets nodes that went quiet, unless we
   * cannot hear ourselves either: then the bus is down and they may be fine.
   */
  private beat(): void {
    // Our previous heartbeat never came back: the bus is down (for us at least), not necessarily the others.
    const busUp = this.heardSelfAt >= this.lastBeatAt;
    this.lastBeatAt = this.deps.now();
    this.sendSnapshot();
    if (!busUp) return;
    const cutoff = this.deps.now() - this.deps.expireMs;
    for (const [node, entry] of this.remote) {
      if (entry.seenAt >= cutoff) continue;
      const before = this.unionOf([...entry.workshops.keys()]);
      this.remote.delete(node);
      this.announceDiff(before);
      try {
        this.deps.onNodeGone?.(node);
      } catch (error) {
        this.deps.onError(error);
      }
    }
  }

  private sendSnapshot(): void {
    const workshops: Record<string, string[]> = {};
    for (const w of this.local.workshops()) {
      const ids = this.local.online(w);
      if (ids.length > 0) workshops[w] = ids;
    }
    this.publish({ kind: 'snapshot', node: this.deps.nodeId, workshops });
  }

  private publish(msg: Message): void {
    this.deps.bus.publish(BusChannel.presence, encodeJson(msg)).catch(this.deps.onError);
  }
}
