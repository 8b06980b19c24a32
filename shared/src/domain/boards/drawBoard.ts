/**
 * A board drawn as a list of operations (rectangles, lines, text), and as an
 * SVG document. Pure: text is measured by the caller (the browser measures
 * with the page's fonts; the server estimates), and each text block takes its
 * direction from its content. The board's exports in the browser (SVG, PNG)
 * and the report's board images on the server both draw through here.
 */
import { escapeMarkup as esc } from '../../text/escapeMarkup.js';
import type { BoardItem, ItemColor } from './boardDoc.js';

export interface BoardRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Fill and border of each colour, light enough for dark text (WCAG AA), also in styles.css. */
export const boardPalette: Record<ItemColor | 'default', { fill: string; stroke: string }> = {
  default: { fill: '#ffffff', stroke: '#79747e' },
  yellow: { fill: '#fff3b0', stroke: '#b38f00' },
  orange: { fill: '#ffdcc2', stroke: '#b35c00' },
  pink: { fill: '#ffd8e4', stroke: '#a8336a' },
  purple: { fill: '#eaddff', stroke: '#6750a4' },
  blue: { fill: '#d3e3fd', stroke: '#0b57d0' },
  teal: { fill: '#c4eeea', stroke: '#00696d' },
  green: { fill: '#c4eed0', stroke: '#146c2e' },
  grey: { fill: '#eceff1', stroke: '#5f6368' },
};
const linkStyle = { synergy: { color: '#146c2e', dash: '' }, route: { color: '#b35c00', dash: '10 6' }, challenge: { color: '#b3261e', dash: '3 5' } } as const;
export const boardExportFont = '"Noto Sans", "Noto Sans Arabic", system-ui, sans-serif';

export type BoardDrawOp =
  | { op: 'rect'; x: number; y: number; w: number; h: number; fill: string; stroke: string; dash?: string; radius: number; opacity?: number }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; dash: string; arrow: boolean }
  | { op: 'text'; x: number; y: number; w: number; lines: string[]; size: number; bold: boolean; color: string; rtl: boolean; lineHeight: number };

export type TextMeasure = (text: string, size: number, bold: boolean) => number;

/** Describes an item for export: its main text and a second line. */
export type ItemDescriber = (item: BoardItem) => { text: string; detail: string };

/** The bounding box of items (for exports and fitting), with a margin; null when empty. */
export function boardBounds(items: Iterable<BoardItem>, margin = 40): BoardRect | null {
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
export function rectBorderPoint(a: BoardRect, b: BoardRect): { x: number; y: number } {
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
export function isRtlText(text: string): boolean {
  const m = /[\p{L}]/u.exec(text);
  return !!m && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.test(m[0]);
}

/** Wraps text into lines no wider than `width` (words; very long words are cut). */
export function wrapText(text: string, width: number, size: number, bold: boolean, measure: TextMeasure, maxLines: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (measure(next, size, bold) <= width) {
        line = next;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (measure(line, size, bold) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && measure(line.slice(0, cut), size, bold) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
    if (lines.length >= maxLines) break;
  }
  if (lines.length > maxLines) lines.length = maxLines;
  return lines;
}

/** The drawing of a board: areas at the back, then connectors, then cards and notes, with dots when given. */
export function drawBoard(items: readonly BoardItem[], describe: ItemDescriber, measure: TextMeasure, tally: Record<string, number> | null): { ops: BoardDrawOp[]; bounds: BoardRect } {
  const bounds = boardBounds(items) ?? { x: 0, y: 0, w: 400, h: 300 };
  const ops: BoardDrawOp[] = [];
  const byId = new Map(items.map((i) => [i.id, i]));
  const order = { lane: 0, frame: 1, connector: 2, country: 3, practice: 3, note: 3 } as const;
  const sorted = [...items].sort((a, b) => order[a.kind] - order[b.kind]);
  const text = (s: string, x: number, y: number, w: number, size: number, bold: boolean, maxLines: number) => {
    const lines = wrapText(s, w, size, bold, measure, maxLines);
    ops.push({ op: 'text', x, y, w, lines, size, bold, color: '#1d1b20', rtl: isRtlText(s), lineHeight: Math.round(size * 1.35) });
  };
  for (const item of sorted) {
    const c = boardPalette[item.color ?? 'default'];
    const d = describe(item);
    switch (item.kind) {
      case 'lane':
        ops.push({ op: 'rect', x: item.x, y: item.y, w: item.w, h: item.h, fill: c.fill, stroke: c.stroke, radius: 4, opacity: 0.55 });
        text(d.text, item.x + 12, item.y + 10, Math.min(item.w - 24, 400), 16, true, 2);
        break;
      case 'frame':
        ops.push({ op: 'rect', x: item.x, y: item.y, w: item.w, h: item.h, fill: 'none', stroke: c.stroke, dash: '8 4', radius: 8 });
        text(d.text, item.x + 12, item.y + 10, item.w - 24, 16, true, 2);
        break;
      case 'connector': {
        const a = byId.get(item.from);
        const b = byId.get(item.to);
        if (!a || !b) break;
        const p = rectBorderPoint(a, b);
        const q = rectBorderPoint(b, a);
        const s = linkStyle[item.link];
        ops.push({ op: 'line', x1: p.x, y1: p.y, x2: q.x, y2: q.y, color: s.color, dash: s.dash, arrow: item.link === 'route' });
        if (item.label) {
          const w = Math.min(220, measure(item.label, 13, false) + 12);
          const mx = (p.x + q.x) / 2;
          const my = (p.y + q.y) / 2;
          ops.push({ op: 'rect', x: mx - w / 2, y: my - 11, w, h: 22, fill: '#ffffff', stroke: s.color, radius: 11 });
          text(item.label, mx - w / 2 + 6, my - 9, w - 12, 13, false, 1);
        }
        break;
      }
      default: {
        ops.push({ op: 'rect', x: item.x, y: item.y, w: item.w, h: item.h, fill: c.fill, stroke: c.stroke, radius: item.kind === 'note' ? 2 : 8 });
        const bold = item.kind !== 'note';
        const maxLines = Math.max(1, Math.floor((item.h - 16) / 19) - (d.detail ? 1 : 0));
        text(d.text, item.x + 10, item.y + 8, item.w - 20, 14, bold, maxLines);
        if (d.detail) text(d.detail, item.x + 10, item.y + item.h - 24, item.w - 20, 12, false, 1);
        const dots = tally?.[item.id];
        if (dots) {
          ops.push({ op: 'rect', x: item.x + item.w - 34, y: item.y - 10, w: 40, h: 22, fill: '#1d1b20', stroke: '#1d1b20', radius: 11 });
          ops.push({ op: 'text', x: item.x + item.w - 30, y: item.y - 8, w: 32, lines: [`● ${dots}`], size: 12, bold: true, color: '#ffffff', rtl: false, lineHeight: 16 });
        }
      }
    }
  }
  return { ops, bounds };
}

/** An SVG document of the drawing. */
export function drawingToSvg(ops: readonly BoardDrawOp[], b: BoardRect, title: string): string {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(b.w)}" height="${Math.ceil(b.h)}" viewBox="${b.x} ${b.y} ${b.w} ${b.h}" font-family='${boardExportFont}'>`,
    `<title>${esc(title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="context-stroke"/></marker></defs>`,
    `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" fill="#ffffff"/>`,
  ];
  for (const o of ops) {
    if (o.op === 'rect') {
      parts.push(
        `<rect x="${o.x}" y="${o.y}" width="${o.w}" height="${o.h}" rx="${o.radius}" fill="${o.fill}" stroke="${o.stroke}"${o.dash ? ` stroke-dasharray="${o.dash}"` : ''}${o.opacity !== undefined ? ` fill-opacity="${o.opacity}"` : ''}/>`,
      );
    } else if (o.op === 'line') {
      parts.push(
        `<line x1="${o.x1}" y1="${o.y1}" x2="${o.x2}" y2="${o.y2}" stroke="${o.color}" stroke-width="2"${o.dash ? ` stroke-dasharray="${o.dash}"` : ''}${o.arrow ? ' marker-end="url(#arrow)"' : ''}/>`,
      );
    } else {
      const x = o.rtl ? o.x + o.w : o.x;
      const lines = o.lines
        .map((l, i) => `<tspan x="${x}" y="${o.y + o.size + i * o.lineHeight}">${esc(l)}</tspan>`)
        .join('');
      parts.push(
        `<text font-size="${o.size}"${o.bold ? ' font-weight="bold"' : ''} fill="${o.color}"${o.rtl ? ' direction="rtl" text-anchor="start"' : ''}>${lines}</text>`,
      );
    }
  }
  parts.push('</svg>');
  return parts.join('\n');
}
