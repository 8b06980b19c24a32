import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/can.js';
import type { Decision } from '../decide.js';
import { TestWorkshop } from '../../testing/fixtures.js';
import type { Attribution } from './report.js';
import { agendaStarts, buildReport } from './report.js';

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
});
