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
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiPath, docName, PollSocketEvent, type CreatedWorkshop, type PollResultsPush } from '@plenary/shared';
import { connectSocket, enterAsFacilitator, must, nextEvent, post, send, syncWorkshop, workshopIdFor, type ClientSocket } from './lib/api.js';
import { startNodes } from './lib/clusterNodes.js';
import { joinParticipant, leave, RoundCounters, writeEdits, type Participant } from './lib/participant.js';
import { cpuOf } from './lib/server.js';
import { quartet, round, summarize, type Summary } from './lib/stats.js';
import { parseNodeRoundOptions, runNodeRounds, type NodeRoundOptions } from './lib/nodeRounds.js';

const here = dirname(fileURLToPath(import.meta.url));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Options extends NodeRoundOptions {
  workshops: number;
  people: number;
  writers: number;
  rate: number;
  voteRate: number;
  duration: number;
  drainMs: number;
}

function parseArgs(argv: string[]): Options {
  const o = parseNodeRoundOptions<Options>(argv, { nodes: [1, 2, 3], workshops: 8, people: 8, writers: 3, rate: 4, voteRate: 0.5, duration: 20, drainMs: 3000, repeat: 1 }, ['workshops', 'people', 'writers', 'rate', 'voteRate', 'duration', 'repeat']);
  if (o.writers > o.people) throw new Error('--writers must be at most --people');
  return o;
}

interface Workshop {
  index: number;
  workshopId: string;
  joinCode: string;
  boardDoc: string;
  pollId: string;
  facilitator: ClientSocket;
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

/** Creates a workshop (a copy of the demo) and sets it up: facilitator connected to `url`, a board, a launched poll. */
async function setUpWorkshop(index: number, creatorUrl: string, creatorToken: string, url: string): Promise<Omit<Workshop, 'people'>> {
  const created = await post<CreatedWorkshop>(creatorUrl + ApiPath.workshops, { from: 'demo', title: `Bench workshop ${index + 1}` }, creatorToken);
  if (!created.ok) throw new Error(`create workshop: ${created.error.message}`);
  const { workshopId, joinCode, facilitatorKey } = created.data;
  const entered = await enterAsFacilitator(url, workshopId, facilitatorKey);
  const facilitator = await connectSocket(url, entered.token, 10_000);
  await syncWorkshop(facilitator, 10_000);
  const boardId = nextEvent(facilitator, (e) => (e.type === 'board.created' ? e.boardId : undefined));
  const pollId = nextEvent(facilitator, (e) => (e.type === 'poll.created' ? e.poll.id : undefined));
  await must(facilitator, 'board:create', { title: 'Bench board', template: 'blank' });
  await must(facilitator, 'poll:create', {
    poll: {
      question: 'Which first?',
      spec: { kind: 'single', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }] },
      settings: { anonymous: false, results: 'live', countBy: 'person', segmentBy: 'none' },
    },
  });
  const poll = await pollId;
  await must(facilitator, 'poll:open', { pollId: poll });
  const pushes: { at: number; seq: number }[] = [];
  facilitator.on(PollSocketEvent.results, (p: PollResultsPush) => {
    if (p.pollId === poll) pushes.push({ at: Date.now(), seq: p.seq });
  });
  return { index, workshopId, joinCode, boardDoc: docName({ kind: 'board', workshopId, boardId: await boardId }), pollId: poll, facilitator, pushes };
}

async function runRound(k: number, o: Options, log: (message: string) => void): Promise<RoundResult> {
  const cluster = await startNodes(k, 'plenary_benchm');
  const workshops: Workshop[] = [];
  const counters = new RoundCounters();
  try {
    const first = cluster.nodes[0]!;
    const key = new URL(first.facilitatorUrl!).hash.replace(/^#key=/, '');
    const creator = await enterAsFacilitator(first.url, await workshopIdFor(first.url, first.joinCode), key, 'Creator');
    const nodeUrl = (i: number) => cluster.nodes[i % k]!.url;
    for (let w = 0; w < o.workshops; w++) {
      const ws = await setUpWorkshop(w, first.url, creator.token, nodeUrl(w));
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
            const reply = await send(p.socket, 'poll:vote', { pollId: w.pollId, ballot: { kind: 'single', option: ['a', 'b', 'c'][(p.index + n) % 3] } }, 10_000);
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

runNodeRounds<Options, RoundResult>({
  name: 'bench:cluster:many',
  outFile: resolve(here, '../output/bench-cluster-many.json'),
  parse: parseArgs,
  maxListeners: (o) => o.workshops * (o.people + 1) + 50,
  describe: (k, o) =>
    `round: ${k} node(s), ${o.workshops} workshops × ${o.people} people; ${o.writers} writers × ${o.rate} edits/s and everyone ${o.voteRate} ballots/s, ${o.duration} s (load avg ${loadavg()[0]!.toFixed(2)})`,
  run: runRound,
  summary: (r) =>
    `ops/s ${r.throughput.opsPerSecond} of ${r.throughput.offeredOpsPerSecond}; edits ${quartet(r.edits.latency)}; ballot ack ${quartet(r.ballots.ack)}; → results ${quartet(r.ballots.toResults)}; refused ${r.ballots.refused}, failed ${r.ballots.failed}, no results ${r.ballots.noResults}; drops ${JSON.stringify(r.drops)}; deadlocks ${r.deadlocks}; cpu ${JSON.stringify(r.cpu)}; load ${r.loadAvgAfter.join(' ')}`,
  columns: [
    'nodes',
    'workshops / clients',
    'offered ops/s',
    'handled ops/s',
    'messages/s',
    'board edit p50 / p95 / p99 / max, ms',
    'edits delivered',
    'ballot ack p50 / p95 / p99 / max',
    'ballot → results p50 / p95 / p99 / max',
    'ballots acked / sent (refused, timed out)',
    'PG deadlocks',
    'CPU s: nodes (each) / clients, in phase s',
    'load avg (1 min) after',
  ],
  row: (x) => [
    x.nodes,
    `${x.workshops} / ${x.clients}`,
    x.throughput.offeredOpsPerSecond,
    x.throughput.opsPerSecond,
    x.throughput.messagesPerSecond,
    quartet(x.edits.latency),
    `${((x.edits.delivered / x.edits.expected) * 100).toFixed(1)} %`,
    quartet(x.ballots.ack),
    quartet(x.ballots.toResults),
    `${x.ballots.acked} / ${x.ballots.sent} (${x.ballots.refused}, ${x.ballots.failed})`,
    x.deadlocks ?? '?',
    `${x.cpu.nodes} (${x.cpu.perNode.join(', ')}) / ${x.cpu.clients}, in ${x.phaseSeconds}`,
    x.loadAvgAfter[0]!,
  ],
});
