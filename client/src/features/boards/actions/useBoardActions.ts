/**
 * The one interpreter of the board's intents (boardActions.ts), and the one
 * keyboard dispatcher: every key pressed on the board page goes through
 * `actionForKey`, which ignores keys typed into text fields.
 */
import { useReactFlow } from '@xyflow/react';
import { remapIds, type BoardItem, type GroupSource, type ItemData } from '@plenary/shared';
import { useWindowKeys } from '../../../ui/useWindowKeys';
import { newItemId, type BoardSession, type ViewItem } from '../BoardSession';
import { freeSpot } from '../boardView';
import { actionForKey, type AddableKind, type BoardContext, type BoardIntent } from './boardActions';

const sizes: Record<AddableKind, { w: number; h: number }> = {
  note: { w: 180, h: 120 },
  country: { w: 200, h: 56 },
  practice: { w: 240, h: 160 },
  lane: { w: 1200, h: 160 },
  frame: { w: 600, h: 400 },
};

/** What is copied with Ctrl+C, for pasting on this board or another. */
let clipboard: BoardItem[] = [];

export interface BoardActionHost {
  session: BoardSession | null;
  items: ReadonlyMap<string, ViewItem>;
  ctx: BoardContext;
  /** The country a new country card starts with. */
  firstCountry: string;
  /** The group whose board this is: copies keep it as their source. */
  ownGroup: GroupSource | null;
  select: (ids: string[]) => void;
  /** A new item was added: select it and show it in the inspector (`type`: with the caret in its text). */
  added: (id: string, type: boolean) => void;
  edit: (id: string) => void;
  toggleGrid: () => void;
  castDot: (id: string, delta: number) => void;
}

/** The board's centre on screen, in board coordinates. */
export function useBoardCenter() {
  const flow = useReactFlow();
  return () => {
    const r = document.querySelector('.board-canvas')?.getBoundingClientRect();
    return r ? flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 0, y: 0 };
  };
}

export function useBoardActions(host: BoardActionHost): (intent: BoardIntent | null) => void {
  const center = useBoardCenter();
  const run = (intent: BoardIntent | null) => {
    if (!intent) return;
    const { session, items, ctx } = host;
    switch (intent.type) {
      case 'add': {
        if (!session || !ctx.canWrite) return;
        const size = sizes[intent.kind];
        const c = center();
        const at = freeSpot(items.values(), { x: Math.round(c.x - size.w / 2), y: Math.round(c.y - size.h / 2) }, size);
        host.added(session.add(newItem(intent.kind, { ...at, ...size }, host.firstCountry)), true);
        return;
      }
      case 'connect': {
        const { from, to } = intent;
        if (!session || !ctx.canWrite || !items.has(from) || !items.has(to) || from === to) return;
        host.added(session.add({ kind: 'connector', from, to, label: '', link: 'synergy', x: 0, y: 0, w: 8, h: 8 }), false);
        return;
      }
      case 'remove': {
        const ok = intent.ids.filter((id) => ctx.editable.includes(id));
        if (!session || ok.length === 0) return;
        session.remove(ok);
        host.select(ctx.selection.filter((id) => !ok.includes(id)));
        return;
      }
      case 'undo':
        return session?.undo();
      case 'redo':
        return session?.redo();
      case 'copy':
        clipboard = copied(items, ctx.selection, host.ownGroup);
        return;
      case 'paste':
        return paste(host, clipboard);
      case 'duplicate':
        return paste(host, copied(items, ctx.selection, host.ownGroup));
      case 'nudge': {
        if (!session) return;
        const patches = new Map<string, Partial<Record<string, unknown>>>();
        for (const id of ctx.editable) {
          const i = items.get(id)!;
          if (i.kind !== 'connector') patches.set(id, { x: i.x + intent.dx, y: i.y + intent.dy });
        }
        session.patch(patches);
        return;
      }
      case 'dot':
        return host.castDot(intent.id, intent.delta);
      case 'edit':
        return host.edit(intent.id);
      case 'deselect':
        return host.select([]);
      case 'toggleGrid':
        return host.toggleGrid();
      case 'focusSearch':
        document.getElementById('board-search')?.focus();
        return;
    }
  };

  useWindowKeys((e) => {
    const found = actionForKey(e, host.ctx);
    if (!found?.intent) return;
    e.preventDefault();
    run(found.intent);
  });
  return run;
}

function newItem(kind: AddableKind, base: { x: number; y: number; w: number; h: number }, country: string): ItemData {
  switch (kind) {
    case 'note':
      return { kind, ...base, text: '', color: 'yellow' };
    case 'country':
      return { kind, ...base, country, color: 'blue' };
    case 'practice':
      return { kind, ...base, title: '', text: '', color: 'green' };
    case 'lane':
      return { kind, ...base, title: '', color: 'grey' };
    case 'frame':
      return { kind, ...base, title: '' };
  }
}

/** The selected items, connectors only with both ends; copied from a group's board, each keeps that group as its source. */
function copied(items: ReadonlyMap<string, ViewItem>, selection: readonly string[], group: GroupSource | null): BoardItem[] {
  const ids = new Set(selection);
  const picked = [...items.values()].filter((i) => ids.has(i.id) && (i.kind !== 'connector' || (ids.has(i.from) && ids.has(i.to))));
  return group ? picked.map((i) => (i.fromGroupId ? i : { ...i, fromGroupId: group.id, fromGroup: group.name.slice(0, 200) })) : picked;
}

function paste(host: BoardActionHost, source: BoardItem[]): void {
  const { session, ctx } = host;
  if (!session || !ctx.canWrite || source.length === 0) return;
  const fresh = remapIds(source, newItemId).map((i) => (i.kind === 'connector' ? i : { ...i, x: i.x + 40, y: i.y + 40 }));
  session.addMany(fresh.map((i) => ({ ...i, frame: undefined }) as BoardItem));
  host.select(fresh.map((i) => i.id));
}
