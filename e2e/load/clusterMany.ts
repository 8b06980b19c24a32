/**
 * Cluster benchmark, many workshops: the same total load on 1, 2 and 3 nodes
 * (PostgreSQL and Redis on this machine, a schema and prefix of their own).
 *
 * For each node count k: k nodes, then `--workshops` workshops (copies of the
 * demo, created through the API), each with a facilitator (connected to node
 * w mod k, creates a board and a live single-choice poll and launches it) and
 * `--people` participants spread over all nodes (participant j of workshop w
 * talks to node (w + j) mod k, directly, no proxy), each with a Socket.IO
 * connection and the workshop's board open over y-websocket. Then, for
 * `--duration` seconds, in every workshop at once:
 *
 *   - `--writers` participants edit the board, `--rate` edits a second each
 *     (key `<index>:<n>` of the Y.Map `bench` set to Date.now()); every other
 *     participant of the workshop records now − value;
 *   - every participant casts (or changes) a ballot every `1 / --voteRate`
 *     seconds: a command appended to the workshop's totally ordered log, which
 *     nodes race for. Recorded: the ack round trip, and ballot → results: from
 *     sending the ballot to the facilitator receiving a `poll:results` push
 *     computed at or after the ballot's sequence number (pushes are coalesced,
 *     at most one per poll per 250 ms, so that is part of the number).
 *
 * Throughput is what was handled per second of the phase: ballots acknowledged
 * plus board edits delivered to every other participant of their workshop
 * (against what was offered: ballots and edits sent, per second of the same
 * phase), and the messages the clients received (edit deliveries and results
 * pushes).
 * Clients and nodes share this machine's cores: read the numbers for what a
 * second and third process on the same cores buy, not more machines.
 * Results: a Markdown table on stdout and e2e/output/bench-cluster-many.json.
 *
 *   pnpm build && pnpm --filter @plenary/e2e bench:cluster:many -- --nodes 1,2,3 --workshops 8 --people 8
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io, type Socket } from 'socket.io-client';
import {
  ApiPath,
  docName,
  PollSocketEvent,
  SocketEvent,
  type CreatedWorkshop,
  type DomainEvent,
  type JoinReply,
  type PollResultsPush,
  type Result,
} from '@plenary/shared';
import { cpuOf, post } from './lib/boardsKit.js';
import { startNodes } from './lib/clusterNodes.js';
import { joinParticipant, leave, RoundCounters, writeEdits, type Participant } from './lib/participant.js';
import { quartet, round, summarize, type Summary } from './lib/stats.js';
import { parseNodeRoundOptions } from './lib/nodeRoundOptions.js';

const here = dirname(fileURLToPath(import.meta.url));
const outFile = resolve(here, '../output/bench-cluster-many.json');
const log = (message: string) => console.log(`[bench:cluster:many] ${message}`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Options {
  nodes: number[];
  workshops: number;
  people: number;
  writers: number;
  rate: number;
  voteRate: number;
  duration: number;
  drainMs: number;
  repeat: number;
}

function parseArgs(argv: string[]): Options {
  const o = parseNodeRoundOptions<Options>(argv, { nodes: [1, 2, 3], workshops: 8, people: 8, writers: 3, rate: 4, voteRate: 0.5, duration: 20, drainMs: 3000, repeat: 1 }, ['workshops', 'people', 'writers', 'rate', 'voteRate', 'duration', 'repeat']);
  if (o.writers > o.people) throw new Error('--writers must be at most --people');
  return o;
}

type AnySocket = Socket & { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<Result<{ seq: number }>> } };

interface Workshop {
  index: number;
  workshopId: string;
  joinCode: string;
  boardDoc: string;
  pollId: string;
  facilitator: AnySocket;
  /** Results pushes the facilitator received: arrival time and the sequence number they were computed at. */
  pushes: { at: number; seq: number }[];
  people: Participant[];
}

interface RoundResult {
  nodes: number;
  workshops: number;
  clients: number;
  phaseSeconds: number;
  edits: { sent: number; delivered: number; expected: number; latency: Summary };
  ballots: { sent: number; acked: number; refused: number; failed: number; ack: Summary; toResults: Summary; noResults: number };
  throughput: { opsPerSecond: number; messagesPerSecond: number; offeredOpsPerSecond: number };
  drops: { sockets: number; docs: number };
  /** Deadlocks PostgreSQL detected in the database during the phase (other users of the database count too). */
  deadlocks: number | null;
  cpu: { nodes: number; perNode: number[]; clients: number };
  loadAvgAfter: number[];
}

/** PostgreSQL's deadlock count for the database (shared with whatever else uses it; null if psql cannot tell). */
function deadlocks(dbUrl: string): number | null {
  try {
    return Number(execFileSync('psql', [dbUrl, '-Atc', 'SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()'], { encoding: 'utf8' }).trim());
  } catch {
    return null;
  }
}

async function connect(url: string, token: string): Promise<AnySocket> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false }) as AnySocket;
  await new Promise<void>((ok, fail) => {
    socket.once('connect', () => ok());
    socket.once('connect_error', fail);
  });
  await socket.timeout(10_000).emitWithAck(SocketEvent.sync, { since: null });
  return socket;
}

/** Creates a workshop (a copy of the demo) and sets it up: facilitator connected to `url`, a board, a launched poll. */
async function setUpWorkshop(index: number, creatorUrl: string, creatorToken: string, url: string): Promise<Omit<Workshop, 'people'>> {
  const res = await fetch(creatorUrl + ApiPath.workshops, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${creatorToken}` },
    body: JSON.stringify({ from: 'demo', title: `Bench workshop ${index + 1}` }),
  });
  const created = (await res.json()) as Result<CreatedWorkshop>;
  if (!created.ok) throw new Error(`create workshop: ${created.error.message}`);
  const { workshopId, joinCode, facilitatorKey } = created.data;
  const entered = await post<JoinReply>(url + ApiPath.facilitatorEnter(workshopId), { key: facilitatorKey, name: 'Bench facilitator', language: 'en' });
  if (!entered.ok) throw new Error(`facilitator: ${entered.error.message}`);
  const facilitator = await connect(url, entered.data.token);
  const boardId = new Promise<string>((ok) => facilitator.on(SocketEvent.events, ({ events }: { events: DomainEvent[] }) => {
    for (const e of events) if (e.type === 'board.created') ok(e.boardId);
  }));
  const pollId = new Promise<string>((ok) => facilitator.on(SocketEvent.events, ({ events }: { events: DomainEvent[] }) => {
    for (const e of events) if (e.type === 'poll.created') ok(e.poll.id);
  }));
  const must = (r: Result<unknown>, what: string) => {
    if (!r.ok) throw new Error(`${what}: ${r.error.message}`);
  };
  must(await facilitator.timeout(10_000).emitWithAck('board:create', { title: 'Bench board', template: 'blank' }), 'board:create');
  must(
    await facilitator.timeout(10_000).emitWithAck('poll:create', {
      poll: {
        question: 'Which first?',
        spec: { kind: 'single', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }] },
        settings: { anonymous: false, results: 'live', countBy: 'person', segmentBy: 'none' },
      },
    }),
    'poll:create',
  );
  const poll = await pollId;
  must(await facilitator.timeout(10_000).emitWithAck('poll:open', { pollId: poll }), 'poll:open');
  const pushes: { at: number; seq: number }[] = [];
  facilitator.on(PollSocketEvent.results, (p: PollResultsPush) => {
    if (p.pollId === poll) pushes.push({ at: Date.now(), seq: p.seq });
  });
  return { index, workshopId, joinCode, boardDoc: docName({ kind: 'board', workshopId, boardId: await boardId }), pollId: poll, facilitator, pushes };
}

async function runRound(k: number, o: Options): Promise<RoundResult> {
  const cluster = await startNodes(k, 'plenary_benchm');
  const workshops: Workshop[] = [];
  const counters = new RoundCounters();
  try {
    const first = cluster.nodes[0]!;
    const demoId = ((await (await fetch(first.url + ApiPath.joinInfo(first.joinCode))).json()) as Result<{ workshopId: string }>);
    if (!demoId.ok) throw new Error('no demo workshop');
    const key = new URL(first.facilitatorUrl!).hash.replace(/^#key=/, '');
    const creator = await post<JoinReply>(first.url + ApiPath.facilitatorEnter(demoId.data.workshopId), { key, name: 'Creator', language: 'en' });
    if (!creator.ok) throw new Error(creator.error.message);
    const nodeUrl = (i: number) => cluster.nodes[i % k]!.url;
    for (let w = 0; w < o.workshops; w++) {
      const ws = await setUpWorkshop(w, first.url, creator.data.token, nodeUrl(w));
      const people: Participant[] = [];
      people.push(
        ...(await Promise.all(
          Array.from({ length: o.people }, (_, j) =>
            joinParticipant({ url: nodeUrl(w + j), code: ws.joinCode, docName: ws.boardDoc, timeoutMs: 30_000, counters }, w * 1000 + j),
          ),
        )),
      );
      workshops.push({ ...ws, people });
    }
    const clients = workshops.reduce((n, w) => n + w.people.length + 1, 0);
    log(`${k} node(s): ${o.workshops} workshops, ${clients} clients joined and synced`);
    await sleep(1000);

    const cpuBefore = cluster.nodes.map((n) => cpuOf(n.pid));
    const deadlocksBefore = deadlocks(cluster.dbUrl);
    const ownBefore = process.cpuUsage();
    const phaseStart = performance.now();

    // Board edits, in every workshop.
    const editLatency: number[] = [];
    const perWriter = Math.round(o.rate * o.duration);
    const intervalMs = 1000 / o.rate;
    for (const w of workshops) {
      for (const p of w.people) {
        p.bench.observe((event) => {
          const now = Date.now();
          for (const [key, change] of event.changes.keys) {
            if (change.action !== 'add' || Number(key.split(':')[0]) === p.index) continue;
            const written = p.bench.get(key);
            if (typeof written === 'number') editLatency.push(now - written);
          }
        });
      }
    }
    const allWriters = workshops.flatMap((w) => w.people.slice(0, o.writers));
    const editing = Promise.all(allWriters.map((p, i) => writeEdits(p, perWriter, intervalMs, (i * intervalMs) / allWriters.length)));

    // Ballots, from everyone, in every workshop.
    const ballots: { ws: Workshop; sentAt: number; seq: number | null }[] = [];
    const acks: number[] = [];
    let refused = 0;
    let failed = 0;
    const voteEveryMs = 1000 / o.voteRate;
    const votesEach = Math.max(1, Math.round(o.voteRate * o.duration));
    const everyone = workshops.flatMap((w) => w.people.map((p) => ({ w, p })));
    const voting = Promise.all(
      everyone.map(async ({ w, p }, i) => {
        const start = performance.now() + (i * voteEveryMs) / everyone.length;
        for (let n = 0; n < votesEach; n++) {
          await sleep(Math.max(0, start + n * voteEveryMs - performance.now()));
          const sentAt = Date.now();
          const t0 = performance.now();
          try {
            const reply = await (p.socket as unknown as AnySocket)
              .timeout(10_000)
              .emitWithAck('poll:vote', { pollId: w.pollId, ballot: { kind: 'single', option: ['a', 'b', 'c'][(p.index + n) % 3] } });
            acks.push(performance.now() - t0);
            if (reply.ok) ballots.push({ ws: w, sentAt, seq: reply.data.seq });
            else refused++;
          } catch {
            failed++;
          }
        }
      }),
    );
    const [written] = await Promise.all([editing, voting]);
    const phaseSeconds = (performance.now() - phaseStart) / 1000;
    await sleep(o.drainMs);
    const perNode = cluster.nodes.map((n, i) => round(cpuOf(n.pid) - cpuBefore[i]!, 2));
    const own = process.cpuUsage(ownBefore);
    const deadlocksAfter = deadlocks(cluster.dbUrl);

    // Ballot → results: the first push to the workshop's facilitator computed at or after the ballot's seq.
    const toResults: number[] = [];
    let noResults = 0;
    for (const b of ballots) {
      const push = b.ws.pushes.find((x) => x.seq >= b.seq!);
      if (push) toResults.push(push.at - b.sentAt);
      else noResults++;
    }
    const sent = written.reduce((a, b) => a + b, 0);
    const expected = sent * (o.people - 1);
    const delivered = editLatency.length;
    const pushes = workshops.reduce((n, w) => n + w.pushes.length, 0);
    const r = (xs: number[]) => summarize(xs.map((x) => round(x)));
    // Edits count as handled once delivered to every other participant (delivered ÷ (people − 1)).
    const opsPerSecond = round((ballots.length + delivered / (o.people - 1)) / phaseSeconds, 1);
    return {
      nodes: k,
      workshops: o.workshops,
      clients,
      phaseSeconds: round(phaseSeconds, 1),
      edits: { sent, delivered, expected, latency: r(editLatency) },
      ballots: { sent: everyone.length * votesEach, acked: ballots.length, refused, failed, ack: r(acks), toResults: r(toResults), noResults },
      throughput: {
        opsPerSecond,
        messagesPerSecond: round((delivered + pushes) / phaseSeconds, 0),
        offeredOpsPerSecond: round((sent + everyone.length * votesEach) / phaseSeconds, 1),
      },
      drops: { sockets: counters.socketDrops, docs: counters.docDrops },
      deadlocks: deadlocksBefore === null || deadlocksAfter === null ? null : deadlocksAfter - deadlocksBefore,
      cpu: { nodes: round(perNode.reduce((a, b) => a + b, 0), 2), perNode, clients: round((own.user + own.system) / 1e6, 2) },
      loadAvgAfter: loadavg().map((x) => round(x, 2)),
    };
  } finally {
    for (const w of workshops) {
      for (const p of w.people) leave(p);
      w.facilitator.disconnect();
    }
    await cluster.stop();
  }
}

function table(results: RoundResult[]): string {
  const lines = [
    '| nodes | workshops / clients | offered ops/s | handled ops/s | messages/s | board edit p50 / p95 / p99 / max, ms | edits delivered | ballot ack p50 / p95 / p99 / max | ballot → results p50 / p95 / p99 / max | ballots acked / sent (refused, timed out) | PG deadlocks | CPU s: nodes (each) / clients, in phase s | load avg (1 min) after |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const x of [...results].sort((a, b) => a.nodes - b.nodes)) {
    lines.push(
      `| ${x.nodes} | ${x.workshops} / ${x.clients} | ${x.throughput.offeredOpsPerSecond} | ${x.throughput.opsPerSecond} | ${x.throughput.messagesPerSecond} | ${quartet(x.edits.latency)} | ${((x.edits.delivered / x.edits.expected) * 100).toFixed(1)} % | ${quartet(x.ballots.ack)} | ${quartet(x.ballots.toResults)} | ${x.ballots.acked} / ${x.ballots.sent} (${x.ballots.refused}, ${x.ballots.failed}) | ${x.deadlocks ?? '?'} | ${x.cpu.nodes} (${x.cpu.perNode.join(', ')}) / ${x.cpu.clients}, in ${x.phaseSeconds} | ${x.loadAvgAfter[0]} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  let o: Options;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 2;
    return;
  }
  process.setMaxListeners(o.workshops * (o.people + 1) + 50);
  const results: RoundResult[] = [];
  const startedAt = new Date().toISOString();
  const loadAvgBefore = loadavg().map((x) => round(x, 2));
  for (const k of Array.from({ length: o.repeat }, () => o.nodes).flat()) {
    log(
      `round: ${k} node(s), ${o.workshops} workshops × ${o.people} people; ${o.writers} writers × ${o.rate} edits/s and everyone ${o.voteRate} ballots/s, ${o.duration} s (load avg ${loadavg()[0]!.toFixed(2)})`,
    );
    const result = await runRound(k, o);
    log(
      `ops/s ${result.throughput.opsPerSecond} of ${result.throughput.offeredOpsPerSecond}; edits ${quartet(result.edits.latency)}; ballot ack ${quartet(result.ballots.ack)}; → results ${quartet(result.ballots.toResults)}; refused ${result.ballots.refused}, failed ${result.ballots.failed}, no results ${result.ballots.noResults}; drops ${JSON.stringify(result.drops)}; deadlocks ${result.deadlocks}; cpu ${JSON.stringify(result.cpu)}; load ${result.loadAvgAfter.join(' ')}`,
    );
    results.push(result);
    await sleep(1000);
  }
  const machine = { cpus: availableParallelism(), model: cpus()[0]?.model ?? 'unknown', memoryGiB: round(totalmem() / 2 ** 30, 1), node: process.version };
  console.log(`\n${table(results)}\n`);
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, JSON.stringify({ startedAt, options: o, machine, loadAvgBefore, results }, null, 2));
  log(`written to ${outFile}`);
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
