/**
 * The server side of breakouts: it finishes a round when its closing
 * countdown runs out (the clients already show the countdown; the round must
 * close even if the facilitator's laptop is gone), also after a restart.
 */
import { activeRound } from '@plenary/shared';
import type { WorkshopRuntime } from '../../workshops/WorkshopRuntime.js';
import type { AreaContext, AreaHandle } from '../AreaContext.js';

export function attachBreakouts(ctx: AreaContext): AreaHandle {
  const timers = new Map<string, NodeJS.Timeout>();

  const schedule = (runtime: WorkshopRuntime) => {
    const round = activeRound(runtime.state.breakouts);
    const key = `${runtime.id}:${round?.id ?? ''}`;
    if (!round || round.status !== 'closing' || round.closingEndsAt === null || timers.has(key)) return;
    const wait = Math.max(0, round.closingEndsAt - ctx.now()) + 50;
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        // Every node may try; the log's ordering lets exactly one close it, the others find it closed.
        runtime.dispatch({ type: 'breakout:finish', payload: { roundId: round.id } }, null).catch((err: unknown) => ctx.log.error({ err }, 'could not finish a breakout round'));
      }, wait),
    );
  };

  const offLoaded = ctx.workshops.onLoaded(schedule);
  const offEvents = ctx.workshops.onEvents((runtime, events) => {
    if (events.some((e) => e.type === 'breakout.ending')) schedule(runtime);
  });
  return {
    close: async () => {
      offLoaded();
      offEvents();
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
