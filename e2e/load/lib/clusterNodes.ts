/** k Plenary nodes (`server/dist/main.js`) on this machine's PostgreSQL and Redis, for the cluster benchmarks. */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { freePort, startServer, type RunningServer } from '../../fixtures/server.js';

export interface BenchCluster {
  nodes: RunningServer[];
  schema: string;
  dbUrl: string;
  stop(): Promise<void>;
}

/** k nodes with a schema and a channel prefix of their own; the first seeds the demo. */
export async function startNodes(k: number, prefix = 'plenary_bench'): Promise<BenchCluster> {
  const schema = `${prefix}_${randomBytes(5).toString('hex')}`;
  const dbUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const env = {
    DATABASE_URL: dbUrl,
    DATABASE_SCHEMA: schema,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `${schema}:`,
    PLENARY_SECRET: randomBytes(32).toString('hex'),
    JOIN_FAILURES_PER_5_MIN: '100000',
  };
  const nodes: RunningServer[] = [];
  const stop = async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    await dropSchema(dbUrl, schema);
  };
  try {
    for (let i = 0; i < k; i++) {
      const port = await freePort();
      nodes.push(await startServer({ port, env: { ...env, NODE_ID: `bench-${i + 1}`, PUBLIC_URL: `http://127.0.0.1:${port}` } }));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { nodes, schema, dbUrl, stop };
}

function dropSchema(url: string, schema: string): Promise<void> {
  return new Promise((done) => {
    const p = spawn('psql', [url, '-qc', `DROP SCHEMA IF EXISTS ${schema} CASCADE`], { stdio: 'ignore' });
    p.once('exit', () => done());
    p.once('error', () => done());
  });
}
