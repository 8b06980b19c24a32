/**
 * Domain events: the append-only log of a workshop.
 *
 * The server decides events from commands (`decide`), appends them to the
 * workshop's log with consecutive sequence numbers (durable before the ack),
 * applies them with the shared reducer (`applyEvent`) and pushes each audience
 * its projection of them. A client applies what it receives with the same
 * reducer, so both sides compute the same state.
 */
import { z } from 'zod';
import {
  DisplayName,
  Id,
  Participant,
  WorkshopDefinition,
  WorkshopSettings,
} from '../domain/workshop/model.js';
import { LanguageCode } from './languages.js';

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

/** An event as `decide` produces it, before it has a place in the log. */
export const DomainEventBody = z.discriminatedUnion('type', [
  WorkshopCreated,
  WorkshopSettingsUpdated,
  ParticipantJoined,
  ParticipantRenamed,
  ParticipantLanguageSet,
  ParticipantRemoved,
  AgendaCurrentSet,
]);
export type DomainEventBody = z.infer<typeof DomainEventBody>;
export type DomainEventType = DomainEventBody['type'];

/** An event in the log: its body, its sequence number in the workshop, and when it happened. */
export type DomainEvent = DomainEventBody & { seq: number; at: number };

export const DomainEvent = z.intersection(
  DomainEventBody,
  z.object({ seq: z.number().int().positive(), at: z.number() }),
);
