/**
 * Command-line options of the several-node benchmarks (bench:cluster,
 * bench:cluster:many): `--nodes 1,2,3` and positive numbers by name, over
 * defaults. Throws a readable message on bad input, naming every option.
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
