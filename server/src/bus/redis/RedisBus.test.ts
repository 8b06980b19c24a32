import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { describeBusContract } from '../Bus.contract.js';
import { RedisBus } from './RedisBus.js';

/**
 * Runs against the Redis of this machine (TEST_REDIS_URL, default
 * 127.0.0.1:6379) with a channel prefix of its own; the restart test starts a
 * private redis-server on a free port. Nothing here skips: no Redis, no pass.
 */
const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `plenary-test-${randomBytes(4).toString('hex')}:`;
const opened: RedisBus[] = [];

describeBusContract('RedisBus', {
  async pair() {
    const a = await RedisBus.connect(url, { prefix });
    const b = await RedisBus.connect(url, { prefix });
    opened.push(a, b);
    return [a, b];
  },
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
    child.once('error', reject);
  });
  return child;
}

describe('RedisBus and a Redis restart', () => {
  it('reconnects and subscribes again by itself, without a node restart', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const a = await RedisBus.connect(`redis://127.0.0.1:${port}`, { prefix });
    const b = await RedisBus.connect(`redis://127.0.0.1:${port}`, { prefix });
    const got: number[] = [];
    let resyncs = 0;
    b.onResync(() => resyncs++);
    await b.subscribe('restart', (p) => got.push(p[0]!));
    await a.publish('restart', new Uint8Array([1]));
    await expect.poll(() => got, { timeout: 3000 }).toEqual([1]);

    redis.kill('SIGKILL');
    await new Promise((r) => redis.once('exit', r));
    expect(await a.ping()).toBe(false);
    redis = await startRedis(port);
    await expect.poll(() => a.ping(), { timeout: 10_000 }).toBe(true);
    // Subscriptions come back a moment after the connection does; keep publishing until one arrives.
    await expect
      .poll(
        async () => {
          await a.publish('restart', new Uint8Array([2]));
          return got.includes(2);
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBe(true);
    // Subscribers hear that messages may have been lost meanwhile, so they can catch up.
    expect(resyncs).toBeGreaterThanOrEqual(1);
    await a.close();
    await b.close();
    redis.kill('SIGKILL');
  });
});

afterAll(async () => {
  await Promise.all(opened.map((b) => b.close()));
});
