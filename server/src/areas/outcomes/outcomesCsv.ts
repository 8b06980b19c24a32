/**
 * CSV exports of a workshop for facilitators: participants, every poll's
 * results, the workplan inputs, and the questions. Same rules as the polls'
 * exports (RFC 4180, UTF-8 with a byte-order mark, formulas defused), and the
 * workshop's attribution setting holds: names appear only when it is `named`.
 * Per-ballot exports of named polls stay with the polls (`PollApiPath.ballotsCsv`).
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

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** Participants: one row per person (names only when attribution is named); anonymous workshops get counts per affiliation. */
export function participantsCsv(state: WorkshopState, countryName: (code: string) => string): string {
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
    return toCsv([['Country', 'Organisation', 'People'], ...[...counts.values()].map((c) => [...c.row, c.n])]);
  }
  const named = attribution === 'named';
  return toCsv([
    [...(named ? ['Name'] : []), 'Role', 'Country', 'Delegation', 'Organisation', 'Language', 'Joined'],
    ...people.map((p) => [...(named ? [p.name] : []), p.role, ...affiliation(p), p.language, iso(p.joinedAt)]),
  ]);
}

/** Every launched poll's results, one block of rows per poll (aggregates only). */
export function pollsCsv(report: Report): string {
  const rows: Cell[][] = [['Poll', 'Kind', 'Status', 'Anonymous', 'Counting', 'Ballots received', 'Ballots counted', 'Option', 'Figure', 'Value', 'Share (%)']];
  for (const p of report.polls) {
    const head = [p.question, p.kind, p.status, p.anonymous ? 'yes' : 'no', p.countBy === 'country' ? 'one vote per country' : 'one per person', p.received, p.counted];
    if (p.chart.length > 0) for (const c of p.chart) rows.push([...head, c.label, p.unit, c.value, c.share === null ? null : Math.round(c.share * 1000) / 10]);
    else if (p.kind === 'matrix') for (const m of p.matrix) rows.push([...head, m.label, 'mean position (x; y)', `${m.x ?? ''}; ${m.y ?? ''}`, null]);
    else if (p.answers.length > 0) for (const a of p.answers) rows.push([...head, a, 'approved answer', null, null]);
    else rows.push([...head, null, null, null, null]);
  }
  return toCsv(rows);
}

/** Every input, dropped and merged ones included, with its source and (as attribution allows) who proposed it. */
export function inputsCsv(state: WorkshopState, countryName: (code: string) => string): string {
  const { definition, settings } = state;
  const live = new Set(liveInputs(state.outcomes).map((i) => i.id));
  const rows: Cell[][] = [
    ['Id', 'Country or organisation', 'Objective', 'Action', 'Lead institution', 'Partners', 'Timeframe', 'Priority', 'Status', 'Merged into', 'Source', 'Source text', ...(settings.attribution === 'anonymous' ? [] : ['Proposed by']), 'Created', 'Updated'],
  ];
  for (const id of state.outcomes.order) {
    const i = state.outcomes.byId[id];
    if (!i) continue;
    const source = i.source
      ? i.source.kind === 'boardItem'
        ? `board: ${state.boards.byId[i.source.boardId]?.title ?? i.source.boardId}`
        : i.source.kind === 'poll'
          ? `poll: ${state.polls.byId[i.source.pollId]?.question ?? i.source.pollId}`
          : `finding: ${[state.breakouts.byId[i.source.roundId]?.title, state.breakouts.byId[i.source.roundId]?.groups.find((g) => g.id === (i.source as { groupId: string }).groupId)?.name].filter(Boolean).join(' — ')}`
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
export function questionsCsv(state: WorkshopState, countryName: (code: string) => string): string {
  const attribution = state.settings.attribution;
  const org = (id: string) => state.definition.organisations.find((o) => o.id === id)?.short;
  const asker = (q: Question): Cell => {
    if (q.identity === 'anonymous' || attribution === 'anonymous') return null;
    if (q.identity === 'named' && attribution === 'named') return state.participants[q.asker]?.name ?? null;
    if (q.affiliation) return org(q.affiliation) ?? countryName(q.affiliation);
    return attributionOf(state.participants[q.asker], 'country', state, countryName);
  };
  const rows: Cell[][] = [['Question', 'Asked by', 'Status', 'Upvotes', 'Duplicate of', 'Asked']];
  for (const id of state.qa.order) {
    const q = state.qa.byId[id];
    if (q) rows.push([q.text, asker(q), q.status, q.votes, q.mergedInto ? (state.qa.byId[q.mergedInto]?.text ?? q.mergedInto) : null, iso(q.at)]);
  }
  return toCsv(rows);
}
