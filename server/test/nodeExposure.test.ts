/**
 * What a node shows and leaves readable (issue 16, item 10): /healthz tells
 * anyone only that the node is alive; its details (node id with the PID,
 * connections, memory) go to the machine itself or to whoever holds the health
 * token. The data directory and the database files are the server's alone.
 */
import { chmodSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiPath } from '@plenary/shared';
import { startHarness, tempDir, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const healthToken = 'h'.repeat(20) + 'T'.repeat(20);

async function health(headers: Record<string, string> = {}) {
  const res = await fetch(h!.url + ApiPath.health, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('/healthz', () => {
  it('answers anyone coming through a proxy with liveness only, and shows details on the loopback or with the token', async () => {
    h = await startHarness({ healthToken });
    // Straight from this machine (a load balancer's probe on the host, the operator's curl).
    const local = await health();
    expect(local.status).toBe(200);
    expect(local.body).toMatchObject({ ok: true, node: h.config.nodeId, sockets: expect.any(Number), memory: { rss: expect.any(Number) } });

    // A request a reverse proxy passed on (nginx adds X-Forwarded-For): nothing but liveness.
    const proxied: Record<string, string>[] = [{ 'x-forwarded-for': '203.0.113.7' }, { forwarded: 'for=203.0.113.7' }, { 'x-real-ip': '203.0.113.7' }];
    for (const via of proxied) {
      const r = await health(via);
      expect(r, JSON.stringify(via)).toEqual({ status: 200, body: { ok: true } });
      const wrong = await health({ ...via, authorization: `Bearer ${healthToken.slice(0, -1)}x` });
      expect(wrong, JSON.stringify(via)).toEqual({ status: 200, body: { ok: true } });
      const right = await health({ ...via, authorization: `Bearer ${healthToken}` });
      expect(right.body, JSON.stringify(via)).toMatchObject({ ok: true, node: h.config.nodeId, connections: expect.any(Number) });
    }
  });

  it('shows no details through a proxy when no token is configured, whatever is sent', async () => {
    h = await startHarness();
    expect(await health({ 'x-forwarded-for': '127.0.0.1', authorization: 'Bearer ' })).toEqual({ status: 200, body: { ok: true } });
    expect(await health({ 'x-forwarded-for': '127.0.0.1', authorization: 'Bearer null' })).toEqual({ status: 200, body: { ok: true } });
  });
});

describe('the data directory', () => {
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('is created 0700 and its database, write-ahead log and secret 0600 under the default umask', async () => {
    const previous = process.umask(0o022);
    try {
      const dataDir = join(tempDir(), 'venue', 'data');
      h = await startHarness({ dataDir });
      await h.join('Amina'); // a write: the log has content
      expect(mode(dataDir).toString(8)).toBe('700');
      for (const file of ['plenary.db', 'plenary.db-wal', 'plenary.db-shm', 'secret.key']) {
        expect(mode(join(dataDir, file)).toString(8), file).toBe('600');
      }
    } finally {
      process.umask(previous);
    }
  });

  it('tightens a database file an older version left readable to others', async () => {
    const previous = process.umask(0o022);
    try {
      h = await startHarness();
      const { dataDir, facilitatorKey } = h;
      await h.close();
      h = undefined;
      for (const file of ['plenary.db', 'secret.key']) chmodSync(join(dataDir, file), 0o644);
      h = await startHarness({ dataDir }, {}, { dataDir, facilitatorKey });
      await h.join('Amina');
      for (const file of ['plenary.db', 'plenary.db-wal', 'plenary.db-shm', 'secret.key']) {
        expect(mode(join(dataDir, file)).toString(8), file).toBe('600');
      }
    } finally {
      process.umask(previous);
    }
  });
});
