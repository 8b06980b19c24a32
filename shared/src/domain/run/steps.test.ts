import { describe, expect, it } from 'vitest';
import { TestWorkshop } from '../../testing/fixtures.js';
import type { StepInput } from './protocol.js';

/** Adds a step to an item of the demo and returns its id. */
function addStep(w: TestWorkshop, f: ReturnType<TestWorkshop['facilitator']>, itemId: string, step: StepInput): string {
  const d = w.run({ type: 'agenda:addStep', payload: { itemId, step } }, f);
  if (!d.ok || d.events[0]?.type !== 'agenda.stepAdded') throw new Error(`not added: ${JSON.stringify(d)}`);
  return d.events[0].step.id;
}

describe('running the steps a facilitator wrote', () => {
  it('a new board from a template: made the first time, everyone brought to it and the projector shows it; the same board after', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const id = addStep(w, f, 'd1-wrap-up', { kind: 'showBoard', board: { title: 'Take-aways', template: 'workplan' } });
    expect(w.run({ type: 'agenda:runStep', payload: { itemId: 'd1-wrap-up', stepId: id } }, f).ok).toBe(true);
    const boards = Object.values(w.state.boards.byId).filter((b) => b.source === id);
    expect(boards).toHaveLength(1);
    expect(boards[0]!.title).toBe('Take-aways');
    expect(w.state.boards.summon?.boardId).toBe(boards[0]!.id);
    expect(w.state.run.projector).toEqual({ kind: 'board', boardId: boards[0]!.id });
    w.run({ type: 'agenda:runStep', payload: { itemId: 'd1-wrap-up', stepId: id } }, f);
    expect(Object.values(w.state.boards.byId).filter((b) => b.source === id)).toHaveLength(1);
  });

  it('a new poll: created the first time and opened; run again, the same poll', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const id = addStep(w, f, 'd1-wrap-up', {
      kind: 'launchPoll',
      poll: { question: 'One word for today?', spec: { kind: 'wordCloud', maxWords: 1, maxLength: 30 }, settings: { anonymous: true, results: 'live', countBy: 'person', segmentBy: 'none' } },
    });
    expect(w.run({ type: 'agenda:runStep', payload: { itemId: 'd1-wrap-up', stepId: id } }, f).ok).toBe(true);
    const polls = Object.values(w.state.polls.byId).filter((p) => p.source === id);
    expect(polls.map((p) => [p.question, p.status])).toEqual([['One word for today?', 'open']]);
  });

  it('a round from its plan: made, split into groups by the method, given its questions, started', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const people = ['Amina', 'Rashid', 'Karim', 'Reza', 'Samira'].map((n, i) => w.join(n, 'participant', ['AF', 'PK', 'MA', 'IR', 'IQ'][i]));
    const id = addStep(w, f, 'd1-wrap-up', {
      kind: 'startRound',
      plan: { title: 'Synergies', method: 'balanced', groups: { by: 'size', size: 2 }, minutes: 20, questions: ['What works?', 'What would you need?'], template: 'synergy' },
    });
    const d = w.run({ type: 'agenda:runStep', payload: { itemId: 'd1-wrap-up', stepId: id } }, f);
    expect(d.ok).toBe(true);
    const round = Object.values(w.state.breakouts.byId).find((r) => r.title === 'Synergies')!;
    expect(round.status).toBe('running');
    expect(round.groups).toHaveLength(3); // five people, two a group
    expect(people.every((p) => round.members[p.participantId] !== undefined)).toBe(true);
    expect(w.state.discussions.questions[round.id]?.map((q) => q.text)).toEqual(['What works?', 'What would you need?']);
  });

  it('a round with nobody to group is refused, and nothing of it is kept', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const id = addStep(w, f, 'd1-wrap-up', {
      kind: 'startRound',
      plan: { title: 'Empty', method: 'random', groups: { by: 'count', count: 2 }, minutes: 20, questions: [], template: null },
    });
    const before = w.state;
    expect(w.run({ type: 'agenda:runStep', payload: { itemId: 'd1-wrap-up', stepId: id } }, f)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    expect(w.state).toBe(before);
  });

  it('Q&A opened and everyone brought to it; everyone brought home', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    w.run({ type: 'qa:configure', payload: { settings: { open: false } } }, f);
    const qa = addStep(w, f, 'd1-wrap-up', { kind: 'openQa', bring: true });
    const home = addStep(w, f, 'd1-wrap-up', { kind: 'bringEveryone', place: { kind: 'home' } });
    w.run({ type: 'agenda:runStep', payload: { itemId: 'd1-wrap-up', stepId: qa } }, f);
    expect(w.state.qa.settings.open).toBe(true);
    expect(w.state.run.attention?.view).toEqual({ kind: 'questions' });
    w.run({ type: 'agenda:runStep', payload: { itemId: 'd1-wrap-up', stepId: home } }, f);
    expect(w.state.run.attention?.view).toEqual({ kind: 'home' });
    expect(w.state.run.stepsRun['d1-wrap-up']).toEqual([qa, home]);
  });
});
