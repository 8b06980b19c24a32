import type { RefObject } from 'react';
import type { Board, BoardItem, GroupSource, WorkshopState } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useWorkshopClient } from '../../realtime/WorkshopContext';
import { ChatPanel } from '../discussions/ChatPanel';
import type { PanelName } from './BoardToolbar';
import type { ViewItem } from './BoardSession';
import { CopyToPlenary } from './CopyToPlenary';
import { FacilitatorControls } from './FacilitatorControls';
import { Inspector } from './Inspector';
import type { BoardWords } from './useItemWords';
import type { useBoardVote } from './useBoardVote';
import { VotePanel } from './VotePanel';

interface Props {
  panel: PanelName;
  close: () => void;
  state: WorkshopState;
  board: Board;
  me: string;
  items: ReadonlyMap<string, ViewItem>;
  selection: readonly string[];
  words: BoardWords;
  vote: ReturnType<typeof useBoardVote>;
  lockedFor: (item: BoardItem) => boolean;
  /** The item just added: its text field takes the focus. */
  fresh: string | null;
  editorRef: RefObject<HTMLTextAreaElement | HTMLInputElement | null>;
  onPatch: (id: string, patch: Partial<Record<string, unknown>>) => void;
  onGoTo: (item: ViewItem) => void;
  viewport: () => { x: number; y: number; zoom: number };
  onError: (message: string) => void;
  ownGroup: GroupSource | null;
}

/** The panel beside the canvas: the selected item (with its comments), the dot vote, or the facilitator's controls. */
export function BoardSidePanel(p: Props) {
  const t = useT();
  const client = useWorkshopClient();
  const { panel, state, board, me, selection } = p;
  const role = state.participants[me]!.role;
  const isFacilitator = role === 'facilitator';
  const selected = selection.length === 1 ? p.items.get(selection[0]!) : undefined;
  const lockedFrames = board.lockedFrames;
  const vote = p.vote.vote;
  return (
    <aside className="board-panel" aria-label={t(panel === 'vote' ? 'board.vote.panel' : panel === 'facilitate' ? 'board.facilitate' : 'board.inspector')}>
      <button type="button" className="board-panel-close" onClick={p.close} aria-label={t('board.closePanel')}>
        ×
      </button>
      {panel === 'item' &&
        (selected ? (
          <Inspector
            key={selected.id}
            autoFocus={p.fresh === selected.id}
            item={selected}
            state={state}
            words={p.words}
            editable={!p.lockedFor(selected)}
            editorRef={p.editorRef}
            onPatch={(patch) => p.onPatch(selected.id, patch)}
            vote={p.vote.open && selected.kind !== 'connector' && role !== 'observer' ? { mine: p.vote.myBallot[selected.id] ?? 0, onCast: (d) => void p.vote.cast(selected.id, d) } : null}
            frameLock={
              isFacilitator && selected.kind === 'frame'
                ? { locked: lockedFrames.includes(selected.id), toggle: () => void client.send('board:lockFrame', { boardId: board.id, frameId: selected.id, locked: !lockedFrames.includes(selected.id) }) }
                : null
            }
          />
        ) : (
          <p className="muted">{selection.length > 1 ? t('board.selectedMany', { count: selection.length }) : t('board.selectHint')}</p>
        ))}
      {panel === 'item' && selected && selected.kind !== 'connector' && selected.kind !== 'lane' && selected.kind !== 'frame' && (
        <ChatPanel key={`thread-${selected.id}`} space={{ kind: 'thread', boardId: board.id, itemId: selected.id }} title={t('board.comments.title')} testId="item-thread" />
      )}
      {panel === 'vote' && vote && <VotePanel vote={vote} me={me} ranked={p.vote.ranked} items={p.items} words={p.words} onGoTo={p.onGoTo} />}
      {panel === 'facilitate' && isFacilitator && <FacilitatorControls board={board} viewport={p.viewport} onError={p.onError} />}
      {panel === 'facilitate' && isFacilitator && p.ownGroup && <CopyToPlenary state={state} group={p.ownGroup} items={p.items} selection={selection} me={me} />}
    </aside>
  );
}
