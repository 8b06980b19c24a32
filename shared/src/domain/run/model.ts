/**
 * The run of show: where the room is in its agenda, the shared timer, a
 * paused room, announcements, "bring everyone here", and what the projector
 * shows. The facilitators drive it; everyone sees it.
 */
import { z } from 'zod';
import { Id } from '../workshop/model.js';

/** What the projector shows besides the join code and the agenda. Areas add their kinds. */
export const ProjectorView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agenda') }),
  z.object({ kind: z.literal('poll'), pollId: Id }),
  z.object({ kind: z.literal('board'), boardId: Id }),
  z.object({ kind: z.literal('question'), questionId: Id }),
]);
export type ProjectorView = z.infer<typeof ProjectorView>;

/** Where "bring everyone here" takes people. */
export const AttentionView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('home') }),
  z.object({ kind: z.literal('board'), boardId: Id }),
  z.object({ kind: z.literal('questions') }),
]);
export type AttentionView = z.infer<typeof AttentionView>;

/** The shared countdown. Running: `endsAt` is set. Paused: `remainingMs` holds what is left. */
export interface Timer {
  id: string;
  label: string;
  durationMs: number;
  startedAt: number;
  endsAt: number | null;
  remainingMs: number;
}

export interface Announcement {
  id: string;
  text: string;
  at: number;
}

export interface Attention {
  id: string;
  view: AttentionView;
  at: number;
}

export interface RunState {
  currentItemId: string | null;
  /** When the current item was started (its own clock: overrun counts from here). */
  startedAt: number | null;
  projector: ProjectorView;
  timer: Timer | null;
  /** A paused room: participants' screens freeze with this message until resumed. */
  paused: { message: string; since: number } | null;
  /** Newest last; participants dismiss them on their own screen. */
  announcements: Announcement[];
  attention: Attention | null;
  /** Activity steps run, by agenda item (step ids). */
  stepsRun: Record<string, string[]>;
}

export function initialRunState(): RunState {
  return {
    currentItemId: null,
    startedAt: null,
    projector: { kind: 'agenda' },
    timer: null,
    paused: null,
    announcements: [],
    attention: null,
    stepsRun: {},
  };
}

/** Milliseconds left on a timer at `now` (0 once it has ended). */
export function timerRemaining(timer: Timer, now: number): number {
  return Math.max(0, timer.endsAt === null ? timer.remainingMs : timer.endsAt - now);
}

/** How long an expired timer says "time is up" before it clears itself from every screen. */
export const timerUpShownMs = 20_000;

/**
 * Whether a timer is on screen at `now`: running, paused, or ended less than
 * `timerUpShownMs` ago. An expired timer clears by itself, so a forgotten one
 * never says "time is up" for the rest of the day.
 */
export function timerShown(timer: Timer | null, now: number): timer is Timer {
  if (!timer) return false;
  return timer.endsAt === null || now < timer.endsAt + timerUpShownMs;
}

/** How many announcements the state keeps. */
export const announcementsKept = 20;
