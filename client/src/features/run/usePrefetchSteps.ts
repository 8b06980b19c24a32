import { useEffect } from 'react';
import { findAgendaItem, type WorkshopState } from '@plenary/shared';

/**
 * While an agenda item runs, the board code its steps will need loads in idle
 * time, so that when the facilitator runs the step every screen goes there at
 * once instead of fetching it first. Nothing loads while no item runs (the
 * join-and-vote path stays small). A group's room is small and loads in well
 * under a second; importing it here too would split its links into a chunk of
 * their own on the voting path.
 */
export function usePrefetchSteps(state: WorkshopState | null): void {
  const itemId = state?.run.currentItemId ?? null;
  const steps = state && itemId ? (findAgendaItem(state.definition, itemId)?.steps ?? []) : [];
  const needsBoard = steps.some((s) => s.kind === 'showBoard' || (s.kind === 'bringEveryone' && s.place.kind === 'board'));
  useEffect(() => {
    if (!needsBoard) return;
    const load = () => void import('../boards/BoardRoute').catch(() => undefined);
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 200));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(load);
    return () => cancel(handle);
  }, [needsBoard]);
}
