/**
 * Boards benchmark: many people on one board.
 *
 * 1. Fan-out. N simulated clients (real y-websocket providers, split over
 *    `--workers` child processes, load/boardsWorker.ts) open one board of 100
 *    notes; `--writers` of them move their own note `--rate` times a second for
 *    `--duration` s. Every other client records the time from the move to its
 *    arrival. Per round: p50/p95/p99/max, delivery ratio (arrivals / moves ×
 *    (N − 1)), server CPU and resident memory, the clients' CPU. Latency is
 *    measured at `--measure` clients spread over the room; the others receive
 *    every message and drop it (see WorkerSetup.measured). The same run
 *    against a stock `@y/websocket-server` 0.1.1 (load/stockServer.ts; in
 *    memory, no authentication, nothing stored) for comparison.
 * 2. Cursors. `--cursor-clients` clients each move a cursor (Yjs awareness)
 *    `--cursor-rate` times a second; every client records send → arrival of
 *    the others' cursors. Plenary batches awareness per room (every 50 ms).
 * 3. A board of `--items` items opened in Chromium (the built client, served
 *    by the server): time to the first item and to "all changes saved", then
 *    long tasks (PerformanceObserver 'longtask') while panning for 3 s.
 *
 * Build first (`pnpm build`). Results: tables on stdout, everything in
 * e2e/output/bench-boards.json.
 *
 *   pnpm --filter @plenary/e2e bench:boards
 *   pnpm --filter @plenary/e2e bench:boards -- --clients 200 --servers plenary --skip-browser
 *
 * Before and after a change, side by side in one run: build the older commit in
 * another checkout and run it as `baseline`, rounds interleaved:
 *
 *   pnpm --filter @plenary/e2e bench:boards -- --servers baseline,plenary --baseline ../old --repeat 3 --skip-browser
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { chromium } from '@playwright/test';
import { AppPath, BoardDoc, docName, type ItemData, type JoinReply } from '@plenary/shared';
import { createBoard, joinMany, startPlenary, startStock, type BenchServer, type ServerKind } from './lib/boardsKit.js';
import { openDoc, synced } from './lib/docClient.js';
import { machine } from './lib/machine.js';
import { cpuOf, rssOf } from './lib/server.js';
import { round, summarize, quartet, type Summary } from './lib/stats.js';
import type { WorkerReply, WorkerSetup } from './boardsWorker.js';

const here = dirname(fileURLToPath(import.meta.url));
const log = (m: string) => console.log(`[bench:boards] ${m}`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Options {
  clients: number[];
  writers: number;
  rate: number;
  duration: number;
  workers: number;
  servers: ServerKind[];
  /** Another built checkout of Plenary, run as the server `baseline` (e.g. the commit before a change). */
  baseline: string | null;
  /** Rounds of every server, interleaved, so that a busy moment of the machine falls on all of them. */
  repeat: number;
  cursorClients: number;
  cursorRate: number;
  items: number;
  skipFanout: boolean;
  skipCursors: boolean;
  skipBrowser: boolean;
  drain: number;
  /** Clients that decode and measure (spread over the room); the rest receive and drop. */
  measure: number;
  out: string;
}

function options(): Options {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      clients: { type: 'string', default: '200,500' },
      writers: { type: 'string', default: '5' },
      rate: { type: 'string', default: '10' },
      duration: { type: 'string', default: '10' },
      workers: { type: 'string', default: '3' },
      servers: { type: 'string', default: 'plenary,stock' },
      baseline: { type: 'string' },
      repeat: { type: 'string', default: '1' },
      'cursor-clients': { type: 'string', default: '200' },
      'cursor-rate': { type: 'string', default: '10' },
      items: { type: 'string', default: '2000' },
      'skip-fanout': { type: 'boolean', default: false },
      'skip-cursors': { type: 'boolean', default: false },
      'skip-browser': { type: 'boolean', default: false },
      drain: { type: 'string', default: '10' },
      measure: { type: 'string', default: '50' },
      out: { type: 'string', default: resolve(here, '../output/bench-boards.json') },
    },
  });
  return {
    clients: values.clients.split(',').map(Number),
    writers: Number(values.writers),
    rate: Number(values.rate),
    duration: Number(values.duration),
    workers: Number(values.workers),
    servers: values.servers.split(',') as ServerKind[],
    baseline: values.baseline ? resolve(values.baseline) : null,
    repeat: Number(values.repeat),
    cursorClients: Number(values['cursor-clients']),
    cursorRate: Number(values['cursor-rate']),
    items: Number(values.items),
    skipFanout: values['skip-fanout'],
    skipCursors: values['skip-cursors'],
    skipBrowser: values['skip-browser'],
    drain: Number(values.drain),
    measure: Number(values.measure),
    out: values.out,
  };
}

interface RoundResult {
  server: ServerKind;
  /** Clients that decoded and measured. */
  measuredClients: number;
  mode: 'fanout' | 'cursors';
  clients: number;
  movers: number;
  ratePerMover: number;
  durationS: number;
  sent: number;
  expected: number;
  received: number;
  deliveryRatio: number;
  latency: Summary;
  sync: Summary;
  drops: number;
  serverCpuS: number;
  serverCpuPercent: number;
  serverRssBeforeMiB: number;
  serverRssAfterMiB: number;
  clientsCpuS: number;
}

/** Where clients connect, and the document, for each kind of server. */
interface Target {
  base: string;
  docName: string;
  tokens: (string | null)[];
  /** A client that may write the board (to seed it). */
  seedToken: string | null;
}

async function prepare(server: BenchServer, clients: number): Promise<Target> {
  if (server.kind === 'stock') {
    return { base: server.url.replace(/^http/, 'ws'), docName: `bench/board-${randomBytes(4).toString('hex')}`, tokens: new Array<null>(clients).fill(null), seedToken: null };
  }
  const { boardId, facilitator } = await createBoard(server, 'Bench board');
  const tokens = await joinMany(server, clients);
  return { base: `${server.url.replace(/^http/, 'ws')}/yjs`, docName: docName({ kind: 'board', workshopId: server.workshopId!, boardId }), tokens, seedToken: facilitator.token };
}

/** Opens the board as one more client, runs `fill` on it, and waits until the server has it all. */
async function seed(target: Target, fill: (board: BoardDoc) => void): Promise<void> {
  const doc = new Y.Doc();
  const provider = openDoc(target.base, target.docName, doc, target.seedToken);
  await synced(provider, 60_000);
  fill(new BoardDoc(doc));
  // A second client sees everything: the server has it.
  const check = new Y.Doc();
  const expected = new BoardDoc(doc).size;
  const p2 = openDoc(target.base, target.docName, check, target.seedToken);
  for (let i = 0; i < 600 && new BoardDoc(check).size < expected; i++) await sleep(100);
  if (new BoardDoc(check).size < expected) throw new Error(`seeding: ${new BoardDoc(check).size}/${expected} items arrived`);
  p2.destroy();
  provider.destroy();
}

const note = (i: number, text: string): ItemData => ({ kind: 'note', x: (i % 20) * 200, y: Math.floor(i / 20) * 140, w: 180, h: 120, text, color: 'yellow' });

function spawnWorker(): ChildProcess {
  return fork(join(here, 'boardsWorker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function next<T extends WorkerReply['type']>(child: ChildProcess, type: T, timeoutMs: number): Promise<Extract<WorkerReply, { type: T }>> {
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`worker: no ${type} in ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: WorkerReply) => {
      if (m.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      ok(m as Extract<WorkerReply, { type: T }>);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => code && fail(new Error(`worker exited with ${code}`)));
  });
}

async function runRound(kind: ServerKind, mode: 'fanout' | 'cursors', clients: number, o: Options): Promise<RoundResult> {
  const server = kind === 'stock' ? await startStock() : await startPlenary({}, kind === 'baseline' ? o.baseline : null);
  try {
    const target = await prepare(server, clients);
    const writers = mode === 'fanout' ? Array.from({ length: Math.min(o.writers, clients) }, (_, i) => i) : [];
    await seed(target, (b) =>
      b.doc.transact(() => {
        for (let i = 0; i < 100; i++) b.add(writers.includes(i) ? `w${i}` : `n${i}`, note(i, `Seed note ${i}`));
      }),
    );
    const workerCount = Math.max(1, Math.min(o.workers, clients));
    const per = Math.ceil(clients / workerCount);
    const children = Array.from({ length: workerCount }, spawnWorker);
    const rate = mode === 'fanout' ? o.rate : o.cursorRate;
    const step = Math.max(1, Math.floor(clients / Math.max(1, o.measure)));
    const measured = Array.from({ length: clients }, (_, i) => i).filter((i) => i % step === step - 1 && !writers.includes(i)).slice(0, o.measure);
    const setups: WorkerSetup[] = children.map((_, w) => ({
      type: 'setup',
      mode,
      base: target.base,
      docName: target.docName,
      tokens: target.tokens.slice(w * per, (w + 1) * per),
      first: w * per,
      writers,
      rate,
      durationS: o.duration,
      measured,
    }));
    const readies = children.map((c) => next(c, 'ready', 180_000));
    children.forEach((c, w) => c.send(setups[w]!));
    const syncMs = (await Promise.all(readies)).flatMap((r) => r.syncMs);
    log(`${kind} ${mode} N=${clients}: all connected and synced (p50 ${round(summarize(syncMs).p50)} ms)`);
    await sleep(1000);
    const cpu0 = cpuOf(server.pid);
    const rss0 = rssOf(server.pid);
    const t0 = performance.now();
    for (const c of children) c.send({ type: 'start' });
    const movers = mode === 'fanout' ? writers.length : clients;
    const sentPlanned = movers * Math.round(rate * o.duration);
    await sleep(o.duration * 1000 + o.drain * 1000);
    const elapsed = (performance.now() - t0) / 1000;
    const cpu1 = cpuOf(server.pid);
    const rss1 = rssOf(server.pid);
    const results = children.map((c) => next(c, 'result', 60_000));
    for (const c of children) c.send({ type: 'stop' });
    const replies = await Promise.all(results);
    const latencies = replies.flatMap((r) => r.latencies);
    const sent = replies.reduce((n, r) => n + r.sent, 0);
    const received = replies.reduce((n, r) => n + r.received, 0);
    // Each measured client expects every move (or cursor update) but its own.
    const expected = sent * measured.length - (mode === 'cursors' ? Math.round(rate * o.duration) * measured.length : 0);
    log(`${kind} ${mode} N=${clients}: ${received}/${expected} arrivals (${sent} of ${sentPlanned} sent)`);
    return {
      server: kind,
      measuredClients: measured.length,
      mode,
      clients,
      movers,
      ratePerMover: rate,
      durationS: o.duration,
      sent,
      expected,
      received,
      deliveryRatio: expected ? round(received / expected, 4) : 1,
      latency: summarize(latencies),
      sync: summarize(syncMs),
      drops: replies.reduce((n, r) => n + r.drops, 0),
      serverCpuS: round(cpu1 - cpu0, 2),
      serverCpuPercent: round(((cpu1 - cpu0) / elapsed) * 100, 1),
      serverRssBeforeMiB: round(rss0 / 2 ** 20, 1),
      serverRssAfterMiB: round(rss1 / 2 ** 20, 1),
      clientsCpuS: round(replies.reduce((n, r) => n + r.cpuS, 0), 2),
    };
  } finally {
    await server.stop();
  }
}

interface BrowserResult {
  items: number;
  seedS: number;
  firstItemMs: number;
  savedMs: number;
  renderedNodes: number;
  longTasksLoad: { count: number; totalMs: number; maxMs: number };
  longTasksPan: { count: number; totalMs: number; maxMs: number };
  panFrames: number;
  panS: number;
  visibleAt100: number;
  longTasksPanAt100: { count: number; totalMs: number; maxMs: number };
  panAt100S: number;
}

/** A board of `items` items opened in Chromium; long tasks while panning. */
async function browserRound(o: Options): Promise<BrowserResult> {
  const server = await startPlenary();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const { boardId, facilitator } = await createBoard(server, `${o.items} items`);
    const target: Target = { base: `${server.url.replace(/^http/, 'ws')}/yjs`, docName: docName({ kind: 'board', workshopId: server.workshopId!, boardId }), tokens: [], seedToken: facilitator.token };
    const s0 = performance.now();
    const kinds = ['note', 'note', 'note', 'country', 'practice'] as const;
    await seed(target, (b) => {
      // In transactions of 250 items, so no update is near the 512 KiB bound.
      for (let start = 0; start < o.items; start += 250) {
        b.doc.transact(() => {
          for (let i = start; i < Math.min(o.items, start + 250); i++) {
            const kind = kinds[i % kinds.length]!;
            const at = { x: (i % 50) * 220, y: Math.floor(i / 50) * 160, w: 200, h: 130 };
            const data: ItemData =
              kind === 'note'
                ? { kind, ...at, text: `Note ${i}: referral, protection, prosecution — ملاحظة ${i}`, color: 'yellow' }
                : kind === 'country'
                  ? { kind, ...at, h: 56, country: 'PK', phase: 2, color: 'green' }
                  : { kind, ...at, title: `Good practice ${i}`, text: 'Joint investigation teams across borders.', color: 'blue' };
            b.add(`i${i}`, data);
          }
        });
      }
    });
    const seedS = round((performance.now() - s0) / 1000, 1);
    log(`browser: ${o.items} items seeded in ${seedS} s`);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(
      ([key, session]) => {
        localStorage.setItem(key, session);
        localStorage.setItem('plenary.language', 'en');
        const w = window as unknown as { __long: { start: number; duration: number }[] };
        w.__long = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
      },
      [`plenary.session.${server.workshopId}`, JSON.stringify(facilitator satisfies JoinReply)] as const,
    );
    const page = await context.newPage();
    const url = `${server.url}${AppPath.workshop(server.workshopId!)}/boards/${boardId}`;
    const nav0 = Date.now();
    await page.goto(url);
    await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
    const firstItemMs = Date.now() - nav0;
    await page.getByTestId('board-status').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 60_000 });
    const savedMs = Date.now() - nav0;
    await sleep(1500);
    const renderedNodes = await page.locator('.react-flow__node').count();
    const loadTasks = await page.evaluate(() => (window as unknown as { __long: { start: number; duration: number }[] }).__long.splice(0));
    // Pan: drag the empty canvas around for about 3 s, as a person exploring the board would.
    const pane = await page.locator('.react-flow__pane').boundingBox();
    const cx = pane!.x + pane!.width / 2;
    const cy = pane!.y + pane!.height / 2;
    await page.mouse.move(cx, cy);
    const cdp = process.env.BENCH_PROFILE ? await context.newCDPSession(page) : null;
    const events: { name: string; dur?: number; ph: string }[] = [];
    if (cdp) {
      (cdp as unknown as { on(e: string, f: (d: { value: typeof events }) => void): void }).on('Tracing.dataCollected', (d) => events.push(...d.value));
      await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    }
    await page.mouse.down();
    const pan0 = Date.now();
    let frames = 0;
    for (let i = 0; i < 180; i++) {
      const a = (i / 180) * Math.PI * 4;
      await page.mouse.move(cx + Math.cos(a) * 300, cy + Math.sin(a) * 200);
      frames++;
    }
    await page.mouse.up();
    const panS = (Date.now() - pan0) / 1000;
    await sleep(300);
    const panTasks = await page.evaluate(() => (window as unknown as { __long: { start: number; duration: number }[] }).__long.splice(0));
    // The same pan at 100 % zoom, as people usually work: only the items in view are rendered.
    for (let i = 0; i < 12; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
    await sleep(500);
    await page.evaluate(() => (window as unknown as { __long: unknown[] }).__long.splice(0));
    const visibleAt100 = await page.locator('.react-flow__node').count();
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    const zoomPan0 = Date.now();
    for (let i = 0; i < 180; i++) {
      const a = (i / 180) * Math.PI * 4;
      await page.mouse.move(cx + Math.cos(a) * 300, cy + Math.sin(a) * 200);
    }
    await page.mouse.up();
    const zoomPanS = (Date.now() - zoomPan0) / 1000;
    await sleep(300);
    const zoomPanTasks = await page.evaluate(() => (window as unknown as { __long: { start: number; duration: number }[] }).__long.splice(0));
    if (cdp) {
      const done = new Promise<void>((ok) => (cdp as unknown as { once(e: string, f: () => void): void }).once('Tracing.tracingComplete', () => ok()));
      await cdp.send('Tracing.end');
      await done;
      const by = new Map<string, number>();
      for (const e of events) if (e.ph === 'X' && e.dur) by.set(e.name, (by.get(e.name) ?? 0) + e.dur / 1000);
      console.log([...by].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`).join('\n'));
    }
    const sum = (ts: { duration: number }[]) => ({ count: ts.length, totalMs: round(ts.reduce((n, t) => n + t.duration, 0)), maxMs: round(Math.max(0, ...ts.map((t) => t.duration))) });
    return {
      items: o.items,
      seedS,
      firstItemMs,
      savedMs,
      renderedNodes,
      longTasksLoad: sum(loadTasks),
      longTasksPan: sum(panTasks),
      panFrames: frames,
      panS: round(panS, 2),
      visibleAt100,
      longTasksPanAt100: sum(zoomPanTasks),
      panAt100S: round(zoomPanS, 2),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

function table(rounds: RoundResult[]): string {
  const head = '| server | what | N (measured) | sent | arrivals / expected | p50 / p95 / p99 / max (ms) | server CPU | server RSS before → after | clients CPU |';
  const rule = '|---|---|---|---|---|---|---|---|---|';
  const rows = rounds.map(
    (r) =>
      `| ${r.server} | ${r.mode === 'fanout' ? `${r.movers} movers × ${r.ratePerMover}/s` : `${r.movers} cursors × ${r.ratePerMover}/s`} | ${r.clients} (${r.measuredClients}) | ${r.sent} | ${r.received} / ${r.expected} (${(r.deliveryRatio * 100).toFixed(1)} %) | ${quartet(r.latency)} | ${r.serverCpuS} s (${r.serverCpuPercent} %) | ${r.serverRssBeforeMiB} → ${r.serverRssAfterMiB} MiB | ${r.clientsCpuS} s |`,
  );
  return [head, rule, ...rows].join('\n');
}

async function main(): Promise<void> {
  const o = options();
  const startedAt = new Date().toISOString();
  const rounds: RoundResult[] = [];
  if (o.servers.includes('baseline') && !o.baseline) throw new Error('--servers baseline needs --baseline <a built checkout of Plenary>');
  for (let r = 0; r < o.repeat; r++) {
    if (!o.skipFanout) {
      for (const clients of o.clients) {
        for (const kind of o.servers) {
          rounds.push(await runRound(kind, 'fanout', clients, o));
          console.log(table(rounds.slice(-1)));
        }
      }
    }
    if (!o.skipCursors) {
      for (const kind of o.servers) {
        rounds.push(await runRound(kind, 'cursors', o.cursorClients, o));
        console.log(table(rounds.slice(-1)));
      }
    }
  }
  const browser = o.skipBrowser ? null : await browserRound(o);
  console.log(`\n${table(rounds)}\n`);
  if (browser) {
    console.log(
      `browser: ${browser.items} items — first item ${browser.firstItemMs} ms, all saved ${browser.savedMs} ms, ${browser.renderedNodes} nodes rendered; long tasks while loading ${browser.longTasksLoad.count} (max ${browser.longTasksLoad.maxMs} ms), while panning all of it ${browser.panS} s: ${browser.longTasksPan.count} (total ${browser.longTasksPan.totalMs} ms, max ${browser.longTasksPan.maxMs} ms); at 100 % (${browser.visibleAt100} nodes in view) ${browser.panAt100S} s: ${browser.longTasksPanAt100.count} (total ${browser.longTasksPanAt100.totalMs} ms, max ${browser.longTasksPanAt100.maxMs} ms)`,
    );
  }
  const result = {
    startedAt,
    machine: { ...machine(), loadAverage: loadavg() },
    options: o,
    rounds,
    browser,
  };
  await mkdir(dirname(o.out), { recursive: true });
  await writeFile(o.out, `${JSON.stringify(result, null, 2)}\n`);
  log(`results written to ${o.out}`);
}

// Exit once done: a handle left open by a stopped server or worker must not keep the run waiting.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
