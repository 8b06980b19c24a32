/**
 * CSV exports of a workshop for facilitators: participants, every poll's
 * results, the workplan inputs, and the questions. Same rules as the polls'
 * exports (RFC 4180, UTF-8 with a byte-order mark, formulas defused), and the
 * workshop's attribution setting holds: names appear only when it is `named`.
 * Per-ballot exports of named polls stay with the polls (`PollApiPath.ballotsCsv`).
 * Headers and the cells that are words are in the workshop's language (the
 * report's catalogs); cells that are codes (roles, kinds, statuses,
 * priorities, units, language codes, times) are the same in every language,
 * so sheets from several workshops can be put side by side.
 */
import {
  attributionOf,
  liveInputs,
  ownerLabel,
  timeframeText,
  type Question,
  type Report,
  type WorkshopState,
} from '@plenary/shared';
import { toCsv, type Cell } from '../polls/pollsCsv.js';
import type { ReportText } from './reportText.js';

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** Participants: one row per person (names only when attribution is named); anonymous workshops get counts per affiliation. */
export function participantsCsv(state: WorkshopState, countryName: (code: string) => string, t: ReportText): string {
  const attribution = state.settings.attribution;
  const org = (id: string) => state.definition.organisations.find((o) => o.id === id)?.short ?? id;
  const people = Object.values(state.participants)
    .filter((p) => !p.removed && p.role !== 'projector')
    .sort((a, b) => a.joinedAt - b.joinedAt);
  const affiliation = (p: (typeof people)[number]): [Cell, Cell, Cell] => {
    const a = p.affiliation;
    if (a.kind === 'country') return [countryName(a.country), a.delegation, null];
    if (a.kind === 'organisation') return [null, null, org(a.organisation)];
    return [null, null, null];
  };
  if (attribution === 'anonymous') {
    const counts = new Map<string, { row: [Cell, Cell]; n: number }>();
    for (const p of people) {
      const [country, , organisation] = affiliation(p);
      const key = `${country ?? ''}\u0000${organisation ?? ''}`;
      const c = counts.get(key) ?? { row: [country, organisation], n: 0 };
      c.n += 1;
      counts.set(key, c);
    }
    return toCsv([[t('csv.country'), t('csv.organisation'), t('csv.people')], ...[...counts.values()].map((c) => [...c.row, c.n])]);
  }
  const named = attribution === 'named';
  return toCsv([
    [...(named ? [t('csv.name')] : []), t('csv.role'), t('csv.country'), t('csv.delegation'), t('csv.organisation'), t('csv.language'), t('csv.joined')],
    ...people.map((p) => [...(named ? [p.name] : []), p.role, ...affiliation(p), p.language, iso(p.joinedAt)]),
  ]);
}

/** Every launched poll's results, one block of rows per poll (aggregates only). */
export function pollsCsv(report: Report, t: ReportText): string {
  const rows: Cell[][] = [
    [t('csv.poll'), t('csv.kind'), t('csv.status'), t('csv.anonymous'), t('csv.counting'), t('csv.received'), t('csv.counted'), t('csv.option'), t('csv.figure'), t('csv.value'), t('csv.share')],
  ];
  for (const p of report.polls) {
    const head = [p.question, p.kind, p.status, p.anonymous ? t('csv.yes') : t('csv.no'), p.countBy === 'country' ? t('csv.perCountry') : t('csv.perPerson'), p.received, p.counted];
    if (p.chart.length > 0) for (const c of p.chart) rows.push([...head, c.label, p.unit, c.value, c.share === null ? null : Math.round(c.share * 1000) / 10]);
    else if (p.kind === 'matrix') for (const m of p.matrix) rows.push([...head, m.label, t('csv.meanPosition'), `${m.x ?? ''}; ${m.y ?? ''}`, null]);
    else if (p.answers.length > 0) for (const a of p.answers) rows.push([...head, a, t('csv.approvedAnswer'), null, null]);
    else rows.push([...head, null, null, null, null]);
  }
  return toCsv(rows);
}

/** Every input, dropped and merged ones included, with its source and (as attribution allows) who proposed it. */
export function inputsCsv(state: WorkshopState, countryName: (code: string) => string, t: ReportText): string {
  const { definition, settings } = state;
  const live = new Set(liveInputs(state.outcomes).map((i) => i.id));
  const rows: Cell[][] = [
    [
      ...(['csv.id', 'csv.owner', 'csv.objective', 'csv.action', 'csv.lead', 'csv.partners', 'csv.timeframe', 'csv.priority', 'csv.status', 'csv.mergedInto', 'csv.source', 'csv.sourceText'] as const).map((k) => t(k)),
      ...(settings.attribution === 'anonymous' ? [] : [t('csv.proposedBy')]),
      t('csv.created'),
      t('csv.updated'),
    ],
  ];
  for (const id of state.outcomes.order) {
    const i = state.outcomes.byId[id];
    if (!i) continue;
    const source = i.source
      ? i.source.kind === 'boardItem'
        ? t('csv.source.boardItem', { title: state.boards.byId[i.source.boardId]?.title ?? i.source.boardId })
        : i.source.kind === 'poll'
          ? t('csv.source.poll', { title: state.polls.byId[i.source.pollId]?.question ?? i.source.pollId })
          : t('csv.source.finding', {
              title: [state.breakouts.byId[i.source.roundId]?.title, state.breakouts.byId[i.source.roundId]?.groups.find((g) => g.id === (i.source as { groupId: string }).groupId)?.name].filter(Boolean).join(' — '),
            })
      : null;
    rows.push([
      i.id,
      ownerLabel(state, i.owner, countryName),
      definition.objectives.find((o) => o.id === i.objective)?.short ?? i.objective,
      i.action,
      i.lead,
      i.partners,
      timeframeText(i.timeframe),
      i.priority,
      live.has(i.id) ? i.status : 'merged',
      i.mergedInto,
      source,
      i.source?.quote ?? null,
      ...(settings.attribution === 'anonymous' ? [] : [attributionOf(state.participants[i.author], settings.attribution, state, countryName)]),
      iso(i.createdAt),
      iso(i.updatedAt),
    ]);
  }
  return toCsv(rows);
}

/** Questions: text, status, upvotes; who asked only as both the asker and the workshop allow. */
export function questionsCsv(state: WorkshopState, countryName: (code: string) => string, t: ReportText): string {
  const attribution = state.settings.attribution;
  const org = (id: string) => state.definition.organisations.find((o) => o.id === id)?.short;
  const asker = (q: Question): Cell => {
    if (q.identity === 'anonymous' || attribution === 'anonymous') return null;
    if (q.identity === 'named' && attribution === 'named') return state.participants[q.asker]?.name ?? null;
    if (q.affiliation) return org(q.affiliation) ?? countryName(q.affiliation);
    return attributionOf(state.participants[q.asker], 'country', state, countryName);
  };
  const rows: Cell[][] = [[t('csv.question'), t('csv.askedBy'), t('csv.status'), t('csv.upvotes'), t('csv.duplicateOf'), t('csv.asked')]];
  for (const id of state.qa.order) {
    const q = state.qa.byId[id];
    if (q) rows.push([q.text, asker(q), q.status, q.votes, q.mergedInto ? (state.qa.byId[q.mergedInto]?.text ?? q.mergedInto) : null, iso(q.at)]);
  }
  return toCsv(rows);
}
