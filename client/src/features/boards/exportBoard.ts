/**
 * Exports of a board: JSON (the structured content: items, texts,
 * connections, and the vote's results as the exporter may see them), and SVG
 * and PNG of what the board shows. Both pictures come from one list of
 * drawing operations, so they match; text is wrapped with the page's fonts
 * (canvas measureText) and each text block takes its direction from its
 * content.
 */
import {
  boardExportFont as exportFont,
  type BoardDrawOp as DrawOp,
  type BoardExport,
  type BoardItem,
  type BoardRect as Rect,
  type BoardTemplate,
  type DotVote,
  type TextMeasure as Measure,
} from '@plenary/shared';

// The drawing itself is pure and lives in shared (the server draws boards for the report with it).
export {
  boardPalette as palette,
  boardExportFont as exportFont,
  wrapText as wrap,
  drawBoard,
  drawingToSvg as toSvg,
  type BoardDrawOp as DrawOp,
  type TextMeasure as Measure,
  type ItemDescriber as Describe,
} from '@plenary/shared';

export function boardJson(title: string, template: BoardTemplate, items: Iterable<BoardItem>, vote: DotVote | null, now: Date): BoardExport {
  return {
    format: 'plenary-board',
    version: 1,
    title,
    template,
    exportedAt: now.toISOString(),
    items: [...items].map(({ ...i }) => {
      delete (i as { private?: boolean }).private;
      return i;
    }),
    vote: vote ? { budget: vote.budget, hidden: vote.hidden, revealed: vote.revealed, status: vote.status, tally: { ...vote.tally } } : null,
  };
}

/** Draws the drawing on a 2D canvas (the page's fonts are available there, Arabic script included). */
export function paint(ctx: CanvasRenderingContext2D, ops: readonly DrawOp[], b: Rect, scale: number): void {
  ctx.save();
  ctx.scale(scale, scale);
  ctx.translate(-b.x, -b.y);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(b.x, b.y, b.w, b.h);
  for (const o of ops) {
    if (o.op === 'rect') {
      ctx.beginPath();
      ctx.roundRect(o.x, o.y, o.w, o.h, o.radius);
      if (o.fill !== 'none') {
        ctx.globalAlpha = o.opacity ?? 1;
        ctx.fillStyle = o.fill;
        ctx.fill();
        ctx.globalAlpha = 1;
      }
      ctx.setLineDash(o.dash ? o.dash.split(' ').map(Number) : []);
      ctx.strokeStyle = o.stroke;
      ctx.lineWidth = 1;
      ctx.stroke();
    } else if (o.op === 'line') {
      ctx.beginPath();
      ctx.setLineDash(o.dash ? o.dash.split(' ').map(Number) : []);
      ctx.strokeStyle = o.color;
      ctx.lineWidth = 2;
      ctx.moveTo(o.x1, o.y1);
      ctx.lineTo(o.x2, o.y2);
      ctx.stroke();
      if (o.arrow) {
        const angle = Math.atan2(o.y2 - o.y1, o.x2 - o.x1);
        ctx.setLineDash([]);
        ctx.beginPath();
        ctx.moveTo(o.x2, o.y2);
        ctx.lineTo(o.x2 - 10 * Math.cos(angle - 0.4), o.y2 - 10 * Math.sin(angle - 0.4));
        ctx.lineTo(o.x2 - 10 * Math.cos(angle + 0.4), o.y2 - 10 * Math.sin(angle + 0.4));
        ctx.closePath();
        ctx.fillStyle = o.color;
        ctx.fill();
      }
    } else {
      ctx.font = `${o.bold ? 'bold ' : ''}${o.size}px ${exportFont}`;
      ctx.fillStyle = o.color;
      ctx.direction = o.rtl ? 'rtl' : 'ltr';
      ctx.textAlign = 'start';
      ctx.textBaseline = 'alphabetic';
      const x = o.rtl ? o.x + o.w : o.x;
      o.lines.forEach((l, i) => ctx.fillText(l, x, o.y + o.size + i * o.lineHeight));
    }
  }
  ctx.restore();
}

/** Text widths with the page's fonts. */
export function canvasMeasure(): Measure {
  const ctx = document.createElement('canvas').getContext('2d');
  return (text, size, bold) => {
    if (!ctx) return text.length * size * 0.55;
    ctx.font = `${bold ? 'bold ' : ''}${size}px ${exportFont}`;
    return ctx.measureText(text).width;
  };
}

/** A PNG of the drawing, at most `maxSide` pixels on its longer side. */
export async function toPng(ops: readonly DrawOp[], b: Rect, maxSide = 8000): Promise<Blob> {
  const scale = Math.min(2, maxSide / Math.max(b.w, b.h));
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(b.w * scale);
  canvas.height = Math.ceil(b.h * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  await document.fonts?.ready;
  paint(ctx, ops, b, scale);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'));
}

/** Offers a file to download. */
export function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a board's title. */
export function fileName(title: string, ext: string): string {
  const base = title.normalize('NFKC').replace(/[\\/:*?"<>|]+/g, ' ').replace(/\p{Cc}+/gu, ' ').trim().slice(0, 80) || 'board';
  return `${base}.${ext}`;
}
