/**
 * The control-plane client of one workshop session (protocol:
 * shared/src/protocol/socket.ts). It keeps the workshop's state as this
 * participant may see it, built with the shared reducer from a snapshot and
 * the events pushed after it; resyncs after every reconnect from the last
 * sequence number it has; tracks who is online; and sends commands.
 */
import { io, type Socket } from 'socket.io-client';
import {
  applyEvent,
  ErrorCode,
  fail,
  SocketEvent,
  PlaceEvent,
  samePlace,
  type Place,
  type ClientToServerEvents,
  type CommandAck,
  type DomainEvent,
  type Result,
  type ServerToClientEvents,
  type SocketCommandName,
  type CommandInput,
  type StoredSession,
  type SyncReply,
  type WireError,
  type WorkshopState,
} from '@plenary/shared';
import { Store } from './Store';
import { offlineError } from './api';
import { chatsBecameReadable } from '../features/discussions/readable';
import { movedDuringRound } from '../features/polls/groupMove';

export type ConnectionStatus =
  /** First connection not made yet. */
  | 'connecting'
  | 'connected'
  /** Lost the connection; trying again. */
  | 'reconnecting'
  /** The browser says it has no network. */
  | 'offline'
  /** The session is over (removed, or no longer valid); do not retry. */
  | 'ended';

export interface WorkshopView {
  status: ConnectionStatus;
  state: WorkshopState | null;
  online: ReadonlySet<string>;
  me: string;
  /** Commands sent and not yet acknowledged ("saving…"). */
  pending: number;
  /** Why the session ended, when status is 'ended'. */
  endedBecause: 'removed' | 'invalid' | null;
  /** Server clock minus ours, in ms, estimated at the last sync. */
  clockOffset: number;
  /** Facilitators only: which screen each participant is on (shared/src/protocol/places.ts). */
  places: ReadonlyMap<string, Place>;
}

type PlenarySocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export class WorkshopClient {
  readonly view: Store<WorkshopView>;
  private socket: PlenarySocket | null = null;
  private synced = false;
  private buffered: DomainEvent[] = [];
  private syncing = false;
  private readonly extraListeners: [string, (...args: never[]) => void][] = [];
  /** The screen this client shows, told to the server on every connection. */
  private place: Place | null = null;

  constructor(readonly session: StoredSession) {
    this.view = new Store<WorkshopView>({
      status: 'connecting',
      state: null,
      online: new Set(),
      me: session.participantId,
      pending: 0,
      endedBecause: null,
      clockOffset: 0,
      places: new Map(),
    });
  }

  start(): void {
    if (this.socket) return;
    const socket: PlenarySocket = io({
      auth: { token: this.session.token },
      // WebSocket only: any node can take any reconnect, so no sticky sessions are needed.
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.patch({ status: 'connected' });
      void this.resync();
      if (this.place) socket.emit(PlaceEvent.report, this.place);
    });
    socket.on('disconnect', (reason) => {
      this.synced = false;
      if (this.view.getSnapshot().status === 'ended') return;
      // 'io server disconnect': the server closed us on purpose (e.g. removal, announced separately).
      if (reason === 'io server disconnect') return;
      this.patch({ status: navigator.onLine ? 'reconnecting' : 'offline' });
    });
    socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      const code = err.data?.code;
      if (code === ErrorCode.unauthorized || code === ErrorCode.forbidden) {
        this.end(code === ErrorCode.forbidden ? 'removed' : 'invalid');
        return;
      }
      this.patch({ status: navigator.onLine ? 'reconnecting' : 'offline' });
    });
    socket.on(SocketEvent.events, ({ events }) => this.receive(events));
    socket.on(PlaceEvent.changed, ({ places }) => {
      this.view.set((v) => {
        const next = new Map(v.places);
        for (const [id, place] of Object.entries(places)) next.set(id, place);
        return { ...v, places: next };
      });
    });
    socket.on(SocketEvent.presence, ({ online, offline }) => {
      this.view.set((v) => {
        const next = new Set(v.online);
        for (const id of online) next.add(id);
        for (const id of offline) next.delete(id);
        return { ...v, online: next };
      });
    });
    // A deleted workshop is gone for everyone: the session is no longer valid.
    socket.on(SocketEvent.sessionEnded, ({ reason }) => this.end(reason === 'deleted' ? 'invalid' : 'removed'));
    // A new role sees a different projection: start again from a snapshot.
    socket.on(SocketEvent.roleChanged, () => void this.resync(true));
    for (const [event, handler] of this.extraListeners) socket.on(event as 'connect', handler as () => void);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
  }

  stop(): void {
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.socket?.disconnect();
    this.socket = null;
  }

  /**
   * Listens to one of the server's pushes (an area's own, like poll results);
   * returns a function that stops listening. Survives reconnects.
   */
  on<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): () => void {
    const entry: [string, (...args: never[]) => void] = [event, handler as (...args: never[]) => void];
    this.extraListeners.push(entry);
    this.socket?.on(event as 'connect', handler as () => void);
    return () => {
      const i = this.extraListeners.indexOf(entry);
      if (i >= 0) this.extraListeners.splice(i, 1);
      this.socket?.off(event as 'connect', handler as () => void);
    };
  }

  /** Says which screen this client shows (for the facilitators' console); repeated after every reconnect. */
  setPlace(place: Place): void {
    if (samePlace(this.place ?? undefined, place)) return;
    this.place = place;
    if (this.socket?.connected) this.socket.emit(PlaceEvent.report, place);
  }

  /** The server's clock, as well as we can tell. */
  now(): number {
    return Date.now() + this.view.getSnapshot().clockOffset;
  }

  /** Sends a command; resolves with the server's ack (or an error if it cannot be sent). */
  send<K extends SocketCommandName>(name: K, payload: CommandInput<K>): Promise<Result<CommandAck>> {
    const socket = this.socket;
    if (!socket || this.view.getSnapshot().status === 'ended') {
      return Promise.resolve(fail(ErrorCode.unauthorized, 'Session ended'));
    }
    this.patch({ pending: this.view.getSnapshot().pending + 1 });
    return this.sendWhenConnected(socket, name, payload).finally(() =>
      this.patch({ pending: Math.max(0, this.view.getSnapshot().pending - 1) }),
    );
  }

  /**
   * Waits (up to a minute) for the connection if it is down, then sends. A
   * command is never queued silently inside Socket.IO, where it could arrive
   * long after the screen said it failed.
   */
  private async sendWhenConnected(socket: PlenarySocket, name: string, payload: unknown): Promise<Result<CommandAck>> {
    if (!socket.connected && !(await this.whenConnected(socket, 60_000))) {
      return fail(ErrorCode.internal, offlineError);
    }
    // Typed per command at the signature; the emit itself is generic over names.
    const timed = socket.timeout(15_000) as unknown as {
      emit(ev: string, payload: unknown, ack: (err: Error | null, result: Result<CommandAck>) => void): void;
    };
    return new Promise<Result<CommandAck>>((resolve) => {
      timed.emit(name, payload, (err, result) => resolve(err ? fail(ErrorCode.internal, 'timeout') : result));
    });
  }

  private whenConnected(socket: PlenarySocket, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        socket.off('connect', onConnect);
        resolve(ok);
      };
      const onConnect = () => done(true);
      const timer = setTimeout(() => done(false), ms);
      socket.on('connect', onConnect);
    });
  }

  private onOnline = () => {
    if (this.view.getSnapshot().status === 'offline') this.patch({ status: 'reconnecting' });
  };

  private onOffline = () => {
    if (this.view.getSnapshot().status !== 'ended') this.patch({ status: 'offline' });
  };

  private end(because: 'removed' | 'invalid'): void {
    this.patch({ status: 'ended', endedBecause: because });
    this.socket?.disconnect();
  }

  private patch(p: Partial<WorkshopView>): void {
    this.view.set((v) => ({ ...v, ...p }));
  }

  /** Asks for what we missed (or a snapshot), then applies events that arrived meanwhile. */
  private async resync(fresh = false): Promise<void> {
    const socket = this.socket;
    if (!socket || this.syncing) return;
    this.syncing = true;
    this.synced = false;
    const since = fresh ? null : (this.view.getSnapshot().state?.seq ?? null);
    const sentAt = Date.now();
    const reply = await new Promise<Result<SyncReply>>((resolve) => {
      socket.timeout(15_000).emit(SocketEvent.sync, { since }, (err: Error | null, r: Result<SyncReply>) =>
        resolve(err ? fail(ErrorCode.internal, 'timeout') : r),
      );
    });
    this.syncing = false;
    if (!reply.ok) {
      if (reply.error.code === ErrorCode.unauthorized) this.end('invalid');
      else setTimeout(() => void this.resync(), 1000);
      return;
    }
    const data = reply.data;
    let state = data.mode === 'snapshot' ? data.state : this.view.getSnapshot().state;
    if (data.mode === 'events') for (const e of data.events) if (state && e.seq === state.seq + 1) state = applyEvent(state, e);
    // The server answered somewhere between sending and receiving: assume the middle.
    const clockOffset = data.serverNow - (sentAt + Date.now()) / 2;
    this.view.set((v) => ({ ...v, state, online: new Set(data.online), me: data.you, clockOffset, places: data.places ? new Map(Object.entries(data.places)) : v.places }));
    this.synced = true;
    const buffered = this.buffered;
    this.buffered = [];
    this.receive(buffered);
  }

  private receive(events: DomainEvent[]): void {
    if (!this.synced) {
      this.buffered.push(...events);
      return;
    }
    let state = this.view.getSnapshot().state;
    if (!state) return;
    for (const e of events) {
      if (e.seq <= state.seq) continue;
      if (e.seq !== state.seq + 1) {
        // A gap: something was lost. Ask again from what we have.
        void this.resync();
        break;
      }
      state = applyEvent(state, e);
    }
    const before = this.view.getSnapshot().state;
    if (state === before) return;
    this.view.set((v) => ({ ...v, state }));
    const me = this.view.getSnapshot().me;
    // What reached us redacted may now be ours to see: a group's chat, a poll put to our new group.
    if (before && (chatsBecameReadable(before, state, me) || movedDuringRound(before, state, me))) void this.resync(true);
  }
}

export type { WireError };
