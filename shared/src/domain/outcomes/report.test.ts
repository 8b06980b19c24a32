import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/can.js';
import type { Decision } from '../decide.js';
import { TestWorkshop } from '../../testing/fixtures.js';
import type { Attribution } from './report.js';
import { agendaStarts, agendaStepRuns, buildReport } from './report.js';

const countryName = (code: string) => ({ PK: 'Pakistan', AF: 'Afghanistan', NP: 'Nepal' })[code] ?? code;

function ok(d: Decision): Extract<Decision, { ok: true }> {
  if (!d.ok) throw new Error(d.refusal.message);
  return d;
}

/** A small workshop: two delegates, a named poll, a breakout round with findings, three inputs (one dropped). */
function scripted() {
  const w = new TestWorkshop();
  const f = w.facilitator('Fatima Facilitator');
  const bilal = w.join('Bilal Pakistani', 'participant', 'PK');
  const amina = w.join('Amina Afghan', 'participant', 'AF');
  w.join('Oscar Observer', 'observer', 'NP');
  w.run({ type: 'agenda:setCurrent', payload: { itemId: w.state.definition.days[0]!.items[0]!.id } }, f);

  const poll = ok(
    w.run(
      {
        type: 'poll:create',
        payload: {
          poll: {
            question: 'Which objective first?',
            spec: { kind: 'single', options: [{ id: 'leg', label: 'Legislation' }, { id: 'chi', label: 'Children' }] },
            settings: { anonymous: false, results: 'live', countBy: 'person', segmentBy: 'none' },
          },
        },
      },
      f,
    ),
  );
  const pollId = poll.events[0]?.type === 'poll.created' ? poll.events[0].poll.id : '';
  ok(w.run({ type: 'poll:open', payload: { pollId, audience: { kind: 'plenary' } } }, f));
  ok(w.run({ type: 'poll:vote', payload: { pollId, ballot: { kind: 'single', option: 'chi' } } }, bilal));
  ok(w.run({ type: 'poll:vote', payload: { pollId, ballot: { kind: 'single', option: 'chi' } } }, amina));
  ok(w.run({ type: 'poll:close', payload: { pollId } }, f));

  const round = ok(
    w.run(
      {
        type: 'breakout:create',
        payload: {
          round: { title: 'Synergies', prompt: 'Where can phases help each other?', template: null, minutes: 20, method: 'manual', byLanguage: false, readAcross: false },
          groups: [{ name: 'Group A', topic: null, capacity: null }],
        },
      },
      f,
    ),
  );
  const created = round.events[0];
  const roundId = created?.type === 'breakout.created' ? created.round.id : '';
  const groupId = created?.type === 'breakout.created' ? created.round.groups[0]!.id : '';
  for (const p of [bilal, amina]) ok(w.run({ type: 'breakout:move', payload: { roundId, participantId: p.participantId, groupId } }, f));
  ok(w.run({ type: 'breakout:start', payload: { roundId } }, f));
  ok(w.run({ type: 'breakout:setFindings', payload: { roundId, groupId, text: 'Joint investigations along the Afghanistan–Pakistan route.' } }, f));
  ok(w.run({ type: 'breakout:end', payload: { roundId, closingSeconds: 0 } }, f));

  const propose = (actor: Actor, country: string, objective: string, action: string, source: unknown = null) => {
    const d = ok(
      w.run(
        {
          type: 'input:propose',
          payload: {
            owner: { kind: 'country', country },
            objective,
            action,
            lead: 'Ministry of Interior',
            partners: 'UNODC',
            timeframe: { kind: 'quarter', year: 2019, quarter: 4 },
            priority: 'high',
            source,
          } as never,
        },
        actor,
      ),
    );
    return d.events[0]?.type === 'input.proposed' ? d.events[0].input.id : '';
  };
  const agreed = propose(bilal, 'PK', 'legislation', 'Amend the 2018 TIP act', { kind: 'finding', roundId, groupId, quote: 'Joint investigations' });
  propose(amina, 'AF', 'children', 'Child-friendly interview rooms', { kind: 'poll', pollId, optionId: 'chi', quote: 'Children' });
  const dropped = propose(amina, 'AF', 'children', 'Drop me');
  ok(w.run({ type: 'input:setStatus', payload: { inputId: agreed, status: 'agreed' } }, f));
  ok(w.run({ type: 'input:setStatus', payload: { inputId: dropped, status: 'dropped' } }, f));

  const report = (attribution: Attribution) => {
    ok(w.run({ type: 'workshop:updateSettings', payload: { settings: { attribution } } }, f));
    return buildReport(w.state, { language: 'en', countryName, started: agendaStarts(w.log), boards: [], now: w.now });
  };
  return { w, report };
}

const names = ['Bilal Pakistani', 'Amina Afghan', 'Oscar Observer', 'Fatima Facilitator'];

describe('the report model', () => {
  it('holds the workshop, the agenda as held, attendance, polls with results, findings and inputs', () => {
    const { w, report } = scripted();
    const r = report('named');
    expect(r).toMatchObject({ title: w.state.definition.title, firstDate: '2019-05-20', lastDate: '2019-05-21', attribution: 'named' });
    expect(r.objectives).toHaveLength(6);
    expect(r.agenda[0]!.items[0]!.startedAt).toMatch(/^\d\d:\d\d$/);
    expect(r.agenda[0]!.items[1]!.startedAt).toBeNull();
    expect(r.attendance).toMatchObject({ total: 4, facilitators: 1, observers: 1 });
    expect(r.attendance.byCountry.find((c) => c.key === 'country:PK')).toMatchObject({ count: 1, names: ['Bilal Pakistani'], phases: [1, 2] });
    expect(r.polls).toHaveLength(1);
    expect(r.polls[0]).toMatchObject({ question: 'Which objective first?', received: 2, unit: 'votes' });
    expect(r.polls[0]!.chart).toEqual([
      { label: 'Legislation', value: 0, share: 0 },
      { label: 'Children', value: 2, share: 1 },
    ]);
    expect(r.rounds).toHaveLength(1);
    expect(r.rounds[0]!.groups[0]).toMatchObject({ name: 'Group A', findings: 'Joint investigations along the Afghanistan–Pakistan route.', memberCount: 2 });
    expect(r.inputs.all).toHaveLength(2);
    expect(r.inputs.dropped).toBe(1);
    expect(r.inputs.byOwner.map((o) => o.label)).toEqual(['Afghanistan', 'Pakistan']);
    expect(r.inputs.byObjective.find((o) => o.id === 'legislation')!.inputs[0]).toMatchObject({
      status: 'agreed',
      timeframe: 'Q4 2019',
      source: { kind: 'finding', label: 'Synergies — Group A', quote: 'Joint investigations' },
    });
    const pk = r.inputs.matrix.find((m) => m.key === 'country:PK')!;
    expect(pk.total).toBe(1);
    expect(pk.counts[r.objectives.findIndex((o) => o.id === 'legislation')]).toBe(1);
    expect(r.inputs.missing.owners.map((o) => o.key)).toContain('country:NP');
    expect(r.inputs.missing.owners.map((o) => o.key)).not.toContain('country:PK');
    expect(r.inputs.missing.objectives.map((o) => o.id)).toEqual(['strategy', 'capability', 'cooperation', 'protection']);
  });

  it('names people only when attribution is named', () => {
    const { report } = scripted();
    const named = JSON.stringify(report('named'));
    for (const n of names) expect(named).toContain(n);
    expect(report('named').inputs.all.map((i) => i.proposedBy)).toEqual(['Bilal Pakistani', 'Amina Afghan']);

    const country = report('country');
    const text = JSON.stringify(country);
    for (const n of names) expect(text).not.toContain(n);
    expect(country.inputs.all.map((i) => i.proposedBy)).toEqual(['Pakistan', 'Afghanistan']);
    expect(country.rounds[0]!.groups[0]!.members).toEqual(['Afghanistan', 'Pakistan']);
    expect(country.attendance.byCountry.find((c) => c.key === 'country:PK')).toMatchObject({ count: 1, names: null });

    const anonymous = report('anonymous');
    const anon = JSON.stringify(anonymous);
    for (const n of names) expect(anon).not.toContain(n);
    expect(anonymous.inputs.all.map((i) => i.proposedBy)).toEqual([null, null]);
    expect(anonymous.rounds[0]!.groups[0]!.members).toBeNull();
    expect(anonymous.rounds[0]!.groups[0]!.memberCount).toBe(2);
  });

  it('lists under each agenda item the steps run, in the order run, with what they did and when (venue time); steps not run are not listed', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    ['AF', 'PK', 'NP'].forEach((c, i) => w.join(`Delegate ${i + 1}`, 'participant', c));
    // 12:00 UTC is 14:00 in Vienna (summer time).
    ok(w.run({ type: 'agenda:setCurrent', payload: { itemId: 'd1-opening' } }, f));
    const step = (minute: number, itemId: string, stepId: string) => {
      w.now = Date.UTC(2019, 4, 20, 12, minute);
      ok(w.run({ type: 'agenda:runStep', payload: { itemId, stepId } }, f));
    };
    // Not in the agenda's order, the timer twice, the opening board never.
    step(1, 'd1-opening', 'opening-poll');
    step(3, 'd1-opening', 'welcome');
    step(5, 'd1-opening', 'opening-timer');
    step(20, 'd1-opening', 'opening-timer');
    step(30, 'd1-wrap-up', 'wrap-up-home');
    step(40, 'd2-recap', 'recap-board');
    step(41, 'd2-practices', 'practices-board');
    step(42, 'd2-practices', 'practices-qa');
    step(45, 'd2-synergies', 'synergies-round');
    const report = (withLog: boolean) =>
      buildReport(w.state, { language: 'en', countryName, started: agendaStarts(w.log), ...(withLog ? { stepRuns: agendaStepRuns(w.log) } : {}), boards: [], now: w.now });
    const items = Object.fromEntries(report(true).agenda.flatMap((d) => d.items).map((i) => [i.id, i]));

    expect(items['d1-opening']!.startedAt).toBe('14:00');
    expect(items['d1-opening']!.steps).toEqual([
      { stepId: 'opening-poll', kind: 'launchPoll', question: 'On which of the six objectives does your country most want to learn from others?', at: '14:01' },
      { stepId: 'welcome', kind: 'showMessage', text: 'Welcome to Vienna. Join with the code on the screen to take part.', at: '14:03' },
      { stepId: 'opening-timer', kind: 'startTimer', minutes: 2, label: 'Answer the opening question', at: '14:05' },
      { stepId: 'opening-timer', kind: 'startTimer', minutes: 2, label: 'Answer the opening question', at: '14:20' },
    ]);
    expect(items['d1-wrap-up']!.steps).toEqual([{ stepId: 'wrap-up-home', kind: 'bringEveryone', place: { kind: 'home' }, at: '14:30' }]);
    // A prepared board and a new one from a template, by the titles they have in the workshop.
    expect(items['d2-recap']!.steps).toEqual([{ stepId: 'recap-board', kind: 'showBoard', board: 'Synergy map: what first- and second-phase countries share', at: '14:40' }]);
    expect(items['d2-practices']!.steps).toEqual([
      { stepId: 'practices-board', kind: 'showBoard', board: 'Good practices: what works, and why', at: '14:41' },
      { stepId: 'practices-qa', kind: 'openQa', bring: true, at: '14:42' },
    ]);
    expect(items['d2-synergies']!.steps).toEqual([{ stepId: 'synergies-round', kind: 'startRound', round: 'Synergy maps: first- and second-phase countries', at: '14:45' }]);
    // Items with steps none of which ran list none.
    expect(items['d1-next-phase']!.steps).toEqual([]);
    expect(items['d2-closing']!.steps).toEqual([]);

    // Without the log, the state still gives the steps in the order they ran, without times.
    const fromState = report(false).agenda[0]!.items[0]!;
    expect(fromState.steps.map((s) => [s.stepId, s.at])).toEqual([
      ['opening-poll', null],
      ['welcome', null],
      ['opening-timer', null],
      ['opening-timer', null],
    ]);
  });
});
