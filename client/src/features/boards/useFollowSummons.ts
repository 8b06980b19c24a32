import { useEffect, useRef } from 'react';
import { useLocation } from 'wouter';
import { useWorkshopView } from '../../realtime/WorkshopContext';
import { boardPath } from './paths';

/**
 * Follows "bring everyone to this board": when the facilitator summons the
 * room to a board (after this screen opened), go there. `current` is the
 * board on screen, which follows the viewport itself.
 */
export function useFollowSummons(current: string | null): void {
  const view = useWorkshopView();
  const [, navigate] = useLocation();
  const summon = view.state?.boards.summon ?? null;
  const me = view.state?.participants[view.me];
  const first = useRef(summon?.at ?? null);
  useEffect(() => {
    if (!summon || summon.at === first.current || !view.state || !me) return;
    first.current = summon.at;
    if (me.role === 'facilitator' || me.role === 'projector' || summon.boardId === current) return;
    navigate(boardPath(view.state.id, summon.boardId));
  }, [summon, current, view.state, me, navigate]);
}
