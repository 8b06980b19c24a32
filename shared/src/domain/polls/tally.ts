/**
 * Tallying: the results of a poll from its ballots. Pure; the server pushes
 * what it computes here and the facilitator's console computes the same.
 *
 * Rules, stated on the results where people see them:
 * - single / multiple choice: how many ballots chose each option (a share of ballots).
 * - ranking: Borda count. With n options, first place scores n − 1 points,
 *   second n − 2, …, last 0; an option's score is the sum over ballots. Also
 *   how many ballots put each option in each place, and its mean place.
 * - points: the points each option received, in total, on average per ballot,
 *   and as a share of all points given.
 * - scale: per option the mean of the ratings given ("no opinion" does not
 *   count), how many rated it, how many said no opinion, and how many gave each value.
 * - 2×2 matrix: per option the mean position on each axis and its spread
 *   (population standard deviation) over the ballots that placed it.
 * - word cloud: normalised words (see words.ts), each counted once per ballot;
 *   words a facilitator hid are left out.
 * - open text: the answers a facilitator approved, oldest first.
 * - one vote per country: of each country's ballots, the latest counts.
 *
 * `place` ranks options (or words) by their main figure; equal figures share a place.
 */
import type { WorkshopDefinition } from '../workshop/model.js';
import type { BallotRecord, CountBy, Poll, PollKind, PollSpec, SegmentBy } from './model.js';
import { normalizeWord } from './words.js';

export interface ChoiceOptionResult {
  id: string;
  count: number;
  /** count ÷ ballots counted (0 when there are none). */
  share: number;
  place: number;
}

export interface RankingOptionResult {
  id: string;
  /** Borda score. */
  score: number;
  /** ranks[i]: ballots that put this option in place i + 1. */
  ranks: number[];
  meanRank: number | null;
  place: number;
}

export interface PointsOptionResult {
  id: string;
  total: number;
  /** Points per ballot counted. */
  mean: number;
  /** total ÷ all points given. */
  share: number;
  place: number;
}

export interface ScaleOptionResult {
  id: string;
  mean: number | null;
  rated: number;
  skipped: number;
  /** distribution[i]: ratings equal to min + i. */
  distribution: number[];
  place: number;
}

export interface MatrixOptionResult {
  id: string;
  /** Ballots that placed this option. */
  n: number;
  x: number | null;
  y: number | null;
  sdX: number | null;
  sdY: number | null;
}

export interface WordResult {
  word: string;
  count: number;
  place: number;
}

export type ResultBody =
  | { kind: 'choice'; options: ChoiceOptionResult[] }
  | { kind: 'ranking'; method: 'borda'; options: RankingOptionResult[] }
  | { kind: 'points'; budget: number; totalPoints: number; options: PointsOptionResult[] }
  | { kind: 'scale'; min: number; max: number; options: ScaleOptionResult[] }
  | { kind: 'matrix'; options: MatrixOptionResult[] }
  | { kind: 'words'; words: WordResult[]; distinct: number }
  | { kind: 'text'; answers: { text: string; at: number }[]; pending: number; hidden: number };

export interface SegmentResult {
  /** `phase:1`, `phase:2`, `country:NP`, `organisation:unodc`, `group:<group id>`, or `none` (no phase, country, organisation or group). */
  key: string;
  counted: number;
  body: ResultBody;
}

export interface PollResults {
  pollId: string;
  kind: PollKind;
  round: number;
  countBy: CountBy;
  /** Ballots received. */
  received: number;
  /** Ballots counted: all of them, or one per country. */
  counted: number;
  overall: ResultBody;
  segmentBy: SegmentBy;
  /** Largest segments first; empty when not segmented. */
  segments: SegmentResult[];
}

/** The most words a word cloud's results list. */
export const wordCloudSize = 100;

/** The results of a poll as its ballots stand. */
export function tallyPoll(poll: Poll, definition: Pick<WorkshopDefinition, 'countries'>): PollResults {
  const received = Object.values(poll.ballots);
  const counted = countedBallots(received, poll.settings.countBy);
  const segmentBy = poll.spec.kind === 'openText' ? 'none' : poll.settings.segmentBy;
  return {
    pollId: poll.id,
    kind: poll.spec.kind,
    round: poll.round,
    countBy: poll.settings.countBy,
    received: received.length,
    counted: counted.length,
    overall: tallyBallots(poll, counted),
    segmentBy,
    segments: segmentBy === 'none' ? [] : segment(poll, counted, segmentBy, definition),
  };
}

/** The ballots that count: all, or the latest of each country. */
export function countedBallots(ballots: readonly BallotRecord[], countBy: CountBy): BallotRecord[] {
  const sorted = [...ballots].sort((a, b) => a.seq - b.seq);
  if (countBy === 'person') return sorted;
  const latest = new Map<string, BallotRecord>();
  for (const b of sorted) if (b.country !== null) latest.set(b.country, b);
  return [...latest.values()].sort((a, b) => a.seq - b.seq);
}

function segment(
  poll: Poll,
  ballots: BallotRecord[],
  by: Exclude<SegmentBy, 'none'>,
  definition: Pick<WorkshopDefinition, 'countries'>,
): SegmentResult[] {
  const phases = new Map(definition.countries.map((c) => [c.code, c.phases]));
  const groups = new Map<string, BallotRecord[]>();
  const add = (key: string, b: BallotRecord) => groups.set(key, [...(groups.get(key) ?? []), b]);
  for (const b of ballots) {
    if (by === 'phase') {
      // A country in both phases (Pakistan) counts in each.
      const ps = b.country === null ? [] : (phases.get(b.country) ?? []);
      if (ps.length === 0) add('none', b);
      for (const p of ps) add(`phase:${p}`, b);
    } else if (by === 'group') add(b.group ? `group:${b.group}` : 'none', b);
    else if (b.country !== null) add(`country:${b.country}`, b);
    else if (b.organisation !== null) add(`organisation:${b.organisation}`, b);
    else add('none', b);
  }
  return [...groups.entries()]
    .map(([key, bs]) => ({ key, counted: bs.length, body: tallyBallots(poll, bs) }))
    .sort((a, b) => b.counted - a.counted || a.key.localeCompare(b.key));
}

/** Results of one set of ballots (already reduced to those that count). */
export function tallyBallots(poll: Pick<Poll, 'spec' | 'hiddenWords'>, ballots: readonly BallotRecord[]): ResultBody {
  const spec = poll.spec;
  switch (spec.kind) {
    case 'single':
    case 'multiple':
      return tallyChoice(spec, ballots);
    case 'ranking':
      return tallyRanking(spec, ballots);
    case 'points':
      return tallyPoints(spec, ballots);
    case 'scale':
      return tallyScale(spec, ballots);
    case 'matrix':
      return tallyMatrix(spec, ballots);
    case 'wordCloud':
      return tallyWords(ballots, poll.hiddenWords);
    case 'openText':
      return tallyText(ballots);
  }
}

function tallyChoice(spec: PollSpec & { options: { id: string }[] }, ballots: readonly BallotRecord[]): ResultBody {
  const counts = new Map(spec.options.map((o) => [o.id, 0]));
  for (const { ballot } of ballots) {
    const chosen = ballot.kind === 'single' ? [ballot.option] : ballot.kind === 'multiple' ? ballot.options : [];
    for (const id of chosen) if (counts.has(id)) counts.set(id, counts.get(id)! + 1);
  }
  const places = placesOf(spec.options.map((o) => counts.get(o.id)!));
  return {
    kind: 'choice',
    options: spec.options.map((o, i) => {
      const count = counts.get(o.id)!;
      return { id: o.id, count, share: ballots.length === 0 ? 0 : count / ballots.length, place: places[i]! };
    }),
  };
}

function tallyRanking(spec: Extract<PollSpec, { kind: 'ranking' }>, ballots: readonly BallotRecord[]): ResultBody {
  const n = spec.options.length;
  const rows = new Map(spec.options.map((o) => [o.id, { score: 0, ranks: new Array<number>(n).fill(0), rankSum: 0, ranked: 0 }]));
  for (const { ballot } of ballots) {
    if (ballot.kind !== 'ranking') continue;
    ballot.order.forEach((id, i) => {
      const row = rows.get(id);
      if (!row || i >= n) return;
      row.score += n - 1 - i;
      row.ranks[i]! += 1;
      row.rankSum += i + 1;
      row.ranked += 1;
    });
  }
  const places = placesOf(spec.options.map((o) => rows.get(o.id)!.score));
  return {
    kind: 'ranking',
    method: 'borda',
    options: spec.options.map((o, i) => {
      const r = rows.get(o.id)!;
      return { id: o.id, score: r.score, ranks: r.ranks, meanRank: r.ranked === 0 ? null : r.rankSum / r.ranked, place: places[i]! };
    }),
  };
}

function tallyPoints(spec: Extract<PollSpec, { kind: 'points' }>, ballots: readonly BallotRecord[]): ResultBody {
  const totals = new Map(spec.options.map((o) => [o.id, 0]));
  for (const { ballot } of ballots) {
    if (ballot.kind !== 'points') continue;
    for (const [id, pts] of Object.entries(ballot.points)) if (totals.has(id)) totals.set(id, totals.get(id)! + pts);
  }
  const totalPoints = [...totals.values()].reduce((s, x) => s + x, 0);
  const places = placesOf(spec.options.map((o) => totals.get(o.id)!));
  return {
    kind: 'points',
    budget: spec.budget,
    totalPoints,
    options: spec.options.map((o, i) => {
      const total = totals.get(o.id)!;
      return {
        id: o.id,
        total,
        mean: ballots.length === 0 ? 0 : total / ballots.length,
        share: totalPoints === 0 ? 0 : total / totalPoints,
        place: places[i]!,
      };
    }),
  };
}

function tallyScale(spec: Extract<PollSpec, { kind: 'scale' }>, ballots: readonly BallotRecord[]): ResultBody {
  const width = spec.max - spec.min + 1;
  const rows = new Map(spec.options.map((o) => [o.id, { sum: 0, rated: 0, skipped: 0, distribution: new Array<number>(width).fill(0) }]));
  for (const { ballot } of ballots) {
    if (ballot.kind !== 'scale') continue;
    for (const [id, rating] of Object.entries(ballot.ratings)) {
      const row = rows.get(id);
      if (!row) continue;
      if (rating === null) {
        row.skipped += 1;
      } else if (rating >= spec.min && rating <= spec.max) {
        row.sum += rating;
        row.rated += 1;
        row.distribution[rating - spec.min]! += 1;
      }
    }
  }
  const means = spec.options.map((o) => {
    const r = rows.get(o.id)!;
    return r.rated === 0 ? null : r.sum / r.rated;
  });
  const places = placesOf(means.map((m) => m ?? -Infinity));
  return {
    kind: 'scale',
    min: spec.min,
    max: spec.max,
    options: spec.options.map((o, i) => {
      const r = rows.get(o.id)!;
      return { id: o.id, mean: means[i]!, rated: r.rated, skipped: r.skipped, distribution: r.distribution, place: places[i]! };
    }),
  };
}

function tallyMatrix(spec: Extract<PollSpec, { kind: 'matrix' }>, ballots: readonly BallotRecord[]): ResultBody {
  const points = new Map(spec.options.map((o) => [o.id, [] as { x: number; y: number }[]]));
  for (const { ballot } of ballots) {
    if (ballot.kind !== 'matrix') continue;
    for (const [id, pos] of Object.entries(ballot.positions)) points.get(id)?.push(pos);
  }
  return {
    kind: 'matrix',
    options: spec.options.map((o) => {
      const ps = points.get(o.id)!;
      return { id: o.id, n: ps.length, x: mean(ps.map((p) => p.x)), y: mean(ps.map((p) => p.y)), sdX: sd(ps.map((p) => p.x)), sdY: sd(ps.map((p) => p.y)) };
    }),
  };
}

function tallyWords(ballots: readonly BallotRecord[], hiddenWords: readonly string[]): ResultBody {
  const hidden = new Set(hiddenWords);
  const counts = new Map<string, number>();
  for (const { ballot } of ballots) {
    if (ballot.kind !== 'wordCloud') continue;
    // Each word once per ballot, whatever the ballot says.
    for (const w of new Set(ballot.words.map(normalizeWord))) {
      if (w === '' || hidden.has(w)) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, wordCloudSize);
  const places = placesOf(sorted.map(([, c]) => c));
  return { kind: 'words', distinct: counts.size, words: sorted.map(([word, count], i) => ({ word, count, place: places[i]! })) };
}

function tallyText(ballots: readonly BallotRecord[]): ResultBody {
  const answers: { text: string; at: number }[] = [];
  let pending = 0;
  let hidden = 0;
  for (const b of ballots) {
    if (b.ballot.kind !== 'openText') continue;
    if (b.moderation === 'approved') answers.push({ text: b.ballot.text, at: b.at });
    else if (b.moderation === 'hidden') hidden += 1;
    else pending += 1;
  }
  answers.sort((a, b) => a.at - b.at);
  return { kind: 'text', answers, pending, hidden };
}

/** 1 + how many values are strictly greater: equal values share a place. */
export function placesOf(values: readonly number[]): number[] {
  return values.map((v) => 1 + values.filter((w) => w > v).length);
}

function mean(xs: number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
}

function sd(xs: number[]): number | null {
  const m = mean(xs);
  if (m === null) return null;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length);
}
