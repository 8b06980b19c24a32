/**
 * The Socket.IO binding of the control plane (protocol: shared/src/protocol/socket.ts).
 *
 * Connection: the handshake's token is verified and checked against the
 * workshop's current state; the socket joins its audiences. Every command goes
 * through `handleCommand`: ack present → rate → size → schema → actor → dispatch.
 * Applied events are pushed to each audience as that audience may see them.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { Logger } from 'pino';
import {
  audienceOf,
  currentActor,
  ErrorCode,
  fail,
  Limits,
  ok,
  eventSubjects,
  facilitatorViewer,
  projectEvent,
  projectState,
  publicViewer,
  SocketCommands,
  socketCommandNames,
  SocketEvent,
  SyncRequest,
  Place,
  PlaceEvent,
  type Audience,
  type Role,
  type Viewer,
  type WorkshopState,
  type ClientToServerEvents,
  type CommandAck,
  type DomainEvent,
  type InterServerEvents,
  type Result,
  type ServerToClientEvents,
  type SocketCommandName,
  type SocketData,
  type SyncReply,
  type WireError,
  type Command,
} from '@plenary/shared';
import type { z } from 'zod';
import { InvalidTokenError, type TokenSigner } from '../../auth/tokens.js';
import type { ClusterPresence } from '../../workshops/ClusterPresence.js';
import type { Places } from '../../workshops/Places.js';
import type { Workshops } from '../../workshops/Workshops.js';
import { TokenBucket } from '../TokenBucket.js';

type PlenarySocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
type Ack<T> = (result: Result<T>) => void;

/** Most subjects one events message is cut for (see `push`). */
const maxSubjectsPerMessage = 32;

export const rooms = {
  workshop: (w: string) => `w:${w}`,
  audience: (w: string, a: Audience) => `w:${w}:a:${a}`,
  participant: (w: string, p: string) => `w:${w}:p:${p}`,
};

export interface ControlPlaneDeps {
  workshops: Workshops;
  presence: Pick<ClusterPresence, 'connect' | 'disconnect' | 'online'>;
  /** Where people are; absent: nobody's place is tracked. */
  places?: Pick<Places, 'report' | 'of'>;
  tokens: TokenSigner;
  log: Logger;
  now: () => number;
  /** Presence changes are gathered this long before they are pushed. */
  presenceBatchMs: number;
  /** Largest message Socket.IO accepts at all; larger ones close the connection. */
  maxHttpBufferSize: number;
}

/** Error attached to a refused handshake; the client reads `err.data.code`. */
class HandshakeError extends Error {
  constructor(
    message: string,
    readonly data: { code: WireError['code'] },
  ) {
    super(message);
  }
}

export class ControlPlane {
  private readonly presencePending = new Map<string, Map<string, boolean>>();
  private readonly placesPending = new Map<string, Record<string, Place>>();
  private closing = false;
  readonly io: Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

  constructor(
    httpServer: HttpServer,
    private readonly deps: ControlPlaneDeps,
  ) {
    this.io = new Server(httpServer, {
      path: '/socket.io',
      serveClient: false,
      destroyUpgrade: false,
      maxHttpBufferSize: deps.maxHttpBufferSize,
      connectionStateRecovery: undefined,
      cors: undefined,
    });
    this.io.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        (error: unknown) => next(error instanceof HandshakeError ? error : new HandshakeError('Could not connect.', { code: ErrorCode.internal })),
      );
    });
    this.io.on('connection', (socket) => this.onConnection(socket));
    deps.workshops.onEvents((runtime, events, state) => this.push(runtime.id, events, state));
  }

  /** Pushes presence changes of a workshop to everyone in it. */
  /**
   * Pushes presence changes of a workshop to everyone in it, gathered over
   * `presenceBatchMs`: when a room of 150 arrives at once, each screen gets a
   * few messages, not one per arrival.
   */
  pushPresence(workshopId: string, online: string[], offline: string[]): void {
    let pending = this.presencePending.get(workshopId);
    if (!pending) {
      pending = new Map();
      this.presencePending.set(workshopId, pending);
      setTimeout(() => this.flushPresence(workshopId), this.deps.presenceBatchMs);
    }
    for (const id of online) pending.set(id, true);
    for (const id of offline) pending.set(id, false);
  }

  /** Pushes changed places to the workshop's facilitators, gathered like presence. */
  pushPlaces(workshopId: string, changed: Record<string, Place>): void {
    let pending = this.placesPending.get(workshopId);
    if (!pending) {
      pending = {};
      this.placesPending.set(workshopId, pending);
      setTimeout(() => {
        const places = this.placesPending.get(workshopId);
        this.placesPending.delete(workshopId);
        if (places && !this.closing) this.io.to(rooms.audience(workshopId, 'facilitators')).emit(PlaceEvent.changed, { places });
      }, this.deps.presenceBatchMs);
    }
    Object.assign(pending, changed);
  }

  private flushPresence(workshopId: string): void {
    const pending = this.presencePending.get(workshopId);
    this.presencePending.delete(workshopId);
    if (!pending || this.closing) return;
    const online = [...pending].filter(([, on]) => on).map(([id]) => id);
    const offline = [...pending].filter(([, on]) => !on).map(([id]) => id);
    this.io.to(rooms.workshop(workshopId)).emit(SocketEvent.presence, { online, offline });
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.io.close();
  }

  /** A participant's role changed: their sockets change audience, and they sync again. */
  private async moveToAudience(workshopId: string, participantId: string, role: Role): Promise<void> {
    const room = rooms.participant(workshopId, participantId);
    const sockets = await this.io.in(room).fetchSockets();
    for (const socket of sockets) {
      socket.leave(rooms.audience(workshopId, audienceOf(socket.data.role)));
      socket.join(rooms.audience(workshopId, audienceOf(role)));
      socket.data.role = role;
    }
    this.io.to(room).emit(SocketEvent.roleChanged, { role });
  }

  private async authenticate(socket: PlenarySocket): Promise<void> {
    let claims;
    try {
      claims = await this.deps.tokens.verify((socket.handshake.auth as { token?: unknown } | undefined)?.token);
    } catch (error) {
      const reason = error instanceof InvalidTokenError ? error.message : 'invalid token';
      throw new HandshakeError(`Your session is not valid (${reason}). Join again.`, { code: ErrorCode.unauthorized });
    }
    const runtime = await this.deps.workshops.forParticipant(claims.wid, claims.sub);
    const participant = runtime?.state.participants[claims.sub];
    if (!runtime || !participant) {
      throw new HandshakeError('Your session is not valid for this workshop. Join again.', { code: ErrorCode.unauthorized });
    }
    if (participant.removed) {
      throw new HandshakeError('You were removed from this workshop.', { code: ErrorCode.forbidden });
    }
    socket.data.workshopId = claims.wid;
    socket.data.participantId = claims.sub;
    socket.data.role = participant.role;
  }

  private onConnection(socket: PlenarySocket): void {
    const { workshopId, participantId, role } = socket.data;
    const { presence, log } = this.deps;
    const bucket = new TokenBucket(Limits.commandsPerSecond, Limits.commandBurst);
    void socket.join([rooms.workshop(workshopId), rooms.audience(workshopId, audienceOf(role)), rooms.participant(workshopId, participantId)]);
    presence.connect(workshopId, participantId);
    socket.on('disconnect', () => presence.disconnect(workshopId, participantId));
    // Where this person is: no ack, bad reports ignored (it is a hint for the console, never stored).
    socket.on(PlaceEvent.report, (payload: unknown) => {
      const place = Place.safeParse(payload);
      if (place.success && bucket.take()) this.deps.places?.report(workshopId, participantId, place.data);
    });

    socket.on(SocketEvent.sync, (request: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      void this.sync(socket, request).then(ack as Ack<SyncReply>, (error: unknown) => {
        log.error({ err: error }, 'sync failed');
        (ack as Ack<SyncReply>)(fail(ErrorCode.internal, 'Could not load the workshop; try again.'));
      });
    });

    for (const name of socketCommandNames) {
      socket.on(name, (payload: unknown, ack: unknown) => {
        if (typeof ack !== 'function') {
          log.debug({ command: name }, 'command without ack ignored');
          return;
        }
        if (!bucket.take()) {
          (ack as Ack<CommandAck>)(fail(ErrorCode.rateLimited, 'Too many actions at once; slow down.'));
          return;
        }
        void this.handleCommand(socket, name, payload).then(ack as Ack<CommandAck>, (error: unknown) => {
          log.error({ err: error, command: name }, 'command failed');
          (ack as Ack<CommandAck>)(fail(ErrorCode.internal, 'The server could not do this; nothing was changed.'));
        });
      });
    }
  }

  private async handleCommand(socket: PlenarySocket, name: SocketCommandName, payload: unknown): Promise<Result<CommandAck>> {
    const size = Buffer.byteLength(JSON.stringify(payload ?? null) ?? '');
    if (size > Limits.commandBytes) {
      return fail(ErrorCode.tooLarge, `This request is too large (${size} bytes; at most ${Limits.commandBytes}).`);
    }
    const schema = SocketCommands[name] as z.ZodType;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      return fail(
        ErrorCode.invalid,
        'Some of what was sent is not valid.',
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    }
    const { workshopId, participantId } = socket.data;
    const runtime = await this.deps.workshops.get(workshopId);
    const actor = runtime && currentActor(runtime.state, participantId);
    if (!runtime || !actor) {
      socket.disconnect(true);
      return fail(ErrorCode.unauthorized, 'Your session is no longer valid.');
    }
    const result = await runtime.dispatch({ type: name, payload: parsed.data } as Command, actor);
    if (!result.ok) return { ok: false, error: result.refusal };
    return ok({ seq: result.seq });
  }

  private async sync(socket: PlenarySocket, request: unknown): Promise<Result<SyncReply>> {
    const parsed = SyncRequest.safeParse(request);
    if (!parsed.success) return fail(ErrorCode.invalid, 'A sync request names the last sequence number seen, or null.');
    const { workshopId, participantId } = socket.data;
    const runtime = await this.deps.workshops.get(workshopId);
    const me = runtime?.state.participants[participantId];
    if (!runtime || !me || me.removed) return fail(ErrorCode.unauthorized, 'Your session is no longer valid.');
    // The pseudonym lets a snapshot give people back their own anonymous contributions (e.g. ballots).
    const viewer: Viewer = { participantId, role: me.role, pseudonym: (scope) => runtime.pseudonym(scope, participantId) };
    const online = this.deps.presence.online(workshopId);
    const places = me.role === 'facilitator' && this.deps.places ? { places: this.deps.places.of(workshopId) } : {};
    const since = parsed.data.since;
    const events = since === null ? null : await runtime.eventsSince(since);
    if (events) {
      return ok({
        mode: 'events',
        events: events.map((e) => projectEvent(e, viewer, runtime.state)),
        seq: runtime.state.seq,
        online,
        you: participantId,
        serverNow: this.deps.now(),
        ...places,
      });
    }
    return ok({ mode: 'snapshot', state: projectState(runtime.state, viewer), online, you: participantId, serverNow: this.deps.now(), ...places });
  }

  /**
   * Pushes applied events, in order, each as its viewers may see it:
   * facilitators the full event, the event's subjects their own projection,
   * everyone else the public one. A batch of events (a burst of commands)
   * goes out as few messages per socket: facilitators, everyone who is not a
   * subject, and each subject their own list. Each message covers events of
   * at most `maxSubjectsPerMessage` subjects, so the lists copied for
   * subjects stay short when many people are subjects at once (a named vote).
   */
  private push(workshopId: string, events: DomainEvent[], state: WorkshopState): void {
    let chunk: { event: DomainEvent; subjects: string[] }[] = [];
    let chunkSubjects = new Set<string>();
    for (const event of events) {
      const subjects = eventSubjects(event, state).filter((id) => {
        const role = state.participants[id]?.role;
        return role !== undefined && role !== 'facilitator';
      });
      const fresh = subjects.filter((id) => !chunkSubjects.has(id));
      if (chunk.length > 0 && chunkSubjects.size + fresh.length > maxSubjectsPerMessage) {
        this.pushChunk(workshopId, chunk, chunkSubjects, state);
        chunk = [];
        chunkSubjects = new Set();
      }
      chunk.push({ event, subjects });
      for (const id of subjects) chunkSubjects.add(id);
    }
    if (chunk.length > 0) this.pushChunk(workshopId, chunk, chunkSubjects, state);
    for (const e of events) {
      if (e.type === 'participant.roleSet') void this.moveToAudience(workshopId, e.participantId, e.role);
      if (e.type !== 'participant.removed') continue;
      const room = rooms.participant(workshopId, e.participantId);
      this.io.to(room).emit(SocketEvent.sessionEnded, { reason: 'removed' });
      // Give the push a moment to leave before the sockets close.
      setTimeout(() => this.io.in(room).disconnectSockets(true), 100);
    }
  }

  private pushChunk(workshopId: string, chunk: { event: DomainEvent; subjects: string[] }[], subjects: Set<string>, state: WorkshopState): void {
    const seenByPublic = chunk.map(({ event }) => projectEvent(event, publicViewer, state));
    this.io.to(rooms.audience(workshopId, 'facilitators')).emit(SocketEvent.events, { events: chunk.map(({ event }) => projectEvent(event, facilitatorViewer)) });
    const everyone = this.io.to(rooms.audience(workshopId, 'public'));
    (subjects.size === 0 ? everyone : everyone.except([...subjects].map((id) => rooms.participant(workshopId, id)))).emit(SocketEvent.events, {
      events: seenByPublic,
    });
    for (const id of subjects) {
      const viewer: Viewer = { participantId: id, role: state.participants[id]!.role };
      this.io.to(rooms.participant(workshopId, id)).emit(SocketEvent.events, {
        events: chunk.map(({ event, subjects: own }, i) => (own.includes(id) ? projectEvent(event, viewer, state) : seenByPublic[i]!)),
      });
    }
  }
}
