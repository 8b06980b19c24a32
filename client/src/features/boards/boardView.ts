/**
 * Pure helpers between the board's items and what the canvas shows: geometry
 * (frames that contain a point, a free spot for a new item), search, and the
 * readable text of an item (accessible names, search, exports).
 */
import type { BoardItem, ItemTag } from '@plenary/shared';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Words an item is described with; the caller translates. */
export interface ItemWords {
  country: (code: string) => string;
  objective: (id: string) => string;
  tag: (tag: ItemTag) => string;
}

/** The text a person reads on an item (and search finds). */
export function itemText(item: BoardItem, words: ItemWords): string {
  switch (item.kind) {
    case 'note':
      return item.text;
    case 'country':
      return words.country(item.country);
    case 'practice':
      return [item.title, item.text, item.country ? words.country(item.country) : '', item.objective ? words.objective(item.objective) : '']
        .filter(Boolean)
        .join(' · ');
    case 'lane':
    case 'frame':
      return item.title || (item.tag ? words.tag(item.tag) : '');
    case 'connector':
      return item.label;
  }
}

/** Items whose text contains every word of the query (case- and accent-insensitive), in reading order. */
export function searchItems(items: Iterable<BoardItem>, query: string, words: ItemWords): BoardItem[] {
  const terms = fold(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [];
  const found: BoardItem[] = [];
  for (const item of items) {
    const text = fold(itemText(item, words));
    if (terms.every((t) => text.includes(t))) found.push(item);
  }
  return found.sort((a, b) => a.y - b.y || a.x - b.x);
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

const contains = (outer: Rect, x: number, y: number) => x >= outer.x && x <= outer.x + outer.w && y >= outer.y && y <= outer.y + outer.h;

/**
 * The frame an item at `rect` belongs to: the smallest frame containing its
 * centre, skipping `skip` (the item itself, frames being moved) and frames
 * the mover may not put things in (locked).
 */
export function frameAt(items: Iterable<BoardItem>, rect: Rect, skip: ReadonlySet<string>, locked: ReadonlySet<string>): string | undefined {
  const cx = rect.x + rect.w / 2;
  const cy = rect.y + rect.h / 2;
  let best: BoardItem | undefined;
  for (const item of items) {
    if (item.kind !== 'frame' || skip.has(item.id) || locked.has(item.id)) continue;
    if (!contains(item, cx, cy)) continue;
    if (!best || item.w * item.h < best.w * best.h) best = item;
  }
  return best?.id;
}

/** Members of frames (items whose `frame` is one of `frames`). */
export function membersOf(items: Iterable<BoardItem>, frames: ReadonlySet<string>): BoardItem[] {
  const out: BoardItem[] = [];
  for (const item of items) if (item.frame !== undefined && frames.has(item.frame)) out.push(item);
  return out;
}

export const snap = (v: number, grid: number | null) => (grid ? Math.round(v / grid) * grid : v);

/** A spot near `at` where a new item of this size overlaps no note or card, searched in a spiral. */
export function freeSpot(items: Iterable<BoardItem>, at: { x: number; y: number }, size: { w: number; h: number }): { x: number; y: number } {
  const solid = [...items].filter((i) => i.kind === 'note' || i.kind === 'country' || i.kind === 'practice');
  const overlaps = (x: number, y: number) => solid.some((i) => x < i.x + i.w && x + size.w > i.x && y < i.y + i.h && y + size.h > i.y);
  const step = 24;
  for (let ring = 0; ring < 40; ring++) {
    for (let k = 0; k < Math.max(1, ring * 8); k++) {
      const angle = (2 * Math.PI * k) / Math.max(1, ring * 8);
      const x = Math.round(at.x + Math.cos(angle) * ring * step);
      const y = Math.round(at.y + Math.sin(angle) * ring * step);
      if (!overlaps(x, y)) return { x, y };
    }
  }
  return at;
}

/** The bounding box of items (for exports and fitting), with a margin; null when empty. */
export function boundsOf(items: Iterable<BoardItem>, margin = 40): Rect | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const i of items) {
    if (i.kind === 'connector') continue;
    x0 = Math.min(x0, i.x);
    y0 = Math.min(y0, i.y);
    x1 = Math.max(x1, i.x + i.w);
    y1 = Math.max(y1, i.y + i.h);
  }
  if (!Number.isFinite(x0)) return null;
  return { x: x0 - margin, y: y0 - margin, w: x1 - x0 + 2 * margin, h: y1 - y0 + 2 * margin };
}

/** Where a line from the centre of `a` towards the centre of `b` leaves `a`'s rectangle. */
export function borderPoint(a: Rect, b: Rect): { x: number; y: number } {
  const ax = a.x + a.w / 2;
  const ay = a.y + a.h / 2;
  const dx = b.x + b.w / 2 - ax;
  const dy = b.y + b.h / 2 - ay;
  if (dx === 0 && dy === 0) return { x: ax, y: ay };
  const sx = dx === 0 ? Infinity : a.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : a.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: ax + dx * s, y: ay + dy * s };
}

/** First strong character decides: right-to-left scripts (Arabic, Persian, Hebrew…) or not. */
export function isRtl(text: string): boolean {
  const m = /[\p{L}]/u.exec(text);
  return !!m && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.test(m[0]);
}
