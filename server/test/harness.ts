/**
 * Integration-test harness: a real Plenary server on port 0 with its own data
 * directory, and real clients (fetch, socket.io-client, y-websocket).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as authProtocol from 'y-protocols/auth';
import { WebsocketProvider } from 'y-websocket';
import {
  ApiPath,
  SocketEvent,
  YMessage,
  type ClientToServerEvents,
  type JoinReply,
  type Result,
  type ServerToClientEvents,
  type SyncReply,
} from '@plenary/shared';
import { baseConfig, type Config } from '../src/config.js';
import { createServer, type PlenaryServer } from '../src/createServer.js';
import type { ServerOverrides } from '../src/createServer.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Harness {
  server: PlenaryServer;
  url: string;
  dataDir: string;
  config: Config;
  joinCode: string;
  workshopId: string;
  facilitatorKey: string;
  /** Closes the server and every client made through the harness. */
  close(): Promise<void>;
  join(name: string, options?: { role?: 'participant' | 'observer'; country?: string }): Promise<JoinReply>;
  facilitator(name?: string): Promise<JoinReply>;
  socket(token: string): Promise<ClientSocket>;
  provider(docName: string, token: string, options?: { saved?: boolean; doc?: Y.Doc }): WebsocketProvider;
  post<T>(path: string, body: unknown, token?: string): Promise<{ status: number; body: Result<T> }>;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'plenary-test-'));
}

export async function startHarness(
  configOverrides: Partial<Config> = {},
  serverOverrides: ServerOverrides = {},
  previous?: { dataDir: string; facilitatorKey: string },
): Promise<Harness> {
  const dataDir = previous?.dataDir ?? tempDir();
  const config: Config = {
    ...baseConfig(),
    dataDir,
    logLevel: 'silent',
    presenceGraceMs: 200,
    docIdleReleaseMs: 200,
    awarenessFlushMs: 10,
    ...configOverrides,
  };
  const server = createServer(config, serverOverrides);
  const url = await server.listen(0, '127.0.0.1');
  const demo = await server.seedDemo();
  const facilitatorKey = demo.facilitatorKey ?? previous?.facilitatorKey ?? '';
  const sockets: ClientSocket[] = [];
  const providers: WebsocketProvider[] = [];

  const post = async <T>(path: string, body: unknown, token?: string) => {
    const res = await fetch(url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Result<T> };
  };

  const h: Harness = {
    server,
    url,
    dataDir,
    config,
    joinCode: demo.joinCode,
    workshopId: demo.workshopId,
    facilitatorKey,
    post,
    async join(name, options = {}) {
      const r = await post<JoinReply>(ApiPath.join, {
        code: demo.joinCode,
        name,
        language: 'en',
        role: options.role ?? 'participant',
        affiliation: { kind: 'country', country: options.country ?? 'PK', delegation: 'capital' },
      });
      if (!r.body.ok) throw new Error(`join failed: ${r.body.error.message}`);
      return r.body.data;
    },
    async facilitator(name = 'Facilitator') {
      const r = await post<JoinReply>(ApiPath.facilitatorEnter(demo.workshopId), { key: facilitatorKey, name, language: 'en' });
      if (!r.body.ok) throw new Error(`facilitator failed: ${r.body.error.message}`);
      return r.body.data;
    },
    async socket(token) {
      const s: ClientSocket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(s);
      await new Promise<void>((resolve, reject) => {
        s.once('connect', () => resolve());
        s.once('connect_error', (err) => reject(err));
      });
      return s;
    },
    provider(docName, token, options = {}) {
      const p = new WebsocketProvider(`${url.replace('http', 'ws')}/yjs`, docName, options.doc ?? new Y.Doc(), {
        params: { token, ...(options.saved ? { saved: '1' } : {}) },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      providers.push(p);
      return p;
    },
    async close() {
      for (const p of providers) p.destroy();
      for (const s of sockets) s.disconnect();
      await server.close();
    },
  };
  return h;
}

/** Emits a command and resolves with its ack. */
export function command<T = unknown>(socket: ClientSocket, name: string, payload: unknown): Promise<Result<T>> {
  return new Promise((resolve) => {
    (socket.emit as (ev: string, ...args: unknown[]) => void)(name, payload, (r: Result<T>) => resolve(r));
  });
}

export function sync(socket: ClientSocket, since: number | null): Promise<Result<SyncReply>> {
  return new Promise((resolve) => socket.emit(SocketEvent.sync, { since }, resolve));
}

/**
 * How long `eventually` waits at least, whatever a test asks: these tests judge what
 * happens, not how fast (benchmarks do that), and on a busy 2-core machine (CI beside other
 * work) a push can take seconds. A condition that holds comes true at once anyway.
 */
const patienceMs = 10_000;

/** Resolves when `predicate` holds, polling; rejects after `timeoutMs` (at least `patienceMs`). */
export async function eventually<T>(predicate: () => T | Promise<T>, timeoutMs = 5000, what = 'condition'): Promise<NonNullable<T>> {
  const start = Date.now();
  const limit = Math.max(timeoutMs, patienceMs);
  for (;;) {
    const v = await predicate();
    if (v) return v as NonNullable<T>;
    if (Date.now() - start > limit) throw new Error(`timed out waiting for ${what} (${limit} ms)`);
    await new Promise((r) => setTimeout(r, 20)); // the polling interval, not a wait for anything
  }
}

export function synced(p: WebsocketProvider): Promise<void> {
  return eventually(() => p.synced, 5000, 'provider sync').then(() => undefined);
}

/** Resolves with the close code when the provider's socket is closed by the server. */
export function closeCode(p: WebsocketProvider): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    p.on('connection-close', (event: { code: number; reason: string } | null) => {
      if (event) resolve({ code: event.code, reason: event.reason });
    });
  });
}

/**
 * Whether `reader` holds every change `writer` has made so far: its state vector
 * covers the writer's own clock. True once the server has passed on the writer's
 * latest update (kept, or refused and undone) to the reader.
 */
export function hasReceived(reader: Y.Doc, writer: Y.Doc): boolean {
  const clock = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc)).get(writer.clientID) ?? 0;
  return clock(reader) >= clock(writer);
}

/**
 * Records the permission-denied messages a provider receives (the server says
 * the connection is read-only, on connect or when access changes), instead of
 * the provider's warning on the console. Call it before the provider connects.
 */
export function denials(p: WebsocketProvider): string[] {
  const reasons: string[] = [];
  p.messageHandlers[YMessage.auth] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, p.doc, (_doc, reason) => reasons.push(reason));
  };
  return reasons;
}
