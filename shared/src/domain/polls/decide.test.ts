import { describe, expect, it } from 'vitest';
import { draft, PollWorkshop, specs } from '../../testing/polls.js';
import type { Ballot, PollStatus } from './model.js';
import { nextPollStatus, pollTransitions, type PollTransition } from './decide.js';

describe('the poll state machine', () => {
  it('has exactly these transitions', () => {
    const table: [PollStatus, PollTransition, PollStatus | null][] = [
      ['draft', 'open', 'open'],
      ['draft', 'close', null],
      ['draft', 'reset', null],
      ['open', 'open', null],
      ['open', 'close', 'closed'],
      ['open', 'reset', 'open'],
      ['closed', 'open', 'open'],
      ['closed', 'close', null],
      ['closed', 'reset', 'closed'],
    ];
    for (const [from, t, to] of table) expect(nextPollStatus(from, t), `${from} --${t}-->`).toBe(to);
    expect(Object.keys(pollTransitions).sort()).toEqual(['closed', 'draft', 'open']);
  });

  it('goes draft → open → closed → open (reopen), keeping ballots; reset clears them and bumps the round', () => {
    const w = new PollWorkshop();
    const a = w.join('A');
    const id = w.create(specs.single);
    expect(w.state.polls.byId[id]!.status).toBe('draft');
    expect(w.run({ type: 'poll:open', payload: { pollId: id, audience: { kind: 'plenary' } } }, w.f).ok).toBe(true);
    expect(w.state.polls.byId[id]!.status).toBe('open');
    expect(w.vote(a, id, { kind: 'single', option: 'o1' }).ok).toBe(true);
    expect(w.close(id).ok).toBe(true);
    expect(w.state.polls.byId[id]).toMatchObject({ status: 'closed', closedAt: w.now });
    expect(w.run({ type: 'poll:open', payload: { pollId: id, audience: { kind: 'plenary' } } }, w.f).ok).toBe(true);
    expect(w.state.polls.byId[id]!.status).toBe('open');
    expect(Object.keys(w.state.polls.byId[id]!.ballots)).toHaveLength(1);
    expect(w.run({ type: 'poll:reset', payload: { pollId: id } }, w.f).ok).toBe(true);
    expect(w.state.polls.byId[id]).toMatchObject({ status: 'open', round: 1, ballots: {} });
  });

  it('refuses transitions the table does not have, changing nothing', () => {
    const w = new PollWorkshop();
    const id = w.create(specs.single);
    const seq = w.state.seq;
    expect(w.close(id)).toMatchObject({ ok: false, refusal: { code: 'conflict', message: expect.stringMatching(/not been launched/) } });
    expect(w.run({ type: 'poll:reset', payload: { pollId: id } }, w.f)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    expect(w.state.seq).toBe(seq);
    expect(w.state.polls.byId[id]!.status).toBe('draft');
  });

  it('accepts repeating a transition that already happened without any event (safe retries)', () => {
    const w = new PollWorkshop();
    const id = w.launch(specs.single);
    const seq = w.state.seq;
    expect(w.run({ type: 'poll:open', payload: { pollId: id, audience: { kind: 'plenary' } } }, w.f)).toEqual({ ok: true, events: [] });
    w.close(id);
    expect(w.close(id)).toEqual({ ok: true, events: [] });
    expect(w.state.seq).toBe(seq + 1);
  });

  it('lets only facilitators prepare and run polls', () => {
    const w = new PollWorkshop();
    const a = w.join('A');
    const o = w.join('O', 'observer');
    const id = w.create(specs.single);
    for (const who of [a, o]) {
      expect(w.run({ type: 'poll:create', payload: { poll: draft(specs.single) } }, who)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
      expect(w.run({ type: 'poll:open', payload: { pollId: id, audience: { kind: 'plenary' } } }, who)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
      expect(w.run({ type: 'poll:reset', payload: { pollId: id } }, who)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    }
  });
});

describe('preparing polls', () => {
  it('edits drafts only, reorders, duplicates and deletes', () => {
    const w = new PollWorkshop();
    const one = w.create(specs.single);
    const two = w.create(specs.ranking);
    const three = w.create(specs.points);
    expect(w.state.polls.order).toEqual([one, two, three]);
    expect(w.run({ type: 'poll:move', payload: { pollId: three, toIndex: 0 } }, w.f).ok).toBe(true);
    expect(w.state.polls.order).toEqual([three, one, two]);
    expect(w.run({ type: 'poll:move', payload: { pollId: three, toIndex: 99 } }, w.f).ok).toBe(true);
    expect(w.state.polls.order).toEqual([one, two, three]);

    expect(w.run({ type: 'poll:update', payload: { pollId: one, poll: draft(specs.multiple, {}, 'Which two?') } }, w.f).ok).toBe(true);
    expect(w.state.polls.byId[one]).toMatchObject({ question: 'Which two?', spec: { kind: 'multiple', maxChoices: 2 } });

    w.run({ type: 'poll:open', payload: { pollId: one, audience: { kind: 'plenary' } } }, w.f);
    expect(w.run({ type: 'poll:update', payload: { pollId: one, poll: draft(specs.single) } }, w.f)).toMatchObject({
      ok: false,
      refusal: { code: 'conflict', message: expect.stringMatching(/Duplicate/) },
    });
    expect(w.run({ type: 'poll:delete', payload: { pollId: one } }, w.f)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });

    const dup = w.run({ type: 'poll:duplicate', payload: { pollId: one } }, w.f);
    const copy = dup.ok && dup.events[0]?.type === 'poll.created' ? dup.events[0].poll.id : '';
    expect(w.state.polls.byId[copy]).toMatchObject({ status: 'draft', question: 'Which two?', source: one, ballots: {} });
    expect(w.run({ type: 'poll:delete', payload: { pollId: two } }, w.f).ok).toBe(true);
    expect(w.state.polls.order).toEqual([one, three, copy]);
  });

  it('refuses an anonymous poll broken down by country or phase (it could single someone out)', () => {
    const w = new PollWorkshop();
    const r = w.run({ type: 'poll:create', payload: { poll: draft(specs.single, { anonymous: true, segmentBy: 'affiliation' }) } }, w.f);
    expect(r).toMatchObject({ ok: false, refusal: { code: 'invalid', message: expect.stringMatching(/anonymous/i) } });
    // One vote per country: the country is the voter, so breaking down by country is the point.
    expect(w.run({ type: 'poll:create', payload: { poll: draft(specs.single, { anonymous: true, countBy: 'country', segmentBy: 'phase' }) } }, w.f).ok).toBe(true);
  });

  it('imports the polls prepared in the workshop definition, once', () => {
    const w = new PollWorkshop();
    const r = w.run({ type: 'poll:import', payload: { preparedIds: ['take-home', 'priorities-ranking'] } }, w.f);
    expect(r.ok).toBe(true);
    const polls = w.state.polls.order.map((id) => w.state.polls.byId[id]!);
    expect(polls.map((p) => [p.source, p.spec.kind, p.status])).toEqual([
      ['take-home', 'wordCloud', 'draft'],
      ['priorities-ranking', 'ranking', 'draft'],
    ]);
    expect(polls[1]!.spec).toMatchObject({ options: expect.arrayContaining([{ id: 'children', label: 'Assistance and support to children' }]) });
    expect(w.run({ type: 'poll:import', payload: { preparedIds: ['take-home'] } }, w.f)).toEqual({ ok: true, events: [] });
    expect(w.run({ type: 'poll:import', payload: { preparedIds: ['nope'] } }, w.f)).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
  });
});

describe('voting', () => {
  it('keeps one ballot per participant, which they may change until close; then refuses', () => {
    const w = new PollWorkshop();
    const a = w.join('A');
    const id = w.launch(specs.single, { anonymous: false });
    expect(w.vote(a, id, { kind: 'single', option: 'o1' }).ok).toBe(true);
    expect(w.vote(a, id, { kind: 'single', option: 'o2' }).ok).toBe(true);
    expect(Object.values(w.state.polls.byId[id]!.ballots).map((b) => b.ballot)).toEqual([{ kind: 'single', option: 'o2' }]);
    // The same ballot again changes nothing (a retry after a lost ack).
    expect(w.vote(a, id, { kind: 'single', option: 'o2' })).toEqual({ ok: true, events: [] });
    w.close(id);
    const seq = w.state.seq;
    expect(w.vote(a, id, { kind: 'single', option: 'o3' })).toMatchObject({ ok: false, refusal: { code: 'conflict', message: expect.stringMatching(/closed/) } });
    expect(w.state.seq).toBe(seq);
  });

  it('refuses observers, the projector, drafts, unknown polls and non-delegates in one-vote-per-country polls', () => {
    const w = new PollWorkshop();
    const o = w.join('O', 'observer');
    const draftId = w.create(specs.single);
    const id = w.launch(specs.single, { countBy: 'country', anonymous: false });
    w.run({ type: 'projector:open', payload: {} }, w.f);
    const projector = Object.values(w.state.participants).find((p) => p.role === 'projector')!;
    const ballot: Ballot = { kind: 'single', option: 'o1' };
    const seq = w.state.seq;
    expect(w.vote(o, id, ballot)).toMatchObject({ ok: false, refusal: { code: 'forbidden', message: expect.stringMatching(/Observers/) } });
    expect(w.vote({ participantId: projector.id, role: 'projector' }, id, ballot)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    const a = w.join('A');
    expect(w.vote(a, draftId, ballot)).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
    expect(w.vote(a, 'nope', ballot)).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
    const unodc = w.run(
      { type: 'participant:join', payload: { name: 'U', role: 'participant', language: 'en', affiliation: { kind: 'organisation', organisation: 'unodc' } } },
      null,
    );
    const u = unodc.ok && unodc.events[0]?.type === 'participant.joined' ? unodc.events[0].participant : null;
    expect(w.vote({ participantId: u!.id, role: 'participant' }, id, ballot)).toMatchObject({ ok: false, refusal: { code: 'forbidden', message: expect.stringMatching(/one vote per country/) } });
    expect(Object.keys(w.state.polls.byId[id]!.ballots)).toEqual([]);
    expect(w.state.seq).toBe(seq + 2); // the two joins, nothing else
  });

  it('stores anonymous ballots under a pseudonym and named ballots under the participant', () => {
    const w = new PollWorkshop();
    const a = w.join('A');
    const anon = w.launch(specs.single, { anonymous: true });
    const named = w.launch(specs.single, { anonymous: false });
    w.vote(a, anon, { kind: 'single', option: 'o1' });
    w.vote(a, named, { kind: 'single', option: 'o1' });
    const anonBallot = Object.values(w.state.polls.byId[anon]!.ballots)[0]!;
    expect(anonBallot).toMatchObject({ named: false, country: null, organisation: null });
    expect(anonBallot.voter).not.toBe(a.participantId);
    expect(anonBallot.voter).toBe(w.pseudonymOf(`poll:${anon}`, a.participantId));
    expect(w.state.polls.byId[named]!.ballots[a.participantId]).toMatchObject({ named: true, country: 'PK' });
  });
});

describe('ballot validation by the server', () => {
  const cases: [keyof typeof specs, Ballot, RegExp][] = [
    ['single', { kind: 'single', option: 'o9' }, /option this poll does not have/],
    ['single', { kind: 'ranking', order: ['o1'] }, /does not fit this poll/],
    ['multiple', { kind: 'multiple', options: ['o1', 'o2', 'o3'] }, /at most 2/],
    ['multiple', { kind: 'multiple', options: [] }, /at least one/],
    ['multiple', { kind: 'multiple', options: ['o1', 'o1'] }, /only once/],
    ['ranking', { kind: 'ranking', order: ['o1', 'o1', 'o2'] }, /same option/],
    ['ranking', { kind: 'ranking', order: ['o1', 'o2'] }, /Rank all 3/],
    ['ranking', { kind: 'ranking', order: ['o1', 'o2', 'o7'] }, /does not have/],
    ['points', { kind: 'points', points: { o1: 80, o2: 30 } }, /gave 110 points, but there are only 100/],
    ['points', { kind: 'points', points: { o1: 0 } }, /at least one point/],
    ['points', { kind: 'points', points: { o9: 10 } }, /does not have/],
    ['scale', { kind: 'scale', ratings: { o1: 6, o2: 3 } }, /from 1 to 5/],
    ['scale', { kind: 'scale', ratings: { o1: 0, o2: 3 } }, /from 1 to 5/],
    ['scale', { kind: 'scale', ratings: { o1: 2 } }, /Rate every option/],
    ['matrix', { kind: 'matrix', positions: {} }, /at least one/],
    ['matrix', { kind: 'matrix', positions: { o5: { x: 1, y: 1 } } }, /does not have/],
    ['wordCloud', { kind: 'wordCloud', words: ['a', 'b', 'c', 'd'] }, /at most 3/],
    ['wordCloud', { kind: 'wordCloud', words: ['x'.repeat(21)] }, /at most 20 characters/],
    ['wordCloud', { kind: 'wordCloud', words: ['Trust', 'trust!'] }, /same word twice/],
    ['wordCloud', { kind: 'wordCloud', words: ['  ', 'ok'] }, /empty/],
    ['wordCloud', { kind: 'wordCloud', words: [] }, /at least one word/],
    ['openText', { kind: 'openText', text: '   ' }, /Write an answer/],
    ['openText', { kind: 'openText', text: 'y'.repeat(201) }, /at most 200 characters/],
  ];
  for (const [kind, ballot, message] of cases) {
    it(`refuses a bad ${kind} ballot (${message.source}) and changes nothing`, () => {
      const w = new PollWorkshop();
      const a = w.join('A');
      const id = w.launch(specs[kind]);
      const before = w.state;
      expect(w.vote(a, id, ballot)).toMatchObject({ ok: false, refusal: { code: 'invalid', message: expect.stringMatching(message) } });
      expect(w.state).toBe(before);
    });
  }

  it('holds a points poll that must spend its whole budget to it', () => {
    const w = new PollWorkshop();
    const a = w.join('A');
    const id = w.launch({ ...specs.points, spendAll: true });
    expect(w.vote(a, id, { kind: 'points', points: { o1: 60 } })).toMatchObject({ ok: false, refusal: { message: /Give out all 100 points \(you gave 60\)/ } });
    expect(w.vote(a, id, { kind: 'points', points: { o1: 60, o3: 40 } }).ok).toBe(true);
  });

  it('refuses "no opinion" where the scale has none', () => {
    const w = new PollWorkshop();
    const a = w.join('A');
    const id = w.launch({ ...specs.scale, allowSkip: false });
    expect(w.vote(a, id, { kind: 'scale', ratings: { o1: null, o2: 3 } })).toMatchObject({ ok: false, refusal: { message: /no "no opinion"/ } });
    const skip = w.launch(specs.scale);
    expect(w.vote(a, skip, { kind: 'scale', ratings: { o1: null, o2: 3 } }).ok).toBe(true);
  });

  it('accepts good ballots of every kind, stored trimmed', () => {
    const w = new PollWorkshop();
    const a = w.join('A');
    const good: Record<keyof typeof specs, Ballot> = {
      single: { kind: 'single', option: 'o2' },
      multiple: { kind: 'multiple', options: ['o1', 'o4'] },
      ranking: { kind: 'ranking', order: ['o3', 'o1', 'o2'] },
      points: { kind: 'points', points: { o1: 70, o2: 0, o3: 30 } },
      scale: { kind: 'scale', ratings: { o1: 5, o2: null } },
      matrix: { kind: 'matrix', positions: { o1: { x: 10, y: 90 } } },
      wordCloud: { kind: 'wordCloud', words: ['  Trust ', 'referral  networks'] },
      openText: { kind: 'openText', text: '  Share the handbook. ' },
    };
    for (const [kind, ballot] of Object.entries(good)) {
      const id = w.launch(specs[kind as keyof typeof specs]);
      expect(w.vote(a, id, ballot), kind).toMatchObject({ ok: true });
    }
    const stored = Object.values(w.state.polls.byId).flatMap((p) => Object.values(p.ballots).map((b) => b.ballot));
    expect(stored).toContainEqual({ kind: 'wordCloud', words: ['Trust', 'referral networks'] });
    expect(stored).toContainEqual({ kind: 'openText', text: 'Share the handbook.' });
    expect(stored).toContainEqual({ kind: 'points', points: { o1: 70, o3: 30 } });
  });
});

describe('moderation and hidden words', () => {
  it('approves or hides the answer the facilitator saw; a changed answer waits again', () => {
    const w = new PollWorkshop();
    const a = w.join('A');
    const id = w.launch(specs.openText, { anonymous: true });
    w.vote(a, id, { kind: 'openText', text: 'First' });
    const record = Object.values(w.state.polls.byId[id]!.ballots)[0]!;
    expect(record.moderation).toBe('pending');
    w.vote(a, id, { kind: 'openText', text: 'Second' });
    const stale = w.run({ type: 'poll:moderate', payload: { pollId: id, voter: record.voter, ballotSeq: record.seq, decision: 'approved' } }, w.f);
    expect(stale).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    const fresh = w.state.polls.byId[id]!.ballots[record.voter]!;
    expect(w.run({ type: 'poll:moderate', payload: { pollId: id, voter: fresh.voter, ballotSeq: fresh.seq, decision: 'approved' } }, w.f).ok).toBe(true);
    expect(w.state.polls.byId[id]!.ballots[record.voter]!.moderation).toBe('approved');
    w.vote(a, id, { kind: 'openText', text: 'Third' });
    expect(w.state.polls.byId[id]!.ballots[record.voter]!.moderation).toBe('pending');
    expect(w.run({ type: 'poll:moderate', payload: { pollId: id, voter: record.voter, ballotSeq: 999, decision: 'hidden' } }, a)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
  });

  it('hides words from a word cloud in their normal form', () => {
    const w = new PollWorkshop();
    const id = w.launch(specs.wordCloud);
    expect(w.run({ type: 'poll:hideWord', payload: { pollId: id, word: ' Stupid! ', hidden: true } }, w.f).ok).toBe(true);
    expect(w.state.polls.byId[id]!.hiddenWords).toEqual(['stupid']);
    expect(w.run({ type: 'poll:hideWord', payload: { pollId: id, word: 'stupid', hidden: true } }, w.f)).toEqual({ ok: true, events: [] });
    w.run({ type: 'poll:hideWord', payload: { pollId: id, word: 'STUPID', hidden: false } }, w.f);
    expect(w.state.polls.byId[id]!.hiddenWords).toEqual([]);
  });
});
