/**
 * Load benchmark: N participants each cast one ballot in a live poll within
 * one second, and every screen shows the results.
 *
 * It starts `node server/dist/main.js` (build first: `pnpm build`) with a fresh
 * data directory and the demo workshop, reads the facilitator link the server
 * prints, and then, all in this process:
 *   - joins N participants as a browser does (POST /api/join, a Socket.IO
 *     connection of their own, `workshop:sync`), `--concurrency` at a time;
 *   - enters as a facilitator, creates a ranking poll over the six objectives
 *     (anonymous, or named with `--named`; results live) and launches it;
 *   - lets every participant send one ballot (a random ranking) at a random
 *     moment within `--window` ms; the ack says whether it counted;
 *   - waits until every client has received a `poll:results` push that counts
 *     all N ballots.
 *
 * It reports:
 *   - ballots acknowledged / refused, ack latency;
 *   - exactly-once: the server's tally (GET results as the facilitator) counts
 *     N ballots and equals the tally computed here from the ballots sent, and
 *     the facilitator's event stream holds exactly N ballot events, one per voter;
 *   - agreement: the last results every client holds equal the server's tally;
 *   - time from the last ballot (its ack, and its sending) to results on every
 *     client: percentiles over the N clients (target: p99 under 500 ms);
 *   - push rate: results pushes per client and the shortest gap between two
 *     of them (bounded by the server's coalescing, 250 ms), event pushes;
 *   - server and benchmark CPU time, memory, event-loop delay of this process.
 *
 *   pnpm --filter @plenary/e2e bench:polls -- --clients 1000
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  ApiPath,
  demoDefinition,
  PollApiPath,
  PollSocketEvent,
  SocketEvent,
  tallyBallots,
  type BallotRecord,
  type CommandAck,
  type JoinReply,
  type PollResultsPush,
  type PollSpec,
  type Result,
} from '@plenary/shared';
import { benchCountries, connectSocket, enterAsFacilitator, post, send, syncWorkshop, type ClientSocket } from './lib/api.js';
import { machine } from './lib/machine.js';
import { cpuSeconds, ownCpuSeconds, readHealth, startServer, type ServerUnderTest } from './lib/server.js';
import { round, summarize, type Summary } from './lib/stats.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const joinCode = 'BENCH5';
const log = (m: string) => console.log(`[bench:polls] ${m}`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Options {
  clients: number;
  window: number;
  concurrency: number;
  timeout: number;
  /** A named poll: each voter's own ballot event goes to them alone (the harder fan-out). */
  named: boolean;
  out: string;
}

function options(): Options {
  const args = process.argv.slice(2);
  const { values } = parseArgs({
    args: args[0] === '--' ? args.slice(1) : args,
    strict: true,
    options: {
      clients: { type: 'string', default: '1000' },
      window: { type: 'string', default: '1000' },
      concurrency: { type: 'string', default: '50' },
      timeout: { type: 'string', default: '30' },
      named: { type: 'boolean', default: false },
      out: { type: 'string', default: resolve(here, '../output/bench-polls.json') },
    },
  });
  const n = (k: 'clients' | 'window' | 'concurrency' | 'timeout') => {
    const v = Number(values[k]);
    if (!Number.isInteger(v) || v <= 0) throw new Error(`--${k} must be a positive integer`);
    return v;
  };
  return { clients: n('clients'), window: n('window'), concurrency: n('concurrency'), timeout: n('timeout'), named: values.named ?? false, out: values.out! };
}

/** One simulated participant: what it sent and what it was shown. */
interface Client {
  index: number;
  session: JoinReply;
  socket: ClientSocket;
  order: string[];
  sentAt: number;
  ackAt: number;
  ack: Result<CommandAck> | null;
  latest: PollResultsPush | null;
  /** When it first held results counting every ballot. */
  completeAt: number | null;
  resultPushes: number[];
  eventPushes: number;
  leaving: boolean;
  dropped: boolean;
}

const spec: PollSpec = { kind: 'ranking', options: demoDefinition.objectives.map((o) => ({ id: o.id, label: o.short })) };

function shuffled<T>(xs: T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

async function joinOne(server: ServerUnderTest, index: number, o: Options, pollId: () => string | null, n: number): Promise<Client> {
  const reply = await post<JoinReply>(server.url + ApiPath.join, {
    code: joinCode,
    name: `Voter ${String(index + 1).padStart(4, '0')}`,
    language: 'en',
    role: 'participant',
    affiliation: { kind: 'country', country: benchCountries[index % benchCountries.length], delegation: 'capital' },
  });
  if (!reply.ok) throw new Error(`join: ${reply.error.code} ${reply.error.message}`);
  const socket = await connectSocket(server.url, reply.data.token, o.timeout * 1000);
  const c: Client = {
    index,
    session: reply.data,
    socket,
    order: shuffled(spec.kind === 'ranking' ? spec.options.map((x) => x.id) : []),
    sentAt: 0,
    ackAt: 0,
    ack: null,
    latest: null,
    completeAt: null,
    resultPushes: [],
    eventPushes: 0,
    leaving: false,
    dropped: false,
  };
  socket.on(SocketEvent.events, () => c.eventPushes++);
  socket.on(PollSocketEvent.results, (push) => {
    if (push.pollId !== pollId()) return;
    const now = performance.now();
    c.resultPushes.push(now);
    if (!c.latest || push.seq >= c.latest.seq) c.latest = push;
    if (c.completeAt === null && push.results?.counted === n) c.completeAt = now;
  });
  socket.on('disconnect', () => {
    if (!c.leaving) c.dropped = true;
  });
  await syncWorkshop(socket, o.timeout * 1000);
  return c;
}

async function main(): Promise<void> {
  const o = options();
  const startedAt = new Date().toISOString();
  const server = await startServer(repoRoot, { joinCode });
  const { workshopId, facilitatorKey } = server;
  if (!workshopId || !facilitatorKey) {
    await server.stop();
    throw new Error('no facilitator link in the server output');
  }
  log(`server ${server.url} (pid ${server.pid}); ${o.clients} participants, ballots within ${o.window} ms, ${o.named ? 'named' : 'anonymous'} poll`);
  const clients: Client[] = [];
  let pollId: string | null = null;
  try {
    // Join everyone.
    const joinStart = performance.now();
    let next = 0;
    const failures: Record<string, number> = {};
    await Promise.all(
      Array.from({ length: Math.min(o.concurrency, o.clients) }, async () => {
        while (next < o.clients) {
          const i = next++;
          try {
            clients.push(await joinOne(server, i, o, () => pollId, o.clients));
          } catch (e) {
            const m = e instanceof Error ? e.message : String(e);
            failures[m] = (failures[m] ?? 0) + 1;
          }
        }
      }),
    );
    const joinMs = performance.now() - joinStart;
    log(`${clients.length} joined in ${round(joinMs / 1000, 1)} s; failures: ${JSON.stringify(failures)}`);
    if (clients.length !== o.clients) throw new Error('not everyone could join');

    // The facilitator prepares and launches the poll.
    const f = await enterAsFacilitator(server.url, workshopId, facilitatorKey);
    const fs = await connectSocket(server.url, f.token, o.timeout * 1000);
    const ballotEvents = new Map<string, number>();
    fs.on(SocketEvent.events, ({ events }) => {
      for (const e of events) if (e.type === 'poll.ballotCast' && e.pollId === pollId) ballotEvents.set(e.voter, (ballotEvents.get(e.voter) ?? 0) + 1);
    });
    await syncWorkshop(fs, o.timeout * 1000);
    const settings = { anonymous: !o.named, results: 'live', countBy: 'person', segmentBy: 'none' } as const;
    const created = await send(fs, 'poll:create', { poll: { question: 'Rank the six objectives by priority', spec, settings } }, 10_000);
    if (!created.ok) throw new Error(`create: ${created.error.message}`);
    // The new poll's id: the facilitator's snapshot after creation names it.
    const snap = await fs.timeout(10_000).emitWithAck(SocketEvent.sync, { since: null });
    if (!snap.ok || snap.data.mode !== 'snapshot') throw new Error('facilitator sync');
    pollId = snap.data.state.polls.order.at(-1)!;
    const opened = await send(fs, 'poll:open', { pollId }, 10_000);
    if (!opened.ok) throw new Error(`open: ${opened.error.message}`);
    await sleep(1000); // let the launch reach everyone and the first (empty) results go out

    // Everyone votes once, at a random moment within the window.
    for (const c of clients) {
      c.resultPushes = [];
      c.eventPushes = 0;
    }
    const cpu0 = { server: cpuSeconds(server.pid), bench: ownCpuSeconds() };
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const burstStart = performance.now();
    await Promise.all(
      clients.map(async (c) => {
        await sleep(Math.random() * o.window);
        c.sentAt = performance.now();
        c.ack = await send(c.socket, 'poll:vote', { pollId, ballot: { kind: 'ranking', order: c.order } }, o.timeout * 1000).catch(
          (e: unknown) => ({ ok: false, error: { code: 'internal', message: String(e) } }) as const,
        );
        c.ackAt = performance.now();
      }),
    );
    const lastAck = Math.max(...clients.map((c) => c.ackAt));
    const lastSent = Math.max(...clients.map((c) => c.sentAt));
    const deadline = performance.now() + o.timeout * 1000;
    while (clients.some((c) => c.completeAt === null) && performance.now() < deadline) await sleep(10);
    const allShown = performance.now();
    await sleep(600); // any push still on its way
    loop.disable();
    const cpu1 = { server: cpuSeconds(server.pid), bench: ownCpuSeconds() };
    const health = await readHealth(server.url);

    // The server's tally, and the tally of what was sent.
    const res = await fetch(server.url + PollApiPath.results(workshopId), { headers: { authorization: `Bearer ${f.token}` } });
    const body = (await res.json()) as Result<PollResultsPush[]>;
    if (!body.ok) throw new Error('results');
    const serverPush = body.data.find((p) => p.pollId === pollId)!;
    const accepted = clients.filter((c) => c.ack?.ok);
    const records: BallotRecord[] = accepted.map((c, i) => ({
      voter: `v${i}`,
      named: false,
      ballot: { kind: 'ranking', order: c.order },
      country: null,
      organisation: null,
      group: null,
      seq: i + 1,
      at: 0,
      moderation: null,
    }));
    const expected = tallyBallots({ spec, hiddenWords: [] }, records);
    const agreeing = clients.filter((c) => JSON.stringify(c.latest?.results) === JSON.stringify(serverPush.results)).length;
    const sinceAck = summarize(clients.filter((c) => c.completeAt !== null).map((c) => Math.max(0, c.completeAt! - lastAck)));
    const sinceSent = summarize(clients.filter((c) => c.completeAt !== null).map((c) => c.completeAt! - lastSent));
    const pushCounts = summarize(clients.map((c) => c.resultPushes.length));
    const gaps = clients.flatMap((c) => c.resultPushes.slice(1).map((t, i) => t - c.resultPushes[i]!));
    const burstMs = allShown - burstStart;

    const result = {
      startedAt,
      machine: { ...machine(), load: loadavg() },
      options: o,
      joined: clients.length,
      joinAllS: round(joinMs / 1000, 2),
      ballots: { sent: clients.length, acknowledged: accepted.length, refused: clients.length - accepted.length, ackMs: summarize(clients.map((c) => c.ackAt - c.sentAt)) },
      sendSpreadMs: round(lastSent - Math.min(...clients.map((c) => c.sentAt))),
      exactlyOnce: {
        serverReceived: serverPush.ballots,
        serverCounted: serverPush.results?.counted ?? null,
        ballotEventsAtFacilitator: [...ballotEvents.values()].reduce((s, x) => s + x, 0),
        distinctVotersAtFacilitator: ballotEvents.size,
        serverTallyEqualsSent: JSON.stringify(serverPush.results?.overall) === JSON.stringify(expected),
      },
      clientsAgreeingWithServer: agreeing,
      clientsWithCompleteResults: clients.filter((c) => c.completeAt !== null).length,
      lastBallotAckToResultsOnAllClientsMs: sinceAck,
      lastBallotSentToResultsOnAllClientsMs: sinceSent,
      resultsPushesPerClient: pushCounts,
      resultsPushesPerClientPerSecond: round(pushCounts.max / Math.max(1, burstMs / 1000), 2),
      shortestGapBetweenPushesMs: gaps.length ? round(Math.min(...gaps)) : null,
      eventPushesPerClient: summarize(clients.map((c) => c.eventPushes)),
      droppedConnections: clients.filter((c) => c.dropped).length,
      cpu: { serverS: cpu0.server === null || cpu1.server === null ? null : round(cpu1.server - cpu0.server, 2), benchS: round(cpu1.bench - cpu0.bench, 2) },
      benchLoopDelayMs: { p50: round(loop.percentile(50) / 1e6), p99: round(loop.percentile(99) / 1e6), max: round(loop.max / 1e6) },
      serverMemory: health.memory,
      serverProblems: server.problems,
    };
    printSummary(result);
    await mkdir(dirname(o.out), { recursive: true });
    await writeFile(o.out, `${JSON.stringify(result, null, 2)}\n`);
    log(`results written to ${o.out}`);
    fs.disconnect();
    const ok =
      result.ballots.acknowledged === o.clients &&
      result.exactlyOnce.serverCounted === o.clients &&
      result.exactlyOnce.ballotEventsAtFacilitator === o.clients &&
      result.exactlyOnce.distinctVotersAtFacilitator === o.clients &&
      result.exactlyOnce.serverTallyEqualsSent &&
      agreeing === o.clients;
    if (!ok) {
      log('FAILED: not every ballot was counted exactly once, or a client disagrees with the server');
      process.exitCode = 1;
    }
  } finally {
    for (const c of clients) {
      c.leaving = true;
      c.socket.disconnect();
    }
    await server.stop();
  }
}

function printSummary(r: {
  joined: number;
  ballots: { sent: number; acknowledged: number; ackMs: Summary };
  exactlyOnce: Record<string, unknown>;
  clientsAgreeingWithServer: number;
  lastBallotAckToResultsOnAllClientsMs: Summary;
  lastBallotSentToResultsOnAllClientsMs: Summary;
  resultsPushesPerClient: Summary;
  shortestGapBetweenPushesMs: number | null;
  eventPushesPerClient: Summary;
  cpu: Record<string, unknown>;
  benchLoopDelayMs: Record<string, number>;
}) {
  const q = (s: Summary) => `p50 ${s.p50} / p95 ${s.p95} / p99 ${s.p99} / max ${s.max}`;
  console.log(`
participants                          ${r.joined}
ballots acknowledged                  ${r.ballots.acknowledged} / ${r.ballots.sent}
ack latency (ms)                      ${q(r.ballots.ackMs)}
exactly once                          ${JSON.stringify(r.exactlyOnce)}
clients agreeing with the server      ${r.clientsAgreeingWithServer} / ${r.joined}
last ballot ack → results, all (ms)   ${q(r.lastBallotAckToResultsOnAllClientsMs)}
last ballot sent → results, all (ms)  ${q(r.lastBallotSentToResultsOnAllClientsMs)}
results pushes per client             ${q(r.resultsPushesPerClient)}; shortest gap ${r.shortestGapBetweenPushesMs} ms
event pushes per client               ${q(r.eventPushesPerClient)}
cpu                                   ${JSON.stringify(r.cpu)}; bench loop delay ${JSON.stringify(r.benchLoopDelayMs)}
`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
