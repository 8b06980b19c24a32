/**
 * The board on screen: React Flow over the board's items. Items come from the
 * Yjs snapshot; while a person drags, positions live in a local overlay and go
 * to the document at most every `dragWriteMs` (and once more on release), so
 * others see the move live without a write per mouse event.
 */
import { useCallback, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  ViewportPortal,
  useReactFlow,
  useStore,
  type Connection,
  type Edge,
  type NodeChange,
  type Viewport as FlowViewport,
} from '@xyflow/react';
import type { BoardItem } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import type { Peer, RemoteSelections, ViewItem } from './BoardSession';
import { ItemNode, type ItemNodeData, type ItemNodeType } from './ItemNode';
import { ConnectorEdge, type ConnectorEdgeType } from './ConnectorEdge';
import { frameAt, membersOf, snap } from './boardView';

const nodeTypes = { item: ItemNode };
const edgeTypes = { connector: ConnectorEdge };
export const gridSize = 20;
const dragWriteMs = 50;
/**
 * The minimap redraws every item on every frame of a pan; past this many it
 * costs more than it helps (measured: e2e/load/boards.ts).
 */
const minimapMaxItems = 600;
const layer = { lane: -3, frame: -2, connector: -1, country: 0, practice: 0, note: 0 } as const;

export interface CanvasProps {
  /** A new map whenever an item changes (BoardSession's snapshot). */
  items: ReadonlyMap<string, ViewItem>;
  describe: (item: BoardItem) => { text: string; detail: string; aria: string };
  peers: Peer[];
  /** What others have selected, by item (BoardSession.selections). */
  remoteSelections: RemoteSelections;
  selection: readonly string[];
  onSelect: (ids: string[]) => void;
  /** Items this person may not move or edit (locked frames and their members). */
  locked: (item: BoardItem) => boolean;
  lockedFrames: ReadonlySet<string>;
  dots: (id: string) => ItemNodeData['dots'];
  /** How many comments an item's thread has (none: not shown). */
  comments?: (id: string) => number;
  /** The tag on a private item: "only you" on one's own, whose it is on another's (a facilitator's view). */
  privateTag?: (item: BoardItem) => string | null;
  /** Nothing can be selected or changed (the projector). */
  readOnly: boolean;
  /** Items can be moved, connected and deleted (not on a locked board, not for observers). */
  canEdit: boolean;
  grid: boolean;
  /** `continues`: part of a drag whose start was already written (one undo step per drag). */
  onPatch: (patches: Map<string, Partial<Record<string, unknown>>>, continues?: boolean) => void;
  onConnect: (from: string, to: string) => void;
  onCursor: (at: { x: number; y: number } | null) => void;
  onViewport?: (v: FlowViewport) => void;
  onEdit?: (id: string) => void;
  defaultViewport?: FlowViewport;
  fitView?: boolean;
}

export function BoardCanvas(props: CanvasProps) {
  const t = useT();
  const { items, peers, remoteSelections: remoteSel, selection, readOnly, dots: dotsOf, comments: commentsOf, locked, describe, privateTag } = props;
  const canEdit = props.canEdit && !readOnly;
  const flow = useReactFlow();
  const [overlay, setOverlay] = useState<ReadonlyMap<string, { x: number; y: number }>>(new Map());
  // While someone resizes an item, its size lives here; the document gets it when they let go.
  const [sizes, setSizes] = useState<ReadonlyMap<string, { w: number; h: number }>>(new Map());
  const dragging = useRef<{
    moved: Map<string, { x: number; y: number }>;
    timer: ReturnType<typeof setTimeout> | null;
    members: Map<string, { dx: number; dy: number; id: string }[]>;
    /** Something of this drag is in the document already. */
    written: boolean;
  } | null>(null);
  const [cache] = useState(() => new NodeCache());

  const selected = useMemo(() => new Set(selection), [selection]);

  const nodes = useMemo(() => {
    const out: ItemNodeType[] = [];
    const next = new Map<string, CachedNode>();
    for (const item of items.values()) {
      if (item.kind === 'connector') continue;
      const pos = overlay.get(item.id);
      const size = sizes.get(item.id);
      const remote = remoteSel.get(item.id) ?? [];
      const dots = dotsOf(item.id);
      const comments = commentsOf?.(item.id) ?? 0;
      const isLocked = locked(item);
      const isSel = selected.has(item.id);
      const tag = item.private ? (privateTag?.(item) ?? null) : null;
      const key = `${tag ?? ''}|${pos?.x ?? ''},${pos?.y ?? ''}|${size ? `${size.w}x${size.h}` : ''}|${remote.map((r) => r.name).join()}|${dots ? `${dots.mine}/${dots.total}` : ''}|${comments}|${isLocked}|${isSel}`;
      const prev = cache.get(item.id);
      if (prev && prev.item === item && prev.key === key) {
        out.push(prev.node);
        next.set(item.id, prev);
        continue;
      }
      const d = describe(item);
      const area = item.kind === 'lane' || item.kind === 'frame';
      const node: ItemNodeType = {
        id: item.id,
        type: 'item',
        position: pos ?? { x: item.x, y: item.y },
        width: size?.w ?? item.w,
        height: size?.h ?? item.h,
        zIndex: layer[item.kind],
        selected: isSel,
        draggable: canEdit && !isLocked,
        connectable: canEdit,
        selectable: !readOnly,
        dragHandle: area ? '.board-handle' : undefined,
        ariaLabel: d.aria,
        data: { item, text: d.text, detail: d.detail, remote, dots, comments, locked: isLocked, resizable: canEdit && !isLocked && isSel, privateTag: tag },
      };
      out.push(node);
      next.set(item.id, { item, key, node });
    }
    cache.replace(next);
    return out;
  }, [items, overlay, sizes, remoteSel, selected, readOnly, canEdit, cache, dotsOf, commentsOf, locked, describe, privateTag]);

  const edges = useMemo(() => {
    const out: ConnectorEdgeType[] = [];
    for (const item of items.values()) {
      if (item.kind !== 'connector' || !items.has(item.from) || !items.has(item.to)) continue;
      out.push({
        id: item.id,
        type: 'connector',
        source: item.from,
        target: item.to,
        selected: selected.has(item.id),
        ariaLabel: describe(item).aria,
        data: { label: item.label, link: item.link, remote: remoteSel.get(item.id)?.[0] ?? null },
      });
    }
    return out;
  }, [items, selected, remoteSel, describe]);

  const flushDrag = useCallback(() => {
    const d = dragging.current;
    if (!d) return;
    d.timer = null;
    if (d.moved.size === 0) return;
    const patches = new Map<string, Partial<Record<string, unknown>>>();
    for (const [id, p] of d.moved) patches.set(id, { x: Math.round(p.x), y: Math.round(p.y) });
    d.moved = new Map();
    props.onPatch(patches, d.written);
    d.written = true;
  }, [props]);

  const onNodesChange = useCallback(
    (changes: NodeChange<ItemNodeType>[]) => {
      if (readOnly) return;
      let sel: Set<string> | null = null;
      const moves = new Map<string, { x: number; y: number }>();
      let ended = false;
      for (const c of changes) {
        if (c.type === 'dimensions' && c.resizing !== undefined && c.dimensions && canEdit) {
          // From the resize handles (a plain measurement has no `resizing`).
          const w = Math.round(Math.min(20000, Math.max(40, c.dimensions.width)));
          const h = Math.round(Math.min(20000, Math.max(30, c.dimensions.height)));
          if (c.resizing) {
            setSizes((m) => new Map(m).set(c.id, { w, h }));
          } else {
            props.onPatch(new Map([[c.id, { w, h }]]), false);
            setSizes((m) => {
              const next = new Map(m);
              next.delete(c.id);
              return next;
            });
          }
          continue;
        }
        if (c.type === 'select') {
          sel ??= new Set(selection);
          if (c.selected) sel.add(c.id);
          else sel.delete(c.id);
        } else if (c.type === 'position' && c.position && canEdit) {
          const item = items.get(c.id);
          const grid = props.grid ? gridSize : null;
          moves.set(c.id, { x: snap(c.position.x, grid), y: snap(c.position.y, grid) });
          if (!c.dragging && item) ended = true;
        } else if (c.type === 'position' && c.dragging === false) {
          ended = true;
        }
      }
      if (sel) {
        // Keep the order in which items were selected (connecting goes from the first to the second).
        const ordered = [...selection.filter((id) => sel!.has(id)), ...[...sel].filter((id) => !selection.includes(id))];
        props.onSelect(ordered);
      }
      if (moves.size > 0) {
        let d = dragging.current;
        if (!d) {
          // Frames carry their members along.
          const frames = new Set([...moves.keys()].filter((id) => items.get(id)?.kind === 'frame'));
          const members = new Map<string, { dx: number; dy: number; id: string }[]>();
          for (const f of frames) {
            const frame = items.get(f)!;
            members.set(
              f,
              membersOf(items.values(), new Set([f]))
                .filter((m) => !moves.has(m.id))
                .map((m) => ({ id: m.id, dx: m.x - frame.x, dy: m.y - frame.y })),
            );
          }
          d = dragging.current = { moved: new Map(), timer: null, members, written: false };
        }
        const all = new Map(moves);
        for (const [f, ms] of d.members) {
          const p = moves.get(f);
          if (p) for (const m of ms) all.set(m.id, { x: p.x + m.dx, y: p.y + m.dy });
        }
        for (const [id, p] of all) d.moved.set(id, p);
        setOverlay((o) => {
          const n = new Map(o);
          for (const [id, p] of all) n.set(id, p);
          return n;
        });
        const drag = dragging.current;
        if (drag && !drag.timer && !ended) drag.timer = setTimeout(flushDrag, dragWriteMs);
      }
      if (ended) {
        const d = dragging.current;
        if (d?.timer) clearTimeout(d.timer);
        const finalMoves = d ? new Map(d.moved) : new Map<string, { x: number; y: number }>();
        const everything = new Set([...(d?.members.keys() ?? []), ...moves.keys()]);
        for (const ms of d?.members.values() ?? []) for (const m of ms) everything.add(m.id);
        dragging.current = null;
        // Dropped items join the frame they land in (frames themselves do not nest).
        const patches = new Map<string, Partial<Record<string, unknown>>>();
        for (const id of everything) {
          const item = items.get(id);
          const p = finalMoves.get(id) ?? moves.get(id);
          const patch: Record<string, unknown> = p ? { x: Math.round(p.x), y: Math.round(p.y) } : {};
          if (item && item.kind !== 'frame' && item.kind !== 'lane' && !d?.members.size) {
            const at = p ?? item;
            const frame = frameAt(items.values(), { x: at.x, y: at.y, w: item.w, h: item.h }, new Set([id]), props.lockedFrames);
            if (frame !== item.frame) patch.frame = frame;
          }
          if (Object.keys(patch).length > 0) patches.set(id, patch);
        }
        if (patches.size > 0) props.onPatch(patches, d?.written ?? false);
        setOverlay(new Map());
      }
    },
    [items, selection, readOnly, canEdit, props, flushDrag],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (c.source && c.target && c.source !== c.target) props.onConnect(c.source, c.target);
    },
    [props],
  );

  const onEdgeClick = useCallback((_: unknown, edge: Edge) => props.onSelect([edge.id]), [props]);

  const onPointerMove = useCallback(
    (e: ReactPointerEvent) => {
      if (readOnly) return;
      props.onCursor(flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [flow, props, readOnly],
  );

  return (
    <div className="board-canvas" onPointerMove={onPointerMove} onPointerLeave={() => props.onCursor(null)}>
      <svg className="board-defs" aria-hidden="true" width="0" height="0">
        <defs>
          <marker id="board-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="board-arrow-head" />
          </marker>
        </defs>
      </svg>
      <ReactFlow<ItemNodeType, ConnectorEdgeType>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgeClick={onEdgeClick}
        onConnect={onConnect}
        onPaneClick={() => props.onSelect([])}
        onNodeDoubleClick={(_, node) => props.onEdit?.(node.id)}
        onMoveEnd={(_, v) => props.onViewport?.(v)}
        connectionMode={ConnectionMode.Loose}
        // Delete is one of the board's actions (actions/boardActions.ts), like every other key.
        deleteKeyCode={null}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode="Shift"
        nodesDraggable={canEdit}
        nodesConnectable={canEdit}
        elementsSelectable={!readOnly}
        snapToGrid={props.grid}
        snapGrid={[gridSize, gridSize]}
        onlyRenderVisibleElements
        minZoom={0.05}
        maxZoom={3}
        defaultViewport={props.defaultViewport}
        fitView={props.fitView}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={{
          'node.a11yDescription.default': t('board.a11y.node'),
          'node.a11yDescription.keyboardDisabled': t('board.a11y.node'),
          'node.a11yDescription.ariaLiveMessage': ({ x, y }: { direction: string; x: number; y: number }) => t('board.a11y.moved', { title: `${Math.round(x)}, ${Math.round(y)}` }),
          'edge.a11yDescription.default': t('board.a11y.edge'),
          'controls.ariaLabel': t('board.controls'),
          'controls.zoomIn.ariaLabel': t('board.zoomIn'),
          'controls.zoomOut.ariaLabel': t('board.zoomOut'),
          'controls.fitView.ariaLabel': t('board.fit'),
          'controls.interactive.ariaLabel': t('board.interactive'),
          'minimap.ariaLabel': t('board.minimap'),
          'handle.ariaLabel': t('board.handle'),
        }}
      >
        <GridDots />
        {nodes.length <= minimapMaxItems && <MiniMap pannable zoomable nodeClassName={(n) => `minimap-${(n.data as ItemNodeData).item.kind}`} />}
        <Controls showInteractive={false} />
        <ViewportPortal>
          {peers.map((p) =>
            p.cursor ? (
              <div key={p.clientId} className="board-cursor" style={{ transform: `translate(${p.cursor.x}px, ${p.cursor.y}px)`, color: p.color }} aria-hidden="true">
                <svg width="16" height="20" viewBox="0 0 16 20">
                  <path d="M0 0 L0 16 L4 12 L7 19 L10 18 L7 11 L13 11 Z" fill="currentColor" stroke="#fff" strokeWidth="1" />
                </svg>
                <span className="board-cursor-name" style={{ background: p.color }} dir="auto">
                  {p.name}
                </span>
              </div>
            ) : null,
          )}
        </ViewportPortal>
      </ReactFlow>
    </div>
  );
}

interface CachedNode {
  item: ViewItem;
  key: string;
  node: ItemNodeType;
}

/** Nodes of the last render, reused when nothing about their item changed (React Flow then skips them). */
class NodeCache {
  private nodes = new Map<string, CachedNode>();
  get(id: string): CachedNode | undefined {
    return this.nodes.get(id);
  }
  replace(next: Map<string, CachedNode>): void {
    this.nodes = next;
  }
}

/**
 * The dotted grid, only when zoomed in enough to see it: zoomed out, its dots
 * get dense and repainting them on every frame of a pan was the largest cost
 * on big boards (measured: e2e/load/boards.ts).
 */
function GridDots() {
  const visible = useStore((s) => s.transform[2] >= 0.5);
  return visible ? <Background variant={BackgroundVariant.Dots} gap={gridSize} size={1} /> : null;
}
