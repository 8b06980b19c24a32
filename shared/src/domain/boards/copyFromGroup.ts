/**
 * Copying chosen items of a breakout group's board into a plenary board: the
 * copies keep their group as their source, get fresh ids, and are laid out
 * in a column beside what the target board already holds, so nothing lands
 * on top of the plenary's own work.
 */
import type { BoardItem } from './boardDoc.js';
import { remapIds } from './boardDoc.js';

export interface GroupSource {
  id: string;
  name: string;
}

/** Items of `selection` worth copying: no lanes or frames, connectors only between copied items. */
export function pickForCopy(items: Iterable<BoardItem>, selection: Iterable<string>): BoardItem[] {
  const ids = new Set(selection);
  const all = [...items];
  const chosen = all.filter((i) => ids.has(i.id) && i.kind !== 'connector' && i.kind !== 'lane' && i.kind !== 'frame');
  const kept = new Set(chosen.map((i) => i.id));
  const connectors = all.filter((i) => i.kind === 'connector' && ids.has(i.id) && kept.has(i.from) && kept.has(i.to));
  return [...chosen, ...connectors];
}

/**
 * The copies to add to the target board: fresh ids, the group kept as source
 * (an item already copied from another group keeps its first source), no frame,
 * no private flag, stacked in a column to the right of the target's content.
 */
export function copiesFromGroup(items: readonly BoardItem[], group: GroupSource, target: Iterable<BoardItem>, newId: () => string, gap = 40): BoardItem[] {
  let right = -Infinity;
  let top = Infinity;
  for (const t of target) {
    if (t.kind === 'connector') continue;
    right = Math.max(right, t.x + t.w);
    top = Math.min(top, t.y);
  }
  const x = Number.isFinite(right) ? Math.round(right + gap * 2) : 0;
  let y = Number.isFinite(top) ? Math.round(top) : 0;
  const out: BoardItem[] = [];
  for (const item of remapIds(items, newId)) {
    const source = item.fromGroupId ? { fromGroupId: item.fromGroupId, fromGroup: item.fromGroup } : { fromGroupId: group.id, fromGroup: group.name.slice(0, 200) };
    const { private: _private, ...rest } = item as BoardItem & { private?: unknown };
    if (rest.kind === 'connector') {
      out.push({ ...rest, ...source, frame: undefined } as BoardItem);
      continue;
    }
    out.push({ ...rest, ...source, frame: undefined, x, y } as BoardItem);
    y += rest.h + gap / 2;
  }
  return out;
}
