/**
 * No runtime import cycle in shared/: a module graph with cycles depends on
 * evaluation order (a value read before its module has run is `undefined`),
 * and it hides which area depends on which. The graph is read from the
 * sources: `import type` / `export type` are erased by the compiler and do not
 * count; every other import or re-export does (with `verbatimModuleSyntax`,
 * `import { type X }` still loads the module).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = dirname(fileURLToPath(import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Relative modules a file loads at run time. */
export function runtimeImports(file: string, text: string): string[] {
  const out: string[] = [];
  const statement = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
  for (const m of text.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(statement)) {
    const spec = m[4] ?? m[5];
    if (!spec || m[2] || !spec.startsWith('.')) continue;
    out.push(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
  }
  return out;
}

/** Every cycle's modules, found by a depth-first search (each cycle reported once, from its first module seen). */
export function cyclesOf(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('the module graph of shared/', () => {
  it('finds a cycle when there is one (the check itself works)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cyclesOf(g)).toEqual([['a', 'b', 'c', 'a']]);
    expect(runtimeImports('/x/a.ts', "import type { A } from './b.js';\nimport { c, type D } from './c.js';\nexport { e } from './e.js';\nexport type { F } from './f.js';")).toEqual([
      '/x/c.ts',
      '/x/e.ts',
    ]);
  });

  it('has no runtime import cycle', () => {
    const files = sources(root);
    const known = new Set(files);
    const graph = new Map(files.map((f) => [f, runtimeImports(f, readFileSync(f, 'utf8')).filter((d) => known.has(d))]));
    expect(graph.size).toBeGreaterThan(50);
    const cycles = cyclesOf(graph).map((c) => c.map((f) => relative(root, f)).join(' → '));
    expect(cycles).toEqual([]);
  });
});
