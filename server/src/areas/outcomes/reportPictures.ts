/**
 * Pictures of the report: a bar chart of each poll's results, and the chosen
 * boards, as SVG documents (the HTML and Markdown reports embed them as they
 * are), and as PNG for Word processors that cannot show SVG (rasterised with
 * resvg and the machine's fonts).
 */
import { Resvg } from '@resvg/resvg-js';
import {
  drawBoard,
  drawingToSvg,
  escapeMarkup as esc,
  type BoardItem,
  type ReportBoard,
  type ReportPoll,
  type TextMeasure,
  type WorkshopDefinition,
} from '@plenary/shared';
import type { ReportText } from './reportText.js';

const font = '"Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif';

/** Text widths without a browser: a generous estimate, so wrapped text stays inside its box. */
export const estimateMeasure: TextMeasure = (text, size, bold) => text.length * size * (bold ? 0.62 : 0.56);

export interface Picture {
  svg: string;
  width: number;
  height: number;
}

/** Numbers as the report writes them: at most two decimals, no trailing zeros. */
export function figure(n: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(n);
}

/** A horizontal bar chart of a poll's results; null when its results are not a list of figures. */
export function pollChart(poll: ReportPoll, language: string): Picture | null {
  if (poll.chart.length === 0) return null;
  const width = 640;
  const labelW = 230;
  const valueW = 90;
  const row = 28;
  const top = 8;
  const height = top * 2 + row * poll.chart.length;
  const max = Math.max(...poll.chart.map((r) => r.value), poll.scale?.max ?? 0, 1);
  const barW = width - labelW - valueW - 16;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${font}' font-size="13">`,
    `<title>${esc(poll.question)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  poll.chart.forEach((r, i) => {
    const y = top + i * row;
    const label = r.label.length > 34 ? `${r.label.slice(0, 33)}…` : r.label;
    // Labels end where the bars start, whatever their script (the bidi algorithm orders the letters).
    parts.push(
      `<text x="${labelW - 8}" y="${y + 18}" fill="#1d1b20" text-anchor="end">${esc(label)}</text>`,
      `<rect x="${labelW}" y="${y + 5}" width="${barW}" height="${row - 10}" fill="#eceff1"/>`,
      `<rect x="${labelW}" y="${y + 5}" width="${Math.max(0, (r.value / max) * barW).toFixed(1)}" height="${row - 10}" fill="#0b57d0"/>`,
      `<text x="${labelW + barW + 8}" y="${y + 18}" fill="#1d1b20">${esc(figure(r.value, language))}${r.share !== null ? ` (${Math.round(r.share * 100)}%)` : ''}</text>`,
    );
  });
  parts.push('</svg>');
  return { svg: parts.join('\n'), width, height };
}

/** A board's content drawn as the board's own SVG export draws it, with text measured by estimate. */
export function boardPicture(
  board: { id: string; title: string },
  items: BoardItem[],
  definition: Pick<WorkshopDefinition, 'objectives'>,
  countryName: (code: string) => string,
  text: ReportText,
): ReportBoard {
  const objective = (id: string) => definition.objectives.find((o) => o.id === id)?.short ?? id;
  const describe = (item: BoardItem): { text: string; detail: string } => {
    switch (item.kind) {
      case 'note':
        return { text: item.text, detail: '' };
      case 'country':
        return { text: countryName(item.country), detail: item.phase ? text('phaseOf', { phase: item.phase }) : '' };
      case 'practice': {
        const where = [item.country ? countryName(item.country) : '', item.objective ? objective(item.objective) : ''].filter(Boolean).join(' · ');
        return { text: item.title, detail: [item.text, where].filter(Boolean).join(' — ') };
      }
      case 'lane':
      case 'frame':
        return { text: item.title || (item.tag ? text(`boardTag.${item.tag}`) : ''), detail: '' };
      case 'connector':
        return { text: item.label, detail: '' };
    }
  };
  const { ops, bounds } = drawBoard(items, describe, estimateMeasure, null);
  const texts = items
    .filter((i) => i.kind === 'note' || i.kind === 'practice')
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((i) => {
      const d = describe(i);
      return [d.text, d.detail].filter(Boolean).join(' — ');
    })
    .filter((s) => s.trim() !== '');
  return { id: board.id, title: board.title, svg: drawingToSvg(ops, bounds, board.title), width: Math.ceil(bounds.w), height: Math.ceil(bounds.h), texts };
}

/** A PNG of an SVG, `width` pixels wide (the fallback Word needs beside an SVG). */
export function pngOf(svg: string, width: number): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.max(16, Math.round(width)) },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
