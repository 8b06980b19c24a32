/**
 * Talking to a Plenary server as its clients do, for the benchmarks: REST
 * calls, a Socket.IO connection of one's own, the workshop sync, commands with
 * their ack, entering as the facilitator and creating a board. One home for
 * what every benchmark needs before it measures anything.
 */
import { io, type Socket } from 'socket.io-client';
import {
  ApiPath,
  demoDefinition,
  SocketEvent,
  type ClientToServerEvents,
  type CommandAck,
  type DomainEvent,
  type JoinInfo,
  type JoinReply,
  type Result,
  type ServerToClientEvents,
} from '@plenary/shared';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Countries the demo workshop accepts, for the affiliations of simulated participants. */
export const benchCountries = demoDefinition.countries.map((c) => c.code);

/** POST JSON (with a bearer token if given); the server's `Result`. */
export async function post<T>(url: string, body: unknown, token?: string): Promise<Result<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  return (await res.json()) as Result<T>;
}

/**
 * A socket of its own (`forceNew`: no multiplexing), websocket only, no
 * reconnection, connected. `listen` adds handlers before it connects.
 */
export function connectSocket(url: string, token: string, timeoutMs: number, listen?: (socket: ClientSocket) => void): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false, timeout: timeoutMs });
  listen?.(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.disconnect();
      reject(new Error(`socket connect: ${error.message}`));
    });
  });
}

/** `workshop:sync` from nothing: the server answers with a snapshot. */
export async function syncWorkshop(socket: ClientSocket, timeoutMs: number): Promise<void> {
  let reply;
  try {
    reply = await socket.timeout(timeoutMs).emitWithAck(SocketEvent.sync, { since: null });
  } catch {
    throw new Error('sync: no ack in time');
  }
  if (!reply.ok) throw new Error(`sync: ${reply.error.code}`);
  if (reply.data.mode !== 'snapshot') throw new Error(`sync: expected a snapshot, got ${reply.data.mode}`);
}

/** Sends a command by name and waits for its ack (rejects when none comes in time). */
export function send(socket: ClientSocket, name: string, payload: unknown, timeoutMs: number): Promise<Result<CommandAck>> {
  const emit = socket.timeout(timeoutMs) as unknown as { emitWithAck(event: string, p: unknown): Promise<Result<CommandAck>> };
  return emit.emitWithAck(name, payload);
}

/** Sends a command that must be accepted; throws with its refusal otherwise. */
export async function must(socket: ClientSocket, name: string, payload: unknown, timeoutMs = 10_000): Promise<CommandAck> {
  const r = await send(socket, name, payload, timeoutMs);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.data;
}

/** Resolves with the first `workshop:events` event of the socket that `pick` maps to a value. */
export function nextEvent<T>(socket: ClientSocket, pick: (e: DomainEvent) => T | undefined): Promise<T> {
  return new Promise((resolve) => {
    const onEvents = ({ events }: { events: DomainEvent[] }) => {
      for (const e of events) {
        const value = pick(e);
        if (value === undefined) continue;
        socket.off(SocketEvent.events, onEvents);
        resolve(value);
        return;
      }
    };
    socket.on(SocketEvent.events, onEvents);
  });
}

/** Asks which workshop a join code opens (`GET /api/join/:code`). */
export async function workshopIdFor(url: string, code: string): Promise<string> {
  const res = await fetch(url + ApiPath.joinInfo(code), { signal: AbortSignal.timeout(10_000) });
  const body = (await res.json()) as Result<JoinInfo>;
  if (!body.ok) throw new Error(`GET ${ApiPath.joinInfo(code)}: ${body.error.code} ${body.error.message}`);
  return body.data.workshopId;
}

/** Enters a workshop as its facilitator, with the key of the facilitator link. */
export async function enterAsFacilitator(url: string, workshopId: string, key: string, name = 'Bench facilitator'): Promise<JoinReply> {
  const entered = await post<JoinReply>(url + ApiPath.facilitatorEnter(workshopId), { key, name, language: 'en' });
  if (!entered.ok) throw new Error(`facilitator: ${entered.error.message}`);
  return entered.data;
}

/** Enters as the facilitator and creates a blank board; its id and the facilitator's session. */
export async function createBoardAt(url: string, workshopId: string, key: string, title: string): Promise<{ boardId: string; facilitator: JoinReply }> {
  const facilitator = await enterAsFacilitator(url, workshopId, key);
  const socket = await connectSocket(url, facilitator.token, 10_000);
  try {
    const created = nextEvent(socket, (e) => (e.type === 'board.created' && e.createdBy === facilitator.participantId ? e.boardId : undefined));
    await syncWorkshop(socket, 10_000);
    await must(socket, 'board:create', { title, template: 'blank' });
    return { boardId: await created, facilitator };
  } finally {
    socket.disconnect();
  }
}
