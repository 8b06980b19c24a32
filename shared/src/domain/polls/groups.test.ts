import { describe, expect, it } from 'vitest';
import { PollWorkshop, specs } from '../../testing/polls.js';
import type { Actor } from '../access/can.js';
import { can } from '../access/can.js';
import { applyEvent } from '../apply.js';
import { eventSubjects, projectEvent, projectState, type Viewer } from '../project.js';
import type { WorkshopState } from '../state.js';
import { maySeePoll, pollViewers } from './audience.js';
import type { PollAudience } from './model.js';
import { tallyPoll } from './tally.js';

/** A running round of two groups: a and b in the first, c and d in the second; an observer and a projector outside. */
function setup() {
  const w = new PollWorkshop();
  const [a, b, c, d] = ['Amina', 'Bilal', 'Chen', 'Dara'].map((n, i) => w.join(n, 'participant', ['AF', 'PK', 'MA', 'UA'][i]));
  const o = w.join('Olga', 'observer', 'UA');
  const created = w.run(
    {
      type: 'breakout:create',
      payload: {
        round: { title: 'Synergies', prompt: '', template: null, minutes: 30, method: 'manual', byLanguage: false, readAcross: false },
        groups: [1, 2].map((i) => ({ name: `Group ${i}`, topic: null, capacity: null })),
      },
    },
    w.f,
  );
  if (!created.ok || created.events[0]?.type !== 'breakout.created') throw new Error('no round');
  const round = created.events[0].round;
  const [g1, g2] = round.groups.map((g) => g.id) as [string, string];
  const move = (who: Actor, groupId: string) => {
    const r = w.run({ type: 'breakout:move', payload: { roundId: round.id, participantId: who.participantId, groupId } }, w.f);
    if (!r.ok) throw new Error(r.refusal.message);
  };
  move(a!, g1);
  move(b!, g1);
  move(c!, g2);
  move(d!, g2);
  const started = w.run({ type: 'breakout:start', payload: { roundId: round.id } }, w.f);
  if (!started.ok) throw new Error(started.refusal.message);
  return { w, a: a!, b: b!, c: c!, d: d!, o, roundId: round.id, g1, g2, move };
}

function launchTo(w: PollWorkshop, audience: PollAudience, settings = {}) {
  const id = w.create(specs.single, settings);
  return { id, result: w.run({ type: 'poll:open', payload: { pollId: id, audience } }, w.f) };
}

const yes = { kind: 'single', option: 'o1' } as const;

describe('polls put to breakout groups', () => {
  it('launch only to groups of a running round, named once each', () => {
    const { w, roundId, g1 } = setup();
    const seq = w.state.seq;
    expect(launchTo(w, { kind: 'groups', roundId: 'nope', groupIds: 'all' }).result).toMatchObject({ ok: false, refusal: { code: 'not_found', message: 'No such breakout round.' } });
    expect(launchTo(w, { kind: 'groups', roundId, groupIds: ['nope'] }).result).toMatchObject({ ok: false, refusal: { code: 'not_found', message: expect.stringMatching(/no group "nope"/) } });
    expect(launchTo(w, { kind: 'groups', roundId, groupIds: [g1, g1] }).result).toMatchObject({ ok: false, refusal: { code: 'invalid', message: 'Name each group once.' } });
    // Creating the drafts above moved the sequence; no launch did.
    expect(Object.values(w.state.polls.byId).every((p) => p.status === 'draft')).toBe(true);
    expect(w.state.seq).toBe(seq + 3);
    const { result } = launchTo(w, { kind: 'groups', roundId, groupIds: [g1] });
    expect(result.ok).toBe(true);
  });

  it('refuses a round that is not running', () => {
    const { w, roundId } = setup();
    w.run({ type: 'breakout:end', payload: { roundId, closingSeconds: 0 } }, w.f);
    expect(w.state.breakouts.byId[roundId]!.status).toBe('closed');
    expect(launchTo(w, { kind: 'groups', roundId, groupIds: 'all' }).result).toMatchObject({ ok: false, refusal: { code: 'conflict', message: expect.stringMatching(/start the round first/) } });
  });

  it('refuses to put an open poll to other people, and accepts the same audience again', () => {
    const { w, roundId, g1 } = setup();
    const { id } = launchTo(w, { kind: 'groups', roundId, groupIds: [g1] });
    expect(w.run({ type: 'poll:open', payload: { pollId: id, audience: { kind: 'groups', roundId, groupIds: [g1] } } }, w.f)).toEqual({ ok: true, events: [] });
    expect(w.run({ type: 'poll:open', payload: { pollId: id, audience: { kind: 'plenary' } } }, w.f)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    expect(w.state.polls.byId[id]!.audience).toEqual({ kind: 'groups', roundId, groupIds: [g1] });
  });

  it('take ballots from the members of their groups only, refusing others with a clear error and changing nothing', () => {
    const { w, a, c, o, roundId, g1 } = setup();
    const { id } = launchTo(w, { kind: 'groups', roundId, groupIds: [g1] });
    expect(w.vote(a, id, yes).ok).toBe(true);
    const seq = w.state.seq;
    expect(w.vote(c, id, yes)).toMatchObject({ ok: false, refusal: { code: 'forbidden', message: 'This poll is put to other breakout groups, not to yours.' } });
    expect(w.vote(w.f, id, yes)).toMatchObject({ ok: false, refusal: { code: 'forbidden', message: 'This poll is put to breakout groups, and you are not in one of them.' } });
    expect(w.vote(o, id, yes)).toMatchObject({ ok: false, refusal: { code: 'forbidden', message: expect.stringMatching(/Observers/) } });
    expect(w.state.seq).toBe(seq);
    expect(Object.keys(w.state.polls.byId[id]!.ballots)).toHaveLength(1);
    expect(can(w.state, c, { kind: 'poll.vote', pollId: id })).toBe(false);
    expect(can(w.state, a, { kind: 'poll.vote', pollId: id })).toBe(true);
  });

  it('count membership at vote time: someone moved out loses their vote, someone moved in gains it', () => {
    const { w, a, c, roundId, g1, g2, move } = setup();
    const { id } = launchTo(w, { kind: 'groups', roundId, groupIds: [g1] });
    move(c, g1);
    move(a, g2);
    expect(w.vote(c, id, yes).ok).toBe(true);
    expect(w.vote(a, id, yes)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
  });

  it('put to all groups, include groups as they are; a round of all groups still leaves out those in none', () => {
    const { w, a, c, roundId } = setup();
    const outsider = w.join('Eve', 'participant', 'AF');
    const { id } = launchTo(w, { kind: 'groups', roundId, groupIds: 'all' });
    expect(w.vote(a, id, yes).ok).toBe(true);
    expect(w.vote(c, id, yes).ok).toBe(true);
    expect(w.vote(outsider, id, yes)).toMatchObject({ ok: false, refusal: { message: 'This poll is put to breakout groups, and you are not in one of them.' } });
  });

  it('are seen by their audience, facilitators and projector screens only, in snapshots and events', () => {
    const { w, a, c, o, roundId, g1 } = setup();
    const opened = w.run({ type: 'projector:open', payload: {} }, w.f);
    const e = opened.ok ? opened.events[0] : undefined;
    if (e?.type !== 'participant.joined') throw new Error('no projector');
    const screen: Actor = { participantId: e.participant.id, role: 'projector' };
    const start = w.state.seq;
    const { id } = launchTo(w, { kind: 'groups', roundId, groupIds: [g1] });
    w.vote(a, id, yes);
    w.close(id);
    const viewer = (x: Actor): Viewer => w.viewer({ ...x, role: w.state.participants[x.participantId]!.role });
    const sees = (x: Actor) => id in projectState(w.state, viewer(x)).polls.byId;
    expect(sees(a)).toBe(true);
    expect(sees(c)).toBe(false);
    expect(sees(o)).toBe(false);
    expect(sees(screen)).toBe(true);
    expect(sees(w.f)).toBe(true);
    expect(pollViewers(w.state, w.state.polls.byId[id]!.audience)).toEqual(expect.arrayContaining([a.participantId, screen.participantId]));
    expect(pollViewers(w.state, w.state.polls.byId[id]!.audience)).not.toContain(c.participantId);
    // Live: what each client builds from the events pushed to it.
    const built = (x: Actor) => {
      let s: WorkshopState = projectState(replay(w, start), viewer(x));
      for (const e of w.log.filter((e) => e.seq > start)) {
        const mine = eventSubjects(e, w.state).includes(x.participantId);
        s = applyEvent(s, projectEvent(e, mine ? viewer(x) : { participantId: null, role: 'participant' }, w.state));
      }
      return s;
    };
    expect(built(a).polls.byId[id]).toMatchObject({ status: 'closed' });
    expect(built(c).polls.byId[id]).toBeUndefined();
    expect(JSON.stringify(built(c).polls)).not.toContain(id);
    expect(built(screen).polls.byId[id]).toMatchObject({ status: 'closed' });
    expect(maySeePoll(w.state, w.state.polls.byId[id]!, { participantId: null, role: 'participant' })).toBe(false);
  });

  it('break results down by the group each ballot was cast in', () => {
    const { w, a, b, c, roundId, g1, g2, move } = setup();
    const { id } = launchTo(w, { kind: 'groups', roundId, groupIds: 'all' }, { anonymous: false, segmentBy: 'group' });
    w.vote(a, id, yes);
    w.vote(b, id, { kind: 'single', option: 'o2' });
    w.vote(c, id, yes);
    // Moved after voting: the ballot stays in the group it was cast in, until changed.
    move(b, g2);
    const results = tallyPoll(w.state.polls.byId[id]!, w.state.definition);
    expect(results.segmentBy).toBe('group');
    expect(results.segments.map((s) => [s.key, s.counted])).toEqual([
      [`group:${g1}`, 2],
      [`group:${g2}`, 1],
    ]);
    const first = results.segments[0]!.body;
    expect(first.kind === 'choice' && first.options.map((o) => o.count)).toEqual([1, 1, 0]);
    w.vote(b, id, yes);
    expect(tallyPoll(w.state.polls.byId[id]!, w.state.definition).segments.map((s) => [s.key, s.counted])).toEqual([
      [`group:${g2}`, 2],
      [`group:${g1}`, 1],
    ]);
  });

  it('a poll put to everyone breaks down by the running round’s groups, with those in none apart', () => {
    const { w, a, c, g1, g2 } = setup();
    const outsider = w.join('Eve', 'participant', 'AF');
    const id = w.launch(specs.single, { anonymous: false, segmentBy: 'group' });
    for (const x of [a, c, outsider]) w.vote(x, id, yes);
    expect(tallyPoll(w.state.polls.byId[id]!, w.state.definition).segments.map((s) => s.key).sort()).toEqual([`group:${g1}`, `group:${g2}`, 'none'].sort());
  });

  it('do not record the group of an anonymous ballot, and refuse an anonymous group breakdown', () => {
    const { w, a, roundId } = setup();
    const { id } = launchTo(w, { kind: 'groups', roundId, groupIds: 'all' }, { anonymous: true });
    w.vote(a, id, yes);
    expect(Object.values(w.state.polls.byId[id]!.ballots)[0]!.group).toBeNull();
    const refused = w.run({ type: 'poll:create', payload: { poll: { question: 'Q?', spec: specs.single, settings: { anonymous: true, results: 'live', countBy: 'person', segmentBy: 'group' } } } }, w.f);
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'invalid', message: expect.stringMatching(/anonymous poll cannot be broken down/) } });
  });
});

function replay(w: PollWorkshop, upTo: number): WorkshopState {
  let s: WorkshopState | null = null;
  for (const e of w.log.filter((e) => e.seq <= upTo)) s = applyEvent(s, e);
  return s!;
}
