/**
 * The server under test, for every benchmark that runs one Plenary server:
 * either one this process starts (`node server/dist/main.js` on 127.0.0.1 with
 * a fresh data directory) or one already running at a URL. Also reads its
 * health endpoint and, when started here, its CPU time and memory, and forces
 * a full garbage collection before memory readings through the Node
 * inspector, which a started server may open on a loopback port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { ApiPath } from '@plenary/shared';

/** The join code the started server gives its demo workshop. */
export const benchJoinCode = 'BENCH2';

const startTimeoutMs = 20_000;
const linkWaitMs = 2_000;
const stopGraceMs = 5_000;
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface Health {
  ok: boolean;
  node: string;
  uptimeSeconds: number;
  sockets: number;
  docs: number;
  connections: number;
  memory: { rss: number; heapUsed: number };
}

/** Server log lines at warn level or above, counted by message. */
export type LogProblems = Record<string, number>;

export interface ServerUnderTest {
  url: string;
  code: string;
  /** Process id when started here; null for a server given by URL. */
  pid: number | null;
  problems: LogProblems;
  /**
   * The demo's facilitator key, read from the link a started server prints
   * (boards exist only once a facilitator creates them); for a server given
   * by URL, PLENARY_FACILITATOR_KEY or null.
   */
  facilitatorKey: string | null;
  /** The demo workshop, from the same link; null for a server given by URL. */
  workshopId: string | null;
  /** Runs a full garbage collection in the server; false when it cannot (a server given by URL). */
  collectGarbage(): Promise<boolean>;
  stop(): Promise<void>;
}

/** A server already running elsewhere: nothing to start or stop, no way to collect garbage. */
export function externalServer(url: string, code: string): ServerUnderTest {
  return { url, code, pid: null, problems: {}, facilitatorKey: process.env.PLENARY_FACILITATOR_KEY ?? null, workshopId: null, collectGarbage: async () => false, stop: async () => {} };
}

export interface StartOptions {
  /** The demo workshop's join code (each benchmark has its own, so a stray server is never taken for another's). */
  joinCode?: string;
  /** Opens the Node inspector on a loopback port, so that `collectGarbage` can run a full GC in the server. */
  inspect?: boolean;
  /** More environment for the server, over the benchmark's defaults. */
  env?: Record<string, string>;
}

/**
 * Starts `server/dist/main.js` on a loopback address with a fresh data
 * directory and the demo workshop, and waits until it listens and has printed
 * the demo's facilitator link. Every benchmark that needs one Plenary server
 * starts it here.
 */
export async function startServer(repoRoot: string, options: StartOptions = {}): Promise<ServerUnderTest> {
  const main = join(repoRoot, 'server/dist/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`pnpm build\` first.`);
  const code = options.joinCode ?? benchJoinCode;
  const dataDir = await mkdtemp(join(tmpdir(), 'plenary-bench-'));
  const child = spawn(process.execPath, [...(options.inspect ? ['--inspect=127.0.0.1:0'] : []), main], {
    cwd: repoRoot,
    env: { ...serverEnv(dataDir, code), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const problems: LogProblems = {};
  const stderrTail: string[] = [];
  let inspectorUrl: string | null = null;
  createInterface({ input: child.stderr! }).on('line', (line) => {
    inspectorUrl ??= /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(line)?.[1] ?? null;
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
  });
  const stop = async () => {
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const { url, link } = await waitForListening(child, problems, stderrTail);
    assertLoopback(url);
    // The facilitator link is printed right after the server listens.
    const facilitatorLink = await Promise.race([link, new Promise<null>((r) => setTimeout(() => r(null), linkWaitMs))]);
    const collectGarbage = () => (inspectorUrl ? inspectorCollectGarbage(inspectorUrl) : Promise.resolve(false));
    return {
      url,
      code,
      pid: child.pid ?? null,
      problems,
      facilitatorKey: facilitatorLink ? decodeURIComponent(facilitatorLink.hash.replace(/^#key=/, '')) : null,
      workshopId: facilitatorLink ? decodeURIComponent(facilitatorLink.pathname.split('/')[2] ?? '') : null,
      collectGarbage,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The environment of the started server: inherited, minus what could point it elsewhere. */
function serverEnv(dataDir: string, joinCode: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['PUBLIC_URL', 'PLENARY_SECRET', 'CLIENT_DIR', 'TRUST_PROXY', 'DATABASE_URL', 'REDIS_URL']) delete env[key];
  return {
    ...env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    JOIN_FAILURES_PER_5_MIN: '100000',
    SEED_DEMO: 'true',
    DEMO_JOIN_CODE: joinCode,
  };
}

/**
 * Reads JSON log lines until `"event":"listening"`, counting warnings and
 * errors all along; `link` resolves with the facilitator link once printed.
 */
function waitForListening(child: ChildProcess, problems: LogProblems, stderrTail: string[]): Promise<{ url: string; link: Promise<URL> }> {
  let printed: (link: URL) => void = () => {};
  const link = new Promise<URL>((r) => (printed = r));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not listen within ${startTimeoutMs} ms.`)), startTimeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${signal ?? code}) before listening:\n${stderrTail.join('\n')}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const found = /(https?:\/\/\S+\/f\/\S+#key=\S+)/.exec(line)?.[1];
      if (found) printed(new URL(found));
      const entry = parseLogLine(line);
      if (!entry) return;
      if (entry.level >= 40) problems[entry.msg] = (problems[entry.msg] ?? 0) + 1;
      if (entry.event === 'listening' && typeof entry.url === 'string') {
        clearTimeout(timer);
        resolve({ url: entry.url, link });
      }
    });
  });
}

interface LogEntry {
  level: number;
  msg: string;
  event?: unknown;
  url?: unknown;
}

function parseLogLine(line: string): LogEntry | null {
  if (!line.startsWith('{')) return null;
  try {
    const value = JSON.parse(line) as Partial<LogEntry>;
    return typeof value.level === 'number' ? { ...value, level: value.level, msg: String(value.msg ?? '') } : null;
  } catch {
    return null;
  }
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!loopbackHosts.has(host)) throw new Error(`The started server reports ${url}, which is not a loopback address; refusing to use it.`);
}

/** SIGTERM, then SIGKILL if it has not exited after a grace period. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), stopGraceMs);
  await exited;
  clearTimeout(timer);
}

/** Asks a Node inspector for a full garbage collection (`HeapProfiler.collectGarbage`). */
function inspectorCollectGarbage(inspectorUrl: string): Promise<boolean> {
  return new Promise((resolve) => {
    const ws = new WebSocket(inspectorUrl);
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      ws.terminate();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), 10_000);
    ws.on('open', () => ws.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' })));
    ws.on('message', (data: Buffer) => {
      const reply = JSON.parse(data.toString()) as { id?: number; error?: unknown };
      if (reply.id === 1) finish(reply.error === undefined);
    });
    ws.on('error', () => finish(false));
  });
}

/**
 * `GET /healthz` with its details: a server started here is asked on the loopback, which
 * sees them; another one needs its HEALTH_TOKEN, given as PLENARY_HEALTH_TOKEN.
 */
export async function readHealth(url: string): Promise<Health> {
  const token = process.env.PLENARY_HEALTH_TOKEN;
  const res = await fetch(url + ApiPath.health, { signal: AbortSignal.timeout(10_000), ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}) });
  if (!res.ok) throw new Error(`GET ${ApiPath.health} answered ${res.status}.`);
  const health = (await res.json()) as Health;
  if (typeof health.node !== 'string') throw new Error(`GET ${ApiPath.health} shows no details: ask on the server's own machine, or set PLENARY_HEALTH_TOKEN to its HEALTH_TOKEN.`);
  return health;
}

/** User + system CPU seconds a process has used (Linux /proc); null when unknown. */
export function cpuSeconds(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at field 3; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    // USER_HZ is 100 on Linux (`getconf CLK_TCK`).
    return Number.isFinite(ticks) ? ticks / 100 : null;
  } catch {
    return null;
  }
}

/** The same for a process started here, which /proc knows while it runs (0 once it has gone). */
export const cpuOf = (pid: number): number => cpuSeconds(pid) ?? 0;

/** Resident memory of a process in bytes (Linux /proc); 0 when unknown. */
export function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** User + system CPU seconds this (client) process has used. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
