/**
 * What the boards benchmark needs around its clients: a Plenary server (the
 * built one, started by ./server.ts) or a stock `@y/websocket-server` 0.1.1 to
 * compare with, a board created as a facilitator would, and participants
 * joined over REST.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ApiPath, type JoinReply } from '@plenary/shared';
import { benchCountries, createBoardAt, post } from './api.js';
import { startServer, stopChild } from './server.js';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../..');
export const benchBoardsJoinCode = 'BENCH3';

/** Plenary as built in this checkout, Plenary built in another checkout (`--baseline`), or the stock server. */
export type ServerKind = 'plenary' | 'baseline' | 'stock';

export interface BenchServer {
  kind: ServerKind;
  url: string;
  pid: number;
  /** Plenary only. */
  workshopId: string | null;
  facilitatorKey: string | null;
  problems: Record<string, number>;
  stop(): Promise<void>;
}

/**
 * Starts `server/dist/main.js` with the demo workshop (join code BENCH3), from
 * this checkout or, for a side-by-side comparison in one run, from another
 * built checkout of Plenary (`root`, labelled `baseline`).
 */
export async function startPlenary(env: Record<string, string> = {}, root: string | null = null): Promise<BenchServer> {
  const server = await startServer(root ?? repoRoot, { joinCode: benchBoardsJoinCode, env });
  if (!server.facilitatorKey || !server.workshopId || server.pid === null) {
    await server.stop();
    throw new Error('no facilitator link in the server output');
  }
  return { kind: root ? 'baseline' : 'plenary', url: server.url, pid: server.pid, workshopId: server.workshopId, facilitatorKey: server.facilitatorKey, problems: server.problems, stop: server.stop };
}

/** Starts the stock server (`load/stockServer.ts`) on a free port. */
export async function startStock(): Promise<BenchServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, '../stockServer.ts')], {
    cwd: join(repoRoot, 'e2e'),
    env: { ...process.env, PORT: '0' },
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

/** Enters as the demo's facilitator and creates a board; resolves with its id and the facilitator's session. */
export function createBoard(server: BenchServer, title: string): Promise<{ boardId: string; facilitator: JoinReply }> {
  return createBoardAt(server.url, server.workshopId!, server.facilitatorKey!, title);
}

/** Joins `count` participants over REST (no sockets), `concurrency` at a time; their tokens. */
export async function joinMany(server: BenchServer, count: number, concurrency = 20): Promise<string[]> {
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
        affiliation: { kind: 'country', country: benchCountries[i % benchCountries.length], delegation: 'capital' },
      });
      if (!r.ok) throw new Error(`join ${i}: ${r.error.message}`);
      tokens[i] = r.data.token;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return tokens;
}
