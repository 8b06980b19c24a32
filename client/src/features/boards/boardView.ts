/**
 * Pure helpers between the board's items and what the canvas shows: geometry
 * (frames that contain a point, a free spot for a new item), search, and the
 * readable text of an item (accessible names, search, exports).
 */
import type { BoardItem, ItemTag } from '@plenary/shared';

import type { BoardRect as Rect } from '@plenary/shared';

export type { BoardRect as Rect } from '@plenary/shared';

/** Words an item is described with; the caller translates. */
export interface ItemWords {
  country: (code: string) => string;
  objective: (id: string) => string;
  tag: (tag: ItemTag) => string;
  /** The title of a lane or frame as this viewer reads it: a template's prepared heading translated, anything typed as typed. */
  heading?: (title: string) => string;
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
      return (item.title && (words.heading ? words.heading(item.title) : item.title)) || (item.tag ? words.tag(item.tag) : '');
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

// Geometry shared with the board drawing (shared/src/domain/boards/drawBoard.ts).
export { boardBounds as boundsOf, rectBorderPoint as borderPoint, isRtlText as isRtl } from '@plenary/shared';
