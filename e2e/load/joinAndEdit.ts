/**
 * Load benchmark: N participants join one workshop and co-edit one board.
 *
 * Every participant is a real client in this Node process, as a browser would
 * be: POST /api/join, a Socket.IO connection of its own that asks
 * `workshop:sync`, then a y-websocket connection to one board document
 * (`w/<workshop>/board/bench-<random>`, fresh for each round). Joins run
 * `--concurrency` at a time. One round per `--clients` value (default 50, then 200).
 *
 * Per round it measures:
 *   - join time: POST /api/join until the `workshop:sync` ack (and its three
 *     parts), and separately y-websocket connect until synced;
 *   - edit-to-remote latency: `--writers` participants each set key
 *     `<index>:<n>` of the board's Y.Map `bench` to Date.now(), `--rate` times a
 *     second for `--duration` seconds; every participant observes the map and
 *     records now − value for keys it did not write. All clients share this
 *     process's clock, so no clock skew; but they also share its CPU, so the
 *     latency includes time a message waits for this process's event loop.
 *     Delivery ratio = (edit, receiver) pairs observed / sent × (N − 1);
 *   - server memory per participant: GET /healthz before joining and after all
 *     N are synced, (after − before) / N for rss and heapUsed. Before each
 *     reading a server started here runs a full GC (asked through the Node
 *     inspector it opens on 127.0.0.1), then `--settle` seconds pass.
 *
 * By default it starts `node server/dist/main.js` (build first: `pnpm build`)
 * on 127.0.0.1 with a fresh data directory and the demo workshop under join
 * code BENCH2 — a fresh server for every round, so rounds do not inherit each
 * other's memory — and stops it after the round; `--url` and `--code` use a
 * running server instead (no GC then). Results: a table on stdout and
 * e2e/output/bench-join-edit.json.
 *
 *   pnpm bench -- --clients 50,200 --writers 10 --rate 5 --duration 10
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { docName } from '@plenary/shared';
import { parseOptions, usage, type BenchOptions } from './lib/args.js';
import { joinParticipant, leave, RoundCounters, writeEdits, type JoinContext, type Participant } from './lib/participant.js';
import { memorySlope, resultsTable, slopeLine, type BenchResult, type MemorySlope, type RoundResult } from './lib/report.js';
import { cpuSeconds, externalServer, ownCpuSeconds, readHealth, startServer, type Health, type ServerUnderTest } from './lib/server.js';
import { round, summarize } from './lib/stats.js';
import { createBoardAt, workshopIdFor } from './lib/api.js';
import { machine } from './lib/machine.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const defaultOut = resolve(here, '../output/bench-join-edit.json');
/** How long, at most, to wait for the server to see a round's connections close. */
const disconnectWaitMs = 10_000;

/** Event-loop delay sampling period; the histogram's values include it. */
const loopResolutionMs = 5;
const lateMs = (ns: number) => round(Math.max(0, ns / 1e6 - loopResolutionMs));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const log = (message: string) => console.log(`[bench] ${message}`);

async function main(): Promise<void> {
  const options = optionsOrExit();
  if (!options) return;
  const startedAt = new Date().toISOString();
  // Each y-websocket provider adds a process 'exit' listener.
  process.setMaxListeners(Math.max(...options.clients) + 50);
  let current: ServerUnderTest | null = null;
  const onSignal = () => void (current?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const rounds: RoundResult[] = [];
  for (const clients of options.clients) {
    // A server started here is fresh for every round, so rounds do not inherit each other's memory.
    const server = options.url && options.code ? externalServer(options.url, options.code) : await startServer(repoRoot, { inspect: true });
    current = server;
    try {
      log(`server ${server.url} (${server.pid === null ? 'given by --url' : `started here, pid ${server.pid}`}), join code ${server.code}`);
      rounds.push(await runRound(server, options, clients));
    } finally {
      await server.stop();
      current = null;
    }
  }
  console.log(`\n${resultsTable(rounds)}\n`);
  const slope = memorySlope(rounds);
  if (slope) console.log(`${slopeLine(slope)}\n`);
  reportServerProblems(rounds);
  const out = options.out ? resolve(options.out) : defaultOut;
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(benchResult(options, rounds, startedAt, slope), null, 2)}\n`);
  log(`results written to ${out}`);
}

function optionsOrExit(): BenchOptions | null {
  try {
    const options = parseOptions(process.argv.slice(2));
    if (options !== 'help') return options;
    console.log(usage);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error(usage);
    process.exitCode = 2;
  }
  return null;
}

/** A fresh board for the round: boards exist only once a facilitator creates them. */
async function benchBoard(server: ServerUnderTest, workshopId: string): Promise<string> {
  if (!server.facilitatorKey) throw new Error('A board needs the facilitator key: set PLENARY_FACILITATOR_KEY for a server given by --url.');
  const { boardId } = await createBoardAt(server.url, workshopId, server.facilitatorKey, `Bench ${randomBytes(3).toString('hex')}`);
  return boardId;
}

/** One round: a fresh board, N joins, a memory reading, the edit load, everyone leaves. */
async function runRound(server: ServerUnderTest, options: BenchOptions, clients: number): Promise<RoundResult> {
  const counters = new RoundCounters();
  const workshopId = await workshopIdFor(server.url, server.code);
  const ctx: JoinContext = {
    url: server.url,
    code: server.code,
    docName: docName({ kind: 'board', workshopId, boardId: await benchBoard(server, workshopId) }),
    timeoutMs: options.timeoutS * 1000,
    counters,
  };
  log(`N=${clients}: board ${ctx.docName}`);
  const loadBefore = loadavg()[0]!;
  const before = await memoryReading(server, options);

  const cpuJoin = cpuMark(server.pid);
  const joinStart = performance.now();
  const { participants, failures } = await joinAll(ctx, clients, options.concurrency);
  const joinAllMs = performance.now() - joinStart;
  const joinCpu = cpuJoin.since();
  log(`N=${clients}: ${participants.length} joined in ${round(joinAllMs / 1000, 2)} s, ${clients - participants.length} failed`);

  const { afterJoin, edits, editCpu, loopDelayMs, loadAfter, afterEdits } = await measureLoaded(server, options, participants, counters).finally(
    () => participants.forEach(leave),
  );
  log(`N=${clients}: ${edits.received}/${edits.expected} deliveries, p50 ${edits.latency.p50} ms, p99 ${edits.latency.p99} ms`);
  await waitForServerToSeeLeaves(server.url, before.health);
  return {
    clients,
    server: { url: server.url, startedHere: server.pid !== null, gcForced: before.gcForced && afterJoin.gcForced, logProblems: server.problems },
    joined: participants.length,
    failed: clients - participants.length,
    failures,
    docName: ctx.docName,
    joinAllMs: round(joinAllMs),
    join: joinSummaries(participants),
    docSync: summarize(participants.map((p) => p.docSyncMs)),
    edits,
    memory: memoryPerParticipant(before.health, afterJoin.health, afterEdits, participants.length),
    drops: { socket: counters.socketDrops, doc: counters.docDrops },
    pushes: { events: counters.eventPushes, presence: counters.presencePushes },
    cpu: { serverJoinS: joinCpu.server, serverEditS: editCpu.server, benchJoinS: joinCpu.bench, benchEditS: editCpu.bench },
    benchLoopDelayMs: loopDelayMs,
    loadAverage: { before: round(loadBefore, 2), after: round(loadAfter, 2) },
  };
}

/** With everyone joined: a memory reading, then the edit load (CPU and this process's event-loop delay measured). */
async function measureLoaded(server: ServerUnderTest, options: BenchOptions, participants: Participant[], counters: RoundCounters) {
  const afterJoin = await memoryReading(server, options);
  const cpuEdit = cpuMark(server.pid);
  const loopDelay = monitorEventLoopDelay({ resolution: loopResolutionMs });
  loopDelay.enable();
  const edits = await runEdits(participants, options, counters);
  loopDelay.disable();
  const editCpu = cpuEdit.since();
  const loadAfter = loadavg()[0]!;
  const afterEdits = await readHealth(server.url);
  const loopDelayMs = { p50: lateMs(loopDelay.percentile(50)), p99: lateMs(loopDelay.percentile(99)), max: lateMs(loopDelay.max) };
  return { afterJoin, edits, editCpu, loopDelayMs, loadAfter, afterEdits };
}

/** Joins `count` participants, `concurrency` at a time; failures are counted, not thrown. */
async function joinAll(ctx: JoinContext, count: number, concurrency: number) {
  const participants: Participant[] = [];
  const failures: Record<string, number> = {};
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      try {
        participants.push(await joinParticipant(ctx, index));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        failures[message] = (failures[message] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  participants.sort((a, b) => a.index - b.index);
  return { participants, failures };
}

function joinSummaries(participants: Participant[]): RoundResult['join'] {
  return {
    total: summarize(participants.map((p) => p.join.totalMs)),
    rest: summarize(participants.map((p) => p.join.restMs)),
    connect: summarize(participants.map((p) => p.join.connectMs)),
    sync: summarize(participants.map((p) => p.join.syncMs)),
  };
}

/** The first `--writers` participants edit, their starts spread over one interval; then waits for delivery. */
async function runEdits(participants: Participant[], options: BenchOptions, counters: RoundCounters): Promise<RoundResult['edits']> {
  const writers = participants.slice(0, Math.min(options.writers, participants.length));
  const perWriter = Math.round(options.rate * options.durationS);
  const intervalMs = 1000 / options.rate;
  const written = await Promise.all(writers.map((w, i) => writeEdits(w, perWriter, intervalMs, (i * intervalMs) / writers.length)));
  const sent = written.reduce((s, n) => s + n, 0);
  const expected = sent * Math.max(0, participants.length - 1);
  const drainStart = performance.now();
  await waitFor(() => counters.latencies.length >= expected, options.drainS * 1000);
  const received = counters.latencies.length;
  return {
    writers: writers.length,
    editsPerSecondPerWriter: options.rate,
    durationS: options.durationS,
    sent,
    expected,
    received,
    deliveryRatio: expected === 0 ? 1 : received / expected,
    latency: summarize(counters.latencies),
    drainMs: round(performance.now() - drainStart),
  };
}

/** Health after a forced full GC (when possible) and `--settle` seconds. */
async function memoryReading(server: ServerUnderTest, options: BenchOptions): Promise<{ health: Health; gcForced: boolean }> {
  const gcForced = await server.collectGarbage();
  await sleep(options.settleS * 1000);
  return { health: await readHealth(server.url), gcForced };
}

function memoryPerParticipant(before: Health, afterJoin: Health, afterEdits: Health, joined: number): RoundResult['memory'] {
  const per = (bytes: number) => (joined === 0 ? 0 : Math.round(bytes / joined));
  return {
    before,
    afterJoin,
    afterEdits,
    rssPerParticipantBytes: per(afterJoin.memory.rss - before.memory.rss),
    heapPerParticipantBytes: per(afterJoin.memory.heapUsed - before.memory.heapUsed),
  };
}

/** CPU seconds of the server (when started here) and of this process from now on. */
function cpuMark(pid: number | null) {
  const server0 = cpuSeconds(pid);
  const bench0 = ownCpuSeconds();
  return {
    since() {
      const server1 = cpuSeconds(pid);
      return {
        server: server0 === null || server1 === null ? null : round(server1 - server0, 2),
        bench: round(ownCpuSeconds() - bench0, 2),
      };
    },
  };
}

async function waitFor(done: () => boolean, timeoutMs: number, pollMs = 50): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done() && performance.now() < deadline) await sleep(pollMs);
}

/** Until the server counts no more sockets and doc connections than before the round (bounded). */
async function waitForServerToSeeLeaves(url: string, before: Health): Promise<void> {
  const deadline = performance.now() + disconnectWaitMs;
  while (performance.now() < deadline) {
    const now = await readHealth(url);
    if (now.sockets <= before.sockets && now.connections <= before.connections) return;
    await sleep(200);
  }
  log('the server still counts connections of the last round; going on');
}

function benchResult(options: BenchOptions, rounds: RoundResult[], startedAt: string, slope: MemorySlope | null): BenchResult {
  return {
    startedAt,
    machine: machine(),
    options: { ...options },
    rounds,
    memorySlope: slope,
  };
}

function reportServerProblems(rounds: RoundResult[]): void {
  for (const r of rounds) {
    if (!r.server.startedHere) continue;
    const entries = Object.entries(r.server.logProblems);
    if (entries.length === 0) {
      log(`N=${r.clients}: the server logged no warnings or errors`);
      continue;
    }
    log(`N=${r.clients}: server warnings/errors (count × message):`);
    for (const [message, count] of entries) console.log(`  ${count} × ${message}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  // Clients that were still connecting may keep retrying; end here.
  process.exit(1);
});
