import { useEffect } from 'react';
import { findAgendaItem, type WorkshopState } from '@plenary/shared';

/**
 * The code a kind of step will need on a participant's screen, loaded on demand.
 * (A group's room is small and loads in well under a second; importing it here
 * too would split its links into a chunk of their own on the voting path.)
 */
const loaders = {
  board: () => import('../boards/BoardRoute'),
} as const;

/**
 * While an agenda item runs, the code its steps will need (a board) loads in idle time, so that when the facilitator runs the step every
 * screen goes there at once instead of fetching it first. Nothing loads while
 * no item runs (the join-and-vote path stays small).
 */
export function usePrefetchSteps(state: WorkshopState | null): void {
  const itemId = state?.run.currentItemId ?? null;
  const steps = state && itemId ? (findAgendaItem(state.definition, itemId)?.steps ?? []) : [];
  const needs = [
    ...new Set(
      steps.flatMap((s) => (s.kind === 'showBoard' || (s.kind === 'bringEveryone' && s.place.kind === 'board') ? ['board' as const] : [])),
    ),
  ].join(',');
  useEffect(() => {
    if (!needs) return;
    const load = () => {
      for (const need of needs.split(',') as (keyof typeof loaders)[]) void loaders[need]().catch(() => undefined);
    };
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(load);
    return () => cancel(handle);
  }, [needs]);
}
