/**
 * The workshop report as a Word document (.docx), the format organisers edit
 * and circulate: real headings (so Word's navigation and table of contents
 * work), real tables, and charts and boards as SVG pictures with a PNG
 * fallback for Word processors that do not show SVG. Right to left in Arabic
 * and Persian (see docxBlocks).
 */
import { Document, HeadingLevel, Packer, PageOrientation, type Paragraph, type Table, type ISectionOptions } from 'docx';
import type { Report, ReportAgendaItem, ReportInput } from '@plenary/shared';
import { docxBlocks, type Cell, type DocxBlocks } from './docxBlocks.js';
import { figure, pollChart } from './reportPictures.js';
import { inputCells, pollLine, stepLine, withheldNote } from './reportCells.js';
import { dateRange, longDate } from './reportIntl.js';
import { reportText, type ReportText } from './reportText.js';

type Block = Paragraph | Table;

/** The report as a .docx file. */
export async function reportDocx(r: Report): Promise<Buffer> {
  const t = reportText(r.language);
  const b = docxBlocks(t);
  const { p, h, labelled, table } = b;
  const children: Block[] = [];
  children.push(p(r.title, { heading: HeadingLevel.TITLE }));
  if (r.subtitle) children.push(p(r.subtitle, { italics: true }));
  children.push(labelled(t('venue'), r.venue), labelled(t('dates'), dateRange(r.firstDate, r.lastDate, t.language)));
  children.push(labelled(t('generated'), `${new Date(r.generatedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`), p(t(`attribution.${r.attribution}`), { italics: true }));

  children.push(h(1, t('goals')), ...r.goals.map((g) => p(g, { bullet: true })));
  children.push(h(2, t('objectives')), table([t('objective'), ''], r.objectives.map((o) => [o.short, o.title])));

  children.push(h(1, t('agenda')));
  for (const day of r.agenda) {
    children.push(h(2, `${longDate(day.date, t.language)}${day.title ? ` — ${day.title}` : ''}`));
    children.push(table([t('time'), t('item'), t('kind'), t('speaker'), t('startedAt')], day.items.map((i) => [b.ltr(`${i.start}–${i.end}`), itemCell(i, t, b), t(`kind.${i.kind}`), i.speaker ?? '', i.startedAt ?? '—'])));
  }

  children.push(...attendance(r, t, b), ...polls(r, t, b), ...findings(r, t, b), ...boards(r, t, b), ...inputs(r, t, b));

  const section: ISectionOptions = { properties: { page: { size: { orientation: PageOrientation.PORTRAIT } } }, children };
  const doc = new Document({
    creator: 'Plenary',
    title: `${r.title} — ${t('report')}`,
    description: t('report'),
    styles: { default: { document: { run: b.runDefaults } } },
    sections: [section],
  });
  return Packer.toBuffer(doc);
}

/** An agenda item's cell: its title, and under it the steps run on it as a bulleted list. */
function itemCell(item: ReportAgendaItem, t: ReportText, { p }: DocxBlocks): Cell {
  if (item.steps.length === 0) return item.title;
  return [p(item.title, { size: 18 }), ...item.steps.map((s) => p(stepLine(s, t), { size: 16, bullet: true }))];
}

function attendance(r: Report, t: ReportText, b: DocxBlocks): Block[] {
  const { p, h, table } = b;
  const a = r.attendance;
  const named = r.attribution === 'named';
  const out: Block[] = [h(1, t('attendance')), p(t('attendanceSummary', { total: a.total, facilitators: a.facilitators, observers: a.observers }))];
  const withheld = withheldNote(r.attribution, t);
  if (withheld) out.push(p(withheld, { italics: true }));
  const names = (row: Report['attendance']['byCountry'][number]) => (named ? [(row.names ?? []).join(', ')] : []);
  const countries = a.byCountry.filter((x) => x.count > 0);
  if (countries.length > 0) out.push(table([t('country'), t('phase'), t('people'), ...(named ? [t('names')] : [])], countries.map((x) => [x.label, x.phases.join(', '), t.count(x.count), ...names(x)]), [2]));
  const orgs = [...a.byOrganisation, ...(a.unaffiliated ? [a.unaffiliated] : [])].filter((x) => x.count > 0);
  if (orgs.length > 0) {
    out.push(p(''), table([t('organisation'), t('people'), ...(named ? [t('names')] : [])], orgs.map((x) => [x.label || t('noAffiliation'), t.count(x.count), ...names(x)]), [1]));
  }
  return out;
}

function polls(r: Report, t: ReportText, b: DocxBlocks): Block[] {
  const { p, h, table } = b;
  const out: Block[] = [h(1, t('polls'))];
  if (r.polls.length === 0) out.push(p(t('noPolls')));
  for (const poll of r.polls) {
    out.push(h(2, poll.question));
    out.push(p(pollLine(poll, t), { italics: true }));
    const chart = pollChart(poll, t.language);
    if (chart) {
      out.push(b.picture(chart, poll.question));
      const shares = poll.chart.some((c) => c.share !== null);
      out.push(
        table(
          [t('option'), t(`unit.${poll.unit}`), ...(shares ? [t('share')] : [])],
          poll.chart.map((c) => [c.label, figure(c.value, t.language), ...(shares ? [c.share === null ? '' : `${Math.round(c.share * 100)}%`] : [])]),
          [1, 2],
        ),
      );
    }
    if (poll.kind === 'matrix' && poll.axes) {
      out.push(table([t('option'), poll.axes.x, poll.axes.y], poll.matrix.map((m) => [m.label, m.x === null ? '—' : figure(m.x, t.language), m.y === null ? '—' : figure(m.y, t.language)]), [1, 2]));
    }
    if (poll.kind === 'openText') out.push(...(poll.answers.length === 0 ? [p(t('noAnswers'))] : poll.answers.map((a) => p(a, { italics: true }))));
  }
  return out;
}

function findings(r: Report, t: ReportText, b: DocxBlocks): Block[] {
  const { p, h, labelled } = b;
  const out: Block[] = [h(1, t('findings'))];
  if (r.rounds.length === 0) out.push(p(t('noFindings')));
  for (const round of r.rounds) {
    out.push(h(2, round.title));
    if (round.prompt) out.push(p(round.prompt, { italics: true }));
    for (const g of round.groups) {
      out.push(h(3, g.name), p(`${t('members', { count: g.memberCount })}${g.members && g.members.length > 0 ? `: ${g.members.join(', ')}` : ''}`, { italics: true }));
      if (g.findings.trim()) out.push(...g.findings.split(/\r?\n/).map((line) => p(line)));
      else out.push(p(t('noFindingsWritten'), { italics: true }));
      if (g.answers.length > 0) out.push(h(4, t('guidingAnswers')));
      for (const a of g.answers) {
        out.push(p(a.question, { bold: true }));
        if (a.answer.trim()) out.push(...a.answer.split(/\r?\n/).map((line) => p(line)));
        else out.push(p(t('noAnswerWritten'), { italics: true }));
      }
      if (g.chat.length > 0) out.push(h(4, t('groupChat')));
      for (const m of g.chat) out.push(m.who ? labelled(m.who, m.text) : p(m.text));
    }
  }
  return out;
}

function boards(r: Report, t: ReportText, b: DocxBlocks): Block[] {
  const { p, h } = b;
  const out: Block[] = [h(1, t('boards'))];
  if (r.boards.length === 0) out.push(p(t('noBoards')));
  for (const board of r.boards) out.push(h(2, board.title), b.picture(board, board.title));
  return out;
}

function inputRows(list: ReportInput[], t: ReportText, b: DocxBlocks, first: 'owner' | 'objective', showProposer: boolean): Table {
  const { head, rows } = inputCells(list, t, first, showProposer, '\n');
  return b.table(head, rows);
}

function inputs(r: Report, t: ReportText, b: DocxBlocks): Block[] {
  const { p, h, labelled, table } = b;
  const x = r.inputs;
  const showProposer = r.attribution !== 'anonymous';
  const out: Block[] = [h(1, t('inputs')), p(`${t('inputsSummary', { shown: x.all.length, dropped: x.dropped })} ${t(`attribution.${r.attribution}`)}`)];
  out.push(h(2, t('inputsByOwner')));
  if (x.all.length === 0) out.push(p(t('noInputs')));
  for (const o of x.byOwner) out.push(h(3, o.label), inputRows(o.inputs, t, b, 'owner', showProposer));
  out.push(h(2, t('inputsByObjective')));
  for (const o of x.byObjective) out.push(h(3, o.label), o.inputs.length === 0 ? p(t('noInputs'), { italics: true }) : inputRows(o.inputs, t, b, 'objective', showProposer));
  out.push(h(2, t('matrix')));
  out.push(table([t('country'), ...r.objectives.map((o) => o.short), t('total')], x.matrix.map((m) => [m.label, ...m.counts.map(t.count), t.count(m.total)]), r.objectives.map((_, i) => i + 1).concat(r.objectives.length + 1)));
  out.push(h(2, t('missing')));
  if (x.missing.owners.length === 0 && x.missing.objectives.length === 0) out.push(p(t('nothingMissing')));
  if (x.missing.owners.length > 0) out.push(labelled(t('missingOwners'), x.missing.owners.map((o) => o.label).join(', ')));
  if (x.missing.objectives.length > 0) out.push(labelled(t('missingObjectives'), x.missing.objectives.map((o) => o.label).join(', ')));
  return out;
}
