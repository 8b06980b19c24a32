/**
 * What the several-node benchmarks (bench:cluster, bench:cluster:many) share:
 * their command line, and the run of rounds on 1, 2, 3, … nodes with its table
 * and results file. Each benchmark brings its options, one round and the
 * columns it reports.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import { machine } from './machine.js';
import { round } from './stats.js';

/**
 * `--nodes 1,2,3` and positive numbers by name, over defaults. Throws a
 * readable message on bad input, naming every option.
 */
export function parseNodeRoundOptions<T extends { nodes: number[] }>(argv: string[], defaults: T, numeric: readonly (keyof T & string)[]): T {
  const o: T = { ...defaults };
  const usage = `options: --nodes ${defaults.nodes.join(',')} ${numeric.map((k) => `--${k} ${String(defaults[k])}`).join(' ')}`;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--') continue;
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    const name = flag.startsWith('--') ? flag.slice(2) : '';
    if (name === 'nodes') {
      o.nodes = value.split(',').map(Number);
      if (o.nodes.some((k) => !Number.isInteger(k) || k < 1 || k > 8)) throw new Error('--nodes: whole numbers from 1 to 8, comma-separated');
      continue;
    }
    if (!(numeric as readonly string[]).includes(name)) throw new Error(`unknown option ${flag} (${usage})`);
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag}: a positive number`);
    (o as Record<string, unknown>)[name] = n;
  }
  return o;
}

export interface NodeRoundOptions {
  nodes: number[];
  /** Rounds per node count, interleaved (1, 2, 3, 1, 2, 3, …) so a busy moment on a shared machine hits every node count alike. */
  repeat: number;
}

export interface NodeRoundBench<O extends NodeRoundOptions, R extends { nodes: number }> {
  /** The pnpm script, which prefixes every log line. */
  name: string;
  outFile: string;
  parse(argv: string[]): O;
  /** Event listeners this process may need (each client adds some). */
  maxListeners(o: O): number;
  /** The line logged before a round on k nodes. */
  describe(k: number, o: O): string;
  run(k: number, o: O, log: (message: string) => void): Promise<R>;
  /** The line logged after a round. */
  summary(r: R): string;
  /** The table's header cells and one row of cells per round, in node order. */
  columns: string[];
  row(r: R): (string | number)[];
}

/** Runs the rounds, prints the table, writes the results file; exits when done (a leftover handle must not keep it waiting). */
export function runNodeRounds<O extends NodeRoundOptions, R extends { nodes: number }>(bench: NodeRoundBench<O, R>): void {
  const log = (message: string) => console.log(`[${bench.name}] ${message}`);
  const main = async () => {
    let o: O;
    try {
      o = bench.parse(process.argv.slice(2));
    } catch (error) {
      console.error((error as Error).message);
      process.exitCode = 2;
      return;
    }
    process.setMaxListeners(bench.maxListeners(o));
    const results: R[] = [];
    const startedAt = new Date().toISOString();
    const loadAvgBefore = loadavg().map((x) => round(x, 2));
    for (const k of Array.from({ length: o.repeat }, () => o.nodes).flat()) {
      log(bench.describe(k, o));
      const result = await bench.run(k, o, log);
      log(bench.summary(result));
      results.push(result);
      await new Promise((r) => setTimeout(r, 1000));
    }
    const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
    const table = [line(bench.columns), `|${'---|'.repeat(bench.columns.length)}`, ...[...results].sort((a, b) => a.nodes - b.nodes).map((r) => line(bench.row(r)))];
    console.log(`\n${table.join('\n')}\n`);
    await mkdir(dirname(bench.outFile), { recursive: true });
    await writeFile(bench.outFile, JSON.stringify({ startedAt, options: o, machine: machine(), loadAvgBefore, results }, null, 2));
    log(`written to ${bench.outFile}`);
  };
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
