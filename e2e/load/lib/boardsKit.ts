/**
 * What the boards benchmark needs around its clients: a Plenary server (the
 * built one, fresh data directory, demo workshop) or a stock
 * `@y/websocket-server` 0.1.1 to compare with, a board created as a
 * facilitator would, and the CPU and memory of a server process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';
import { ApiPath, SocketEvent, type DomainEvent, type JoinReply, type Result } from '@plenary/shared';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../..');
export const benchBoardsJoinCode = 'BENCH3';

export interface BenchServer {
  kind: 'plenary' | 'stock';
  url: string;
  pid: number;
  /** Plenary only. */
  workshopId: string | null;
  facilitatorKey: string | null;
  problems: Record<string, number>;
  stop(): Promise<void>;
}

function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['PUBLIC_URL', 'PLENARY_SECRET', 'CLIENT_DIR', 'TRUST_PROXY', 'DATABASE_URL', 'REDIS_URL', 'PORT', 'HOST']) delete env[k];
  return env;
}

/** Starts `server/dist/main.js`; reads its URL and the facilitator link it prints on first start. */
export async function startPlenary(extraEnv: Record<string, string> = {}): Promise<BenchServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'plenary-bench-boards-'));
  const child = spawn(process.execPath, [join(repoRoot, 'server/dist/main.js')], {
    cwd: repoRoot,
    env: { ...cleanEnv(), PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', JOIN_FAILURES_PER_5_MIN: '1000000', SEED_DEMO: 'true', DEMO_JOIN_CODE: benchBoardsJoinCode, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const problems: Record<string, number> = {};
  let facilitatorUrl: string | null = null;
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('the server did not start in 20 s')), 20_000);
    child.once('exit', (code) => fail(new Error(`the server exited (${code})`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      facilitatorUrl ??= /(http:\/\/\S+\/f\/\S+#key=\S+)/.exec(line)?.[1] ?? null;
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as { level: number; msg: string; event?: string; url?: string };
      if (entry.level >= 40) problems[entry.msg] = (problems[entry.msg] ?? 0) + 1;
      if (entry.event === 'listening' && entry.url) {
        clearTimeout(timer);
        setTimeout(() => ok(entry.url!), 200); // the facilitator link is printed right after
      }
    });
  });
  if (!facilitatorUrl) throw new Error('no facilitator link in the server output');
  const link = new URL(facilitatorUrl);
  return {
    kind: 'plenary',
    url,
    pid: child.pid!,
    workshopId: decodeURIComponent(link.pathname.split('/')[2] ?? ''),
    facilitatorKey: decodeURIComponent(link.hash.replace(/^#key=/, '')),
    problems,
    stop: async () => {
      await stopChild(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts the stock server (`load/stockServer.ts`) on a free port. */
export async function startStock(): Promise<BenchServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, '../stockServer.ts')], {
    cwd: join(repoRoot, 'e2e'),
    env: { ...cleanEnv(), PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('the stock server did not start in 20 s')), 20_000);
    child.once('exit', (code) => fail(new Error(`the stock server exited (${code})`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^listening (\S+)$/.exec(line);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
  });
  return { kind: 'stock', url, pid: child.pid!, workshopId: null, facilitatorKey: null, problems: {}, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export async function post<T>(url: string, body: unknown): Promise<Result<T>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
  return (await res.json()) as Result<T>;
}

/** Enters as the demo's facilitator and creates a board; resolves with its id and the facilitator's session. */
export function createBoard(server: BenchServer, title: string): Promise<{ boardId: string; facilitator: JoinReply }> {
  return createBoardAt(server.url, server.workshopId!, server.facilitatorKey!, title);
}

/** The same, for a server known by URL, workshop and facilitator key. */
export async function createBoardAt(url: string, workshopId: string, key: string, title: string): Promise<{ boardId: string; facilitator: JoinReply }> {
  const entered = await post<JoinReply>(url + ApiPath.facilitatorEnter(workshopId), { key, name: 'Bench facilitator', language: 'en' });
  if (!entered.ok) throw new Error(`facilitator: ${entered.error.message}`);
  const socket = io(url, { auth: { token: entered.data.token }, transports: ['websocket'], forceNew: true, reconnection: false });
  try {
    await new Promise<void>((ok, fail) => {
      socket.once('connect', () => ok());
      socket.once('connect_error', fail);
    });
    const created = new Promise<string>((ok) => {
      socket.on(SocketEvent.events, ({ events }: { events: DomainEvent[] }) => {
        for (const e of events) if (e.type === 'board.created' && e.createdBy === entered.data.participantId) ok(e.boardId);
      });
    });
    await socket.timeout(10_000).emitWithAck(SocketEvent.sync, { since: null });
    const ack = (await (socket.timeout(10_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Result<unknown>> }).emitWithAck('board:create', { title, template: 'blank' }));
    if (!ack.ok) throw new Error(`board:create: ${ack.error.message}`);
    return { boardId: await created, facilitator: entered.data };
  } finally {
    socket.disconnect();
  }
}

/** Joins `count` participants over REST (no sockets), `concurrency` at a time; their tokens. */
export async function joinMany(server: BenchServer, count: number, concurrency = 20): Promise<string[]> {
  const countries = ['BY', 'BR', 'CO', 'EG', 'KG', 'LA', 'ML', 'MA', 'NP', 'NE', 'PK', 'ZA', 'UA', 'AF', 'BD', 'IR', 'IQ'];
  const tokens: string[] = new Array<string>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const r = await post<JoinReply>(server.url + ApiPath.join, {
        code: benchBoardsJoinCode,
        name: `Bench ${i + 1}`,
        language: 'en',
        role: 'participant',
        affiliation: { kind: 'country', country: countries[i % countries.length], delegation: 'capital' },
      });
      if (!r.ok) throw new Error(`join ${i}: ${r.error.message}`);
      tokens[i] = r.data.token;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return tokens;
}

/** CPU seconds (user + system) of a process, from /proc. */
export function cpuOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident memory of a process in bytes, from /proc. */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}
