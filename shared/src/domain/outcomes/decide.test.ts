import { describe, expect, it } from 'vitest';
import type { Actor } from '../access/can.js';
import { TestWorkshop } from '../../testing/fixtures.js';
import { projectEvent, projectState } from '../project.js';
import { ProposeInput } from './protocol.js';
import { liveInputs } from './model.js';

const fields = (over: Partial<ProposeInput> = {}) => ({
  owner: { kind: 'country' as const, country: 'PK' },
  objective: 'legislation',
  action: 'Review the anti-trafficking law against the Protocol',
  lead: 'Ministry of Interior',
  partners: 'UNODC',
  timeframe: { kind: 'quarter' as const, year: 2019, quarter: 3 },
  priority: 'high' as const,
  source: null,
  ...over,
});

function propose(w: TestWorkshop, actor: Actor, over: Partial<ProposeInput> = {}): string {
  const d = w.run({ type: 'input:propose', payload: fields(over) }, actor);
  if (!d.ok) throw new Error(d.refusal.message);
  const e = d.events[0];
  if (e?.type !== 'input.proposed') throw new Error('no input.proposed');
  return e.input.id;
}

describe('workplan inputs', () => {
  it('are proposed by participants for their own country, and by facilitators for anyone', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const pk = w.join('Bilal', 'participant', 'PK');
    const id = propose(w, pk);
    expect(w.state.outcomes.byId[id]).toMatchObject({ status: 'proposed', author: pk.participantId, owner: { country: 'PK' }, mergedInto: null });
    expect(w.run({ type: 'input:propose', payload: fields({ owner: { kind: 'country', country: 'AF' } }) }, pk)).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    expect(w.run({ type: 'input:propose', payload: fields({ owner: { kind: 'organisation', organisation: 'iom' } }) }, pk)).toMatchObject({
      ok: false,
      refusal: { code: 'forbidden' },
    });
    propose(w, f, { owner: { kind: 'country', country: 'AF' } });
    propose(w, f, { owner: { kind: 'organisation', organisation: 'iom' } });
    expect(liveInputs(w.state.outcomes)).toHaveLength(3);
  });

  it('refuse observers, unknown objectives, countries and sources, and a poll draft cited by a participant', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const pk = w.join('Bilal', 'participant', 'PK');
    const o = w.join('Olga', 'observer', 'PK');
    expect(w.run({ type: 'input:propose', payload: fields() }, o)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(w.run({ type: 'input:propose', payload: fields({ objective: 'nope' }) }, pk)).toMatchObject({ ok: false, refusal: { code: 'invalid' } });
    expect(w.run({ type: 'input:propose', payload: fields({ owner: { kind: 'country', country: 'FR' } }) }, f)).toMatchObject({
      ok: false,
      refusal: { code: 'invalid' },
    });
    const board = { kind: 'boardItem' as const, boardId: 'nope', itemId: 'n1', quote: 'x' };
    expect(w.run({ type: 'input:propose', payload: fields({ source: board }) }, pk)).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
    const created = w.run(
      { type: 'poll:create', payload: { poll: { question: 'Q?', spec: { kind: 'single', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] }, settings: { anonymous: true, results: 'live', countBy: 'person', segmentBy: 'none' } } } },
      f,
    );
    const pollId = created.ok && created.events[0]?.type === 'poll.created' ? created.events[0].poll.id : '';
    const fromPoll = { kind: 'poll' as const, pollId, optionId: 'a', quote: 'A' };
    expect(w.run({ type: 'input:propose', payload: fields({ source: fromPoll }) }, pk)).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
    w.run({ type: 'poll:open', payload: { pollId, audience: { kind: 'plenary' } } }, f);
    expect(w.run({ type: 'input:propose', payload: fields({ source: { ...fromPoll, optionId: 'zz' } }) }, pk)).toMatchObject({ ok: false });
    const id = propose(w, pk, { source: fromPoll });
    expect(w.state.outcomes.byId[id]?.source).toEqual(fromPoll);
    const finding = { kind: 'finding' as const, roundId: 'r1', groupId: 'g1', quote: 'Share data' };
    expect(w.run({ type: 'input:propose', payload: fields({ source: finding }) }, pk)).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
  });

  it('are edited by their author while proposed, never by another participant; facilitators edit any', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const a = w.join('Bilal', 'participant', 'PK');
    const b = w.join('Sana', 'participant', 'PK');
    const id = propose(w, a);
    expect(w.run({ type: 'input:update', payload: { inputId: id, fields: { lead: 'FIA' } } }, b)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(w.run({ type: 'input:update', payload: { inputId: id, fields: { lead: 'FIA' } } }, a).ok).toBe(true);
    expect(w.state.outcomes.byId[id]?.lead).toBe('FIA');
    // Unchanged fields make no event.
    expect(w.run({ type: 'input:update', payload: { inputId: id, fields: { lead: 'FIA' } } }, a)).toEqual({ ok: true, events: [] });
    // Not to another country.
    expect(w.run({ type: 'input:update', payload: { inputId: id, fields: { owner: { kind: 'country', country: 'AF' } } } }, a)).toMatchObject({ ok: false });
    expect(w.run({ type: 'input:delete', payload: { inputId: id } }, b)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    w.run({ type: 'input:setStatus', payload: { inputId: id, status: 'agreed' } }, f);
    expect(w.state.outcomes.byId[id]?.status).toBe('agreed');
    expect(w.run({ type: 'input:update', payload: { inputId: id, fields: { lead: 'Police' } } }, a)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(w.run({ type: 'input:setStatus', payload: { inputId: id, status: 'dropped' } }, a)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(w.run({ type: 'input:update', payload: { inputId: id, fields: { owner: { kind: 'country', country: 'AF' }, priority: 'low' } } }, f).ok).toBe(true);
    expect(w.state.outcomes.byId[id]).toMatchObject({ owner: { country: 'AF' }, priority: 'low', lead: 'FIA' });
  });

  it('refuse bad fields at the edge: empty action, reversed dates, unknown priority', () => {
    // The wire schemas reject these before decide (the server parses every payload with them).
    expect(ProposeInput.safeParse(fields({ action: '   ' })).success).toBe(false);
    expect(ProposeInput.safeParse(fields({ timeframe: { kind: 'dates', from: '2019-12-01', to: '2019-06-01' } })).success).toBe(false);
    expect(ProposeInput.safeParse(fields({ timeframe: { kind: 'dates', from: null, to: null } })).success).toBe(false);
    expect(ProposeInput.safeParse({ ...fields(), priority: 'urgent' }).success).toBe(false);
    expect(ProposeInput.safeParse(fields({ lead: 'x'.repeat(201) })).success).toBe(false);
    expect(ProposeInput.safeParse(fields({ timeframe: { kind: 'dates', from: '2019-06-01', to: null } })).success).toBe(true);
  });

  it('merge duplicates into one that keeps them, refusing cycles; a merged input is gone from the register', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const a = w.join('Bilal', 'participant', 'PK');
    const one = propose(w, a);
    const two = propose(w, a, { action: 'Review the TIP law' });
    const three = propose(w, a, { action: 'Amend the TIP law' });
    expect(w.run({ type: 'input:merge', payload: { inputIds: [two], intoId: one } }, a)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(w.run({ type: 'input:merge', payload: { inputIds: [one], intoId: one } }, f)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    expect(w.run({ type: 'input:merge', payload: { inputIds: [two, three], intoId: one } }, f).ok).toBe(true);
    expect(w.state.outcomes.byId[one]?.mergedFrom).toEqual([two, three]);
    expect(w.state.outcomes.byId[two]?.mergedInto).toBe(one);
    expect(liveInputs(w.state.outcomes).map((i) => i.id)).toEqual([one]);
    expect(w.run({ type: 'input:merge', payload: { inputIds: [one], intoId: two } }, f)).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
    expect(w.run({ type: 'input:update', payload: { inputId: two, fields: { lead: 'x' } } }, f)).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
    // The one that holds others cannot be deleted (drop it instead).
    expect(w.run({ type: 'input:delete', payload: { inputId: one } }, f)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
  });

  it('are deleted by their author while proposed', () => {
    const w = new TestWorkshop();
    const a = w.join('Bilal', 'participant', 'PK');
    const id = propose(w, a);
    expect(w.run({ type: 'input:delete', payload: { inputId: id } }, a).ok).toBe(true);
    expect(w.state.outcomes.order).toEqual([]);
    expect(w.state.outcomes.byId[id]).toBeUndefined();
  });

  it('show who proposed an input to its author and facilitators only', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const a = w.join('Bilal', 'participant', 'PK');
    const b = w.join('Amina', 'participant', 'AF');
    const id = propose(w, a);
    const event = w.log.at(-1)!;
    expect(projectEvent(event, { participantId: b.participantId, role: 'participant' })).toMatchObject({ input: { author: '' } });
    expect(projectEvent(event, { participantId: a.participantId, role: 'participant' })).toMatchObject({ input: { author: a.participantId } });
    expect(projectEvent(event, { participantId: f.participantId, role: 'facilitator' })).toMatchObject({ input: { author: a.participantId } });
    expect(projectState(w.state, { participantId: b.participantId, role: 'participant' }).outcomes.byId[id]?.author).toBe('');
    expect(projectState(w.state, { participantId: a.participantId, role: 'participant' }).outcomes.byId[id]?.author).toBe(a.participantId);
  });

  it('choose report boards among the workshop’s boards (facilitators only)', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const a = w.join('Bilal', 'participant', 'PK');
    const made = w.run({ type: 'board:create', payload: { title: 'Synergy map', template: 'synergy' } }, f);
    const boardId = made.ok && made.events[0]?.type === 'board.created' ? made.events[0].boardId : '';
    expect(w.run({ type: 'report:configure', payload: { boardIds: [boardId] } }, a)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(w.run({ type: 'report:configure', payload: { boardIds: ['nope'] } }, f)).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
    expect(w.run({ type: 'report:configure', payload: { boardIds: [boardId] } }, f).ok).toBe(true);
    expect(w.state.outcomes.report.boardIds).toEqual([boardId]);
  });
});
