/**
 * One board, open: composes the canvas, the toolbar and keys (from the
 * actions registry), the side panel, the notices, and what the connection is
 * doing. The intents themselves live in actions/; this file holds the page's
 * state (selection, panel, the item just added) and wires it through.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { AppPath, boardThreads, docAccess, liveMessages, type WorkshopState } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import type { Translate } from '../../i18n/useT';
import { useReportPlace } from '../../realtime/useReportPlace';
import { WorkshopLayout } from '../workshop/WorkshopLayout';
import type { BoardContext } from './actions/boardActions';
import { useBoardActions, useBoardCenter } from './actions/useBoardActions';
import { BoardCanvas } from './BoardCanvas';
import { BoardHeader } from './BoardHeader';
import { BoardKeys } from './BoardKeys';
import type { ViewItem } from './BoardSession';
import { BoardSidePanel } from './BoardSidePanel';
import { BoardToolbar, type PanelName } from './BoardToolbar';
import { groupOfBoard } from './CopyToPlenary';
import { useDescribeItem } from './describeItem';
import { useBoardSession } from './useBoardSession';
import { useBoardVote } from './useBoardVote';
import { useFollowSummonedViewport } from './useFollowSummonedViewport';
import { useIncomingItems } from './useIncomingItems';
import { useItemWords } from './useItemWords';

export function BoardWorkspace({ state, boardId, token, me }: { state: WorkshopState; boardId: string; token: string; me: { id: string; name: string } }) {
  const t = useT();
  const flow = useReactFlow();
  const center = useBoardCenter();
  useReportPlace({ kind: 'board', boardId });
  useWideMain();
  useFollowSummonedViewport(boardId);
  const board = state.boards.byId[boardId]!;
  const role = state.participants[me.id]!.role;
  const isFacilitator = role === 'facilitator';
  const access = docAccess(state, { kind: 'board', workshopId: state.id, boardId }, me.id);
  const canWrite = access.read && access.write;
  const { session, snapshot, peers, selections, doc } = useBoardSession(state.id, boardId, token, me);
  const items = snapshot.items;
  const words = useItemWords(state);
  const describe = useDescribeItem(words);
  const [selection, setSelection] = useState<string[]>([]);
  const [grid, setGrid] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  /** How many of the server's refusals were dismissed already (each new one is said once). */
  const [refusalsSeen, setRefusalsSeen] = useState(0);
  const [copied, setCopied] = useState<{ count: number; group: string } | null>(null);
  const [panel, setPanel] = useState<PanelName | null>(null);
  // The item just added, whose text field takes the focus once; any other selection ends that,
  // so a later click on it selects it without putting the caret in its text (where V or C would type).
  const [fresh, setFresh] = useState<string | null>(null);
  if (fresh !== null && !(selection.length === 1 && selection[0] === fresh)) setFresh(null);
  const editorRef = useRef<HTMLTextAreaElement | HTMLInputElement | null>(null);

  useEffect(() => session?.main.setWritable(canWrite), [session, canWrite]);
  useEffect(() => session?.setPrivateMode(board.private && role === 'participant'), [session, board.private, role]);
  useEffect(() => session?.setPrivateOverview(board.private && isFacilitator), [session, board.private, isFacilitator]);
  useEffect(() => session?.setSelection(selection), [session, selection]);
  useIncomingItems(session, boardId, canWrite, (ids, count, group) => {
    setSelection(ids);
    setNotice(null);
    setCopied({ count, group });
  });

  const lockedFrames = useMemo(() => new Set(board.lockedFrames), [board.lockedFrames]);
  // Others' private notes, as a facilitator reads them, are theirs to change.
  const lockedFor = useCallback(
    (item: ViewItem) =>
      !canWrite || (isFacilitator && !!item.private) || (!isFacilitator && (lockedFrames.has(item.id) || (item.frame !== undefined && lockedFrames.has(item.frame)))),
    [canWrite, isFacilitator, lockedFrames],
  );
  const participants = state.participants;
  const privateTag = useCallback(
    (item: ViewItem) => (item.author && item.author !== me.id ? t('board.item.privateBy', { name: participants[item.author]?.name ?? '?' }) : null),
    [me.id, participants, t],
  );
  const vote = useBoardVote(board, me.id, isFacilitator, setNotice);
  // Comment threads on items: how many live messages each one has (shown on the item).
  const threads = useMemo(() => boardThreads(state.discussions, boardId), [state.discussions, boardId]);
  const comments = useCallback((id: string) => liveMessages(threads[id]).length, [threads]);

  const editItem = (id: string) => {
    setSelection([id]);
    setPanel('item');
    setTimeout(() => editorRef.current?.focus(), 0);
  };
  const ctx: BoardContext = {
    selection,
    editable: selection.filter((id) => items.has(id) && !lockedFor(items.get(id)!)),
    canWrite,
    canUndo: snapshot.canUndo,
    canRedo: snapshot.canRedo,
    canVote: vote.open && role !== 'observer',
    grid,
  };
  const ownGroup = groupOfBoard(state, board);
  const run = useBoardActions({
    session,
    items,
    ctx,
    firstCountry: state.definition.countries[0]?.code ?? 'PK',
    ownGroup,
    select: setSelection,
    added: (id, type) => {
      setSelection([id]);
      setPanel('item');
      if (type) setFresh(id);
    },
    edit: editItem,
    toggleGrid: () => setGrid((g) => !g),
    castDot: (id, delta) => void vote.cast(id, delta),
  });

  const goTo = (item: ViewItem) => {
    setSelection([item.id]);
    void flow.setCenter(item.x + item.w / 2, item.y + item.h / 2, { zoom: Math.max(flow.getZoom(), 1), duration: 300 });
  };
  const refusal = doc.refused && doc.refused.n > refusalsSeen ? refusalText(doc.refused.code, t) : null;
  const shownNotice = refusal ?? notice;
  const waiting = doc.waiting + (session?.privateDoc?.view.getSnapshot().waiting ?? 0);

  return (
    <WorkshopLayout>
      <div className="board-screen">
        <BoardHeader board={board} home={isFacilitator ? AppPath.facilitate(state.id) : AppPath.workshop(state.id)} doc={doc} waiting={waiting} peers={peers} />
        <BoardToolbar
          board={board}
          ctx={ctx}
          run={run}
          items={items}
          words={words}
          describe={describe}
          panel={panel}
          togglePanel={(p) => setPanel(panel === p ? null : p)}
          isFacilitator={isFacilitator}
          onFound={goTo}
        />
        {copied && (
          <p className="banner board-notice" role="status" data-testid="copied-notice">
            {t('board.copy.done', { count: copied.count, group: copied.group })}{' '}
            <button type="button" className="link" onClick={() => setCopied(null)}>
              {t('board.dismiss')}
            </button>
          </p>
        )}
        {shownNotice && (
          <p className="banner error board-notice" role="alert">
            {shownNotice}{' '}
            <button
              type="button"
              className="link"
              onClick={() => {
                setNotice(null);
                setRefusalsSeen(doc.refused?.n ?? 0);
              }}
            >
              {t('board.dismiss')}
            </button>
          </p>
        )}
        {doc.closed && (
          <p className="banner error" role="alert">
            {doc.closed.code === 4413 ? t('board.closed.tooLarge') : t('board.closed.other')}{' '}
            <button type="button" onClick={() => void session?.main.reset()}>
              {t('board.reload')}
            </button>
          </p>
        )}
        {!canWrite && <p className="banner board-readonly">{board.locked && role === 'participant' ? t('board.readOnly.locked') : t('board.readOnly.role')}</p>}
        <div className="board-main">
          <BoardCanvas
            items={items}
            describe={describe}
            peers={peers}
            remoteSelections={selections}
            selection={selection}
            onSelect={(ids) => {
              setSelection(ids);
              if (ids.length > 0 && panel === null) setPanel('item');
            }}
            locked={lockedFor}
            lockedFrames={isFacilitator ? noFrames : lockedFrames}
            dots={vote.dots}
            comments={comments}
            privateTag={privateTag}
            readOnly={false}
            canEdit={canWrite}
            grid={grid}
            onPatch={(p, continues) => session?.patch(p, continues)}
            onConnect={(from, to) => run({ type: 'connect', from, to })}
            onCursor={(c) => session?.setCursor(c)}
            onEdit={editItem}
            fitView
          />
          {panel && (
            <BoardSidePanel
              panel={panel}
              close={() => setPanel(null)}
              state={state}
              board={board}
              me={me.id}
              items={items}
              selection={selection}
              words={words}
              vote={vote}
              lockedFor={lockedFor}
              fresh={fresh}
              editorRef={editorRef}
              onPatch={(id, patch) => session?.patchOne(id, patch)}
              onGoTo={goTo}
              viewport={() => ({ ...center(), zoom: flow.getZoom() })}
              onError={setNotice}
              ownGroup={ownGroup}
            />
          )}
        </div>
        <BoardKeys />
      </div>
    </WorkshopLayout>
  );
}

const noFrames: ReadonlySet<string> = new Set();

function refusalText(code: string, t: Translate): string {
  if (code === 'frame_locked') return t('board.refused.frameLocked');
  if (code === 'too_many_items') return t('board.refused.full');
  if (code === 'private_mode') return t('board.refused.private');
  return t('board.refused.invalid');
}

/** The board takes the whole width (a class, not main:has(): :has() would re-match the page on every pan frame). */
function useWideMain(): void {
  useEffect(() => {
    const main = document.getElementById('main');
    main?.classList.add('board-wide');
    return () => main?.classList.remove('board-wide');
  }, []);
}
