/**
 * A child process of the boards benchmark: it runs some of the simulated
 * clients, so that no single Node process has to decode every delivery (one
 * saturates near 100 000 a second). Protocol over IPC:
 *
 *   parent → { type: 'setup', ... }   connect the clients, then → { type: 'ready', syncMs[] }
 *   parent → { type: 'start', at }    writers move their notes / everyone moves a cursor
 *   parent → { type: 'stop' }         → { type: 'result', latencies[], received, sent, drops }
 *
 * Latency: a writer sets its note's `x` to the wall-clock time modulo 10^6 ms
 * (a position within the schema's bounds); a cursor carries its send time.
 * Every receiver records now − sent. All processes share one clock.
 */
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { openDoc, synced } from './lib/docClient.js';

export interface WorkerSetup {
  type: 'setup';
  mode: 'fanout' | 'cursors';
  /** ws base URL: `ws://host/yjs` for Plenary, `ws://host` for the stock server. */
  base: string;
  docName: string;
  /** One token per client (Plenary), or null (stock). */
  tokens: (string | null)[];
  /** Global index of the first client here (indexes name writers and cursors). */
  first: number;
  /** Global indexes of the writers (fan-out), each moving note `w<index>`. */
  writers: number[];
  /** Moves (or cursor updates) per second per writer (or per client). */
  rate: number;
  durationS: number;
  /**
   * Global indexes of the clients that decode what arrives and measure. The
   * others receive everything the server sends and drop it unread: in a room
   * each browser decodes on its own CPU, while here every client shares this
   * machine's two cores with the server, and decoding at all of them would
   * measure the simulation, not the server.
   */
  measured: number[];
}

export type WorkerReply =
  | { type: 'ready'; syncMs: number[] }
  | { type: 'result'; latencies: number[]; received: number; sent: number; drops: number; cpuS: number };

const clock = () => Date.now() % 1_000_000;
const since = (sent: number) => (clock() - sent + 1_000_000) % 1_000_000;

interface Client {
  index: number;
  doc: Y.Doc;
  provider: WebsocketProvider;
  leaving: boolean;
}

// Each provider adds a process 'exit' listener.
process.setMaxListeners(0);

let clients: Client[] = [];
let setup: WorkerSetup | null = null;
const latencies: number[] = [];
let received = 0;
let sent = 0;
let drops = 0;
const timers: ReturnType<typeof setTimeout>[] = [];
let cpuAtStart = 0;
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

function connect(s: WorkerSetup, i: number): Promise<{ client: Client; ms: number }> {
  const index = s.first + i;
  const doc = new Y.Doc();
  const token = s.tokens[i];
  const t0 = performance.now();
  const provider = openDoc(s.base, s.docName, doc, token ?? null);
  const client: Client = { index, doc, provider, leaving: false };
  if (s.mode === 'fanout') observeMoves(client);
  else observeCursors(client);
  provider.on('connection-close', () => {
    if (!client.leaving) drops++;
  });
  return synced(provider, 60_000).then(
    () => ({ client, ms: performance.now() - t0 }),
    (error: Error) => Promise.reject(new Error(`client ${index}: ${error.message}`)),
  );
}

function observeMoves(c: Client): void {
  const items = c.doc.getMap<Y.Map<unknown>>('items');
  items.observeDeep((events) => {
    if (!setup) return;
    for (const e of events) {
      const sub = e.target._item?.parentSub;
      if (!sub || !sub.startsWith('w') || sub === `w${c.index}`) continue;
      if (!(e as Y.YMapEvent<unknown>).keysChanged.has('x')) continue;
      const x = (e.target as Y.Map<unknown>).get('x');
      if (typeof x !== 'number') continue;
      received++;
      latencies.push(since(x));
    }
  });
}

function observeCursors(c: Client): void {
  const awareness = c.provider.awareness;
  awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
    const now = clock();
    for (const id of [...added, ...updated]) {
      if (id === awareness.clientID) continue;
      const state = awareness.getStates().get(id) as { cursor?: { t?: number } } | undefined;
      const t = state?.cursor?.t;
      if (typeof t !== 'number') continue;
      received++;
      latencies.push((now - t + 1_000_000) % 1_000_000);
    }
  });
}

function start(s: WorkerSetup): void {
  const interval = 1000 / s.rate;
  const total = Math.round(s.rate * s.durationS);
  const movers = s.mode === 'fanout' ? clients.filter((c) => s.writers.includes(c.index)) : clients;
  movers.forEach((c, k) => {
    const offset = (k * interval) / Math.max(1, movers.length) + Math.random() * 5;
    const t0 = performance.now() + offset;
    let n = 0;
    const tick = () => {
      if (s.mode === 'fanout') {
        const note = c.doc.getMap<Y.Map<unknown>>('items').get(`w${c.index}`);
        if (note) {
          c.doc.transact(() => {
            note.set('x', clock());
            note.set('y', n % 1000);
          });
          sent++;
        }
      } else {
        c.provider.awareness.setLocalState({ user: { id: `b${c.index}`, name: `Bench ${c.index}`, color: '#0b57d0' }, cursor: { x: n, y: c.index, t: clock() }, sel: [] });
        sent++;
      }
      n++;
      if (n < total) timers.push(setTimeout(tick, Math.max(0, t0 + n * interval - performance.now())));
    };
    timers.push(setTimeout(tick, offset));
  });
}

process.on('message', (msg: { type: string } & Partial<WorkerSetup>) => {
  void (async () => {
    if (msg.type === 'setup') {
      setup = msg as WorkerSetup;
      const s = setup;
      const results: { client: Client; ms: number }[] = [];
      // Connect in small waves so the server sees a room filling up, not a thundering herd.
      for (let i = 0; i < s.tokens.length; i += 20) {
        const wave = await Promise.all(s.tokens.slice(i, i + 20).map((_, j) => connect(s, i + j)));
        results.push(...wave);
      }
      clients = results.map((r) => r.client);
      for (const c of clients) {
        if (s.measured.includes(c.index)) continue;
        c.provider.messageHandlers[0] = () => undefined;
        c.provider.messageHandlers[1] = () => undefined;
      }
      // Latencies of the setup do not count.
      latencies.length = 0;
      received = 0;
      process.send!({ type: 'ready', syncMs: results.map((r) => r.ms) } satisfies WorkerReply);
    } else if (msg.type === 'start' && setup) {
      latencies.length = 0;
      received = 0;
      sent = 0;
      cpuAtStart = cpuNow();
      start(setup);
    } else if (msg.type === 'stop') {
      for (const t of timers) clearTimeout(t);
      process.send!({ type: 'result', latencies, received, sent, drops, cpuS: cpuNow() - cpuAtStart } satisfies WorkerReply, () => {
        for (const c of clients) {
          c.leaving = true;
          c.provider.destroy();
        }
        setTimeout(() => process.exit(0), 200);
      });
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
