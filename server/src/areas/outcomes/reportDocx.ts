/**
 * The workshop report as a Word document (.docx), the format organisers edit
 * and circulate: real headings (so Word's navigation and table of contents
 * work), real tables, and charts and boards as SVG pictures with a PNG
 * fallback for Word processors that do not show SVG.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  ShadingType,
  type ISectionOptions,
} from 'docx';
import { isRtlText, type Report, type ReportAgendaItem, type ReportInput } from '@plenary/shared';
import { figure, pngOf, pollChart, type Picture } from './reportPictures.js';
import { dateRange, inputCells, longDate, reportText, stepLine, type ReportText } from './reportText.js';

type Block = Paragraph | Table;

/** Widest picture on an A4 page with Word's default margins, in pixels at 96 per inch. */
const pageWidth = 600;

const p = (text: string, options: { bold?: boolean; italics?: boolean; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel] } = {}) =>
  new Paragraph({
    heading: options.heading,
    bidirectional: isRtlText(text),
    children: [new TextRun({ text, bold: options.bold, italics: options.italics })],
  });
const h = (level: 1 | 2 | 3 | 4, text: string) =>
  p(text, { heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4][level - 1] });
const labelled = (label: string, value: string) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });

/** A cell's text (a paragraph a line), or paragraphs made for it. */
type Cell = string | Paragraph[];

function table(head: string[], rows: Cell[][], numeric: number[] = []): Table {
  const cell = (content: Cell, i: number, header: boolean) =>
    new TableCell({
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF2F8' } : undefined,
      children:
        typeof content !== 'string'
          ? content
          : content.split(/\r?\n/).map(
              (line) =>
                new Paragraph({
                  bidirectional: isRtlText(line),
                  alignment: numeric.includes(i) ? AlignmentType.RIGHT : undefined,
                  children: [new TextRun({ text: line, bold: header, size: 18 })],
                }),
            ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((x, i) => cell(x, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((x, i) => cell(x, i, false)) })),
    ],
  });
}

/** A picture as SVG with its PNG fallback, no wider than the page. */
function picture(pic: Picture, title: string): Paragraph {
  const scale = Math.min(1, pageWidth / pic.width);
  const width = Math.round(pic.width * scale);
  const height = Math.round(pic.height * scale);
  return new Paragraph({
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
}

/** The report as a .docx file. */
export async function reportDocx(r: Report): Promise<Buffer> {
  const t = reportText(r.language);
  const children: Block[] = [];
  children.push(p(r.title, { heading: HeadingLevel.TITLE }));
  if (r.subtitle) children.push(p(r.subtitle, { italics: true }));
  children.push(labelled(t.venue, r.venue), labelled(t.dates, dateRange(r.firstDate, r.lastDate, r.language)));
  children.push(labelled(t.generated, `${new Date(r.generatedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`), p(t.attributionNote[r.attribution], { italics: true }));

  children.push(h(1, t.goals), ...r.goals.map((g) => new Paragraph({ text: g, bullet: { level: 0 }, bidirectional: isRtlText(g) })));
  children.push(h(2, t.objectives), table([t.objective, ''], r.objectives.map((o) => [o.short, o.title])));

  children.push(h(1, t.agenda));
  for (const day of r.agenda) {
    children.push(h(2, `${longDate(day.date, r.language)}${day.title ? ` — ${day.title}` : ''}`));
    children.push(table([t.time, t.item, t.kind, t.speaker, t.startedAt], day.items.map((i) => [`${i.start}–${i.end}`, itemCell(i, t), t.kinds[i.kind], i.speaker ?? '', i.startedAt ?? t.notStarted])));
  }

  children.push(...attendance(r, t), ...polls(r, t), ...findings(r, t), ...boards(r, t), ...inputs(r, t));

  const section: ISectionOptions = { properties: { page: { size: { orientation: PageOrientation.PORTRAIT } } }, children };
  const doc = new Document({
    creator: 'Plenary',
    title: `${r.title} — ${t.report}`,
    description: t.report,
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [section],
  });
  return Packer.toBuffer(doc);
}

/** An agenda item's cell: its title, and under it the steps run on it as a bulleted list. */
function itemCell(item: ReportAgendaItem, t: ReportText): Cell {
  if (item.steps.length === 0) return item.title;
  const line = (text: string, size: number, bullet: boolean) =>
    new Paragraph({ bidirectional: isRtlText(text), bullet: bullet ? { level: 0 } : undefined, children: [new TextRun({ text, size })] });
  return [line(item.title, 18, false), ...item.steps.map((s) => line(stepLine(s, t), 16, true))];
}

function attendance(r: Report, t: ReportText): Block[] {
  const a = r.attendance;
  const named = r.attribution === 'named';
  const out: Block[] = [h(1, t.attendance), p(t.attendanceSummary(a.total, a.facilitators, a.observers))];
  if (t.namesWithheld[r.attribution]) out.push(p(t.namesWithheld[r.attribution], { italics: true }));
  const names = (row: Report['attendance']['byCountry'][number]) => (named ? [(row.names ?? []).join(', ')] : []);
  const countries = a.byCountry.filter((x) => x.count > 0);
  if (countries.length > 0) out.push(table([t.country, t.phase, t.people, ...(named ? [t.names] : [])], countries.map((x) => [x.label, x.phases.join(', '), String(x.count), ...names(x)]), [2]));
  const orgs = [...a.byOrganisation, ...(a.unaffiliated ? [a.unaffiliated] : [])].filter((x) => x.count > 0);
  if (orgs.length > 0) {
    out.push(p(''), table([t.organisation, t.people, ...(named ? [t.names] : [])], orgs.map((x) => [x.label || t.noAffiliation, String(x.count), ...names(x)]), [1]));
  }
  return out;
}

function polls(r: Report, t: ReportText): Block[] {
  const out: Block[] = [h(1, t.polls)];
  if (r.polls.length === 0) out.push(p(t.noPolls));
  for (const poll of r.polls) {
    out.push(h(2, poll.question));
    out.push(p(`${t.pollKinds[poll.kind]} · ${t.pollMeta({ received: poll.received, counted: poll.counted, anonymous: poll.anonymous, perCountry: poll.countBy === 'country', open: poll.status === 'open' })}`, { italics: true }));
    const chart = pollChart(poll, r.language);
    if (chart) {
      out.push(picture(chart, poll.question));
      const shares = poll.chart.some((c) => c.share !== null);
      out.push(
        table(
          [t.option, t.units[poll.unit], ...(shares ? [t.share] : [])],
          poll.chart.map((c) => [c.label, figure(c.value, r.language), ...(shares ? [c.share === null ? '' : `${Math.round(c.share * 100)}%`] : [])]),
          [1, 2],
        ),
      );
    }
    if (poll.kind === 'matrix' && poll.axes) {
      out.push(table([t.option, poll.axes.x, poll.axes.y], poll.matrix.map((m) => [m.label, m.x === null ? '—' : figure(m.x, r.language), m.y === null ? '—' : figure(m.y, r.language)]), [1, 2]));
    }
    if (poll.kind === 'openText') out.push(...(poll.answers.length === 0 ? [p(t.noAnswers)] : poll.answers.map((a) => p(a, { italics: true }))));
  }
  return out;
}

function findings(r: Report, t: ReportText): Block[] {
  const out: Block[] = [h(1, t.findings)];
  if (r.rounds.length === 0) out.push(p(t.noFindings));
  for (const round of r.rounds) {
    out.push(h(2, round.title));
    if (round.prompt) out.push(p(round.prompt, { italics: true }));
    for (const g of round.groups) {
      out.push(h(3, g.name), p(`${t.members(g.memberCount)}${g.members && g.members.length > 0 ? `: ${g.members.join(', ')}` : ''}`, { italics: true }));
      if (g.findings.trim()) out.push(...g.findings.split(/\r?\n/).map((line) => p(line)));
      else out.push(p(t.noFindingsWritten, { italics: true }));
      if (g.answers.length > 0) out.push(h(4, t.guidingAnswers));
      for (const a of g.answers) {
        out.push(p(a.question, { bold: true }));
        if (a.answer.trim()) out.push(...a.answer.split(/\r?\n/).map((line) => p(line)));
        else out.push(p(t.noAnswerWritten, { italics: true }));
      }
      if (g.chat.length > 0) out.push(h(4, t.groupChat));
      for (const m of g.chat) out.push(m.who ? labelled(m.who, m.text) : p(m.text));
    }
  }
  return out;
}

function boards(r: Report, t: ReportText): Block[] {
  const out: Block[] = [h(1, t.boards)];
  if (r.boards.length === 0) out.push(p(t.noBoards));
  for (const b of r.boards) out.push(h(2, b.title), picture(b, b.title));
  return out;
}

function inputRows(list: ReportInput[], t: ReportText, first: 'owner' | 'objective', showProposer: boolean): Table {
  const { head, rows } = inputCells(list, t, first, showProposer, '\n');
  return table(head, rows);
}

function inputs(r: Report, t: ReportText): Block[] {
  const x = r.inputs;
  const showProposer = r.attribution !== 'anonymous';
  const out: Block[] = [h(1, t.inputs), p(`${t.inputsSummary(x.all.length, x.dropped)} ${t.attributionNote[r.attribution]}`)];
  out.push(h(2, t.inputsByOwner));
  if (x.all.length === 0) out.push(p(t.noInputs));
  for (const o of x.byOwner) out.push(h(3, o.label), inputRows(o.inputs, t, 'owner', showProposer));
  out.push(h(2, t.inputsByObjective));
  for (const o of x.byObjective) out.push(h(3, o.label), o.inputs.length === 0 ? p(t.noInputs, { italics: true }) : inputRows(o.inputs, t, 'objective', showProposer));
  out.push(h(2, t.matrix));
  out.push(table([t.country, ...r.objectives.map((o) => o.short), t.total], x.matrix.map((m) => [m.label, ...m.counts.map(String), String(m.total)]), r.objectives.map((_, i) => i + 1).concat(r.objectives.length + 1)));
  out.push(h(2, t.missing));
  if (x.missing.owners.length === 0 && x.missing.objectives.length === 0) out.push(p(t.nothingMissing));
  if (x.missing.owners.length > 0) out.push(labelled(t.missingOwners, x.missing.owners.map((o) => o.label).join(', ')));
  if (x.missing.objectives.length > 0) out.push(labelled(t.missingObjectives, x.missing.objectives.map((o) => o.label).join(', ')));
  return out;
}
