import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import { useCallback, useEffect, useMemo } from 'react';
import { resultsVisible, type BoardItem, type WorkshopState } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { BoardCanvas } from './BoardCanvas';
import { useBoardSession } from './useBoardSession';
import { useItemWords } from './useItemWords';

/** A board on the projector: read only, fitted to the screen, with results of a vote once they may be seen. Loaded on demand. */
export default function BoardStage({ state, boardId, token, me }: { state: WorkshopState; boardId: string; token: string; me: string }) {
  const t = useT();
  const board = state.boards.byId[boardId];
  const { session, snapshot, peers, selections } = useBoardSession(state.id, boardId, token, { id: me, name: t('board.projector') });
  // The projector watches; it is not someone on the board.
  useEffect(() => session?.main.provider.awareness.setLocalState(null), [session]);
  const words = useItemWords(state, true);
  const vote = board?.vote ?? null;
  const tally = useMemo(() => (vote && resultsVisible(vote, false) ? vote.tally : null), [vote]);
  const describe = useCallback((item: BoardItem) => ({ text: words.text(item), detail: '', aria: words.text(item) }), [words]);
  const dots = useCallback((id: string) => (tally?.[id] ? { mine: 0, total: tally[id]! } : null), [tally]);
  const locked = useCallback(() => true, []);
  if (!board) return null;
  return (
    <div className="projector-board" data-testid="projector-board">
      <h2 dir="auto">{board.title}</h2>
      <ReactFlowProvider>
        <BoardCanvas
          items={snapshot.items}
          describe={describe}
          peers={peers}
          remoteSelections={selections}
          selection={[]}
          onSelect={() => undefined}
          locked={locked}
          lockedFrames={new Set()}
          dots={dots}
          readOnly
          canEdit={false}
          grid={false}
          onPatch={() => undefined}
          onConnect={() => undefined}
          onCursor={() => undefined}
          fitView
        />
      </ReactFlowProvider>
    </div>
  );
}
