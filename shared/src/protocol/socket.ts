/**
 * The control plane over Socket.IO.
 *
 * Connect with `auth: { token }`. The server checks the token and the
 * participant's current state, then puts the socket in its audiences
 * (whole workshop, facilitators, the participant alone).
 *
 * 1. The client asks `workshop:sync` with the last sequence number it has
 *    (null at first). The ack holds either the events it missed or a
 *    snapshot of the state, projected for its role, and who is online.
 * 2. From then on the server pushes `workshop:events` (projected, in order,
 *    no gaps) and `presence:changed`. A client that sees a gap syncs again.
 * 3. Commands are events named after the command (`participant:rename`),
 *    answered with a `Result` ack after the resulting events are durable.
 * 4. `session:ended` tells a removed participant that their session is over;
 *    the server then disconnects them.
 */
import { z } from 'zod';
import type { Role } from '../domain/workshop/model.js';
import type { PollServerEvents } from '../domain/polls/protocol.js';
import type { BoardServerEvents } from '../domain/boards/protocol.js';
import type { QaServerEvents } from '../domain/qa/protocol.js';
import type { BreakoutServerEvents } from '../domain/breakouts/protocol.js';
import type { DiscussionServerEvents } from '../domain/discussions/protocol.js';
import type { WorkshopState } from '../domain/state.js';
import type { SocketCommandName, SocketCommands } from './commands.js';
import type { Result } from './errors.js';
import type { DomainEvent } from './events.js';
import type { PlaceEvent, Place, PlacesPush } from './places.js';

export const SocketEvent = {
  sync: 'workshop:sync',
  events: 'workshop:events',
  presence: 'presence:changed',
  sessionEnded: 'session:ended',
  roleChanged: 'session:roleChanged',
} as const;

export const SyncRequest = z.object({ since: z.number().int().nonnegative().nullable() });
export type SyncRequest = z.infer<typeof SyncRequest>;

/** `serverNow`: the server's clock when it answered, so clients can show shared timers right. */
export type SyncReply = (
  | { mode: 'events'; events: DomainEvent[]; seq: number; online: string[]; you: string; serverNow: number }
  | { mode: 'snapshot'; state: WorkshopState; online: string[]; you: string; serverNow: number }
) & {
  /** Facilitators only: where each participant is (shared/src/protocol/places.ts). */
  places?: Record<string, Place>;
};

export interface CommandAck {
  /** The workshop's sequence number once the command's events were applied. */
  seq: number;
}

export interface EventsPush {
  events: DomainEvent[];
}

export interface PresencePush {
  online: string[];
  offline: string[];
}

export interface SessionEndedPush {
  /** `deleted`: a facilitator deleted the workshop with all its data. */
  reason: 'removed' | 'deleted';
}

/** Your role changed: what you may see changed too; sync again from a snapshot. */
export interface RoleChangedPush {
  role: Role;
}

type CommandHandlers = {
  [K in SocketCommandName]: (
    payload: z.input<(typeof SocketCommands)[K]>,
    ack: (result: Result<CommandAck>) => void,
  ) => void;
};

export type ClientToServerEvents = CommandHandlers & {
  [SocketEvent.sync]: (request: SyncRequest, ack: (result: Result<SyncReply>) => void) => void;
  [PlaceEvent.report]: (place: Place) => void;
};

/** What the server pushes: the core's events here, each area's from its protocol file. */
export interface ServerToClientEvents extends PollServerEvents, BoardServerEvents, QaServerEvents, BreakoutServerEvents, DiscussionServerEvents {
  [SocketEvent.events]: (push: EventsPush) => void;
  [SocketEvent.presence]: (push: PresencePush) => void;
  [SocketEvent.sessionEnded]: (push: SessionEndedPush) => void;
  [SocketEvent.roleChanged]: (push: RoleChangedPush) => void;
  [PlaceEvent.changed]: (push: PlacesPush) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}

/** What the server keeps on each socket after the handshake. */
export interface SocketData {
  workshopId: string;
  participantId: string;
  /** Role at connection time; decides the audience room the socket is in. */
  role: Role;
}
