/**
 * The workshop report as one printable HTML page: its own print CSS, charts
 * and boards inline as SVG, nothing loaded from anywhere (it opens offline,
 * from a file, and prints on A4). Every text is escaped; user text is never HTML.
 */
import { escapeMarkup as esc, isRtlText, type Report, type ReportAgendaItem, type ReportInput } from '@plenary/shared';
import { pollChart, figure } from './reportPictures.js';
import { inputCells, pollLine, stepText, withheldNote } from './reportCells.js';
import { dateRange, longDate } from './reportIntl.js';
import { reportText, type ReportText } from './reportText.js';

const css = `
  @page { size: A4; margin: 18mm 16mm; }
  :root { color-scheme: light; }
  body { font-family: "Noto Sans", "Segoe UI", Arial, sans-serif; color: #1d1b20; line-height: 1.45; margin: 0 auto; max-inline-size: 60rem; padding: 1.5rem; font-size: 11pt; }
  body:lang(ar), body:lang(fa) { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, sans-serif; line-height: 1.6; }
  h1 { font-size: 22pt; margin-block: 0 0.2em; }
  h2 { font-size: 16pt; margin-block: 1.6em 0.5em; border-block-end: 2px solid #0b57d0; padding-block-end: 0.15em; break-after: avoid; }
  h3 { font-size: 13pt; margin-block: 1.2em 0.4em; break-after: avoid; }
  h4 { font-size: 11pt; margin-block: 1em 0.3em; break-after: avoid; }
  .subtitle { font-size: 13pt; margin-block: 0 0.8em; }
  .meta { color: #49454f; margin-block: 0.2em; }
  table { border-collapse: collapse; inline-size: 100%; margin-block: 0.5em 1em; font-size: 10pt; }
  th, td { border: 1px solid #c4c7c5; padding: 0.25em 0.45em; text-align: start; vertical-align: top; }
  th { background: #eef2f8; }
  td.time { white-space: nowrap; }
  ul.steps { margin-block: 0.25em 0; margin-inline-start: 0; padding-inline-start: 1.1em; color: #49454f; font-size: 9.5pt; }
  ul.steps .at { font-variant-numeric: tabular-nums; margin-inline-end: 0.35em; }
  td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
  tr { break-inside: avoid; }
  figure { margin: 0.5em 0 1em; break-inside: avoid; }
  figure svg { max-inline-size: 100%; block-size: auto; border: 1px solid #e0e3e1; }
  figcaption { color: #49454f; font-size: 9.5pt; }
  .note { color: #49454f; font-style: italic; }
  blockquote { margin: 0.3em 0 0.8em; padding-inline-start: 0.8em; border-inline-start: 3px solid #c4c7c5; white-space: pre-wrap; }
  nav ol { columns: 2; }
  @media print { nav { display: none; } h2 { break-before: page; } h2.first { break-before: auto; } a { color: inherit; text-decoration: none; } }
`;

/** The report as an HTML document. */
export function reportHtml(report: Report): string {
  const t = reportText(report.language);
  const lang = t.language;
  const dir = t.dir;
  const sections: [string, string, string][] = [
    ['goals', t('goals'), goals(report, t)],
    ['agenda', t('agenda'), agenda(report, t)],
    ['attendance', t('attendance'), attendance(report, t)],
    ['polls', t('polls'), polls(report, t)],
    ['findings', t('findings'), findings(report, t)],
    ['boards', t('boards'), boards(report, t)],
    ['inputs', t('inputs'), inputs(report, t)],
  ];
  return `<!doctype html>
<html lang="${esc(lang)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(report.title)} — ${esc(t('report'))}</title>
<style>${css}</style>
</head>
<body>
<header>
<h1${auto(report.title)}>${esc(report.title)}</h1>
${report.subtitle ? `<p class="subtitle"${auto(report.subtitle)}>${esc(report.subtitle)}</p>` : ''}
<p class="meta"><strong>${esc(t('venue'))}:</strong> ${esc(report.venue)}</p>
<p class="meta"><strong>${esc(t('dates'))}:</strong> ${esc(dateRange(report.firstDate, report.lastDate, lang))}</p>
<p class="meta"><strong>${esc(t('generated'))}:</strong> ${esc(new Date(report.generatedAt).toISOString().slice(0, 16).replace('T', ' '))} UTC · ${esc(t(`attribution.${report.attribution}`))}</p>
</header>
<nav aria-label="${esc(t('contents'))}"><h2 class="first">${esc(t('contents'))}</h2><ol>${sections.map(([id, title]) => `<li><a href="#${id}">${esc(title)}</a></li>`).join('')}</ol></nav>
<main>
${sections.map(([id, title, body]) => `<section id="${id}"><h2>${esc(title)}</h2>\n${body}</section>`).join('\n')}
</main>
</body>
</html>
`;
}

/** A `dir="auto"` for user text that may run right to left. */
const auto = (s: string) => (isRtlText(s) ? ' dir="rtl"' : ' dir="auto"');

function goals(r: Report, t: ReportText): string {
  return `<ul>${r.goals.map((g) => `<li${auto(g)}>${esc(g)}</li>`).join('')}</ul>
<h3>${esc(t('objectives'))}</h3>
<ol>${r.objectives.map((o) => `<li><strong>${esc(o.short)}</strong> — ${esc(o.title)}</li>`).join('')}</ol>`;
}

function agenda(r: Report, t: ReportText): string {
  // The steps are in the report's words; they keep its direction in a title's cell that runs the other way.
  const dir = t.dir;
  return r.agenda
    .map(
      (day) => `<h3>${esc(longDate(day.date, t.language))}${day.title ? ` — ${esc(day.title)}` : ''}</h3>
<table><thead><tr><th>${esc(t('time'))}</th><th>${esc(t('item'))}</th><th>${esc(t('kind'))}</th><th>${esc(t('speaker'))}</th><th>${esc(t('startedAt'))}</th></tr></thead><tbody>
${day.items
  .map(
    (i) =>
      `<tr><td class="time"><span dir="ltr">${esc(i.start)}–${esc(i.end)}</span></td><td${auto(i.title)}>${esc(i.title)}${steps(i, t, dir)}</td><td>${esc(t(`kind.${i.kind}`))}</td><td>${esc(i.speaker ?? '')}</td><td>${esc(i.startedAt ?? '—')}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`,
    )
    .join('\n');
}

/** The steps run on an agenda item, as a list under its title (nothing when none ran). */
function steps(item: ReportAgendaItem, t: ReportText, dir: string): string {
  if (item.steps.length === 0) return '';
  return `<ul class="steps" dir="${dir}" aria-label="${esc(t('stepsRun'))}">${item.steps
    .map((s) => `<li>${s.at ? `<span class="at">${esc(s.at)}</span>` : ''}${esc(stepText(s, t))}</li>`)
    .join('')}</ul>`;
}

function attendance(r: Report, t: ReportText): string {
  const a = r.attendance;
  const withheld = withheldNote(r.attribution, t);
  const named = r.attribution === 'named';
  const countries = a.byCountry.filter((row) => row.count > 0);
  const orgs = [...a.byOrganisation, ...(a.unaffiliated ? [a.unaffiliated] : [])].filter((row) => row.count > 0);
  const rows = (list: typeof a.byCountry, phases: boolean) =>
    list
      .filter((row) => row.count > 0)
      .map(
        (row) =>
          `<tr><td>${esc(row.label || t('noAffiliation'))}</td>${phases ? `<td>${row.phases.join(', ')}</td>` : ''}<td class="num">${esc(t.count(row.count))}</td>${named ? `<td>${esc((row.names ?? []).join(', '))}</td>` : ''}</tr>`,
      )
      .join('\n');
  return `<p>${esc(t('attendanceSummary', { total: a.total, facilitators: a.facilitators, observers: a.observers }))}</p>
${withheld ? `<p class="note">${esc(withheld)}</p>` : ''}
${countries.length === 0 ? '' : `<table><thead><tr><th>${esc(t('country'))}</th><th>${esc(t('phase'))}</th><th class="num">${esc(t('people'))}</th>${named ? `<th>${esc(t('names'))}</th>` : ''}</tr></thead><tbody>
${rows(countries, true)}
</tbody></table>`}
${orgs.length === 0 ? '' : `<table><thead><tr><th>${esc(t('organisation'))}</th><th class="num">${esc(t('people'))}</th>${named ? `<th>${esc(t('names'))}</th>` : ''}</tr></thead><tbody>
${rows(orgs, false)}
</tbody></table>`}`;
}

function polls(r: Report, t: ReportText): string {
  if (r.polls.length === 0) return `<p>${esc(t('noPolls'))}</p>`;
  return r.polls
    .map((p) => {
      const chart = pollChart(p, t.language);
      let body = '';
      if (chart) {
        body += `<figure>${chart.svg.replace('<svg ', `<svg role="img" aria-label="${esc(p.question)}" `)}</figure>`;
        body += `<table><thead><tr><th>${esc(t('option'))}</th><th class="num">${esc(t(`unit.${p.unit}`))}</th>${p.chart.some((c) => c.share !== null) ? `<th class="num">${esc(t('share'))}</th>` : ''}</tr></thead><tbody>${p.chart
          .map((c) => `<tr><td${auto(c.label)}>${esc(c.label)}</td><td class="num">${esc(figure(c.value, t.language))}</td>${c.share !== null ? `<td class="num">${Math.round(c.share * 100)}%</td>` : ''}</tr>`)
          .join('')}</tbody></table>`;
      }
      if (p.kind === 'matrix' && p.axes) {
        body += `<table><thead><tr><th>${esc(t('option'))}</th><th colspan="2">${esc(t('meanPosition', { x: p.axes.x, y: p.axes.y }))}</th></tr></thead><tbody>${p.matrix
          .map((m) => `<tr><td>${esc(m.label)}</td><td class="num">${m.x === null ? '—' : esc(figure(m.x, t.language))}</td><td class="num">${m.y === null ? '—' : esc(figure(m.y, t.language))}</td></tr>`)
          .join('')}</tbody></table>`;
      }
      if (p.kind === 'openText') {
        body += p.answers.length === 0 ? `<p>${esc(t('noAnswers'))}</p>` : p.answers.map((a) => `<blockquote${auto(a)}>${esc(a)}</blockquote>`).join('');
      }
      return `<h3${auto(p.question)}>${esc(p.question)}</h3><p class="meta">${esc(pollLine(p, t))}</p>${body}`;
    })
    .join('\n');
}

function findings(r: Report, t: ReportText): string {
  if (r.rounds.length === 0) return `<p>${esc(t('noFindings'))}</p>`;
  return r.rounds
    .map(
      (round) => `<h3${auto(round.title)}>${esc(round.title)}</h3>${round.prompt ? `<p class="meta"${auto(round.prompt)}>${esc(round.prompt)}</p>` : ''}
${round.groups
  .map(
    (g) =>
      `<h4${auto(g.name)}>${esc(g.name)}</h4><p class="meta">${esc(t('members', { count: g.memberCount }))}${g.members && g.members.length > 0 ? `: ${esc(g.members.join(', '))}` : ''}</p>${
        g.findings.trim() ? `<blockquote${auto(g.findings)}>${esc(g.findings)}</blockquote>` : `<p class="note">${esc(t('noFindingsWritten'))}</p>`
      }${discussion(g, t)}`,
  )
  .join('\n')}`,
    )
    .join('\n');
}

/** A group's answers to the guiding questions and its chat, as text. */
function discussion(g: Report['rounds'][number]['groups'][number], t: ReportText): string {
  const answers =
    g.answers.length === 0
      ? ''
      : `<p><strong>${esc(t('guidingAnswers'))}</strong></p><dl>${g.answers
          .map(
            (a) =>
              `<dt${auto(a.question)}>${esc(a.question)}</dt><dd>${
                a.answer.trim() ? `<blockquote${auto(a.answer)}>${esc(a.answer)}</blockquote>` : `<p class="note">${esc(t('noAnswerWritten'))}</p>`
              }</dd>`,
          )
          .join('')}</dl>`;
  const chat =
    g.chat.length === 0
      ? ''
      : `<p><strong>${esc(t('groupChat'))}</strong></p><ul>${g.chat.map((m) => `<li${auto(m.text)}>${m.who ? `<strong>${esc(m.who)}</strong>: ` : ''}${esc(m.text)}</li>`).join('')}</ul>`;
  return answers + chat;
}

function boards(r: Report, t: ReportText): string {
  if (r.boards.length === 0) return `<p>${esc(t('noBoards'))}</p>`;
  return r.boards
    .map(
      (b) =>
        `<h3${auto(b.title)}>${esc(b.title)}</h3><figure>${b.svg.replace('<svg ', `<svg role="img" aria-label="${esc(b.title)}" `)}<figcaption>${esc(b.title)}</figcaption></figure>`,
    )
    .join('\n');
}

function inputTable(list: ReportInput[], t: ReportText, first: 'owner' | 'objective', showProposer: boolean): string {
  const { head, rows } = inputCells(list, t, first, showProposer, ' — ');
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>
${rows.map((cells, k) => `<tr data-input="${esc(list[k]!.id)}">${cells.map((c) => `<td${auto(c)}>${esc(c)}</td>`).join('')}</tr>`).join('\n')}
</tbody></table>`;
}

function inputs(r: Report, t: ReportText): string {
  const x = r.inputs;
  const showProposer = r.attribution !== 'anonymous';
  const byOwner = x.byOwner.map((o) => `<h4>${esc(o.label)}</h4>${inputTable(o.inputs, t, 'owner', showProposer)}`).join('\n');
  const byObjective = x.byObjective
    .map((o) => `<h4>${esc(o.label)}</h4>${o.inputs.length === 0 ? `<p class="note">${esc(t('noInputs'))}</p>` : inputTable(o.inputs, t, 'objective', showProposer)}`)
    .join('\n');
  const matrix = `<table><thead><tr><th>${esc(t('country'))}</th>${r.objectives.map((o) => `<th class="num">${esc(o.short)}</th>`).join('')}<th class="num">${esc(t('total'))}</th></tr></thead><tbody>
${x.matrix.map((m) => `<tr><td>${esc(m.label)}</td>${m.counts.map((c) => `<td class="num">${esc(t.count(c))}</td>`).join('')}<td class="num">${esc(t.count(m.total))}</td></tr>`).join('\n')}
</tbody></table>`;
  const missing =
    x.missing.owners.length === 0 && x.missing.objectives.length === 0
      ? `<p>${esc(t('nothingMissing'))}</p>`
      : `${x.missing.owners.length > 0 ? `<p><strong>${esc(t('missingOwners'))}:</strong> ${esc(x.missing.owners.map((o) => o.label).join(', '))}</p>` : ''}${
          x.missing.objectives.length > 0 ? `<p><strong>${esc(t('missingObjectives'))}:</strong> ${esc(x.missing.objectives.map((o) => o.label).join(', '))}</p>` : ''
        }`;
  return `<p>${esc(t('inputsSummary', { shown: x.all.length, dropped: x.dropped }))} ${esc(t(`attribution.${r.attribution}`))}</p>
<h3>${esc(t('inputsByOwner'))}</h3>${x.all.length === 0 ? `<p>${esc(t('noInputs'))}</p>` : byOwner}
<h3>${esc(t('inputsByObjective'))}</h3>${byObjective}
<h3>${esc(t('matrix'))}</h3>${matrix}
<h3>${esc(t('missing'))}</h3>${missing}`;
}
