/**
 * One simulated participant, as a browser would be: joins over REST, opens the
 * Socket.IO control plane and syncs the workshop, then opens one board
 * document over y-websocket. It observes the board's `bench` map and records,
 * for every key another participant wrote, how long ago that key was written.
 */
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { ApiPath, SocketEvent, type JoinReply, type JoinRequest, type Result } from '@plenary/shared';
import { benchCountries, connectSocket, syncWorkshop, type ClientSocket } from './api.js';
import { openDoc, synced } from './docClient.js';

/** The Y.Map in the board document that carries the timestamps. */
export const benchMapName = 'bench';

/** What every participant of a round reports into. */
export class RoundCounters {
  /** now − written, in ms, for each (edit, receiving participant). */
  readonly latencies: number[] = [];
  /** Control-plane pushes received (`workshop:events`, `presence:changed`). */
  eventPushes = 0;
  presencePushes = 0;
  /** Connections the server closed (or lost) while the round ran. */
  socketDrops = 0;
  docDrops = 0;
}

export interface JoinTiming {
  /** POST /api/join. */
  restMs: number;
  /** Socket.IO handshake until `connect`. */
  connectMs: number;
  /** `workshop:sync` emitted until its ack. */
  syncMs: number;
  /** All three: POST /api/join until the sync ack. */
  totalMs: number;
}

export interface Participant {
  index: number;
  session: JoinReply;
  socket: ClientSocket;
  doc: Y.Doc;
  provider: WebsocketProvider;
  bench: Y.Map<number>;
  join: JoinTiming;
  /** y-websocket: provider created until synced. */
  docSyncMs: number;
  leaving: boolean;
}

export interface JoinContext {
  url: string;
  code: string;
  docName: string;
  timeoutMs: number;
  counters: RoundCounters;
}

/** Joins fully (REST, Socket.IO, sync) and then syncs the board; cleans up what it opened if a step fails. */
export async function joinParticipant(ctx: JoinContext, index: number): Promise<Participant> {
  const t0 = performance.now();
  const session = await postJoin(ctx, index);
  const t1 = performance.now();
  const socket = await connectSocket(ctx.url, session.token, ctx.timeoutMs, (s) => {
    s.on(SocketEvent.events, () => ctx.counters.eventPushes++);
    s.on(SocketEvent.presence, () => ctx.counters.presencePushes++);
  });
  try {
    const t2 = performance.now();
    await syncWorkshop(socket, ctx.timeoutMs);
    const t3 = performance.now();
    const join = { restMs: t1 - t0, connectMs: t2 - t1, syncMs: t3 - t2, totalMs: t3 - t0 };
    const { doc, provider, bench } = await connectDoc(ctx, session.token, index);
    const p: Participant = { index, session, socket, doc, provider, bench, join, docSyncMs: performance.now() - t3, leaving: false };
    watchDrops(p, ctx.counters);
    return p;
  } catch (error) {
    socket.disconnect();
    throw error;
  }
}

async function postJoin(ctx: JoinContext, index: number): Promise<JoinReply> {
  const body: JoinRequest = {
    code: ctx.code,
    name: `Bench ${String(index + 1).padStart(3, '0')}`,
    language: 'en',
    role: 'participant',
    affiliation: { kind: 'country', country: benchCountries[index % benchCountries.length]!, delegation: 'capital' },
  };
  const res = await fetch(ctx.url + ApiPath.join, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(ctx.timeoutMs),
  });
  const reply = (await res.json()) as Result<JoinReply>;
  if (res.status !== 201 || !reply.ok) throw new Error(`join: HTTP ${res.status} ${reply.ok ? '' : reply.error.code}`);
  return reply.data;
}

/** Opens the board with y-websocket and waits until it is synced. */
async function connectDoc(ctx: JoinContext, token: string, index: number) {
  const doc = new Y.Doc();
  const bench = doc.getMap<number>(benchMapName);
  observeLatencies(bench, index, ctx.counters);
  const provider = openDoc(`${ctx.url.replace(/^http/, 'ws')}/yjs`, ctx.docName, doc, token);
  try {
    await synced(provider, ctx.timeoutMs);
  } catch (error) {
    provider.destroy();
    doc.destroy();
    throw error;
  }
  return { doc, provider, bench };
}

/** Records now − written for every key another participant added. */
function observeLatencies(bench: Y.Map<number>, index: number, counters: RoundCounters): void {
  const own = `${index}:`;
  bench.observe((event) => {
    const now = Date.now();
    for (const [key, change] of event.changes.keys) {
      if (change.action !== 'add' || key.startsWith(own)) continue;
      const written = bench.get(key);
      if (typeof written === 'number') counters.latencies.push(now - written);
    }
  });
}

function watchDrops(p: Participant, counters: RoundCounters): void {
  p.socket.on('disconnect', () => {
    if (!p.leaving) counters.socketDrops++;
  });
  p.provider.on('connection-close', () => {
    if (!p.leaving) counters.docDrops++;
  });
}

/**
 * Writes `count` edits, one every `intervalMs` starting after `delayMs`:
 * key `<index>:<n>` set to the time of writing. Resolves with the number written.
 */
export function writeEdits(p: Participant, count: number, intervalMs: number, delayMs: number): Promise<number> {
  const start = performance.now() + delayMs;
  return new Promise((resolve) => {
    let n = 0;
    const next = () => {
      p.bench.set(`${p.index}:${n}`, Date.now());
      n++;
      if (n >= count) return resolve(n);
      // Scheduled against the start, so timer lateness does not accumulate.
      setTimeout(next, Math.max(0, start + n * intervalMs - performance.now()));
    };
    setTimeout(next, delayMs);
  });
}

/** Closes the board and the socket. */
export function leave(p: Participant): void {
  p.leaving = true;
  p.provider.destroy();
  p.doc.destroy();
  p.socket.disconnect();
}
