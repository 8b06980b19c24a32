/** The results of the benchmark: their JSON shape and the table printed for people. */
import { quartet, round, type Summary } from './stats.js';
import type { Machine } from './machine.js';
import type { Health, LogProblems } from './server.js';

export interface EditLoad {
  writers: number;
  editsPerSecondPerWriter: number;
  durationS: number;
}

export interface RoundResult {
  clients: number;
  /** `gcForced`: a full GC ran in the server before each memory reading. */
  server: { url: string; startedHere: boolean; gcForced: boolean; logProblems: LogProblems };
  joined: number;
  failed: number;
  /** Failure messages and how often each occurred. */
  failures: Record<string, number>;
  docName: string;
  /** First join started until the last participant's board was synced (joins `concurrency` at a time). */
  joinAllMs: number;
  /** POST /api/join until the `workshop:sync` ack, and its parts. */
  join: { total: Summary; rest: Summary; connect: Summary; sync: Summary };
  /** y-websocket: connect until synced. */
  docSync: Summary;
  edits: EditLoad & {
    sent: number;
    /** sent × (participants − 1): every edit should reach every other participant. */
    expected: number;
    received: number;
    deliveryRatio: number;
    /** Edit written until observed by another participant, over every (edit, receiver) pair. */
    latency: Summary;
    /** Last edit written until all arrived, or the drain limit. */
    drainMs: number;
  };
  memory: {
    before: Health;
    afterJoin: Health;
    afterEdits: Health;
    rssPerParticipantBytes: number;
    heapPerParticipantBytes: number;
  };
  /** Connections closed or lost while the round ran (not by the benchmark). */
  drops: { socket: number; doc: number };
  /** Control-plane pushes all participants received together. */
  pushes: { events: number; presence: number };
  /** CPU seconds used during the join phase and the edit phase (server only when started here). */
  cpu: { serverJoinS: number | null; serverEditS: number | null; benchJoinS: number; benchEditS: number };
  /**
   * Event-loop delay of this (client) process during the edit phase: how long a
   * message could wait here before being observed, which the latency includes.
   */
  benchLoopDelayMs: { p50: number; p99: number; max: number };
  /** 1-minute load average of the machine before the round and after its edits (other work skews results). */
  loadAverage: { before: number; after: number };
}

export interface BenchResult {
  startedAt: string;
  machine: Machine;
  options: Record<string, unknown>;
  rounds: RoundResult[];
  /** Memory growth per participant between the smallest and largest round; null with fewer than two sizes. */
  memorySlope: MemorySlope | null;
}

/**
 * (after − before) / N includes costs paid once (the open board, first-use
 * allocations). Comparing two round sizes separates them: the slope is what one
 * more participant costs, the intercept what the first one does.
 */
export interface MemorySlope {
  fromClients: number;
  toClients: number;
  rssPerParticipantBytes: number;
  heapPerParticipantBytes: number;
  heapFixedBytes: number;
}

export function memorySlope(rounds: RoundResult[]): MemorySlope | null {
  const sized = rounds.filter((r) => r.joined > 0).sort((a, b) => a.joined - b.joined);
  const small = sized[0];
  const large = sized[sized.length - 1];
  if (!small || !large || small.joined === large.joined) return null;
  const growth = (r: RoundResult, key: 'rss' | 'heapUsed') => r.memory.afterJoin.memory[key] - r.memory.before.memory[key];
  const dn = large.joined - small.joined;
  const heapSlope = (growth(large, 'heapUsed') - growth(small, 'heapUsed')) / dn;
  return {
    fromClients: small.joined,
    toClients: large.joined,
    rssPerParticipantBytes: Math.round((growth(large, 'rss') - growth(small, 'rss')) / dn),
    heapPerParticipantBytes: Math.round(heapSlope),
    heapFixedBytes: Math.round(growth(small, 'heapUsed') - heapSlope * small.joined),
  };
}

export function slopeLine(slope: MemorySlope): string {
  return (
    `Memory per additional participant (between N=${slope.fromClients} and N=${slope.toClients}): ` +
    `RSS ${kib(slope.rssPerParticipantBytes)}, heapUsed ${kib(slope.heapPerParticipantBytes)} ` +
    `(plus ${mib(slope.heapFixedBytes)} of heap paid once).`
  );
}

const mib = (bytes: number) => `${round(bytes / 1024 / 1024)} MiB`;
const kib = (bytes: number) => `${round(bytes / 1024)} KiB`;
const seconds = (s: number | null) => (s === null ? 'n/a' : `${round(s)} s`);

/** Rows of the results table: a label and one cell per round. */
const rows: [string, (r: RoundResult) => string][] = [
  ['participants joined / failed', (r) => `${r.joined} / ${r.failed}`],
  ['time to join all (s)', (r) => round(r.joinAllMs / 1000, 2).toString()],
  ['join: REST → sync ack, p50/p95/p99/max (ms)', (r) => quartet(r.join.total)],
  ['  of which POST /api/join p50/p95 (ms)', (r) => `${r.join.rest.p50.toFixed(0)} / ${r.join.rest.p95.toFixed(0)}`],
  ['  of which socket connect p50/p95 (ms)', (r) => `${r.join.connect.p50.toFixed(0)} / ${r.join.connect.p95.toFixed(0)}`],
  ['  of which workshop:sync p50/p95 (ms)', (r) => `${r.join.sync.p50.toFixed(0)} / ${r.join.sync.p95.toFixed(0)}`],
  ['y-websocket connect → synced p50/p95/p99/max (ms)', (r) => quartet(r.docSync)],
  ['edits sent (writers × rate × s)', (r) => `${r.edits.sent} (${r.edits.writers}×${r.edits.editsPerSecondPerWriter}×${r.edits.durationS})`],
  ['edit → remote p50/p95/p99/max (ms)', (r) => quartet(r.edits.latency)],
  ['delivered / expected', (r) => `${r.edits.received} / ${r.edits.expected} (${round(r.edits.deliveryRatio * 100, 2)}%)`],
  ['server RSS before → after join', (r) => `${mib(r.memory.before.memory.rss)} → ${mib(r.memory.afterJoin.memory.rss)}`],
  ['server RSS per participant', (r) => kib(r.memory.rssPerParticipantBytes)],
  ['server heapUsed before → after join', (r) => `${mib(r.memory.before.memory.heapUsed)} → ${mib(r.memory.afterJoin.memory.heapUsed)}`],
  ['server heapUsed per participant', (r) => kib(r.memory.heapPerParticipantBytes)],
  ['memory read after a forced full GC', (r) => (r.server.gcForced ? 'yes' : 'no')],
  ['server sockets / doc connections after join', (r) => `${r.memory.afterJoin.sockets} / ${r.memory.afterJoin.connections}`],
  ['connections dropped (socket / doc)', (r) => `${r.drops.socket} / ${r.drops.doc}`],
  ['control-plane pushes received', (r) => `${r.pushes.events} events, ${r.pushes.presence} presence`],
  ['CPU join phase: server / bench', (r) => `${seconds(r.cpu.serverJoinS)} / ${seconds(r.cpu.benchJoinS)}`],
  ['CPU edit phase: server / bench', (r) => `${seconds(r.cpu.serverEditS)} / ${seconds(r.cpu.benchEditS)}`],
  ['bench event-loop delay in edit phase p50/p99/max (ms)', (r) => `${r.benchLoopDelayMs.p50} / ${r.benchLoopDelayMs.p99} / ${r.benchLoopDelayMs.max}`],
  ['machine load average (1 min) before / after', (r) => `${r.loadAverage.before} / ${r.loadAverage.after}`],
];

/** A Markdown table (readable in a terminal too), one column per round. */
export function resultsTable(rounds: RoundResult[]): string {
  const header = ['metric', ...rounds.map((r) => `N = ${r.clients}`)];
  const body = rows.map(([label, cell]) => [label, ...rounds.map(cell)]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
