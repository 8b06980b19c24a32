import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/can.js';
import { applyEvent } from '../apply.js';
import { projectEvent, projectState, eventSubjects, type Viewer } from '../project.js';
import type { WorkshopState } from '../state.js';
import { PollWorkshop, specs, stringsIn } from '../../testing/polls.js';
import type { Ballot } from './model.js';
import { ownBallot } from './project.js';

/** What a viewer's client builds: the projected snapshot at `from`, then the projected events after it. */
function clientState(w: PollWorkshop, viewer: Viewer, from: number): WorkshopState {
  let state = projectState(replay(w, from), viewer);
  for (const e of w.log.filter((e) => e.seq > from)) {
    const seen = eventSubjects(e).includes(viewer.participantId ?? '') ? projectEvent(e, viewer) : projectEvent(e, { ...viewer, participantId: null });
    state = applyEvent(state, seen);
  }
  return state;
}

function replay(w: PollWorkshop, upTo: number): WorkshopState {
  let s: WorkshopState | null = null;
  for (const e of w.log.filter((e) => e.seq <= upTo)) s = applyEvent(s, e);
  return s!;
}

function setup(anonymous: boolean) {
  const w = new PollWorkshop();
  const a = w.join('Amina', 'participant', 'AF');
  const b = w.join('Bilal', 'participant', 'PK');
  const o = w.join('Olga', 'observer', 'UA');
  const start = w.state.seq;
  const id = w.launch(specs.points, { anonymous });
  w.vote(a, id, { kind: 'points', points: { o1: 70, o2: 30 } });
  w.vote(b, id, { kind: 'points', points: { o3: 100 } });
  w.vote(a, id, { kind: 'points', points: { o1: 50, o2: 50 } });
  return { w, a, b, o, id, start };
}

const ballotsOf = (s: WorkshopState, id: string) => Object.values(s.polls.byId[id]!.ballots).map((r) => r.ballot);

describe('what non-facilitators see of polls', () => {
  for (const anonymous of [false, true]) {
    const kind = anonymous ? 'anonymous' : 'named';
    it(`${kind}: a participant's events and snapshot hold their own ballot and no one else's`, () => {
      const { w, a, b, o, id, start } = setup(anonymous);
      const viewers: [Actor, Viewer][] = [a, b, o].map((x) => [x, w.viewer(x)]);
      for (const [actor, viewer] of viewers) {
        const own = actor === a ? [{ kind: 'points', points: { o1: 50, o2: 50 } }] : actor === b ? [{ kind: 'points', points: { o3: 100 } }] : [];
        // The snapshot after voting gives everyone their own ballot back (a reconnect).
        expect(ballotsOf(projectState(w.state, viewer), id), `${actor.participantId} snapshot`).toEqual(own);
        // Events pushed live carry no one else's ballot; named voters get their own.
        const live = clientState(w, viewer, start);
        const expected = anonymous ? [] : own;
        expect(ballotsOf(live, id), `${actor.participantId} live`).toEqual(expected);
        for (const e of w.log.filter((e) => e.seq > start)) {
          const seen = projectEvent(e, eventSubjects(e).includes(actor.participantId) ? viewer : { ...viewer, participantId: null });
          if (seen.type === 'poll.ballotCast') expect(seen.voter).toBe(actor.participantId);
        }
      }
    });
  }

  it('redacts, never drops: every viewer gets every sequence number', () => {
    const { w, a, start } = setup(false);
    const seqs = w.log.filter((e) => e.seq > start).map((e) => projectEvent(e, { participantId: a.participantId, role: 'participant' }).seq);
    expect(seqs).toEqual(Array.from({ length: w.state.seq - start }, (_, i) => start + i + 1));
    const redacted = w.log.filter((e) => e.seq > start).map((e) => projectEvent(e, { participantId: null, role: 'participant' }));
    expect(redacted.filter((e) => e.type === 'poll.ballotCast')).toEqual([]);
    // The draft's creation and the three ballots.
    expect(redacted.map((e) => e.type)).toEqual(['poll.redacted', 'poll.opened', 'poll.redacted', 'poll.redacted', 'poll.redacted']);
    expect(redacted[2]).toEqual({ type: 'poll.redacted', seq: start + 3, at: w.now });
  });

  it('sends the voter of a named ballot their own event, nobody else', () => {
    const { w, a } = setup(false);
    const cast = w.log.filter((e) => e.type === 'poll.ballotCast');
    expect(cast.map((e) => eventSubjects(e))).toEqual([[a.participantId], [expect.any(String)], [a.participantId]]);
    const anon = setup(true).w.log.filter((e) => e.type === 'poll.ballotCast');
    expect(anon.map((e) => eventSubjects(e))).toEqual([[], [], []]);
  });

  it('keeps drafts from non-facilitators until launch, then shows the whole poll', () => {
    const w = new PollWorkshop();
    const a = w.join('A');
    const start = w.state.seq;
    const id = w.create(specs.ranking);
    w.run({ type: 'poll:update', payload: { pollId: id, poll: { question: 'Secret plan?', spec: specs.single, settings: w.state.polls.byId[id]!.settings } } }, w.f);
    const viewer = w.viewer(a);
    const seen = w.log.filter((e) => e.seq > start).map((e) => projectEvent(e, viewer));
    expect(seen.map((e) => e.type)).toEqual(['poll.redacted', 'poll.redacted']);
    expect(JSON.stringify(seen)).not.toContain('Secret plan');
    expect(projectState(w.state, viewer).polls).toEqual({ byId: {}, order: [] });
    expect(clientState(w, viewer, start).polls.byId[id]).toBeUndefined();

    w.run({ type: 'poll:open', payload: { pollId: id, audience: { kind: 'plenary' } } }, w.f);
    const live = clientState(w, viewer, start);
    expect(live.polls.byId[id]).toMatchObject({ question: 'Secret plan?', status: 'open', spec: specs.single });
    expect(live.polls.order).toEqual([id]);
    // A viewer who learns the poll only at launch holds the same poll as a fresh snapshot (minus ballots).
    expect(live.polls.byId[id]).toEqual({ ...projectState(w.state, viewer).polls.byId[id], createdAt: w.now });
  });

  it('keeps the polls prepared in the workshop definition from non-facilitators', () => {
    const w = new PollWorkshop();
    const a = w.join('A');
    expect(w.state.definition.polls?.length).toBeGreaterThan(0);
    expect(projectState(w.state, w.viewer(a)).definition).not.toHaveProperty('polls');
    expect(projectState(w.state, w.viewer(a)).definition.objectives).toEqual(w.state.definition.objectives);
    expect(projectEvent(w.log[0]!, w.viewer(a))).not.toHaveProperty('definition.polls');
    expect(projectState(w.state, { participantId: w.f.participantId, role: 'facilitator' }).definition.polls).toEqual(w.state.definition.polls);
  });

  it('learns the reset round with a reopened poll', () => {
    const w = new PollWorkshop();
    const a = w.join('A');
    const id = w.launch(specs.single);
    w.vote(a, id, { kind: 'single', option: 'o1' });
    w.run({ type: 'poll:reset', payload: { pollId: id } }, w.f);
    w.close(id);
    const start = w.state.seq;
    w.run({ type: 'poll:open', payload: { pollId: id, audience: { kind: 'plenary' } } }, w.f);
    // A client that starts from an empty polls slice learns the poll (and its round) from the reopening.
    let s: WorkshopState = { ...projectState(replay(w, start), w.viewer(a)), polls: { byId: {}, order: [] } };
    for (const e of w.log.filter((e) => e.seq > start)) s = applyEvent(s, projectEvent(e, { participantId: null, role: 'participant' }));
    expect(s.polls.byId[id]).toMatchObject({ status: 'open', round: 1 });
  });

  it('anonymous polls carry no participant id in any event, state, projection or result', () => {
    const w = new PollWorkshop();
    const a = w.join('Amina', 'participant', 'AF');
    const b = w.join('Bilal', 'participant', 'PK');
    const ids = [a.participantId, b.participantId, w.f.participantId];
    const start = w.state.seq;
    const polls = Object.values(specs).map((spec) => w.launch(spec, { anonymous: true }));
    const per = w.launch(specs.single, { anonymous: true, countBy: 'country', segmentBy: 'phase' });
    const ballots = {
      single: { kind: 'single', option: 'o1' },
      multiple: { kind: 'multiple', options: ['o1'] },
      ranking: { kind: 'ranking', order: ['o1', 'o2', 'o3'] },
      points: { kind: 'points', points: { o1: 1 } },
      scale: { kind: 'scale', ratings: { o1: 1, o2: 2 } },
      matrix: { kind: 'matrix', positions: { o1: { x: 1, y: 2 } } },
      wordCloud: { kind: 'wordCloud', words: ['trust'] },
      openText: { kind: 'openText', text: 'Hello' },
    } satisfies Record<string, Ballot>;
    for (const who of [a, b, w.f]) {
      Object.values(ballots).forEach((ballot, i) => expect(w.vote(who, polls[i]!, ballot).ok).toBe(true));
      expect(w.vote(who === w.f ? a : who, per, { kind: 'single', option: 'o2' }).ok).toBe(true);
    }
    const text = w.state.polls.byId[polls[7]!]!;
    for (const r of Object.values(text.ballots)) {
      w.run({ type: 'poll:moderate', payload: { pollId: text.id, voter: r.voter, ballotSeq: r.seq, decision: 'approved' } }, w.f);
    }
    const pollEvents = w.log.filter((e) => e.seq > start);
    const pollsSlice = w.state.polls;
    for (const [what, value] of [
      ['events (what facilitators receive)', pollEvents],
      ['state (what facilitators hold)', pollsSlice],
      ['a participant’s snapshot', projectState(w.state, w.viewer(a)).polls],
      ['a participant’s events', pollEvents.map((e) => projectEvent(e, w.viewer(a)))],
    ] as const) {
      const found = [...stringsIn(value)].filter((s) => ids.includes(s));
      expect(found, what).toEqual([]);
    }
    // The voter's own ballot still comes back to them, through their pseudonym.
    expect(ownBallot(projectState(w.state, w.viewer(a)).polls.byId[polls[0]!]!, a)?.ballot).toEqual(ballots.single);
    expect(w.state.polls.byId[per]!.ballots).not.toHaveProperty(a.participantId);
  });
});
