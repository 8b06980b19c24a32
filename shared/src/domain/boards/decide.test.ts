import { describe, expect, it } from 'vitest';
import { TestWorkshop } from '../../testing/fixtures.js';
import type { Actor } from '../access/can.js';
import { projectEvent, projectState } from '../project.js';
import { applyEvent, applyEvents } from '../apply.js';
import { rankedTally, type Board } from './model.js';

function setup() {
  const w = new TestWorkshop('ws1');
  const f = w.facilitator();
  const a = w.join('Amina', 'participant', 'AF');
  const b = w.join('Bilal', 'participant', 'PK');
  const o = w.join('Olga', 'observer', 'UA');
  const d = w.run({ type: 'board:create', payload: { title: 'Synergies', template: 'synergy' } }, f);
  if (!d.ok || d.events[0]?.type !== 'board.created') throw new Error('no board');
  const boardId = d.events[0].boardId;
  const board = (): Board => w.state.boards.byId[boardId]!;
  return { w, f, a, b, o, boardId, board };
}

const cmd = <T extends string>(type: T, payload: object) => ({ type, payload }) as never;

describe('board commands', () => {
  it('lets only facilitators create and control boards', () => {
    const { w, a, o, boardId, board } = setup();
    expect(board()).toMatchObject({ title: 'Synergies', template: 'synergy', locked: false, private: false, vote: null });
    expect(w.state.boards.order).toEqual([boardId]);
    for (const who of [a, o]) {
      expect(w.run(cmd('board:create', { title: 'Mine', template: 'blank' }), who)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
      expect(w.run(cmd('board:lock', { boardId, locked: true }), who)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
      expect(w.run(cmd('board:openVote', { boardId, budget: 3, hidden: false }), who)).toMatchObject({ ok: false });
    }
    expect(w.run(cmd('board:create', { title: 'x', template: 'blank' }), null)).toMatchObject({ ok: false });
  });

  it('locks boards and frames, and changes nothing when nothing changes', () => {
    const { w, f, boardId, board } = setup();
    expect(w.run(cmd('board:lock', { boardId, locked: true }), f)).toMatchObject({ ok: true, events: [{ type: 'board.locked' }] });
    expect(board().locked).toBe(true);
    expect(w.run(cmd('board:lock', { boardId, locked: true }), f)).toEqual({ ok: true, events: [] });
    w.run(cmd('board:lockFrame', { boardId, frameId: 'frame-phase1', locked: true }), f);
    w.run(cmd('board:lockFrame', { boardId, frameId: 'frame-phase2', locked: true }), f);
    w.run(cmd('board:lockFrame', { boardId, frameId: 'frame-phase1', locked: false }), f);
    expect(board().lockedFrames).toEqual(['frame-phase2']);
    expect(w.run(cmd('board:lock', { boardId: 'nope', locked: true }), f)).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
  });

  it('sets private mode and summons everyone to a board', () => {
    const { w, f, boardId, board } = setup();
    w.run(cmd('board:setPrivate', { boardId, private: true }), f);
    expect(board().private).toBe(true);
    w.run(cmd('board:summon', { boardId, viewport: { x: 10, y: 20, zoom: 1.5 } }), f);
    expect(w.state.boards.summon).toMatchObject({ boardId, viewport: { x: 10, y: 20, zoom: 1.5 } });
  });
});

describe('dot votes', () => {
  it('follows its state machine, refusing what it must', () => {
    const { w, f, a, boardId, board } = setup();
    expect(w.run(cmd('board:vote', { boardId, itemId: 'n1', dots: 1 }), a)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    expect(w.run(cmd('board:closeVote', { boardId }), f)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    expect(w.run(cmd('board:revealVote', { boardId }), f)).toMatchObject({ ok: false });
    expect(w.run(cmd('board:openVote', { boardId, budget: 3, hidden: true }), f)).toMatchObject({ ok: true });
    expect(w.run(cmd('board:openVote', { boardId, budget: 3, hidden: true }), f)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    expect(w.run(cmd('board:vote', { boardId, itemId: 'n1', dots: 2 }), a)).toMatchObject({ ok: true });
    expect(w.run(cmd('board:closeVote', { boardId }), f)).toMatchObject({ ok: true });
    expect(board().vote?.status).toBe('closed');
    expect(w.run(cmd('board:vote', { boardId, itemId: 'n1', dots: 1 }), a)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    expect(w.run(cmd('board:revealVote', { boardId }), f)).toMatchObject({ ok: true });
    expect(board().vote).toMatchObject({ revealed: true, tally: { n1: 2 } });
    expect(w.run(cmd('board:clearVote', { boardId }), f)).toMatchObject({ ok: true });
    expect(board().vote).toBeNull();
    expect(w.run(cmd('board:openVote', { boardId, budget: 5, hidden: false }), f)).toMatchObject({ ok: true });
  });

  it('holds each voter to the budget; dots can move and be taken back', () => {
    const { w, f, a, o, boardId, board } = setup();
    w.run(cmd('board:openVote', { boardId, budget: 3, hidden: false }), f);
    expect(w.run(cmd('board:vote', { boardId, itemId: 'n1', dots: 2 }), a)).toMatchObject({ ok: true });
    expect(w.run(cmd('board:vote', { boardId, itemId: 'n2', dots: 2 }), a)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    expect(w.run(cmd('board:vote', { boardId, itemId: 'n2', dots: 1 }), a)).toMatchObject({ ok: true });
    expect(w.run(cmd('board:vote', { boardId, itemId: 'n1', dots: 0 }), a)).toMatchObject({ ok: true });
    expect(w.run(cmd('board:vote', { boardId, itemId: 'n2', dots: 3 }), a)).toMatchObject({ ok: true });
    expect(board().vote?.ballots[a.participantId]).toEqual({ n2: 3 });
    expect(board().vote?.tally).toEqual({ n2: 3 });
    expect(w.run(cmd('board:vote', { boardId, itemId: 'n2', dots: 1 }), o)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
  });

  it('hides others’ dots until revealed; each voter sees their own; facilitators see all', () => {
    const { w, f, a, b, boardId } = setup();
    w.run(cmd('board:openVote', { boardId, budget: 5, hidden: true }), f);
    const start = w.log.length;
    w.run(cmd('board:vote', { boardId, itemId: 'n1', dots: 2 }), a);
    w.run(cmd('board:vote', { boardId, itemId: 'n2', dots: 1 }), b);
    const votes = w.log.slice(start);

    // What each viewer's client builds from the events it is sent.
    const viewers: Record<string, Actor | { participantId: string; role: 'facilitator' }> = { a, b, f };
    const snapshotBefore = applyEvents(null, w.log.slice(0, start))!;
    const seen = (who: Actor) => {
      let s = projectState(snapshotBefore, who);
      for (const e of votes) s = applyEvent(s, projectEvent(e, who));
      return s.boards.byId[boardId]!.vote!;
    };
    expect(seen(a)).toMatchObject({ ballots: { [a.participantId]: { n1: 2 } }, tally: {} });
    expect(seen(b)).toMatchObject({ ballots: { [b.participantId]: { n2: 1 } }, tally: {} });
    expect(seen(viewers.f as Actor).tally).toEqual({ n1: 2, n2: 1 });
    // Snapshots are projected the same way.
    expect(projectState(w.state, a).boards.byId[boardId]!.vote).toMatchObject({ ballots: { [a.participantId]: { n1: 2 } }, tally: {} });
    expect(JSON.stringify(projectEvent(votes[1]!, a))).not.toContain(b.participantId);
    expect(JSON.stringify(projectEvent(votes[1]!, a))).not.toContain('n2');

    w.run(cmd('board:revealVote', { boardId }), f);
    const revealed = w.log[w.log.length - 1]!;
    let s = projectState(w.state, a);
    expect(s.boards.byId[boardId]!.vote!.tally).toEqual({ n1: 2, n2: 1 });
    expect(rankedTally(s.boards.byId[boardId]!.vote!)).toEqual([
      { itemId: 'n1', dots: 2 },
      { itemId: 'n2', dots: 1 },
    ]);
    // After the reveal, others' dots arrive as counts, still without names.
    w.run(cmd('board:vote', { boardId, itemId: 'n2', dots: 3 }), b);
    const late = w.log[w.log.length - 1]!;
    const seenByA = projectEvent(late, a);
    expect(seenByA).toMatchObject({ itemId: 'n2', delta: 2 });
    expect(seenByA).not.toHaveProperty('participantId');
    s = applyEvent(s, seenByA);
    expect(s.boards.byId[boardId]!.vote!.tally).toEqual({ n1: 2, n2: 3 });
    expect(revealed.type).toBe('board.voteRevealed');
  });
});
