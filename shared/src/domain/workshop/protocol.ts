/**
 * The core of a workshop on the wire: joining, people and settings.
 * Commands are named `participant:*`, `workshop:*`; events `workshop.*`,
 * `participant.*`.
 */
import { z } from 'zod';
import { LanguageCode } from '../../protocol/languages.js';
import {
  Affiliation,
  CalendarDate,
  DisplayName,
  Id,
  Participant,
  WorkshopDefinition,
  WorkshopSettings,
} from './model.js';
import { isRealDate } from './reschedule.js';

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

/** Promote someone to co-facilitator, or back; make an observer a participant. */
export const SetRole = z.object({ participantId: Id, role: z.enum(['facilitator', 'participant', 'observer']) });
export type SetRole = z.infer<typeof SetRole>;

/**
 * Move the whole workshop in time (a rehearsal, a postponement): the first day
 * goes to `firstDate` and every other day shifts with it; times of day and the
 * venue's time zone stay. Facilitators only.
 */
export const RescheduleWorkshop = z.object({
  firstDate: CalendarDate.refine(isRealDate, 'no such date').refine(
    (d) => d >= '2000-01-01' && d <= '2099-12-31',
    'a date between 2000 and 2099',
  ),
});
export type RescheduleWorkshop = z.infer<typeof RescheduleWorkshop>;

/** Core commands a connected client may send, by event name. */
export const workshopCommands = {
  'participant:rename': RenameParticipant,
  'participant:setLanguage': SetLanguage,
  'participant:remove': RemoveParticipant,
  'participant:setRole': SetRole,
  'workshop:updateSettings': UpdateSettings,
  'workshop:reschedule': RescheduleWorkshop,
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
/** Every day moved by `shiftDays` calendar days; `firstDate` is where the first day landed. */
export const WorkshopRescheduled = z.object({
  type: z.literal('workshop.rescheduled'),
  shiftDays: z.number().int(),
  firstDate: CalendarDate,
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
export const ParticipantRoleSet = z.object({
  type: z.literal('participant.roleSet'),
  participantId: Id,
  role: z.enum(['facilitator', 'participant', 'observer']),
});

/** Core events. */
export const workshopEvents = [
  WorkshopCreated,
  WorkshopSettingsUpdated,
  WorkshopRescheduled,
  ParticipantJoined,
  ParticipantRenamed,
  ParticipantLanguageSet,
  ParticipantRemoved,
  ParticipantRoleSet,
] as const;
