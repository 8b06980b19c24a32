/**
 * The building blocks of the Word report, set for its language: paragraphs,
 * headings, tables and pictures that run right to left in Arabic and Persian
 * (bidirectional paragraphs, right-to-left runs, tables laid out from the
 * right) and carry the language on every run (`w:lang`, complex script
 * included), so Word spell-checks, shapes and numbers them as that language.
 * A paragraph of user text takes the direction of its first letter, as
 * `dir="auto"` does in the HTML report.
 */
import { AlignmentType, HeadingLevel, ImageRun, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type IRunOptions } from 'docx';
import { isRtlText, type LanguageCode } from '@plenary/shared';
import { pngOf, type Picture } from './reportPictures.js';
import type { ReportText } from './reportText.js';

/** Widest picture on an A4 page with Word's default margins, in pixels at 96 per inch. */
const pageWidth = 600;

/** The language tag Word proofs each language with. */
const wordLanguage: Record<LanguageCode, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ru: 'ru-RU', ar: 'ar-SA', fa: 'fa-IR', pt: 'pt-BR' };

/** A cell's text (a paragraph a line), or paragraphs made for it. */
export type Cell = string | Paragraph[];

type Heading = (typeof HeadingLevel)[keyof typeof HeadingLevel];
interface Style {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

export interface DocxBlocks {
  /** The run properties every run of the document has: its font and language. */
  readonly runDefaults: IRunOptions;
  p(text: string, style?: Style & { heading?: Heading; bullet?: boolean }): Paragraph;
  h(level: 1 | 2 | 3 | 4, text: string): Paragraph;
  /** "Label: value", the label in bold. */
  labelled(label: string, value: string): Paragraph;
  /** A table with a repeated header row; `numeric` columns align at the end. */
  table(head: string[], rows: Cell[][], numeric?: number[]): Table;
  picture(pic: Picture, title: string): Paragraph;
  /** Text that must read left to right inside a right-to-left line (a time range "14:30–14:50"). */
  ltr(text: string): string;
}

/** The blocks for a report in `t`'s language. */
export function docxBlocks(t: ReportText): DocxBlocks {
  const rtl = t.dir === 'rtl';
  const lang = wordLanguage[t.language];
  const language = rtl ? { value: lang, bidirectional: lang } : { value: lang };
  const runDefaults: IRunOptions = { font: { ascii: 'Calibri', hAnsi: 'Calibri', cs: rtl ? 'Arial' : 'Calibri' }, size: 21, language };
  /** Right to left when the first letter is of a right-to-left script; with no letter at all, as the document runs. */
  const rtlOf = (text: string) => (/\p{L}/u.test(text) ? isRtlText(text) : rtl);
  const run = (text: string, style: Style = {}) => new TextRun({ text, bold: style.bold, italics: style.italics, size: style.size, rightToLeft: isRtlText(text) || undefined, language });
  const p: DocxBlocks['p'] = (text, style = {}) =>
    new Paragraph({ heading: style.heading, bullet: style.bullet ? { level: 0 } : undefined, bidirectional: rtlOf(text), children: [run(text, style)] });
  const levels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;
  const cell = (content: Cell, numeric: boolean, header: boolean) =>
    new TableCell({
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF2F8' } : undefined,
      children:
        typeof content !== 'string'
          ? content
          : content.split(/\r?\n/).map(
              (line) =>
                new Paragraph({
                  bidirectional: rtlOf(line),
                  // Figures align at the end of the cell: the right in a left-to-right table, the left in a right-to-left one.
                  alignment: numeric ? (rtl ? AlignmentType.END : AlignmentType.RIGHT) : undefined,
                  children: [run(line, { bold: header, size: 18 })],
                }),
            ),
    });
  return {
    runDefaults,
    p,
    h: (level, text) => p(text, { heading: levels[level - 1] }),
    labelled: (label, value) => new Paragraph({ bidirectional: rtlOf(label), children: [run(`${label}: `, { bold: true }), run(value)] }),
    table: (head, rows, numeric = []) =>
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        visuallyRightToLeft: rtl || undefined,
        rows: [
          new TableRow({ tableHeader: true, children: head.map((x, i) => cell(x, numeric.includes(i), true)) }),
          ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((x, i) => cell(x, numeric.includes(i), false)) })),
        ],
      }),
    picture: (pic, title) => {
      const scale = Math.min(1, pageWidth / pic.width);
      const width = Math.round(pic.width * scale);
      const height = Math.round(pic.height * scale);
      return new Paragraph({
        bidirectional: rtl || undefined,
        children: [
          new ImageRun({
            type: 'svg',
            data: Buffer.from(pic.svg, 'utf8'),
            // Twice the displayed size, so the fallback stays sharp when printed.
            fallback: { type: 'png', data: pngOf(pic.svg, Math.min(2400, width * 2)) },
            transformation: { width, height },
            altText: { name: title, title, description: title },
          }),
        ],
      });
    },
    // A left-to-right embedding (LRE … PDF): Word and LibreOffice both honour it.
    ltr: (text) => (rtl ? `\u202a${text}\u202c` : text),
  };
}
