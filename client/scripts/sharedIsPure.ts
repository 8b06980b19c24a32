/**
 * A build plugin: in @plenary/shared (pure domain, "sideEffects": false), a top-level
 * constant built by a call — a zod schema, a lookup table — is marked pure, so the
 * bundler drops it when the client does not use it. Without this, every wire schema next
 * to a constant the client needs stays in, and zod (about 25 KB compressed) with it, on a
 * phone's first load.
 */
import type { Plugin } from 'vite';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const sharedSource = /[\\/]shared[\\/]src[\\/].*\.ts$/;
const built = new Set(['CallExpression', 'NewExpression', 'MemberExpression', 'ChainExpression']);

export function sharedIsPure(): Plugin {
  return {
    name: 'plenary:shared-is-pure',
    apply: 'build',
    enforce: 'post',
    transform(code, id) {
      if (!sharedSource.test(id) || id.includes('.test.')) return null;
      const program = this.parse(code) as unknown as { body: Node[] };
      const inits: Node[] = [];
      for (const statement of program.body) {
        const declaration = statement.type === 'ExportNamedDeclaration' ? (statement.declaration as Node | null) : statement;
        if (declaration?.type !== 'VariableDeclaration') continue;
        for (const d of declaration.declarations as { init: Node | null }[]) if (d.init && built.has(d.init.type)) inits.push(d.init);
      }
      if (inits.length === 0) return null;
      let out = '';
      let at = 0;
      for (const init of inits) {
        out += `${code.slice(at, init.start)}/* @__PURE__ */ (() => (${code.slice(init.start, init.end)}))()`;
        at = init.end;
      }
      return { code: out + code.slice(at), map: null };
    },
  };
}
