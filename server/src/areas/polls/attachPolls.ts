import type { AreaContext, AreaHandle } from '../AreaContext.js';

/** The server side of polls beyond commands and events (pushes, timers, exports). */
export function attachPolls(_ctx: AreaContext): AreaHandle {
  return { close: async () => undefined };
}
