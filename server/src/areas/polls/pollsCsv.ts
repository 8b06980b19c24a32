/**
 * CSV exports of a poll: its results (with the question, the options, the
 * counting rule and the method), and — for named polls only — one row per
 * ballot. RFC 4180 quoting, CRLF line ends, a UTF-8 byte-order mark so
 * spreadsheet programs read Arabic and Cyrillic right. Cells that a
 * spreadsheet would run as a formula are prefixed with an apostrophe.
 * Anonymous polls have no per-ballot export: it would list every ballot, and
 * nothing in them may tell who cast which.
 */
import {
  audienceRound,
  breakoutGroupName,
  countedBallots,
  pollOptions,
  tallyPoll,
  type BallotRecord,
  type Poll,
  type ResultBody,
  type SegmentBy,
  type WorkshopState,
} from '@plenary/shared';

export type Cell = string | number | null;

const formulaStart = /^[=+\-@\t\r]/;

function cell(value: Cell): string {
  if (value === null) return '';
  // Numbers with at most two decimals, no trailing zeros; a dot as the decimal mark.
  let s = typeof value === 'number' ? String(Math.round(value * 100) / 100) : value;
  if (typeof value === 'string' && formulaStart.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: Cell[][]): string {
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

const percent = (share: number) => Math.round(share * 1000) / 10;
const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

const countingRule = (poll: Poll) =>
  poll.settings.countBy === 'country'
    ? 'One vote per country: the latest ballot cast by a delegate of a country counts'
    : 'Every participant has one ballot, which they could change until the poll closed';

const methods: Record<ResultBody['kind'], string> = {
  choice: 'Ballots choosing each option; share of ballots counted',
  ranking: 'Borda count: with n options, first place scores n-1 points, second n-2, ... last 0',
  points: 'Sum of the points each option received; mean per ballot; share of all points',
  scale: 'Mean of the ratings given ("no opinion" is not counted), and how many gave each rating',
  matrix: 'Mean position on each axis (0-100) and its spread (standard deviation)',
  words: 'Words in normal form (case, spacing and edge punctuation folded), counted once per ballot; hidden words left out',
  text: 'Every answer with its moderation; only approved answers were shown',
};

function segmentLabel(key: string, state: WorkshopState, by: SegmentBy): string {
  if (key === 'none') return by === 'group' ? 'In no breakout group' : 'No country or organisation';
  const [kind, id = ''] = key.split(':');
  if (kind === 'phase') return `Phase ${id}`;
  if (kind === 'group') return breakoutGroupName(state, id) ?? id;
  if (kind === 'country') return countryName(id);
  return state.definition.organisations.find((o) => o.id === id)?.short ?? id;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

function audienceLabel(poll: Poll, state: WorkshopState): string {
  const audience = poll.audience;
  if (audience.kind === 'plenary') return 'Everyone';
  const round = audienceRound(state, audience);
  const title = round ? ` of "${round.title}"` : '';
  if (audience.groupIds === 'all') return `All breakout groups${title}`;
  return `${audience.groupIds.map((id) => breakoutGroupName(state, id) ?? id).join(', ')}${title}`;
}

/** The results of a poll as CSV. */
export function resultsCsv(poll: Poll, state: WorkshopState, now: number): string {
  const results = tallyPoll(poll, state.definition);
  const labels = new Map(pollOptions(poll.spec).map((o) => [o.id, o.label]));
  const rows: Cell[][] = [
    ['Question', poll.question],
    ['Kind', poll.spec.kind],
    ['Put to', audienceLabel(poll, state)],
    ['Status', poll.status],
    ['Opened', iso(poll.openedAt)],
    ['Closed', iso(poll.closedAt)],
    ['Anonymous', poll.settings.anonymous ? 'yes' : 'no'],
    ['Counting', countingRule(poll)],
    ['Method', methods[results.overall.kind]],
    ['Ballots received', results.received],
    ['Ballots counted', results.counted],
    ['Options', ...pollOptions(poll.spec).map((o) => o.label)],
    ['Exported', iso(now)],
    [],
  ];
  const segments: { label: string; counted: number; body: ResultBody }[] = [
    { label: 'All', counted: results.counted, body: results.overall },
    ...results.segments.map((s) => ({ label: segmentLabel(s.key, state, results.segmentBy), counted: s.counted, body: s.body })),
  ];
  const first = segments[0]!.body;
  rows.push(['Segment', 'Ballots', ...header(first, poll)]);
  for (const s of segments) for (const line of body(s.body, labels, poll)) rows.push([s.label, s.counted, ...line]);
  return toCsv(rows);
}

function header(b: ResultBody, poll: Poll): string[] {
  switch (b.kind) {
    case 'choice':
      return ['Option', 'Votes', 'Share of ballots (%)', 'Place'];
    case 'ranking':
      return ['Option', 'Borda score', 'Place', 'Mean place', ...b.options.map((_, i) => `Ranked ${i + 1}`)];
    case 'points':
      return ['Option', 'Points', 'Mean per ballot', 'Share of points (%)', 'Place'];
    case 'scale':
      return ['Option', 'Mean', 'Rated', 'No opinion', ...Array.from({ length: b.max - b.min + 1 }, (_, i) => `Rated ${b.min + i}`), 'Place'];
    case 'matrix': {
      const spec = poll.spec.kind === 'matrix' ? poll.spec : null;
      const x = spec?.x.label ?? 'X';
      const y = spec?.y.label ?? 'Y';
      return ['Option', 'Placed by', `Mean ${x}`, `Mean ${y}`, `Spread ${x}`, `Spread ${y}`];
    }
    case 'words':
      return ['Word', 'Count', 'Place'];
    case 'text':
      return ['Answer', 'Moderation', 'Submitted'];
  }
}

function body(b: ResultBody, labels: Map<string, string>, poll: Poll): Cell[][] {
  const label = (id: string) => labels.get(id) ?? id;
  switch (b.kind) {
    case 'choice':
      return b.options.map((o) => [label(o.id), o.count, percent(o.share), o.place]);
    case 'ranking':
      return b.options.map((o) => [label(o.id), o.score, o.place, o.meanRank, ...o.ranks]);
    case 'points':
      return b.options.map((o) => [label(o.id), o.total, o.mean, percent(o.share), o.place]);
    case 'scale':
      return b.options.map((o) => [label(o.id), o.mean, o.rated, o.skipped, ...o.distribution, o.place]);
    case 'matrix':
      return b.options.map((o) => [label(o.id), o.n, o.x, o.y, o.sdX, o.sdY]);
    case 'words':
      return b.words.map((w) => [w.word, w.count, w.place]);
    case 'text':
      // Facilitators export every answer with its moderation; still no voter.
      return Object.values(poll.ballots)
        .sort((a, c) => a.at - c.at)
        .map((r) => [r.ballot.kind === 'openText' ? r.ballot.text : '', r.moderation, iso(r.at)]);
  }
}

/** One row per ballot of a named poll: who, what they represent, when, and what they gave each option. */
export function ballotsCsv(poll: Poll, state: WorkshopState): string {
  const options = pollOptions(poll.spec);
  const counted = new Set(countedBallots(Object.values(poll.ballots), poll.settings.countBy));
  const columns = ballotColumns(poll);
  const rows: Cell[][] = [['Question', poll.question], [], ['Voter', 'Country', 'Organisation', 'Cast', 'Counted', ...columns]];
  const records = Object.values(poll.ballots).sort((a, b) => a.seq - b.seq);
  for (const r of records) {
    const who = state.participants[r.voter];
    const org = r.organisation === null ? null : (state.definition.organisations.find((o) => o.id === r.organisation)?.short ?? r.organisation);
    rows.push([who?.name ?? r.voter, r.country === null ? null : countryName(r.country), org, iso(r.at), counted.has(r) ? 'yes' : 'no', ...ballotCells(r, poll, options.map((o) => o.id))]);
  }
  return toCsv(rows);
}

function ballotColumns(poll: Poll): string[] {
  const spec = poll.spec;
  const labels = pollOptions(spec).map((o) => o.label);
  switch (spec.kind) {
    case 'single':
    case 'multiple':
      return labels.map((l) => `${l} (chosen)`);
    case 'ranking':
      return labels.map((l) => `${l} (place)`);
    case 'points':
      return labels.map((l) => `${l} (points)`);
    case 'scale':
      return labels.map((l) => `${l} (rating)`);
    case 'matrix':
      return labels.flatMap((l) => [`${l} (${spec.x.label})`, `${l} (${spec.y.label})`]);
    case 'wordCloud':
      return Array.from({ length: spec.maxWords }, (_, i) => `Word ${i + 1}`);
    case 'openText':
      return ['Answer', 'Moderation'];
  }
}

function ballotCells(r: BallotRecord, poll: Poll, ids: string[]): Cell[] {
  const b = r.ballot;
  switch (b.kind) {
    case 'single':
      return ids.map((id) => (b.option === id ? 1 : 0));
    case 'multiple':
      return ids.map((id) => (b.options.includes(id) ? 1 : 0));
    case 'ranking':
      return ids.map((id) => (b.order.includes(id) ? b.order.indexOf(id) + 1 : null));
    case 'points':
      return ids.map((id) => b.points[id] ?? 0);
    case 'scale':
      return ids.map((id) => (b.ratings[id] === null ? 'no opinion' : (b.ratings[id] ?? null)));
    case 'matrix':
      return ids.flatMap((id) => [b.positions[id]?.x ?? null, b.positions[id]?.y ?? null]);
    case 'wordCloud': {
      const n = poll.spec.kind === 'wordCloud' ? poll.spec.maxWords : b.words.length;
      return Array.from({ length: n }, (_, i) => b.words[i] ?? null);
    }
    case 'openText':
      return [b.text, r.moderation];
  }
}
