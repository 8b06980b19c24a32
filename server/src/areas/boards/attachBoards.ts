import type { AreaContext, AreaHandle } from '../AreaContext.js';

/** The server side of boards beyond commands and events (pushes, timers, exports). */
export function attachBoards(_ctx: AreaContext): AreaHandle {
  return { close: async () => undefined };
}
