/**
 * Where an item goes so that it covers no other: used when items made apart
 * from each other meet on one board (a private-mode reveal, where everyone
 * added their notes in the middle of their own view, so on top of each other).
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Kinds that sit on top of lanes and frames and must not cover each other. */
export const solidKinds: ReadonlySet<string> = new Set(['note', 'country', 'practice']);

const overlaps = (a: Rect, b: Rect): boolean => a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y;

/**
 * `item`'s own position if it covers none of `solid`, else the first free cell
 * of a grid that starts there and fills rows of `columns` cells (each the
 * item's size plus `gap`) towards the end of the board. At most `maxCells`
 * cells are tried, so the work is bounded (`maxCells` × `solid.length`); past
 * them the item keeps its position.
 */
export function freeCell(item: Rect, solid: readonly Rect[], gap = 24, columns = 8, maxCells = 400): { x: number; y: number } {
  for (let cell = 0; cell < maxCells; cell++) {
    const x = item.x + (cell % columns) * (item.w + gap);
    const y = item.y + Math.floor(cell / columns) * (item.h + gap);
    const at = { x, y, w: item.w, h: item.h };
    if (!solid.some((s) => overlaps(at, s))) return { x, y };
  }
  return { x: item.x, y: item.y };
}
