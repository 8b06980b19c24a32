import { useEffect, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import { copiesFromGroup, remapIds } from '@plenary/shared';
import { newItemId, type BoardSession } from './BoardSession';
import { takePendingCopy, takePendingImport } from './pendingImport';

/**
 * Items that wait for this board to open land here once it has synced: a
 * JSON export chosen in the console, or items a facilitator chose on a
 * group's board (beside what this board holds, selected, with a notice).
 */
export function useIncomingItems(session: BoardSession | null, boardId: string, canWrite: boolean, onCopied: (ids: string[], count: number, group: string) => void) {
  const flow = useReactFlow();
  const latest = useRef(onCopied);
  useEffect(() => {
    latest.current = onCopied;
  });

  useEffect(() => {
    if (!session) return;
    return session.main.whenSynced(() => {
      const pending = takePendingImport(boardId);
      if (!pending) return;
      const fresh = remapIds(pending.items, newItemId);
      for (let i = 0; i < fresh.length; i += 300) session.addMany(fresh.slice(i, i + 300));
      setTimeout(() => void flow.fitView({ duration: 300 }), 100);
    });
  }, [session, boardId, flow]);

  useEffect(() => {
    if (!session || !canWrite) return;
    return session.main.whenSynced(() => {
      const pending = takePendingCopy(boardId);
      if (!pending) return;
      const copies = copiesFromGroup(pending.items, pending.group, session.board().all(), newItemId);
      session.addMany(copies);
      const ids = copies.map((c) => c.id);
      latest.current(ids, copies.filter((c) => c.kind !== 'connector').length, pending.group.name);
      setTimeout(() => void flow.fitView({ nodes: ids.map((id) => ({ id })), duration: 300, maxZoom: 1 }), 100);
    });
  }, [session, canWrite, boardId, flow]);
}
