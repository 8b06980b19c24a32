/**
 * The core of a workshop on the wire: joining, people, settings and the
 * agenda's current item. Commands are named `participant:*`, `workshop:*`,
 * `agenda:*`; events `workshop.*`, `participant.*`, `agenda.*`.
 */
import { z } from 'zod';
import { LanguageCode } from '../../protocol/languages.js';
import {
  Affiliation,
  DisplayName,
  Id,
  Participant,
  ProjectorView,
  WorkshopDefinition,
  WorkshopSettings,
} from './model.js';

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

export const ShowOnProjector = z.object({ view: ProjectorView });
export type ShowOnProjector = z.infer<typeof ShowOnProjector>;

/** Core commands a connected client may send, by event name. */
export const workshopCommands = {
  'participant:rename': RenameParticipant,
  'participant:setLanguage': SetLanguage,
  'participant:remove': RemoveParticipant,
  'workshop:updateSettings': UpdateSettings,
  'agenda:setCurrent': SetCurrentAgendaItem,
  'projector:show': ShowOnProjector,
} as const;

/** Joining as a participant or observer, with the join code already checked. */
export const JoinAsParticipant = z.object({
  name: DisplayName,
  affiliation: Affiliation,
  language: LanguageCode,
  role: z.enum(['participant', 'observer']),
});
export type JoinAsParticipant = z.infer<typeof JoinAsParticipant>;

/** A facilitator opens a projector screen for the room. */
export const OpenProjector = z.object({});
export type OpenProjector = z.infer<typeof OpenProjector>;

/** Entering as a facilitator, with the facilitator key already checked. */
export const EnterAsFacilitator = z.object({
  name: DisplayName,
  language: LanguageCode,
});
export type EnterAsFacilitator = z.infer<typeof EnterAsFacilitator>;

export const WorkshopCreated = z.object({
  type: z.literal('workshop.created'),
  workshopId: Id,
  joinCode: z.string(),
  definition: WorkshopDefinition,
  settings: WorkshopSettings,
});
export const WorkshopSettingsUpdated = z.object({
  type: z.literal('workshop.settingsUpdated'),
  settings: WorkshopSettings.partial(),
});
export const ParticipantJoined = z.object({
  type: z.literal('participant.joined'),
  participant: Participant,
});
export const ParticipantRenamed = z.object({
  type: z.literal('participant.renamed'),
  participantId: Id,
  name: DisplayName,
});
export const ParticipantLanguageSet = z.object({
  type: z.literal('participant.languageSet'),
  participantId: Id,
  language: LanguageCode,
});
export const ParticipantRemoved = z.object({
  type: z.literal('participant.removed'),
  participantId: Id,
  /** Who removed them; facilitators see it, others do not. */
  by: Id.optional(),
});
export const AgendaCurrentSet = z.object({
  type: z.literal('agenda.currentSet'),
  itemId: Id.nullable(),
});

export const ProjectorShown = z.object({
  type: z.literal('projector.shown'),
  view: ProjectorView,
});

/** Core events. */
export const workshopEvents = [
  WorkshopCreated,
  WorkshopSettingsUpdated,
  ParticipantJoined,
  ParticipantRenamed,
  ParticipantLanguageSet,
  ParticipantRemoved,
  AgendaCurrentSet,
  ProjectorShown,
] as const;
