import { describe, expect, it } from 'vitest';
import { PollWorkshop, specs } from '../../testing/polls.js';
import type { Ballot, PollSettings, PollSpec } from './model.js';
import { placesOf, tallyPoll, type ResultBody } from './tally.js';
import { normalizeWord } from './words.js';

/** A launched poll with these ballots, one participant each (country per participant optional). */
function pollWith(spec: PollSpec, ballots: (Ballot | [Ballot, string])[], settings: Partial<PollSettings> = {}) {
  const w = new PollWorkshop();
  const id = w.launch(spec, { anonymous: false, ...settings });
  ballots.forEach((b, i) => {
    const [ballot, country] = Array.isArray(b) ? b : [b, 'PK'];
    const voter = w.join(`V${i}`, 'participant', country);
    const r = w.vote(voter, id, ballot);
    if (!r.ok) throw new Error(r.refusal.message);
  });
  return { w, id, results: () => tallyPoll(w.state.polls.byId[id]!, w.state.definition) };
}

const body = <K extends ResultBody['kind']>(b: ResultBody, kind: K) => {
  if (b.kind !== kind) throw new Error(`expected ${kind}, got ${b.kind}`);
  return b as Extract<ResultBody, { kind: K }>;
};

describe('tallying', () => {
  it('gives every kind an empty result with zero ballots', () => {
    for (const spec of Object.values(specs)) {
      const { results } = pollWith(spec, []);
      const r = results();
      expect(r, spec.kind).toMatchObject({ received: 0, counted: 0, segments: [] });
      const o = r.overall;
      if (o.kind === 'choice') expect(o.options.every((x) => x.count === 0 && x.share === 0 && x.place === 1)).toBe(true);
      if (o.kind === 'ranking') expect(o.options.every((x) => x.score === 0 && x.meanRank === null)).toBe(true);
      if (o.kind === 'points') expect(o.totalPoints).toBe(0);
      if (o.kind === 'scale') expect(o.options.every((x) => x.mean === null && x.rated === 0)).toBe(true);
      if (o.kind === 'matrix') expect(o.options.every((x) => x.n === 0 && x.x === null && x.sdX === null)).toBe(true);
      if (o.kind === 'words') expect(o.words).toEqual([]);
      if (o.kind === 'text') expect(o).toEqual({ kind: 'text', answers: [], pending: 0, hidden: 0 });
    }
  });

  it('counts single choice with ties sharing a place', () => {
    const { results } = pollWith(specs.single, [
      { kind: 'single', option: 'o1' },
      { kind: 'single', option: 'o2' },
      { kind: 'single', option: 'o1' },
      { kind: 'single', option: 'o2' },
    ]);
    const r = body(results().overall, 'choice');
    expect(r.options).toEqual([
      { id: 'o1', count: 2, share: 0.5, place: 1 },
      { id: 'o2', count: 2, share: 0.5, place: 1 },
      { id: 'o3', count: 0, share: 0, place: 3 },
    ]);
  });

  it('counts multiple choice as a share of ballots', () => {
    const { results } = pollWith(specs.multiple, [
      { kind: 'multiple', options: ['o1', 'o2'] },
      { kind: 'multiple', options: ['o1'] },
    ]);
    expect(body(results().overall, 'choice').options.map((o) => [o.id, o.count, o.share])).toEqual([
      ['o1', 2, 1],
      ['o2', 1, 0.5],
      ['o3', 0, 0],
      ['o4', 0, 0],
    ]);
  });

  it('ranks by Borda count with the distribution of places and the mean place', () => {
    // 3 options: first place 2 points, second 1, last 0.
    const { results } = pollWith(specs.ranking, [
      { kind: 'ranking', order: ['o1', 'o2', 'o3'] },
      { kind: 'ranking', order: ['o2', 'o1', 'o3'] },
      { kind: 'ranking', order: ['o3', 'o1', 'o2'] },
    ]);
    const r = body(results().overall, 'ranking');
    expect(r.method).toBe('borda');
    expect(r.options).toEqual([
      { id: 'o1', score: 4, ranks: [1, 2, 0], meanRank: 5 / 3, place: 1 },
      { id: 'o2', score: 3, ranks: [1, 1, 1], meanRank: 2, place: 2 },
      { id: 'o3', score: 2, ranks: [1, 0, 2], meanRank: 7 / 3, place: 3 },
    ]);
  });

  it('shares first place on a Borda tie', () => {
    const { results } = pollWith(specs.ranking, [
      { kind: 'ranking', order: ['o1', 'o2', 'o3'] },
      { kind: 'ranking', order: ['o2', 'o1', 'o3'] },
    ]);
    expect(body(results().overall, 'ranking').options.map((o) => [o.id, o.score, o.place])).toEqual([
      ['o1', 3, 1],
      ['o2', 3, 1],
      ['o3', 0, 3],
    ]);
  });

  it('adds up points with means and shares', () => {
    const { results } = pollWith(specs.points, [
      { kind: 'points', points: { o1: 60, o2: 40 } },
      { kind: 'points', points: { o1: 20, o3: 80 } },
    ]);
    const r = body(results().overall, 'points');
    expect(r.totalPoints).toBe(200);
    expect(r.options).toEqual([
      { id: 'o1', total: 80, mean: 40, share: 0.4, place: 1 },
      { id: 'o2', total: 40, mean: 20, share: 0.2, place: 3 },
      { id: 'o3', total: 80, mean: 40, share: 0.4, place: 1 },
    ]);
  });

  it('averages a rating scale without "no opinion", with the distribution', () => {
    const { results } = pollWith(specs.scale, [
      { kind: 'scale', ratings: { o1: 5, o2: null } },
      { kind: 'scale', ratings: { o1: 3, o2: 1 } },
      { kind: 'scale', ratings: { o1: 4, o2: null } },
    ]);
    const r = body(results().overall, 'scale');
    expect(r).toMatchObject({ min: 1, max: 5 });
    expect(r.options).toEqual([
      { id: 'o1', mean: 4, rated: 3, skipped: 0, distribution: [0, 0, 1, 1, 1], place: 1 },
      { id: 'o2', mean: 1, rated: 1, skipped: 2, distribution: [1, 0, 0, 0, 0], place: 2 },
    ]);
  });

  it('places a 2×2 matrix at the mean position with its spread', () => {
    const { results } = pollWith(specs.matrix, [
      { kind: 'matrix', positions: { o1: { x: 20, y: 80 }, o2: { x: 50, y: 50 } } },
      { kind: 'matrix', positions: { o1: { x: 40, y: 60 } } },
    ]);
    expect(body(results().overall, 'matrix').options).toEqual([
      { id: 'o1', n: 2, x: 30, y: 70, sdX: 10, sdY: 10 },
      { id: 'o2', n: 1, x: 50, y: 50, sdX: 0, sdY: 0 },
    ]);
  });

  it('counts normalised words once per ballot, leaves hidden words out, most frequent first', () => {
    const { w, id, results } = pollWith(specs.wordCloud, [
      { kind: 'wordCloud', words: ['Trust', 'Referral'] },
      { kind: 'wordCloud', words: ['trust!', 'NETWORKS'] },
      { kind: 'wordCloud', words: [' TRUST ', 'networks', 'rubbish'] },
    ]);
    expect(body(results().overall, 'words')).toEqual({
      kind: 'words',
      distinct: 4,
      words: [
        { word: 'trust', count: 3, place: 1 },
        { word: 'networks', count: 2, place: 2 },
        { word: 'referral', count: 1, place: 3 },
        { word: 'rubbish', count: 1, place: 3 },
      ],
    });
    w.run({ type: 'poll:hideWord', payload: { pollId: id, word: 'Rubbish', hidden: true } }, w.f);
    expect(body(results().overall, 'words').words.map((x) => x.word)).toEqual(['trust', 'networks', 'referral']);
  });

  it('shows only approved open answers, oldest first, and counts the rest', () => {
    const { w, id, results } = pollWith(specs.openText, [
      { kind: 'openText', text: 'Share the handbook' },
      { kind: 'openText', text: 'Something rude' },
      { kind: 'openText', text: 'Joint trainings' },
    ]);
    const records = Object.values(w.state.polls.byId[id]!.ballots).sort((a, b) => a.seq - b.seq);
    const moderate = (i: number, decision: 'approved' | 'hidden') =>
      w.run({ type: 'poll:moderate', payload: { pollId: id, voter: records[i]!.voter, ballotSeq: records[i]!.seq, decision } }, w.f);
    moderate(2, 'approved');
    w.now += 1000;
    moderate(0, 'approved');
    moderate(1, 'hidden');
    const r = body(results().overall, 'text');
    expect(r.answers.map((a) => a.text)).toEqual(['Share the handbook', 'Joint trainings']);
    expect([r.pending, r.hidden]).toEqual([0, 1]);
  });

  it('counts a changed ballot once, as it stands now', () => {
    const w = new PollWorkshop();
    const a = w.join('A');
    const b = w.join('B');
    const id = w.launch(specs.single);
    w.vote(a, id, { kind: 'single', option: 'o1' });
    w.vote(b, id, { kind: 'single', option: 'o1' });
    w.vote(a, id, { kind: 'single', option: 'o3' });
    const r = tallyPoll(w.state.polls.byId[id]!, w.state.definition);
    expect(r.received).toBe(2);
    expect(body(r.overall, 'choice').options.map((o) => o.count)).toEqual([1, 0, 1]);
  });

  it('counts one vote per country: the latest ballot of each country', () => {
    const w = new PollWorkshop();
    const np1 = w.join('N1', 'participant', 'NP');
    const np2 = w.join('N2', 'participant', 'NP');
    const af = w.join('A', 'participant', 'AF');
    const id = w.launch(specs.single, { countBy: 'country', anonymous: true });
    w.vote(np1, id, { kind: 'single', option: 'o1' });
    w.vote(af, id, { kind: 'single', option: 'o2' });
    w.vote(np2, id, { kind: 'single', option: 'o3' }); // Nepal's latest
    const r = tallyPoll(w.state.polls.byId[id]!, w.state.definition);
    expect([r.received, r.counted]).toEqual([3, 2]);
    expect(body(r.overall, 'choice').options.map((o) => o.count)).toEqual([0, 1, 1]);
    // Nepal's first delegate changes their ballot: now it is Nepal's latest.
    w.vote(np1, id, { kind: 'single', option: 'o2' });
    expect(body(tallyPoll(w.state.polls.byId[id]!, w.state.definition).overall, 'choice').options.map((o) => o.count)).toEqual([0, 2, 0]);
  });

  it('breaks results down by phase (a country in both phases counts in each) and by affiliation', () => {
    const ballots: [Ballot, string][] = [
      [{ kind: 'single', option: 'o1' }, 'NP'], // phase 1
      [{ kind: 'single', option: 'o2' }, 'AF'], // phase 2
      [{ kind: 'single', option: 'o2' }, 'PK'], // both
      [{ kind: 'single', option: 'o3' }, 'NP'],
    ];
    const byPhase = pollWith(specs.single, ballots, { segmentBy: 'phase' }).results();
    expect(byPhase.segmentBy).toBe('phase');
    expect(byPhase.segments.map((s) => [s.key, s.counted, body(s.body, 'choice').options.map((o) => o.count)])).toEqual([
      ['phase:1', 3, [1, 1, 1]],
      ['phase:2', 2, [0, 2, 0]],
    ]);
    const byAffiliation = pollWith(specs.single, ballots, { segmentBy: 'affiliation' }).results();
    expect(byAffiliation.segments.map((s) => [s.key, s.counted])).toEqual([
      ['country:NP', 2],
      ['country:AF', 1],
      ['country:PK', 1],
    ]);
    // The total is the same whatever the breakdown.
    expect(byAffiliation.overall).toEqual(byPhase.overall);
  });

  it('puts voters with no country or organisation in their own segment', () => {
    const w = new PollWorkshop();
    const id = w.launch(specs.single, { anonymous: false, segmentBy: 'affiliation' });
    w.vote(w.f, id, { kind: 'single', option: 'o1' });
    expect(tallyPoll(w.state.polls.byId[id]!, w.state.definition).segments.map((s) => s.key)).toEqual(['none']);
  });

  it('gives equal figures the same place', () => {
    expect(placesOf([3, 5, 5, 1])).toEqual([3, 1, 1, 4]);
    expect(placesOf([])).toEqual([]);
  });
});

describe('word normal form', () => {
  it('folds case, width, spacing, edge punctuation and tatweel', () => {
    expect(normalizeWord('  Trust! ')).toBe('trust');
    expect(normalizeWord('Referral   networks')).toBe('referral networks');
    expect(normalizeWord('ＴＲＵＳＴ')).toBe('trust');
    expect(normalizeWord('«ثقة»')).toBe('ثقة');
    expect(normalizeWord('ثقــة')).toBe('ثقة');
    expect(normalizeWord('C++')).toBe('c');
    expect(normalizeWord('!!!')).toBe('');
  });
});
