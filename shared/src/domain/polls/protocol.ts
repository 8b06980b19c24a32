/**
 * Polls on the wire: commands named `poll:*`, events `poll.*`.
 */
import type { z } from 'zod';

/** Poll commands a connected client may send, by event name. */
export const pollCommands = {} as const satisfies Record<`poll:${string}`, z.ZodType>;

/** Poll events. */
export const pollEvents = [] as const;

/** What the server pushes about polls, besides events (Socket.IO event name → handler). */
export type PollServerEvents = Record<never, never>;
