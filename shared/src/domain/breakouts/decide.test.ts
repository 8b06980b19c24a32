import { describe, expect, it } from 'vitest';
import { TestWorkshop } from '../../testing/fixtures.js';
import { docAccess } from '../access/docAccess.js';
import { activeRound, groupOf, roundTransitions, type RoundFields } from './model.js';

const fields: RoundFields = {
  title: 'Synergies',
  prompt: 'Which good practice could work in a second-phase country?',
  template: null,
  minutes: 30,
  method: 'balanced',
  byLanguage: false,
  readAcross: false,
};

function planned(w: TestWorkshop, f: ReturnType<TestWorkshop['facilitator']>, groups = 2, over: Partial<RoundFields> = {}) {
  const d = w.run(
    { type: 'breakout:create', payload: { round: { ...fields, ...over }, groups: Array.from({ length: groups }, (_, i) => ({ name: `Group ${i + 1}`, topic: null, capacity: null })) } },
    f,
  );
  if (!d.ok || d.events[0]?.type !== 'breakout.created') throw new Error(d.ok ? 'no event' : d.refusal.message);
  return d.events[0].round.id;
}

describe('breakout rounds', () => {
  it('go draft → running → closing → closed, and refuse the transitions the table does not allow', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    for (const c of ['AF', 'PK', 'MA', 'UA']) w.join(c, 'participant', c);
    const r = planned(w, f);
    expect(w.run({ type: 'breakout:end', payload: { roundId: r, closingSeconds: 60 } }, f)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    w.run({ type: 'breakout:assign', payload: { roundId: r, seed: 1 } }, f);
    expect(w.run({ type: 'breakout:start', payload: { roundId: r } }, f).ok).toBe(true);
    expect(w.state.breakouts.byId[r]).toMatchObject({ status: 'running', endsAt: w.now + 30 * 60_000 });
    expect(w.run({ type: 'breakout:start', payload: { roundId: r } }, f).ok).toBe(false);
    expect(w.run({ type: 'breakout:assign', payload: { roundId: r, seed: 2 } }, f).ok).toBe(false);
    w.run({ type: 'breakout:end', payload: { roundId: r, closingSeconds: 60 } }, f);
    expect(w.state.breakouts.byId[r]?.status).toBe('closing');
    // The server may finish it only once the countdown ran out.
    expect(w.run({ type: 'breakout:finish', payload: { roundId: r } }, null)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    w.now += 61_000;
    expect(w.run({ type: 'breakout:finish', payload: { roundId: r } }, null).ok).toBe(true);
    expect(w.state.breakouts.byId[r]?.status).toBe('closed');
    expect(roundTransitions.closed).toEqual([]);
    expect(w.run({ type: 'breakout:move', payload: { roundId: r, participantId: Object.keys(w.state.participants)[1]!, groupId: null } }, f)).toMatchObject({
      ok: false,
      refusal: { message: 'This round is over; nobody can be moved into it.' },
    });
  });

  it('refuse to start with nobody in it, or with an empty group, and never for participants', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const r = planned(w, f, 3);
    expect(w.run({ type: 'breakout:start', payload: { roundId: r } }, f)).toMatchObject({ ok: false, refusal: { message: 'Nobody is in a group yet; assign people first.' } });
    expect(w.run({ type: 'breakout:assign', payload: { roundId: r, seed: 1 } }, f)).toMatchObject({ ok: false, refusal: { message: 'No participants to put into groups yet.' } });
    const a = w.join('A', 'participant', 'AF');
    w.join('B', 'participant', 'PK');
    w.run({ type: 'breakout:assign', payload: { roundId: r, seed: 1 } }, f);
    expect(w.run({ type: 'breakout:start', payload: { roundId: r } }, f)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    expect(w.run({ type: 'breakout:start', payload: { roundId: r } }, a)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
  });

  it('import a list by names, refusing unknown names and groups with nothing changed', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    w.join('Amina', 'participant', 'AF');
    w.join('Karim', 'participant', 'MA');
    const r = planned(w, f, 2, { method: 'import' });
    const bad = w.run({ type: 'breakout:import', payload: { roundId: r, rows: [{ name: 'amina', group: 'Group 1' }, { name: 'Nobody', group: '3' }] } }, f);
    expect(bad).toMatchObject({ ok: false, refusal: { message: 'No participant named: Nobody. No such group: 3. Nothing was imported.' } });
    expect(w.state.breakouts.byId[r]?.members).toEqual({});
    expect(w.run({ type: 'breakout:import', payload: { roundId: r, rows: [{ name: 'amina', group: 'Group 1' }, { name: 'KARIM', group: '2' }] } }, f).ok).toBe(true);
    expect(Object.values(w.state.breakouts.byId[r]!.members).sort()).toEqual(w.state.breakouts.byId[r]!.groups.map((g) => g.id).sort());
  });

  it('let participants choose a topic group within its capacity', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const a = w.join('A');
    const b = w.join('B');
    const d = w.run(
      { type: 'breakout:create', payload: { round: { ...fields, method: 'topic' }, groups: [{ name: 'Children', topic: 'Child victims', capacity: 1 }, { name: 'Routes', topic: null, capacity: null }] } },
      f,
    );
    const round = d.ok && d.events[0]?.type === 'breakout.created' ? d.events[0].round : null;
    const [children] = round!.groups;
    expect(w.run({ type: 'breakout:choose', payload: { roundId: round!.id, groupId: children!.id } }, a).ok).toBe(true);
    expect(w.run({ type: 'breakout:choose', payload: { roundId: round!.id, groupId: children!.id } }, b)).toMatchObject({ ok: false, refusal: { message: 'This group is full; choose another.' } });
  });

  it('place latecomers by the rule, guard group documents by membership, and open them all in the gallery', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const people = ['AF', 'PK', 'MA', 'UA'].map((c) => w.join(c, 'participant', c));
    const r = planned(w, f, 2, { readAcross: false });
    w.run({ type: 'breakout:assign', payload: { roundId: r, seed: 4 } }, f);
    w.run({ type: 'breakout:start', payload: { roundId: r } }, f);
    const late = w.join('Late', 'participant', 'IR');
    expect(groupOf(w.state.breakouts, late.participantId)).not.toBeNull();
    const mine = groupOf(w.state.breakouts, people[0]!.participantId)!.group;
    const other = activeRound(w.state.breakouts)!.groups.find((g) => g.id !== mine.id)!;
    const doc = (groupId: string) => ({ kind: 'groupNotes', workshopId: w.state.id, groupId }) as const;
    expect(docAccess(w.state, doc(mine.id), people[0]!.participantId)).toEqual({ read: true, write: true });
    expect(docAccess(w.state, doc(other.id), people[0]!.participantId)).toMatchObject({ read: false });
    expect(docAccess(w.state, doc(other.id), f.participantId)).toEqual({ read: true, write: true });
    w.run({ type: 'breakout:end', payload: { roundId: r, closingSeconds: 0 } }, f);
    expect(docAccess(w.state, doc(other.id), people[0]!.participantId)).toEqual({ read: true, write: false });
  });

  it('answer every open help request when the round ends, and take no new one until a round runs', () => {
    for (const closingSeconds of [60, 0]) {
      const w = new TestWorkshop();
      const f = w.facilitator();
      const people = ['AF', 'PK', 'MA', 'UA'].map((c) => w.join(c, 'participant', c));
      const r = planned(w, f, 2);
      w.run({ type: 'breakout:assign', payload: { roundId: r, seed: 3 } }, f);
      w.run({ type: 'breakout:start', payload: { roundId: r } }, f);
      const mine = w.state.breakouts.byId[r]!.members[people[0]!.participantId];
      const other = people.find((p) => w.state.breakouts.byId[r]!.members[p.participantId] !== mine)!;
      expect(w.run({ type: 'breakout:help', payload: { roundId: r } }, people[0]!).ok).toBe(true);
      expect(w.run({ type: 'breakout:help', payload: { roundId: r } }, other).ok).toBe(true);
      const first = w.state.breakouts.byId[r]!.help[0]!;
      w.run({ type: 'breakout:resolveHelp', payload: { roundId: r, requestId: first.id } }, f);
      expect(w.state.breakouts.byId[r]!.help.filter((h) => !h.resolved)).toHaveLength(1);
      w.run({ type: 'breakout:end', payload: { roundId: r, closingSeconds } }, f);
      const round = w.state.breakouts.byId[r]!;
      expect(round.status).toBe(closingSeconds === 0 ? 'closed' : 'closing');
      expect(round.help).toHaveLength(2);
      expect(round.help.every((h) => h.resolved)).toBe(true);
      expect(w.run({ type: 'breakout:help', payload: { roundId: r } }, people[0]!)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
      expect(w.state.breakouts.byId[r]!.help).toHaveLength(2);
    }
  });

  it('let a group choose its rapporteur, who alone (with facilitators) writes the findings', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const people = ['AF', 'PK', 'MA', 'UA'].map((c) => w.join(c, 'participant', c));
    const r = planned(w, f, 2);
    w.run({ type: 'breakout:assign', payload: { roundId: r, seed: 9 } }, f);
    w.run({ type: 'breakout:start', payload: { roundId: r } }, f);
    const g = groupOf(w.state.breakouts, people[0]!.participantId)!.group;
    const mate = people.find((p) => p !== people[0] && w.state.breakouts.byId[r]!.members[p.participantId] === g.id)!;
    const outsider = people.find((p) => w.state.breakouts.byId[r]!.members[p.participantId] !== g.id)!;
    expect(w.run({ type: 'breakout:setRapporteur', payload: { roundId: r, groupId: g.id, participantId: mate.participantId } }, outsider).ok).toBe(false);
    expect(w.run({ type: 'breakout:setRapporteur', payload: { roundId: r, groupId: g.id, participantId: mate.participantId } }, people[0]!).ok).toBe(true);
    expect(w.run({ type: 'breakout:setFindings', payload: { roundId: r, groupId: g.id, text: 'x' } }, people[0]!)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(w.run({ type: 'breakout:setFindings', payload: { roundId: r, groupId: g.id, text: 'Joint trainings work.' } }, mate).ok).toBe(true);
    expect(w.state.breakouts.byId[r]!.findings[g.id]).toBe('Joint trainings work.');
  });
});

describe('group boards', () => {
  it('are made for each group when a round with a board template starts, written by the group only', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const people = ['AF', 'PK', 'MA', 'UA'].map((c) => w.join(c, 'participant', c));
    const r = planned(w, f, 2, { template: 'synergy' });
    w.run({ type: 'breakout:assign', payload: { roundId: r, seed: 2 } }, f);
    const d = w.run({ type: 'breakout:start', payload: { roundId: r } }, f);
    expect(d.ok && d.events.map((e) => e.type)).toEqual(['board.created', 'board.created', 'breakout.started']);
    const boards = Object.values(w.state.boards.byId);
    const g = groupOf(w.state.breakouts, people[0]!.participantId)!.group;
    const mine = boards.find((b) => b.scope.kind === 'group' && b.scope.groupId === g.id)!;
    const other = boards.find((b) => b !== mine)!;
    const doc = (boardId: string) => ({ kind: 'board', workshopId: w.state.id, boardId }) as const;
    expect(docAccess(w.state, doc(mine.id), people[0]!.participantId)).toEqual({ read: true, write: true });
    expect(docAccess(w.state, doc(other.id), people[0]!.participantId)).toMatchObject({ read: false });
  });
});
