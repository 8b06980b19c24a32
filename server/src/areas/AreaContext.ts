/**
 * What an area's server-side module gets to work with: the node's workshops
 * (and their event stream), the Socket.IO server (for pushes beyond events),
 * the document hub, storage and the log. Each area attaches in
 * `createServer` and returns how to stop.
 */
import type { Server } from 'socket.io';
import type { Logger } from 'pino';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from '@plenary/shared';
import type { Store } from '../store/Store.js';
import type { TokenSigner } from '../auth/tokens.js';
import type { Workshops } from '../workshops/Workshops.js';
import type { DocHub } from '../realtime/yjs/DocHub.js';

export interface AreaContext {
  workshops: Workshops;
  io: Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
  hub: DocHub;
  store: Store;
  log: Logger;
  now: () => number;
}

export interface AreaHandle {
  close(): Promise<void>;
}

/** What an area's HTTP routes get: workshops, tokens (to authenticate requests), storage, the log. */
export interface AreaRouterDeps {
  workshops: Workshops;
  tokens: TokenSigner;
  store: Store;
  log: Logger;
}
