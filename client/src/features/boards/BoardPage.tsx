/**
 * A board, full screen: the canvas, a toolbar of everything one can do (each
 * also on a key), the selected item's editor, the facilitator's controls, the
 * dot vote, search, exports, and what the connection is doing.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import { Link } from 'wouter';
import {
  AppPath,
  boardThreads,
  copiesFromGroup,
  liveMessages,
  docAccess,
  remapIds,
  rankedTally,
  resultsVisible,
  type BoardItem,
  type ItemData,
  type ItemKind,
  type WorkshopState,
} from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { describeError } from '../../i18n/describeError';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { WorkshopLayout } from '../workshop/WorkshopLayout';
import { BoardCanvas } from './BoardCanvas';
import { newItemId, type ViewItem } from './BoardSession';
import { useBoardSession } from './useBoardSession';
import { useItemWords } from './useItemWords';
import { freeSpot, searchItems } from './boardView';
import { Inspector } from './Inspector';
import { useWindowKeys } from '../../ui/useWindowKeys';
import { FacilitatorControls } from './FacilitatorControls';
import { VotePanel } from './VotePanel';
import { ExportMenu } from './ExportMenu';
import { takePendingCopy, takePendingImport } from './pendingImport';
import { CopyToPlenary, groupOfBoard } from './CopyToPlenary';
import { useFollowSummons } from './useFollowSummons';
import { useReportPlace } from '../../realtime/useReportPlace';
import { ChatPanel } from '../discussions/ChatPanel';

const sizes: Record<Exclude<ItemKind, 'connector'>, { w: number; h: number }> = {
  note: { w: 180, h: 120 },
  country: { w: 200, h: 56 },
  practice: { w: 240, h: 160 },
  lane: { w: 1200, h: 160 },
  frame: { w: 600, h: 400 },
};

/** What is copied with Ctrl+C, for pasting on this board or another. */
let clipboard: BoardItem[] = [];

export function BoardPage({ boardId }: { boardId: string }) {
  return (
    <ReactFlowProvider>
      <BoardScreen boardId={boardId} />
    </ReactFlowProvider>
  );
}

function BoardScreen({ boardId }: { boardId: string }) {
  const t = useT();
  const client = useWorkshopClient();
  const view = useWorkshopView();
  const state = view.state!;
  const board = state.boards.byId[boardId];
  const me = state.participants[view.me];
  useFollowSummons(boardId);
  if (!board || !me) {
    return (
      <WorkshopLayout>
        <section className="card narrow">
          <h1>{t('board.missing')}</h1>
          <p>
            <Link href={AppPath.workshop(state.id)}>{t('board.back')}</Link>
          </p>
        </section>
      </WorkshopLayout>
    );
  }
  return <BoardWorkspace key={boardId} state={state} boardId={boardId} token={client.session.token} me={{ id: me.id, name: me.name }} />;
}

function BoardWorkspace({ state, boardId, token, me }: { state: WorkshopState; boardId: string; token: string; me: { id: string; name: string } }) {
  const t = useT();
  const client = useWorkshopClient();
  const flow = useReactFlow();
  useReportPlace({ kind: 'board', boardId });
  const board = state.boards.byId[boardId]!;
  const role = state.participants[me.id]!.role;
  const isFacilitator = role === 'facilitator';
  const ref = { kind: 'board', workshopId: state.id, boardId } as const;
  const access = docAccess(state, ref, me.id);
  const canWrite = access.read && access.write;
  const { session, snapshot, peers, doc } = useBoardSession(state.id, boardId, token, me);
  const words = useItemWords(state);
  const [selection, setSelection] = useState<string[]>([]);
  const [grid, setGrid] = useState(false);
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [copied, setCopied] = useState<{ count: number; group: string } | null>(null);
  const [panel, setPanel] = useState<'item' | 'vote' | 'facilitate' | null>(null);
  /** The item just created here: its editor takes the focus. */
  // The item just added, whose text field takes the focus once; any other selection ends that,
  // so a later click on it selects it without putting the caret in its text (where V or C would type).
  const [fresh, setFresh] = useState<string | null>(null);
  if (fresh !== null && !(selection.length === 1 && selection[0] === fresh)) setFresh(null);
  const editorRef = useRef<HTMLTextAreaElement | HTMLInputElement | null>(null);
  const items = snapshot.items;

  // The board takes the whole width (a class, not main:has(): :has() would re-match the page on every pan frame).
  useEffect(() => {
    const main = document.getElementById('main');
    main?.classList.add('board-wide');
    return () => main?.classList.remove('board-wide');
  }, []);
  useEffect(() => session?.main.setWritable(canWrite), [session, canWrite]);
  useEffect(() => session?.setPrivateMode(board.private && role === 'participant'), [session, board.private, role]);
  useEffect(() => session?.setSelection(selection), [session, selection]);

  // What the server refused, said once.
  const refusedN = doc.refused?.n ?? 0;
  useEffect(() => {
    if (!doc.refused) return;
    const code = doc.refused.code;
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setNotice(code === 'frame_locked' ? t('board.refused.frameLocked') : code === 'too_many_items' ? t('board.refused.full') : code === 'private_mode' ? t('board.refused.private') : t('board.refused.invalid'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refusedN]);

  // Bring everyone here: follow the facilitator's viewport when they summon to this board.
  const summonAt = state.boards.summon?.boardId === boardId ? state.boards.summon.at : null;
  const firstSummon = useRef(summonAt);
  useEffect(() => {
    if (summonAt === null || summonAt === firstSummon.current) return;
    const v = state.boards.summon?.viewport;
    if (v) void flow.setCenter(v.x, v.y, { zoom: v.zoom, duration: 400 });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [summonAt]);

  // A JSON export chosen in the console lands here once the new board is open.
  useEffect(() => {
    if (!session || !doc.synced) return;
    const pending = takePendingImport(boardId);
    if (!pending) return;
    const fresh = remapIds(pending.items, newItemId);
    for (let i = 0; i < fresh.length; i += 300) session.addMany(fresh.slice(i, i + 300));
    setTimeout(() => void flow.fitView({ duration: 300 }), 100);
  }, [session, doc.synced, boardId, flow]);

  // Items a facilitator chose on a group's board land here, beside what this board holds.
  useEffect(() => {
    if (!session || !doc.synced || !canWrite) return;
    const pending = takePendingCopy(boardId);
    if (!pending) return;
    const copies = copiesFromGroup(pending.items, pending.group, session.board().all(), newItemId);
    session.addMany(copies);
    const ids = copies.map((c) => c.id);
    // The copies arrive once the board is synced (an external event), so they are selected from here.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSelection(ids);
    setNotice(null);
    setCopied({ count: copies.filter((c) => c.kind !== 'connector').length, group: pending.group.name });
    setTimeout(() => void flow.fitView({ nodes: ids.map((id) => ({ id })), duration: 300, maxZoom: 1 }), 100);
  }, [session, doc.synced, canWrite, boardId, flow]);

  const lockedFrames = useMemo(() => new Set(board.lockedFrames), [board.lockedFrames]);
  const lockedFor = useCallback(
    (item: BoardItem) => !canWrite || (!isFacilitator && (lockedFrames.has(item.id) || (item.frame !== undefined && lockedFrames.has(item.frame)))),
    [canWrite, isFacilitator, lockedFrames],
  );
  const vote = board.vote;
  const visible = vote ? resultsVisible(vote, isFacilitator) : false;
  const myBallot = useMemo(() => (vote ? (vote.ballots[me.id] ?? {}) : {}), [vote, me.id]);
  const dots = useCallback(
    (id: string) => {
      if (!vote) return null;
      const mine = myBallot[id] ?? 0;
      const total = visible ? (vote.tally[id] ?? 0) : null;
      if (mine === 0 && !total) return null;
      return { mine, total };
    },
    [vote, myBallot, visible],
  );

  // Comment threads on items: how many live messages each one has (shown on the item).
  const threads = useMemo(() => boardThreads(state.discussions, boardId), [state.discussions, boardId]);
  const comments = useCallback((id: string) => liveMessages(threads[id]).length, [threads]);

  const describe = useCallback(
    (item: BoardItem) => {
      const text = words.text(item);
      const detail =
        item.kind === 'country' && item.phase
          ? t(item.phase === 1 ? 'board.phase1' : 'board.phase2')
          : item.kind === 'practice'
            ? [item.country ? words.country(item.country) : '', item.objective ? words.objective(item.objective) : ''].filter(Boolean).join(' · ')
            : '';
      const kind = t(`board.kind.${item.kind}`);
      const from = item.fromGroup ? t('board.fromGroup', { group: item.fromGroup }) : '';
      const second = item.kind === 'practice' ? [item.text, detail].filter(Boolean).join(' — ') : detail;
      return { text: item.kind === 'practice' ? item.title : text, detail: [second, from].filter(Boolean).join(' · '), aria: `${kind}: ${text || t('board.empty')}${from ? ` (${from})` : ''}` };
    },
    [words, t],
  );

  const center = () => {
    const el = document.querySelector('.board-canvas');
    const r = el?.getBoundingClientRect();
    return r ? flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 0, y: 0 };
  };

  const add = (kind: Exclude<ItemKind, 'connector'>, extra: Partial<ItemData> = {}) => {
    if (!session || !canWrite) return;
    const size = sizes[kind];
    const c = center();
    const at = freeSpot(items.values(), { x: Math.round(c.x - size.w / 2), y: Math.round(c.y - size.h / 2) }, size);
    const base = { ...at, ...size };
    const data: ItemData =
      kind === 'note'
        ? { kind, ...base, text: '', color: 'yellow' }
        : kind === 'country'
          ? { kind, ...base, country: state.definition.countries[0]?.code ?? 'PK', color: 'blue' }
          : kind === 'practice'
            ? { kind, ...base, title: '', text: '', color: 'green' }
            : kind === 'lane'
              ? { kind, ...base, title: '', color: 'grey' }
              : { kind, ...base, title: '' };
    const id = session.add({ ...data, ...extra } as ItemData);
    setSelection([id]);
    setPanel('item');
    setFresh(id);
  };

  const connect = (from: string, to: string) => {
    if (!session || !canWrite || !items.has(from) || !items.has(to) || from === to) return;
    const id = session.add({ kind: 'connector', from, to, label: '', link: 'synergy', x: 0, y: 0, w: 8, h: 8 });
    setSelection([id]);
    setPanel('item');
  };

  const ownGroup = groupOfBoard(state, board);
  const editable = (ids: readonly string[]) => ids.filter((id) => items.has(id) && !lockedFor(items.get(id)!));
  const remove = (ids: readonly string[]) => {
    const ok = editable(ids);
    if (!session || ok.length === 0) return;
    session.remove(ok);
    setSelection((s) => s.filter((id) => !ok.includes(id)));
  };

  const nudge = (dx: number, dy: number) => {
    if (!session) return;
    const patches = new Map<string, Partial<Record<string, unknown>>>();
    for (const id of editable(selection)) {
      const i = items.get(id)!;
      if (i.kind !== 'connector') patches.set(id, { x: i.x + dx, y: i.y + dy });
    }
    session.patch(patches);
  };

  const copy = () => {
    const ids = new Set(selection);
    const picked = [...items.values()].filter((i) => ids.has(i.id) && (i.kind !== 'connector' || (ids.has(i.from) && ids.has(i.to))));
    // Copied from a group's board, an item keeps that group as its source wherever it is pasted.
    clipboard = ownGroup ? picked.map((i) => (i.fromGroupId ? i : { ...i, fromGroupId: ownGroup.id, fromGroup: ownGroup.name.slice(0, 200) })) : picked;
  };
  const paste = (source = clipboard) => {
    if (!session || !canWrite || source.length === 0) return;
    const fresh = remapIds(source, newItemId).map((i) => (i.kind === 'connector' ? i : { ...i, x: i.x + 40, y: i.y + 40 }));
    session.addMany(fresh.map((i) => ({ ...i, frame: undefined }) as BoardItem));
    setSelection(fresh.map((i) => i.id));
  };

  const castDot = async (id: string, delta: number) => {
    if (!vote || vote.status !== 'open') return;
    const r = await client.send('board:vote', { boardId, itemId: id, dots: Math.max(0, (myBallot[id] ?? 0) + delta) });
    if (!r.ok) setNotice(describeError(t, r.error, { conflict: 'board.vote.noDotsLeft' }));
  };

  const onKeyDown = (e: KeyboardEvent | ReactKeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    let handled = true;
    if (mod && key === 'z' && !e.shiftKey) session?.undo();
    else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) session?.redo();
    else if (mod && key === 'c') copy();
    else if (mod && key === 'v') paste();
    else if (mod && key === 'd') {
      copy();
      paste();
    } else if (mod && key === 'f') document.getElementById('board-search')?.focus();
    else if (mod || e.altKey) handled = false;
    else if (key === 'n') add('note');
    else if (key === 'c' && selection.length >= 2) connect(selection[0]!, selection[1]!);
    else if (key === 'v' && selection[0]) void castDot(selection[0], e.shiftKey ? -1 : 1);
    else if ((key === 'e' || e.key === 'F2') && selection[0]) {
      setPanel('item');
      setTimeout(() => editorRef.current?.focus(), 0);
    } else if (key === 'escape') setSelection([]);
    else if (key === 'g') setGrid((g) => !g);
    else if (e.key.startsWith('Arrow') && selection.length > 0 && !target.closest('.react-flow__node')) {
      const step = e.shiftKey ? 50 : 10;
      nudge(e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0, e.key === 'ArrowUp' ? -step : e.key === 'ArrowDown' ? step : 0);
    } else handled = false;
    if (handled) e.preventDefault();
  };

  useWindowKeys(onKeyDown);

  const found = useMemo(() => (query ? searchItems(items.values(), query, words).slice(0, 20) : []), [items, query, words]);
  const goTo = (item: ViewItem) => {
    setSelection([item.id]);
    void flow.setCenter(item.x + item.w / 2, item.y + item.h / 2, { zoom: Math.max(flow.getZoom(), 1), duration: 300 });
  };

  const selected = selection.length === 1 ? items.get(selection[0]!) : undefined;
  const waiting = doc.waiting + (session?.privateDoc?.view.getSnapshot().waiting ?? 0);
  const offline = doc.status !== 'connected';
  const home = isFacilitator ? AppPath.facilitate(state.id) : AppPath.workshop(state.id);
  const ranked = vote && visible ? rankedTally(vote) : [];

  return (
    <WorkshopLayout>
      <div className="board-screen">
        <header className="board-bar">
          <Link href={home} className="board-back">
            {t('board.back')}
          </Link>
          <h1 dir="auto" className="board-title">
            {board.title}
          </h1>
          <span className="board-status" role="status" aria-live="polite" data-testid="board-status" data-offline={offline} data-waiting={waiting}>
            {offline ? t('board.status.offline', { count: waiting }) : !doc.synced ? t('board.status.syncing') : doc.saved ? t('board.status.saved') : t('board.status.saving')}
          </span>
          {board.locked && <span className="badge">{t('board.lockedBadge')}</span>}
          {board.private && <span className="badge">{t('board.privateBadge')}</span>}
          {vote?.status === 'open' && <span className="badge">{t('board.vote.openBadge')}</span>}
          <span className="board-peers" aria-label={t('board.peers', { count: peers.length })}>
            {peers.slice(0, 8).map((p) => (
              <span key={p.clientId} className="board-peer" style={{ background: p.color }} title={p.name} dir="auto">
                {initials(p.name)}
              </span>
            ))}
          </span>
        </header>
        <div className="board-tools" role="toolbar" aria-label={t('board.toolbar')}>
          <button type="button" onClick={() => add('note')} disabled={!canWrite} aria-keyshortcuts="N" data-testid="add-note">
            {t('board.add.note')}
          </button>
          <button type="button" onClick={() => add('country')} disabled={!canWrite}>
            {t('board.add.country')}
          </button>
          <button type="button" onClick={() => add('practice')} disabled={!canWrite}>
            {t('board.add.practice')}
          </button>
          <button type="button" onClick={() => add('frame')} disabled={!canWrite}>
            {t('board.add.frame')}
          </button>
          <button type="button" onClick={() => add('lane')} disabled={!canWrite}>
            {t('board.add.lane')}
          </button>
          <button type="button" onClick={() => selection.length >= 2 && connect(selection[0]!, selection[1]!)} disabled={!canWrite || selection.length < 2} aria-keyshortcuts="C">
            {t('board.connect')}
          </button>
          <button type="button" onClick={() => remove(selection)} disabled={editable(selection).length === 0} aria-keyshortcuts="Delete">
            {t('board.delete')}
          </button>
          <button type="button" onClick={() => session?.undo()} disabled={!snapshot.canUndo} aria-keyshortcuts="Control+Z">
            {t('board.undo')}
          </button>
          <button type="button" onClick={() => session?.redo()} disabled={!snapshot.canRedo} aria-keyshortcuts="Control+Y">
            {t('board.redo')}
          </button>
          <button
            type="button"
            onClick={() => {
              copy();
              paste();
            }}
            disabled={!canWrite || selection.length === 0}
            aria-keyshortcuts="Control+D"
          >
            {t('board.duplicate')}
          </button>
          <button type="button" aria-pressed={grid} onClick={() => setGrid((g) => !g)} aria-keyshortcuts="G">
            {t('board.grid')}
          </button>
          <ExportMenu title={board.title} template={board.template} items={items} vote={vote} words={words} describe={describe} />
          {vote && (
            <button type="button" aria-pressed={panel === 'vote'} onClick={() => setPanel(panel === 'vote' ? null : 'vote')}>
              {t('board.vote.panel')}
            </button>
          )}
          {isFacilitator && (
            <button type="button" aria-pressed={panel === 'facilitate'} onClick={() => setPanel(panel === 'facilitate' ? null : 'facilitate')} data-testid="facilitate">
              {t('board.facilitate')}
            </button>
          )}
          <span className="board-search">
            <label htmlFor="board-search" className="visually-hidden">
              {t('board.search')}
            </label>
            <input id="board-search" type="search" placeholder={t('board.search')} value={query} onChange={(e) => setQuery(e.target.value)} dir="auto" aria-keyshortcuts="Control+F" />
          </span>
        </div>
        {query && (
          <ul className="board-results" aria-label={t('board.results', { count: found.length })}>
            {found.length === 0 && <li>{t('board.noResults')}</li>}
            {found.map((i) => (
              <li key={i.id}>
                <button type="button" onClick={() => goTo(i)} dir="auto">
                  {words.text(i) || t('board.empty')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {copied && (
          <p className="banner board-notice" role="status" data-testid="copied-notice">
            {t('board.copy.done', { count: copied.count, group: copied.group })}{' '}
            <button type="button" className="link" onClick={() => setCopied(null)}>
              {t('board.dismiss')}
            </button>
          </p>
        )}
        {notice && (
          <p className="banner error board-notice" role="alert">
            {notice}{' '}
            <button type="button" className="link" onClick={() => setNotice(null)}>
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
            version={snapshot.version}
            describe={describe}
            peers={peers}
            selection={selection}
            onSelect={(ids) => {
              setSelection(ids);
              if (ids.length > 0 && panel === null) setPanel('item');
            }}
            locked={lockedFor}
            lockedFrames={isFacilitator ? new Set() : lockedFrames}
            dots={dots}
            comments={comments}
            readOnly={false}
            canEdit={canWrite}
            grid={grid}
            onPatch={(p, continues) => session?.patch(p, continues)}
            onConnect={connect}
            onDelete={remove}
            onCursor={(c) => session?.setCursor(c)}
            onEdit={(id) => {
              setSelection([id]);
              setPanel('item');
              setTimeout(() => editorRef.current?.focus(), 0);
            }}
            fitView
          />
          {panel && (
            <aside className="board-panel" aria-label={t(panel === 'vote' ? 'board.vote.panel' : panel === 'facilitate' ? 'board.facilitate' : 'board.inspector')}>
              <button type="button" className="board-panel-close" onClick={() => setPanel(null)} aria-label={t('board.closePanel')}>
                ×
              </button>
              {panel === 'item' &&
                (selected ? (
                  <Inspector
                    key={selected.id}
                    autoFocus={fresh === selected.id}
                    item={selected}
                    state={state}
                    words={words}
                    editable={!lockedFor(selected)}
                    editorRef={editorRef}
                    onPatch={(patch) => session?.patchOne(selected.id, patch)}
                    vote={vote && vote.status === 'open' && selected.kind !== 'connector' && role !== 'observer' ? { mine: myBallot[selected.id] ?? 0, onCast: (d) => void castDot(selected.id, d) } : null}
                    frameLock={isFacilitator && selected.kind === 'frame' ? { locked: lockedFrames.has(selected.id), toggle: () => void client.send('board:lockFrame', { boardId, frameId: selected.id, locked: !lockedFrames.has(selected.id) }) } : null}
                  />
                ) : (
                  <p className="muted">{selection.length > 1 ? t('board.selectedMany', { count: selection.length }) : t('board.selectHint')}</p>
                ))}
              {panel === 'item' && selected && selected.kind !== 'connector' && selected.kind !== 'lane' && selected.kind !== 'frame' && (
                <ChatPanel key={`thread-${selected.id}`} space={{ kind: 'thread', boardId, itemId: selected.id }} title={t('board.comments.title')} testId="item-thread" />
              )}
              {panel === 'vote' && vote && <VotePanel vote={vote} me={me.id} ranked={ranked} items={items} words={words} onGoTo={goTo} />}
              {panel === 'facilitate' && isFacilitator && (
                <FacilitatorControls
                  board={board}
                  viewport={() => {
                    const c = center();
                    return { x: c.x, y: c.y, zoom: flow.getZoom() };
                  }}
                  onError={setNotice}
                />
              )}
              {panel === 'facilitate' && isFacilitator && ownGroup && <CopyToPlenary state={state} group={ownGroup} items={items} selection={selection} me={me.id} />}
            </aside>
          )}
        </div>
        <p className="board-keys muted">{t('board.keys')}</p>
      </div>
    </WorkshopLayout>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0])
    .join('')
    .toLocaleUpperCase();
}
