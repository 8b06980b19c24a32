/**
 * Cluster benchmark: the same load on 1, 2 and 3 Plenary nodes that share this
 * machine's PostgreSQL and Redis (a schema and a channel prefix of their own).
 *
 * For each node count k: k nodes (`server/dist/main.js`, started here), then
 * `--clients` participants joined round-robin over the nodes (participant i
 * talks to node i mod k, directly: no proxy, so the numbers are the cluster's
 * own), each with a Socket.IO connection and one board document over
 * y-websocket, exactly as in joinAndEdit.ts. Two phases:
 *
 *   - board edit fan-out: `--writers` participants (spread over the nodes) each
 *     set key `<index>:<n>` of the board's Y.Map `bench` to Date.now(), `--rate`
 *     times a second for `--duration` seconds; every other participant records
 *     now − value. Split by whether the receiver is on the writer's node (one
 *     hop) or on another node (stored, published on Redis, applied there);
 *   - control-plane commands: `--writers` participants each rename themselves
 *     `--commandRate` times a second for `--commandSeconds` seconds; the ack
 *     round-trip (emit → ack), and the fan-out (emit → every other participant
 *     gets the `participant.renamed` event), again split same node / other node.
 *
 * All clients live in this process and share one clock (no skew) but also its
 * CPU, with the nodes, on whatever cores the machine has: read the numbers as
 * the cost of the extra hop on one machine, not as what more machines buy.
 * Results: a Markdown table on stdout and e2e/output/bench-cluster.json.
 *
 *   pnpm build && pnpm --filter @plenary/e2e bench:cluster -- --nodes 1,2,3 --clients 60 --repeat 3
 */
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docName, SocketEvent, type DomainEvent } from '@plenary/shared';
import { createBoardAt, send, workshopIdFor } from './lib/api.js';
import { startNodes } from './lib/clusterNodes.js';
import { joinParticipant, leave, RoundCounters, writeEdits, type Participant } from './lib/participant.js';
import { cpuOf } from './lib/server.js';
import { quartet, round, summarize, type Summary } from './lib/stats.js';
import { parseNodeRoundOptions, runNodeRounds, type NodeRoundOptions } from './lib/nodeRounds.js';

const here = dirname(fileURLToPath(import.meta.url));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Options extends NodeRoundOptions {
  clients: number;
  writers: number;
  rate: number;
  duration: number;
  commandRate: number;
  commandSeconds: number;
  drainMs: number;
}

function parseArgs(argv: string[]): Options {
  const o = parseNodeRoundOptions<Options>(argv, { nodes: [1, 2, 3], clients: 60, writers: 10, rate: 5, duration: 10, commandRate: 2, commandSeconds: 5, drainMs: 3000, repeat: 1 }, ['clients', 'writers', 'rate', 'duration', 'commandRate', 'commandSeconds', 'repeat']);
  if (o.writers >= o.clients) throw new Error('--writers must be fewer than --clients');
  return o;
}

interface Split {
  sameNode: number[];
  otherNode: number[];
}

interface RoundResult {
  nodes: number;
  clients: number;
  edits: { sent: number; sameNode: Summary; otherNode: Summary; all: Summary; delivery: number };
  commands: { sent: number; acked: number; refused: number; ack: Summary; sameNode: Summary; otherNode: Summary; all: Summary; delivery: number };
  drops: { sockets: number; docs: number };
  /** CPU seconds over both phases: every node together, and this process (all the clients). */
  cpu: { nodes: number; perNode: number[]; clients: number; phaseSeconds: number };
  loadAvgAfter: number[];
}

async function runRound(k: number, o: Options, log: (message: string) => void): Promise<RoundResult> {
  const cluster = await startNodes(k);
  const joined: Participant[] = [];
  try {
    const first = cluster.nodes[0]!;
    const key = new URL(first.facilitatorUrl!).hash.replace(/^#key=/, '');
    const workshopId = await workshopIdFor(first.url, first.joinCode);
    const { boardId } = await createBoardAt(first.url, workshopId, key, `Cluster bench ${k}`);
    const name = docName({ kind: 'board', workshopId, boardId });
    const counters = new RoundCounters();
    const nodeOf = (index: number) => index % k;

    // Joins, 10 at a time, round-robin over the nodes.
    for (let start = 0; start < o.clients; start += 10) {
      const batch = Array.from({ length: Math.min(10, o.clients - start) }, (_, j) => start + j);
      joined.push(
        ...(await Promise.all(
          batch.map((i) => joinParticipant({ url: cluster.nodes[nodeOf(i)]!.url, code: first.joinCode, docName: name, timeoutMs: 30_000, counters }, i)),
        )),
      );
    }
    log(`${k} node(s): ${joined.length} participants joined and synced`);

    const cpuBefore = cluster.nodes.map((n) => cpuOf(n.pid));
    const ownBefore = process.cpuUsage();
    const phaseStart = performance.now();

    // Board edits.
    const edits: Split = { sameNode: [], otherNode: [] };
    for (const p of joined) {
      p.bench.observe((event) => {
        const now = Date.now();
        for (const [key, change] of event.changes.keys) {
          if (change.action !== 'add') continue;
          const writer = Number(key.split(':')[0]);
          if (writer === p.index) continue;
          const written = p.bench.get(key);
          if (typeof written !== 'number') continue;
          (nodeOf(writer) === nodeOf(p.index) ? edits.sameNode : edits.otherNode).push(now - written);
        }
      });
    }
    const writers = joined.slice(0, o.writers);
    const perWriter = Math.round(o.rate * o.duration);
    const intervalMs = 1000 / o.rate;
    const sent = (await Promise.all(writers.map((w, i) => writeEdits(w, perWriter, intervalMs, (i * intervalMs) / writers.length)))).reduce((a, b) => a + b, 0);
    await sleep(o.drainMs);

    // Control-plane commands: renames, acked by the writer's node, pushed to everyone.
    const sentAt = new Map<string, { at: number; node: number }>();
    const cmd: Split = { sameNode: [], otherNode: [] };
    for (const p of joined) {
      p.socket.on(SocketEvent.events, (push: { events: DomainEvent[] }) => {
        const now = Date.now();
        for (const e of push.events) {
          if (e.type !== 'participant.renamed') continue;
          const s = sentAt.get(e.name);
          if (!s || e.participantId === p.session.participantId) continue;
          (s.node === nodeOf(p.index) ? cmd.sameNode : cmd.otherNode).push(now - s.at);
        }
      });
    }
    const acks: number[] = [];
    let refused = 0;
    const perCommander = Math.round(o.commandRate * o.commandSeconds);
    await Promise.all(
      writers.map(async (w, i) => {
        await sleep((i * 1000) / o.commandRate / writers.length);
        for (let n = 0; n < perCommander; n++) {
          const started = performance.now();
          const nameNow = `Bench ${w.index} r${n}`;
          sentAt.set(nameNow, { at: Date.now(), node: nodeOf(w.index) });
          const reply = await send(w.socket, 'participant:rename', { participantId: w.session.participantId, name: nameNow }, 10_000);
          acks.push(performance.now() - started);
          if (!reply.ok) refused++;
          await sleep(Math.max(0, 1000 / o.commandRate - (performance.now() - started)));
        }
      }),
    );
    await sleep(o.drainMs);
    const perNode = cluster.nodes.map((n, i) => round(cpuOf(n.pid) - cpuBefore[i]!, 2));
    const own = process.cpuUsage(ownBefore);
    const phaseSeconds = round((performance.now() - phaseStart) / 1000, 1);

    const commandsSent = writers.length * perCommander;
    const r = (xs: number[]) => summarize(xs.map((x) => round(x)));
    return {
      nodes: k,
      clients: joined.length,
      edits: {
        sent,
        sameNode: r(edits.sameNode),
        otherNode: r(edits.otherNode),
        all: r([...edits.sameNode, ...edits.otherNode]),
        delivery: round((edits.sameNode.length + edits.otherNode.length) / (sent * (joined.length - 1)), 4),
      },
      commands: {
        sent: commandsSent,
        acked: acks.length,
        refused,
        ack: r(acks),
        sameNode: r(cmd.sameNode),
        otherNode: r(cmd.otherNode),
        all: r([...cmd.sameNode, ...cmd.otherNode]),
        delivery: round((cmd.sameNode.length + cmd.otherNode.length) / ((commandsSent - refused) * (joined.length - 1)), 4),
      },
      drops: { sockets: counters.socketDrops, docs: counters.docDrops },
      cpu: { nodes: round(perNode.reduce((a, b) => a + b, 0), 2), perNode, clients: round((own.user + own.system) / 1e6, 2), phaseSeconds },
      loadAvgAfter: loadavg().map((x) => round(x, 2)),
    };
  } finally {
    for (const p of joined) leave(p);
    await cluster.stop();
  }
}

runNodeRounds<Options, RoundResult>({
  name: 'bench:cluster',
  outFile: resolve(here, '../output/bench-cluster.json'),
  parse: parseArgs,
  maxListeners: (o) => o.clients + 50,
  describe: (k, o) => `round: ${k} node(s), ${o.clients} clients, ${o.writers} writers × ${o.rate}/s × ${o.duration} s, ${o.writers} × ${o.commandRate} renames/s × ${o.commandSeconds} s`,
  run: runRound,
  summary: (r) => `edits all ${quartet(r.edits.all)}; commands ack ${quartet(r.commands.ack)}; drops ${JSON.stringify(r.drops)}; cpu ${JSON.stringify(r.cpu)}; load ${r.loadAvgAfter.join(' ')}`,
  columns: ['nodes', 'clients', 'load avg (1 min) after', 'edit fan-out p50 / p95 / p99 / max, ms: all', 'same node', 'other node', 'delivered', 'command ack p50 / p95 / p99 / max', 'command fan-out: same node', 'other node', 'delivered', 'CPU s: nodes (each) / clients, in s'],
  row: (x) => [
    x.nodes,
    x.clients,
    x.loadAvgAfter[0]!,
    quartet(x.edits.all),
    quartet(x.edits.sameNode),
    quartet(x.edits.otherNode),
    `${(x.edits.delivery * 100).toFixed(1)} %`,
    quartet(x.commands.ack),
    quartet(x.commands.sameNode),
    quartet(x.commands.otherNode),
    `${(x.commands.delivery * 100).toFixed(1)} %`,
    `${x.cpu.nodes} (${x.cpu.perNode.join(', ')}) / ${x.cpu.clients}, in ${x.cpu.phaseSeconds}`,
  ],
});
