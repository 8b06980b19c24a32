/**
 * Where people are in the workshop, for the facilitator's console: each
 * client says which screen it shows (`presence:place`), and facilitators get
 * everyone's places at sync and as they change (`presence:places`). Places are
 * not events: nothing is stored, and a place is only meaningful while its
 * person is online. A group room is not a place of its own: a member of a
 * running round's group who is on the home screen is in their group's room.
 */
import { z } from 'zod';
import { Id } from '../domain/workshop/model.js';

export const Place = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('home') }),
  z.object({ kind: z.literal('board'), boardId: Id }),
  z.object({ kind: z.literal('console') }),
]);
export type Place = z.infer<typeof Place>;

export const PlaceEvent = {
  /** Client → server: the screen this client shows now. No ack. */
  report: 'presence:place',
  /** Server → facilitators: places that changed, by participant. */
  changed: 'presence:places',
} as const;

export interface PlacesPush {
  places: Record<string, Place>;
}

/** Two places are the same screen. */
export function samePlace(a: Place | undefined, b: Place | undefined): boolean {
  if (!a || !b) return a === b;
  return a.kind === b.kind && (a.kind !== 'board' || a.boardId === (b as Extract<Place, { kind: 'board' }>).boardId);
}
