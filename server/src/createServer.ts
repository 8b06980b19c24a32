/**
 * Wires a Plenary node: store, bus, workshops, the HTTP app, the control
 * plane (Socket.IO) and the content plane (y-websocket), all on one HTTP
 * server. Does not listen until asked, and reads no environment: `main.ts`
 * does that.
 */
import { createHmac } from 'node:crypto';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { CloseCode, Limits, daysBetween, demoDefinition, demoWorkshopId, firstDateNear, firstDateOf, normalizeJoinCode, shiftDays } from '@plenary/shared';
import type { Config } from './config.js';
import { createLogger } from './log.js';
import { loadServerSecret } from './auth/secrets.js';
import { TokenSigner } from './auth/tokens.js';
import type { Bus } from './bus/Bus.js';
import { InProcessBus } from './bus/memory/InProcessBus.js';
import { DuplicateWorkshopError, type Store } from './store/Store.js';
import { SqliteStore } from './store/sqlite/SqliteStore.js';
import { Workshops } from './workshops/Workshops.js';
import { ClusterPresence } from './workshops/ClusterPresence.js';
import { Places } from './workshops/Places.js';
import { ControlPlane } from './realtime/socket/ControlPlane.js';
import { DocHub } from './realtime/yjs/DocHub.js';
import { YjsEndpoint } from './realtime/yjs/YjsEndpoint.js';
import { createApp } from './http/app.js';
import type { AreaContext, AreaHandle } from './areas/AreaContext.js';
import { attachPolls } from './areas/polls/attachPolls.js';
import { attachBoards } from './areas/boards/attachBoards.js';
import { attachBreakouts } from './areas/breakouts/attachBreakouts.js';
import { pollsRouter } from './areas/polls/pollsRouter.js';
import { boardsRouter } from './areas/boards/boardsRouter.js';
import { attachOutcomes } from './areas/outcomes/attachOutcomes.js';
import { outcomesRouter } from './areas/outcomes/outcomesRouter.js';

export interface PlenaryServer {
  http: HttpServer;
  log: Logger;
  store: Store;
  workshops: Workshops;
  tokens: TokenSigner;
  /** Starts listening; resolves with the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** The base URL people use (PUBLIC_URL, else where it listens). */
  url(): string;
  /** Creates the demo workshop if it does not exist yet. */
  seedDemo(): Promise<DemoAccess>;
  /** Stops accepting, closes every connection, stores what is pending, closes the store. */
  close(): Promise<void>;
}

export interface DemoAccess {
  created: boolean;
  workshopId: string;
  joinCode: string;
  /** Only when it was just created: the key is stored hashed and cannot be shown again. */
  facilitatorKey: string | null;
}

export interface ServerOverrides {
  store?: Store;
  bus?: Bus;
  log?: Logger;
  now?: () => number;
}

export function createServer(config: Config, overrides: ServerOverrides = {}): PlenaryServer {
  const log = overrides.log ?? createLogger(config.logLevel);
  const now = overrides.now ?? Date.now;
  const store = overrides.store ?? new SqliteStore(join(config.dataDir, 'plenary.db'));
  const bus = overrides.bus ?? new InProcessBus();
  const secret = loadServerSecret(config.dataDir, config.secret ?? undefined);
  const tokens = new TokenSigner(secret, config.sessionTtlSeconds);
  // Pseudonyms use their own key, derived from the secret, never the signing key itself.
  const pseudonymKey = createHmac('sha256', secret).update('plenary pseudonyms').digest();
  const onError = (err: unknown) => log.error({ err }, 'background task failed');

  const workshops = new Workshops({ store, bus, nodeId: config.nodeId, now, snapshotEvery: config.snapshotEvery, pseudonymKey, onError });
  const hub = new DocHub({
    store,
    bus,
    nodeId: config.nodeId,
    log,
    compactEvery: config.docCompactEvery,
    awarenessFlushMs: config.awarenessFlushMs,
    maxUpdateBytes: Limits.docUpdateBytes,
    maxDocBytes: Limits.docBytes,
    idleReleaseMs: config.docIdleReleaseMs,
    messagesPerSecond: 200,
    messageBurst: 1000,
  });
  const yjs = new YjsEndpoint({ hub, tokens, workshops, log });

  let control: ControlPlane | null = null;
  const presence = new ClusterPresence({
    bus,
    nodeId: config.nodeId,
    graceMs: config.presenceGraceMs,
    heartbeatMs: config.presenceHeartbeatMs,
    expireMs: config.presenceExpireMs,
    now,
    onChange: (w, online, offline) => control?.pushPresence(w, online, offline),
    onNodeGone: (node) => hub.forgetNode(node),
    onError,
  });
  const places = new Places({ bus, nodeId: config.nodeId, now, onChange: (w, changed) => control?.pushPlaces(w, changed), onError });
  let draining = false;
  const startedAt = now();
  const app = createApp({
    workshops,
    tokens,
    log,
    now,
    joinFailuresPer5Min: config.joinFailuresPer5Min,
    joinFailuresGlobalPer5Min: config.joinFailuresGlobalPer5Min,
    clientDir: config.clientDir,
    trustProxy: config.trustProxy,
    healthToken: config.healthToken,
    areaRouters: [pollsRouter({ workshops, tokens, store, log }), boardsRouter({ workshops, tokens, store, log }), outcomesRouter({ workshops, tokens, store, log, now })],
    ready: async () => !draining && (await store.ping()) && (await bus.ping()),
    health: () => {
      const mem = process.memoryUsage();
      return {
        node: config.nodeId,
        uptimeSeconds: Math.round((now() - startedAt) / 1000),
        sockets: control?.io.engine.clientsCount ?? 0,
        ...hub.stats(),
        memory: { rss: mem.rss, heapUsed: mem.heapUsed },
      };
    },
  });
  const http = createHttpServer(app);
  control = new ControlPlane(http, { workshops, presence, places, tokens, log, now, presenceBatchMs: 100, maxHttpBufferSize: 1024 * 1024 });

  // Access to documents follows the control plane: re-decide it for open
  // connections whenever a workshop's state changes.
  workshops.onEvents((_runtime, _events, state) => hub.refreshAccess(state));
  workshops.onRemoved((workshopId) => places.forget(workshopId));

  const areaContext: AreaContext = { workshops, io: control.io, hub, store, log, now };
  const areas: AreaHandle[] = [attachPolls(areaContext), attachBoards(areaContext), attachBreakouts(areaContext), attachOutcomes(areaContext)];

  http.on('upgrade', (req, socket, head) => {
    if (yjs.matches(req)) yjs.handleUpgrade(req, socket, head);
    else if (!(req.url ?? '').startsWith('/socket.io/')) socket.destroy();
  });

  let listeningUrl = '';
  const server: PlenaryServer = {
    http,
    log,
    store,
    workshops,
    tokens,
    async listen(port = config.port, host = config.host) {
      await presence.start();
      await places.start();
      return new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(port, host, () => {
          const addr = http.address() as AddressInfo;
          const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
          listeningUrl = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${addr.port}`;
          resolve(server.url());
        });
      });
    },
    url() {
      return (config.publicUrl ?? listeningUrl).replace(/\/$/, '');
    },
    async seedDemo() {
      const existing = await workshops.record(demoWorkshopId);
      if (existing) return { created: false, workshopId: existing.id, joinCode: existing.joinCode, facilitatorKey: null };
      const joinCode = config.demoJoinCode ? normalizeJoinCode(config.demoJoinCode) : null;
      if (config.demoJoinCode && !joinCode) throw new Error('DEMO_JOIN_CODE must be 6 characters from the join-code alphabet');
      let created;
      try {
        created = await workshops.create({ id: demoWorkshopId, definition: demoAboutToStart(now()), ...(joinCode ? { joinCode } : {}) });
      } catch (error) {
        // Another node seeded it at the same moment.
        const seeded = error instanceof DuplicateWorkshopError ? await workshops.record(demoWorkshopId) : null;
        if (!seeded) throw error;
        return { created: false, workshopId: seeded.id, joinCode: seeded.joinCode, facilitatorKey: null };
      }
      const { runtime, facilitatorKey } = created;
      log.info({ workshopId: runtime.id }, 'demo workshop created');
      return { created: true, workshopId: runtime.id, joinCode: runtime.state.joinCode, facilitatorKey };
    },
    async close() {
      draining = true;
      if (config.drainSeconds > 0) await new Promise((r) => setTimeout(r, config.drainSeconds * 1000));
      // Documents first: their clients are told to reconnect, pending updates are stored.
      await hub.close(CloseCode.shuttingDown, 'The server is restarting; reconnecting.');
      yjs.close();
      // Then Socket.IO, which also stops the HTTP server once its requests end.
      const stopped = control?.close();
      http.closeIdleConnections();
      await stopped;
      await presence.close();
      await places.close();
      await Promise.all(areas.map((a) => a.close()));
      await workshops.close();
      await bus.close();
      await store.close();
    },
  };
  return server;
}

/**
 * The demo's programme placed so that it is about to start or running when the
 * demo is made (today in the venue's time zone, or tomorrow if today's part is
 * over), not on the concept note's dates of May 2019, when its first screen
 * would say the programme has ended. Times and the time zone stay.
 */
function demoAboutToStart(instant: number) {
  const first = firstDateOf(demoDefinition);
  const near = firstDateNear(demoDefinition, instant);
  if (first === null || near === null) return demoDefinition;
  return { ...demoDefinition, days: shiftDays(demoDefinition.days, daysBetween(first, near)) };
}
