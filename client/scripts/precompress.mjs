/* global URL, console */
// Writes a brotli (.br) and a gzip (.gz) copy next to each text asset of the build, so the
// server sends compressed files without compressing on each request: a participant on a
// slow network downloads about a third of the bytes (server/src/http/precompressed.ts).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const compressible = /\.(js|css|html|svg|json|txt|map)$/;
let files = 0;
let raw = 0;
let br = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (compressible.test(name) && !name.endsWith('.map')) {
      const body = readFileSync(path);
      if (body.length < 1024) continue;
      const b = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
      writeFileSync(`${path}.br`, b);
      writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      files++;
      raw += body.length;
      br += b.length;
    }
  }
};
walk(dist);
console.log(`precompressed ${files} files: ${(raw / 1024).toFixed(0)} kB -> ${(br / 1024).toFixed(0)} kB brotli`);
