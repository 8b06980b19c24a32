/**
 * The workshop report as Markdown (CommonMark with GitHub tables): headings,
 * tables, results as text bars, and each chosen board's content as a list
 * (Markdown has no place for an embedded picture that every viewer shows).
 * User text is escaped so it cannot become markup or a link.
 */
import type { Report, ReportInput } from '@plenary/shared';
import { figure } from './reportPictures.js';
import { inputCells, pollLine, stepLine, withheldNote } from './reportCells.js';
import { dateRange, longDate } from './reportIntl.js';
import { reportText, type ReportText } from './reportText.js';

/** Escapes Markdown's punctuation and keeps a cell on one line. */
const md = (s: string) => s.replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`).replace(/^(\s*)([-=]{3,}|\d+\.)/, '$1\\$2');
const cell = (s: string) => md(s).replace(/\r?\n/g, ' ');
const table = (head: string[], rows: string[][]) =>
  [`| ${head.map(cell).join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
const quote = (s: string) => s.split(/\r?\n/).map((l) => `> ${md(l)}`).join('\n');
const bar = (value: number, max: number) => '█'.repeat(Math.round((value / Math.max(max, 1)) * 20)) || '▏';

/** The report as a Markdown document. */
export function reportMarkdown(r: Report): string {
  const t = reportText(r.language);
  const out: string[] = [];
  out.push(`# ${md(r.title)}`, '');
  if (r.subtitle) out.push(`*${md(r.subtitle)}*`, '');
  out.push(`**${md(t('venue'))}:** ${md(r.venue)}  `, `**${md(t('dates'))}:** ${md(dateRange(r.firstDate, r.lastDate, t.language))}  `);
  out.push(`**${md(t('generated'))}:** ${new Date(r.generatedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC · ${md(t(`attribution.${r.attribution}`))}`, '');

  out.push(`## ${md(t('goals'))}`, '', ...r.goals.map((g) => `- ${md(g)}`), '');
  out.push(`### ${md(t('objectives'))}`, '', ...r.objectives.map((o, i) => `${i + 1}. **${md(o.short)}** — ${md(o.title)}`), '');

  out.push(`## ${md(t('agenda'))}`, '');
  for (const day of r.agenda) {
    out.push(`### ${md(longDate(day.date, t.language))}${day.title ? ` — ${md(day.title)}` : ''}`, '');
    out.push(table([t('time'), t('item'), t('kind'), t('speaker'), t('startedAt')], day.items.map((i) => [`${i.start}–${i.end}`, i.title, t(`kind.${i.kind}`), i.speaker ?? '', i.startedAt ?? '—'])), '');
    // A table cell holds no list: the steps run follow the day's table, each under its item.
    const run = day.items.filter((i) => i.steps.length > 0);
    if (run.length > 0) {
      out.push(`**${md(t('stepsRun'))}**`, '');
      for (const i of run) out.push(`- ${cell(`${i.start}–${i.end} ${i.title}`)}`, ...i.steps.map((s) => `  - ${cell(stepLine(s, t))}`));
      out.push('');
    }
  }

  const a = r.attendance;
  const named = r.attribution === 'named';
  out.push(`## ${md(t('attendance'))}`, '', md(t('attendanceSummary', { total: a.total, facilitators: a.facilitators, observers: a.observers })), '');
  const withheld = withheldNote(r.attribution, t);
  if (withheld) out.push(`*${md(withheld)}*`, '');
  const people = (row: Report['attendance']['byCountry'][number]) => (named ? [(row.names ?? []).join(', ')] : []);
  const countries = a.byCountry.filter((x) => x.count > 0);
  if (countries.length > 0) out.push(table([t('country'), t('phase'), t('people'), ...(named ? [t('names')] : [])], countries.map((x) => [x.label, x.phases.join(', '), t.count(x.count), ...people(x)])), '');
  const orgs = [...a.byOrganisation, ...(a.unaffiliated ? [a.unaffiliated] : [])].filter((x) => x.count > 0);
  if (orgs.length > 0) out.push(table([t('organisation'), t('people'), ...(named ? [t('names')] : [])], orgs.map((x) => [x.label || t('noAffiliation'), t.count(x.count), ...people(x)])), '');

  out.push(`## ${md(t('polls'))}`, '');
  if (r.polls.length === 0) out.push(md(t('noPolls')), '');
  for (const p of r.polls) {
    out.push(`### ${md(p.question)}`, '');
    out.push(`*${md(pollLine(p, t))}*`, '');
    if (p.chart.length > 0) {
      const max = Math.max(...p.chart.map((c) => c.value), p.scale?.max ?? 0);
      out.push(
        table(
          [t('option'), t(`unit.${p.unit}`), ''],
          p.chart.map((c) => [c.label, `${figure(c.value, t.language)}${c.share !== null ? ` (${Math.round(c.share * 100)}%)` : ''}`, bar(c.value, max)]),
        ),
        '',
      );
    }
    if (p.kind === 'matrix' && p.axes) {
      out.push(table([t('option'), p.axes.x, p.axes.y], p.matrix.map((m) => [m.label, m.x === null ? '—' : figure(m.x, t.language), m.y === null ? '—' : figure(m.y, t.language)])), '');
    }
    if (p.kind === 'openText') out.push(...(p.answers.length === 0 ? [md(t('noAnswers'))] : p.answers.map((x) => `${quote(x)}\n`)), '');
  }

  out.push(`## ${md(t('findings'))}`, '');
  if (r.rounds.length === 0) out.push(md(t('noFindings')), '');
  for (const round of r.rounds) {
    out.push(`### ${md(round.title)}`, '');
    if (round.prompt) out.push(`*${md(round.prompt)}*`, '');
    for (const g of round.groups) {
      out.push(`#### ${md(g.name)}`, '', `${md(t('members', { count: g.memberCount }))}${g.members && g.members.length > 0 ? `: ${md(g.members.join(', '))}` : ''}`, '');
      out.push(g.findings.trim() ? quote(g.findings) : `*${md(t('noFindingsWritten'))}*`, '');
      if (g.answers.length > 0) {
        out.push(`**${md(t('guidingAnswers'))}**`, '');
        for (const a of g.answers) out.push(`*${md(a.question)}*`, '', a.answer.trim() ? quote(a.answer) : md(t('noAnswerWritten')), '');
      }
      if (g.chat.length > 0) {
        out.push(`**${md(t('groupChat'))}**`, '', ...g.chat.map((m) => `- ${m.who ? `**${md(m.who)}**: ` : ''}${md(m.text).replace(/\r?\n/g, ' ')}`), '');
      }
    }
  }

  out.push(`## ${md(t('boards'))}`, '');
  if (r.boards.length === 0) out.push(md(t('noBoards')), '');
  for (const b of r.boards) {
    out.push(`### ${md(b.title)}`, '', `${md(t('boardContent'))}:`, '', ...b.texts.map((x) => `- ${md(x).replace(/\r?\n/g, ' ')}`), '');
  }

  const x = r.inputs;
  const showProposer = r.attribution !== 'anonymous';
  out.push(`## ${md(t('inputs'))}`, '', `${md(t('inputsSummary', { shown: x.all.length, dropped: x.dropped }))} ${md(t(`attribution.${r.attribution}`))}`, '');
  out.push(`### ${md(t('inputsByOwner'))}`, '');
  if (x.all.length === 0) out.push(md(t('noInputs')), '');
  for (const o of x.byOwner) out.push(`#### ${md(o.label)}`, '', inputTable(o.inputs, t, 'owner', showProposer), '');
  out.push(`### ${md(t('inputsByObjective'))}`, '');
  for (const o of x.byObjective) out.push(`#### ${md(o.label)}`, '', o.inputs.length === 0 ? `*${md(t('noInputs'))}*` : inputTable(o.inputs, t, 'objective', showProposer), '');
  out.push(`### ${md(t('matrix'))}`, '');
  out.push(table([t('country'), ...r.objectives.map((o) => o.short), t('total')], x.matrix.map((m) => [m.label, ...m.counts.map(t.count), t.count(m.total)])), '');
  out.push(`### ${md(t('missing'))}`, '');
  if (x.missing.owners.length === 0 && x.missing.objectives.length === 0) out.push(md(t('nothingMissing')), '');
  if (x.missing.owners.length > 0) out.push(`**${md(t('missingOwners'))}:** ${md(x.missing.owners.map((o) => o.label).join(', '))}`, '');
  if (x.missing.objectives.length > 0) out.push(`**${md(t('missingObjectives'))}:** ${md(x.missing.objectives.map((o) => o.label).join(', '))}`, '');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function inputTable(list: ReportInput[], t: ReportText, first: 'owner' | 'objective', showProposer: boolean): string {
  const { head, rows } = inputCells(list, t, first, showProposer, ' — ');
  return table(head, rows);
}
