/**
 * Commands: what a client asks the control plane to do, composed from each
 * area (domain/<area>/protocol.ts). Command names are `<area>:<verb>`.
 *
 * Each command is one Socket.IO event whose name is the command's name
 * (`participant:rename`), whose payload is validated against the schema here,
 * and whose ack is a `Result`. The server handles every command through one
 * wrapper: size check → schema parse → rate limit → `decide` → append → apply → ack.
 * Joining happens over HTTP, but goes through the same `decide` as the
 * internal commands `participant:join` and `facilitator:enter`.
 */
import type { z } from 'zod';
import { workshopCommands, type EnterAsFacilitator, type JoinAsParticipant } from '../domain/workshop/protocol.js';
import { pollCommands } from '../domain/polls/protocol.js';
import { boardCommands } from '../domain/boards/protocol.js';
import { qaCommands } from '../domain/qa/protocol.js';
import { breakoutCommands } from '../domain/breakouts/protocol.js';
import { discussionCommands } from '../domain/discussions/protocol.js';
import { runCommands } from '../domain/run/protocol.js';
import { outcomeCommands } from '../domain/outcomes/protocol.js';

/** Commands a connected client may send over Socket.IO, by event name. */
export const SocketCommands = {
  ...workshopCommands,
  ...runCommands,
  ...qaCommands,
  ...breakoutCommands,
  ...discussionCommands,
  ...pollCommands,
  ...boardCommands,
  ...outcomeCommands,
} as const;
export type SocketCommandName = keyof typeof SocketCommands;
export const socketCommandNames = Object.keys(SocketCommands) as SocketCommandName[];
/** What a client sends for a command (before defaults and transforms). */
export type CommandInput<K extends SocketCommandName> = z.input<(typeof SocketCommands)[K]>;

/** Every command `decide` understands, as a tagged union. */
export type Command =
  | { type: 'participant:join'; payload: JoinAsParticipant }
  | { type: 'facilitator:enter'; payload: EnterAsFacilitator }
  /** Internal: a facilitator (the actor) opens a projector screen. */
  | { type: 'projector:open'; payload: Record<string, never> }
  | { [K in SocketCommandName]: { type: K; payload: z.infer<(typeof SocketCommands)[K]> } }[SocketCommandName];

/** The commands of one area, by the prefix of their name. */
export type CommandOf<Prefix extends string> = Extract<Command, { type: `${Prefix}:${string}` }>;
