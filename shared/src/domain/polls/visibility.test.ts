import { describe, expect, it } from 'vitest';
import { PollWorkshop, specs } from '../../testing/polls.js';
import { pollResultsFor, resultsAudienceOf, resultsHiddenFrom } from './visibility.js';

describe('who sees results', () => {
  function setup(results: 'live' | 'afterClose' | 'facilitatorOnly') {
    const w = new PollWorkshop();
    const a = w.join('A');
    const id = w.launch(specs.single, { results });
    w.vote(a, id, { kind: 'single', option: 'o2' });
    return { w, id, poll: () => w.state.polls.byId[id]! };
  }

  it('live: everyone, always', () => {
    const { w, poll } = setup('live');
    for (const who of ['facilitators', 'public', 'projector'] as const) expect(resultsHiddenFrom(poll(), w.state, who)).toBeNull();
  });

  it('after close: facilitators at once, everyone else once it is closed; the count always', () => {
    const { w, id, poll } = setup('afterClose');
    expect(pollResultsFor(poll(), w.state, 'public')).toMatchObject({ ballots: 1, results: null, hidden: 'untilClose', status: 'open' });
    expect(pollResultsFor(poll(), w.state, 'facilitators')).toMatchObject({ hidden: null, results: { counted: 1 } });
    w.close(id);
    expect(pollResultsFor(poll(), w.state, 'public')).toMatchObject({ hidden: null, results: { counted: 1 }, status: 'closed' });
  });

  it('facilitators only: the projector sees them while a facilitator shows the poll there, nobody else does', () => {
    const { w, id, poll } = setup('facilitatorOnly');
    expect(resultsHiddenFrom(poll(), w.state, 'projector')).toBe('facilitatorOnly');
    w.run({ type: 'projector:show', payload: { view: { kind: 'poll', pollId: id } } }, w.f);
    expect(resultsHiddenFrom(poll(), w.state, 'projector')).toBeNull();
    expect(resultsHiddenFrom(poll(), w.state, 'public')).toBe('facilitatorOnly');
    w.close(id);
    expect(resultsHiddenFrom(poll(), w.state, 'public')).toBe('facilitatorOnly');
  });

  it('tells no one about drafts', () => {
    const w = new PollWorkshop();
    const id = w.create(specs.single);
    expect(pollResultsFor(w.state.polls.byId[id]!, w.state, 'facilitators')).toBeNull();
  });

  it('maps roles to audiences', () => {
    expect(['facilitator', 'participant', 'observer', 'projector'].map((r) => resultsAudienceOf(r as never))).toEqual([
      'facilitators',
      'public',
      'public',
      'projector',
    ]);
  });
});
