import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressed } from './precompressed.js';

const js = 'export const answer = 42;\n'.repeat(100);
let server: Server;
let port: number;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'plenary-precompressed-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets/app.js'), js);
  writeFileSync(join(root, 'assets/app.js.br'), brotliCompressSync(js));
  writeFileSync(join(root, 'assets/app.js.gz'), gzipSync(js));
  writeFileSync(join(root, 'assets/plain.css'), 'body{}');
  writeFileSync(join(root, 'secret.js.br'), brotliCompressSync('secret'));
  const app = express();
  app.use(precompressed(join(root, 'assets'), 3600));
  app.use(express.static(join(root, 'assets')));
  server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** A raw GET (fetch would undo the encoding this checks). */
function get(path: string, acceptEncoding: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('precompressed assets', () => {
  it('sends the brotli copy to a browser that accepts it, typed as the original', async () => {
    const r = await get('/app.js', 'gzip, deflate, br');
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-type']).toMatch(/^text\/javascript/);
    expect(r.headers.vary).toMatch(/Accept-Encoding/);
    expect(brotliDecompressSync(r.body).toString()).toBe(js);
  });

  it('falls back to gzip, then to the plain file', async () => {
    expect((await get('/app.js', 'gzip')).headers['content-encoding']).toBe('gzip');
    const plain = await get('/app.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(js);
    const css = await get('/plain.css', 'br');
    expect(css.headers['content-encoding']).toBeUndefined();
    expect(css.body.toString()).toBe('body{}');
  });

  it('serves nothing outside its directory', async () => {
    for (const path of ['/../secret.js', '/%2e%2e/secret.js', '/..%2fsecret.js']) {
      const r = await get(path, 'br');
      expect(r.headers['content-encoding'], path).toBeUndefined();
      expect(r.status, path).toBe(404);
    }
  });
});
