import { useEffect, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useWorkshopView } from '../../realtime/WorkshopContext';

/**
 * On the board that was summoned to: follow the facilitator's viewport (each
 * new summons after this screen opened, once).
 */
export function useFollowSummonedViewport(boardId: string): void {
  const view = useWorkshopView();
  const flow = useReactFlow();
  const summon = view.state?.boards.summon ?? null;
  const here = summon?.boardId === boardId ? summon : null;
  const handled = useRef(here?.at ?? null);
  useEffect(() => {
    if (!here || here.at === handled.current) return;
    handled.current = here.at;
    if (here.viewport) void flow.setCenter(here.viewport.x, here.viewport.y, { zoom: here.viewport.zoom, duration: 400 });
  }, [here, flow]);
}
