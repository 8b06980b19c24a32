/**
 * Command-line options of the join-and-edit benchmark, with their defaults.
 * Every loop of the benchmark is bounded by one of these numbers.
 */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Participant counts, one round each, in order. */
  clients: number[];
  /** How many participants write to the board (the first ones). */
  writers: number;
  /** Edits per second each writer makes. */
  rate: number;
  /** Seconds the writers keep editing. */
  durationS: number;
  /** Joins in flight at once. */
  concurrency: number;
  /** Seconds to wait before a memory reading. */
  settleS: number;
  /** Seconds to wait, at most, for the last edits to arrive everywhere. */
  drainS: number;
  /** Seconds one client may take for each step of joining. */
  timeoutS: number;
  /** An already running server; null starts one. */
  url: string | null;
  /** Join code of the workshop on `url`. */
  code: string | null;
  /** Where the JSON results go; null uses e2e/output/bench-join-edit.json. */
  out: string | null;
}

export const usage = `Usage: pnpm bench -- [options]

  --clients 50,200     participants per round (one round each: fresh server, fresh board)
  --writers 10         participants that edit the board
  --rate 5             edits per second per writer
  --duration 10        seconds of editing
  --concurrency 20     joins in flight at once
  --settle 2           seconds before each memory reading
  --drain 5            seconds to wait, at most, for the last edits to arrive
  --timeout 30         seconds each join step may take per client
  --url URL --code C   use a running server instead of starting one per round
  --out FILE           JSON results (default e2e/output/bench-join-edit.json)
`;

/** Parses `argv` (without node and script); throws with a readable message on bad input. */
export function parseOptions(argv: string[]): BenchOptions | 'help' {
  // `pnpm bench -- --clients 50` may hand the `--` through.
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      clients: { type: 'string', default: '50,200' },
      writers: { type: 'string', default: '10' },
      rate: { type: 'string', default: '5' },
      duration: { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '20' },
      settle: { type: 'string', default: '2' },
      drain: { type: 'string', default: '5' },
      timeout: { type: 'string', default: '30' },
      url: { type: 'string' },
      code: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  if ((values.url === undefined) !== (values.code === undefined)) throw new Error('--url and --code go together.');
  return {
    clients: values.clients.split(',').map((s) => integer('clients', s, 5000)),
    writers: integer('writers', values.writers, 1000),
    rate: positive('rate', values.rate, 100),
    durationS: positive('duration', values.duration, 600),
    concurrency: integer('concurrency', values.concurrency, 500),
    settleS: nonNegative('settle', values.settle, 60),
    drainS: nonNegative('drain', values.drain, 120),
    timeoutS: positive('timeout', values.timeout, 300),
    url: values.url?.replace(/\/$/, '') ?? null,
    code: values.code ?? null,
    out: values.out ?? null,
  };
}

function positive(name: string, raw: string, max: number): number {
  const n = Number(raw.trim());
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new Error(`--${name} must be a number in (0, ${max}], not "${raw}".`);
  return n;
}

function integer(name: string, raw: string, max: number): number {
  const n = positive(name, raw, max);
  if (!Number.isInteger(n)) throw new Error(`--${name} must be a whole number, not "${raw}".`);
  return n;
}

function nonNegative(name: string, raw: string, max: number): number {
  const n = Number(raw.trim());
  if (!Number.isFinite(n) || n < 0 || n > max) throw new Error(`--${name} must be a number in [0, ${max}], not "${raw}".`);
  return n;
}
