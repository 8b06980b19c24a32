import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('docs/architecture.md', () => {
  it('names only files and folders that exist, so the map stays true as the code moves', () => {
    const text = readFileSync(`${root}docs/architecture.md`, 'utf8');
    const paths = [...text.matchAll(/`([\w.-]+\/[\w./<>-]*)`/g)].map((m) => m[1]!).filter((p) => !p.includes('<'));
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((p) => !existsSync(`${root}${p}`))).toEqual([]);
  });
});
