/**
 * Commands: what a client asks the control plane to do.
 *
 * Each command is one Socket.IO event whose name is the command's name
 * (`participant:rename`), whose payload is validated against the schema here,
 * and whose ack is a `Result`. The server handles every command through one
 * wrapper: size check → schema parse → rate limit → `decide` → append → apply → ack.
 * Joining happens over HTTP, but goes through the same `decide` as the
 * internal commands `participant:join` and `facilitator:enter`.
 */
import { z } from 'zod';
import {
  Affiliation,
  DisplayName,
  Id,
  WorkshopSettings,
} from '../domain/workshop/model.js';
import { LanguageCode } from './languages.js';

export const RenameParticipant = z.object({
  participantId: Id,
  name: DisplayName,
});
export type RenameParticipant = z.infer<typeof RenameParticipant>;

export const SetLanguage = z.object({ language: LanguageCode });
export type SetLanguage = z.infer<typeof SetLanguage>;

export const RemoveParticipant = z.object({ participantId: Id });
export type RemoveParticipant = z.infer<typeof RemoveParticipant>;

export const UpdateSettings = z.object({
  settings: WorkshopSettings.partial().refine((s) => Object.keys(s).length > 0, 'name at least one setting'),
});
export type UpdateSettings = z.infer<typeof UpdateSettings>;

export const SetCurrentAgendaItem = z.object({ itemId: Id.nullable() });
export type SetCurrentAgendaItem = z.infer<typeof SetCurrentAgendaItem>;

/** Commands a connected client may send over Socket.IO, by event name. */
export const SocketCommands = {
  'participant:rename': RenameParticipant,
  'participant:setLanguage': SetLanguage,
  'participant:remove': RemoveParticipant,
  'workshop:updateSettings': UpdateSettings,
  'agenda:setCurrent': SetCurrentAgendaItem,
} as const;
export type SocketCommandName = keyof typeof SocketCommands;
export const socketCommandNames = Object.keys(SocketCommands) as SocketCommandName[];
/** What a client sends for a command (before defaults and transforms). */
export type CommandInput<K extends SocketCommandName> = z.input<(typeof SocketCommands)[K]>;

/** Joining as a participant or observer, with the join code already checked. */
export const JoinAsParticipant = z.object({
  name: DisplayName,
  affiliation: Affiliation,
  language: LanguageCode,
  role: z.enum(['participant', 'observer']),
});
export type JoinAsParticipant = z.infer<typeof JoinAsParticipant>;

/** Entering as a facilitator, with the facilitator key already checked. */
export const EnterAsFacilitator = z.object({
  name: DisplayName,
  language: LanguageCode,
});
export type EnterAsFacilitator = z.infer<typeof EnterAsFacilitator>;

/** Every command `decide` understands, as a tagged union. */
export type Command =
  | { type: 'participant:join'; payload: JoinAsParticipant }
  | { type: 'facilitator:enter'; payload: EnterAsFacilitator }
  | { [K in SocketCommandName]: { type: K; payload: z.infer<(typeof SocketCommands)[K]> } }[SocketCommandName];
