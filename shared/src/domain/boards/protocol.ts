/**
 * Boards on the wire: commands named `board:*`, events `board.*`.
 */
import type { z } from 'zod';

/** Board commands a connected client may send, by event name. */
export const boardCommands = {} as const satisfies Record<`board:${string}`, z.ZodType>;

/** Board events. */
export const boardEvents = [] as const;

/** What the server pushes about boards, besides events (Socket.IO event name → handler). */
export type BoardServerEvents = Record<never, never>;
