import { describe, expect, it } from 'vitest';
import { TestWorkshop } from '../../testing/fixtures.js';
import { demoDefinition } from '../workshop/demo.js';
import type { WorkshopDefinition } from '../workshop/model.js';
import { findAgendaItem } from '../agenda/agenda.js';
import { AddStep, runCommands, StepInput } from './protocol.js';

/** The demo with its wrap-up item stripped of steps, to edit an item that has none. */
const bare: WorkshopDefinition = {
  ...demoDefinition,
  days: demoDefinition.days.map((d) => ({ ...d, items: d.items.map((i) => (i.id === 'd1-wrap-up' ? { ...i, steps: [] } : i)) })),
};
const stepsOf = (w: TestWorkshop, itemId: string) => findAgendaItem(w.state.definition, itemId)?.steps ?? [];
const added = (d: ReturnType<TestWorkshop['run']>) => (d.ok && d.events[0]?.type === 'agenda.stepAdded' ? d.events[0].step.id : '');

describe('editing the steps of an agenda item', () => {
  it('adds, edits, moves and removes steps, each one event, on an item that had none', () => {
    const w = new TestWorkshop('ws1', bare);
    const f = w.facilitator();
    const a = w.run({ type: 'agenda:addStep', payload: { itemId: 'd1-wrap-up', step: { kind: 'showMessage', text: 'Thank you' } } }, f);
    expect(a.ok && a.events.map((e) => e.type)).toEqual(['agenda.stepAdded']);
    const message = added(a);
    const timer = added(w.run({ type: 'agenda:addStep', payload: { itemId: 'd1-wrap-up', step: { kind: 'startTimer', minutes: 3, label: 'Feedback' } } }, f));
    const qa = added(w.run({ type: 'agenda:addStep', payload: { itemId: 'd1-wrap-up', index: 0, step: { kind: 'openQa', bring: true } } }, f));
    expect(stepsOf(w, 'd1-wrap-up').map((s) => s.id)).toEqual([qa, message, timer]);

    w.run({ type: 'agenda:updateStep', payload: { itemId: 'd1-wrap-up', stepId: message, step: { kind: 'showMessage', text: 'Thank you, see you tomorrow at nine' } } }, f);
    expect(stepsOf(w, 'd1-wrap-up')[1]).toEqual({ id: message, kind: 'showMessage', text: 'Thank you, see you tomorrow at nine' });
    // A step may change kind and keeps its place and id.
    w.run({ type: 'agenda:updateStep', payload: { itemId: 'd1-wrap-up', stepId: timer, step: { kind: 'bringEveryone', place: { kind: 'home' } } } }, f);
    expect(stepsOf(w, 'd1-wrap-up')[2]).toEqual({ id: timer, kind: 'bringEveryone', place: { kind: 'home' } });

    w.run({ type: 'agenda:moveStep', payload: { itemId: 'd1-wrap-up', stepId: qa, index: 2 } }, f);
    expect(stepsOf(w, 'd1-wrap-up').map((s) => s.id)).toEqual([message, timer, qa]);
    w.run({ type: 'agenda:removeStep', payload: { itemId: 'd1-wrap-up', stepId: timer } }, f);
    expect(stepsOf(w, 'd1-wrap-up').map((s) => s.id)).toEqual([message, qa]);
    expect(w.log.slice(-6).map((e) => e.type)).toEqual([
      'agenda.stepAdded',
      'agenda.stepAdded',
      'agenda.stepUpdated',
      'agenda.stepUpdated',
      'agenda.stepMoved',
      'agenda.stepRemoved',
    ]);
    // The agenda's times are untouched by step edits.
    expect(findAgendaItem(w.state.definition, 'd1-wrap-up')).toMatchObject({ start: '16:20', end: '16:30' });
  });

  it('changes nothing for an edit that changes nothing', () => {
    const w = new TestWorkshop('ws1', bare);
    const f = w.facilitator();
    const id = added(w.run({ type: 'agenda:addStep', payload: { itemId: 'd1-wrap-up', step: { kind: 'showMessage', text: 'Hi' } } }, f));
    expect(w.run({ type: 'agenda:updateStep', payload: { itemId: 'd1-wrap-up', stepId: id, step: { kind: 'showMessage', text: 'Hi' } } }, f)).toEqual({ ok: true, events: [] });
    expect(w.run({ type: 'agenda:moveStep', payload: { itemId: 'd1-wrap-up', stepId: id, index: 0 } }, f)).toEqual({ ok: true, events: [] });
  });

  it('refuses participants, unknown items and steps, positions past the end, missing references and a full item; nothing changes', () => {
    const w = new TestWorkshop('ws1', bare);
    const f = w.facilitator();
    const p = w.join('A');
    const before = w.state;
    const refusals: [Parameters<TestWorkshop['run']>[0], string][] = [
      [{ type: 'agenda:addStep', payload: { itemId: 'd1-wrap-up', step: { kind: 'showMessage', text: 'x' } } }, 'forbidden'],
      [{ type: 'agenda:removeStep', payload: { itemId: 'd1-opening', stepId: 'welcome' } }, 'forbidden'],
    ];
    for (const [command, code] of refusals) expect(w.run(command, p)).toMatchObject({ ok: false, refusal: { code } });
    const asFacilitator: [Parameters<TestWorkshop['run']>[0], string][] = [
      [{ type: 'agenda:addStep', payload: { itemId: 'nowhere', step: { kind: 'showMessage', text: 'x' } } }, 'not_found'],
      [{ type: 'agenda:addStep', payload: { itemId: 'd1-wrap-up', index: 1, step: { kind: 'showMessage', text: 'x' } } }, 'invalid'],
      [{ type: 'agenda:addStep', payload: { itemId: 'd1-wrap-up', step: { kind: 'showBoard', boardId: 'nowhere' } } }, 'invalid'],
      [{ type: 'agenda:addStep', payload: { itemId: 'd1-wrap-up', step: { kind: 'launchPoll', pollId: 'nowhere' } } }, 'invalid'],
      [{ type: 'agenda:addStep', payload: { itemId: 'd1-wrap-up', step: { kind: 'startRound', roundId: 'nowhere' } } }, 'invalid'],
      [{ type: 'agenda:addStep', payload: { itemId: 'd1-wrap-up', step: { kind: 'bringEveryone', place: { kind: 'board', boardId: 'nowhere' } } } }, 'invalid'],
      [
        {
          type: 'agenda:addStep',
          payload: {
            itemId: 'd1-wrap-up',
            step: {
              kind: 'launchPoll',
              // Anonymous, one vote a person, broken down by country: it could show how one person voted.
              poll: { question: 'Q?', spec: { kind: 'wordCloud', maxWords: 3, maxLength: 30 }, settings: { anonymous: true, results: 'live', countBy: 'person', segmentBy: 'affiliation' } },
            },
          },
        },
        'invalid',
      ],
      [{ type: 'agenda:updateStep', payload: { itemId: 'd1-opening', stepId: 'nope', step: { kind: 'showMessage', text: 'x' } } }, 'not_found'],
      [{ type: 'agenda:updateStep', payload: { itemId: 'd1-opening', stepId: 'welcome', step: { kind: 'launchPoll', pollId: 'nowhere' } } }, 'invalid'],
      [{ type: 'agenda:moveStep', payload: { itemId: 'd1-opening', stepId: 'welcome', index: 99 } }, 'invalid'],
      [{ type: 'agenda:removeStep', payload: { itemId: 'd1-opening', stepId: 'nope' } }, 'not_found'],
    ];
    for (const [command, code] of asFacilitator) expect(w.run(command, f), JSON.stringify(command)).toMatchObject({ ok: false, refusal: { code } });
    expect(w.state.definition).toBe(before.definition);

    for (let i = stepsOf(w, 'd1-wrap-up').length; i < 20; i++) w.run({ type: 'agenda:addStep', payload: { itemId: 'd1-wrap-up', step: { kind: 'showMessage', text: `m${i}` } } }, f);
    expect(w.run({ type: 'agenda:addStep', payload: { itemId: 'd1-wrap-up', step: { kind: 'showMessage', text: 'one more' } } }, f)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
  });

  it('accepts steps naming a prepared or an existing board, poll or round', () => {
    const w = new TestWorkshop('ws1', bare);
    const f = w.facilitator();
    for (const step of [
      { kind: 'showBoard', boardId: 'synergy-map' },
      { kind: 'launchPoll', pollId: 'take-home' },
      { kind: 'bringEveryone', place: { kind: 'board', boardId: 'synergy-map' } },
    ] as const) {
      expect(w.run({ type: 'agenda:addStep', payload: { itemId: 'd1-wrap-up', step } }, f).ok).toBe(true);
    }
    w.run({ type: 'breakout:create', payload: { round: { title: 'R', prompt: '', template: null, minutes: 10, method: 'random', byLanguage: false, readAcross: false }, groups: [{ name: 'G', topic: null, capacity: null }] } }, f);
    const roundId = w.state.breakouts.order[0]!;
    expect(w.run({ type: 'agenda:addStep', payload: { itemId: 'd1-wrap-up', step: { kind: 'startRound', roundId } } }, f).ok).toBe(true);
  });
});

describe('a step on the wire', () => {
  const parse = (step: unknown) => AddStep.safeParse({ itemId: 'd1-wrap-up', step });
  it('is one of the kinds, with exactly one of "existing" and "new" and a known template', () => {
    expect(runCommands['agenda:addStep']).toBe(AddStep);
    expect(parse({ kind: 'showBoard', boardId: 'b1' }).success).toBe(true);
    expect(parse({ kind: 'showBoard', board: { title: 'Ideas', template: 'blank' } }).success).toBe(true);
    expect(parse({ kind: 'showBoard' }).success).toBe(false);
    expect(parse({ kind: 'showBoard', boardId: 'b1', board: { title: 'Ideas', template: 'blank' } }).success).toBe(false);
    expect(parse({ kind: 'showBoard', board: { title: 'Ideas', template: 'nonsense' } }).success).toBe(false);
    expect(parse({ kind: 'launchPoll' }).success).toBe(false);
    expect(parse({ kind: 'launchPoll', poll: { question: '', spec: { kind: 'openText', maxLength: 10 } } }).success).toBe(false);
    const plan = { title: 'Mixed groups', method: 'balanced', groups: { by: 'size', size: 5 }, minutes: 30, questions: ['What works?'], template: 'synergy' };
    expect(parse({ kind: 'startRound', plan }).success).toBe(true);
    expect(parse({ kind: 'startRound', plan: { ...plan, method: 'topic' } }).success).toBe(false);
    expect(parse({ kind: 'startRound', plan: { ...plan, groups: { by: 'count', count: 0 } } }).success).toBe(false);
    expect(parse({ kind: 'startRound', plan: { ...plan, template: 'nonsense' } }).success).toBe(false);
    expect(parse({ kind: 'startRound', plan: { ...plan, questions: [''] } }).success).toBe(false);
    expect(parse({ kind: 'startTimer', minutes: 0 }).success).toBe(false);
    expect(parse({ kind: 'showMessage', text: '   ' }).success).toBe(false);
    expect(parse({ kind: 'openQa' }).data?.step).toEqual({ kind: 'openQa', bring: true });
    expect(parse({ kind: 'bringEveryone', place: { kind: 'questions' } }).success).toBe(true);
    expect(parse({ kind: 'teleport' }).success).toBe(false);
    expect(StepInput.options).toHaveLength(7);
  });
});
