/**
 * Domain events: the append-only log of a workshop, composed from each area
 * (domain/<area>/protocol.ts). Event types are `<area>.<what happened>`.
 *
 * The server decides events from commands (`decide`), appends them to the
 * workshop's log with consecutive sequence numbers (durable before the ack),
 * applies them with the shared reducer (`applyEvent`) and pushes each viewer
 * its projection of them (`projectEvent`). A client applies what it receives
 * with the same reducer, so both sides compute the same state.
 */
import { z } from 'zod';
import { workshopEvents } from '../domain/workshop/protocol.js';
import { pollEvents } from '../domain/polls/protocol.js';
import { boardEvents } from '../domain/boards/protocol.js';
import { qaEvents } from '../domain/qa/protocol.js';
import { breakoutEvents } from '../domain/breakouts/protocol.js';
import { discussionEvents } from '../domain/discussions/protocol.js';
import { runEvents } from '../domain/run/protocol.js';
import { outcomeEvents } from '../domain/outcomes/protocol.js';

/** An event as `decide` produces it, before it has a place in the log. */
export const DomainEventBody = z.discriminatedUnion('type', [
  ...workshopEvents,
  ...runEvents,
  ...qaEvents,
  ...breakoutEvents,
  ...discussionEvents,
  ...pollEvents,
  ...boardEvents,
  ...outcomeEvents,
]);
export type DomainEventBody = z.infer<typeof DomainEventBody>;
export type DomainEventType = DomainEventBody['type'];

/** An event in the log: its body, its sequence number in the workshop, and when it happened. */
export type DomainEvent = DomainEventBody & { seq: number; at: number };

export const DomainEvent = z.intersection(
  DomainEventBody,
  z.object({ seq: z.number().int().positive(), at: z.number() }),
);

/** The events of one area, by the prefix of their type. */
export type EventOf<Prefix extends string> = Extract<DomainEvent, { type: `${Prefix}.${string}` }>;
