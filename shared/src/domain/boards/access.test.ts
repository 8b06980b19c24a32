import { describe, expect, it } from 'vitest';
import { TestWorkshop } from '../../testing/fixtures.js';
import { docAccess } from '../access/docAccess.js';
import type { DocRef } from '../../protocol/docs.js';

describe('board document access', () => {
  function setup() {
    const w = new TestWorkshop('ws1');
    const f = w.facilitator();
    const a = w.join('A');
    const b = w.join('B');
    const o = w.join('O', 'observer');
    const d = w.run({ type: 'board:create', payload: { title: 'Map', template: 'blank' } }, f);
    if (!d.ok || d.events[0]?.type !== 'board.created') throw new Error('no board');
    const boardId = d.events[0].boardId;
    return { w, f, a, b, o, board: { kind: 'board', workshopId: 'ws1', boardId } as DocRef, boardId };
  }

  it('opens only boards that exist; observers read and never write', () => {
    const { w, a, o, board } = setup();
    expect(docAccess(w.state, board, a.participantId)).toEqual({ read: true, write: true });
    expect(docAccess(w.state, board, o.participantId)).toEqual({ read: true, write: false });
    expect(docAccess(w.state, { kind: 'board', workshopId: 'ws1', boardId: 'made-up' }, a.participantId)).toMatchObject({ read: false });
  });

  it('makes a locked board read-only for participants, not for facilitators', () => {
    const { w, f, a, board, boardId } = setup();
    w.run({ type: 'board:lock', payload: { boardId, locked: true } }, f);
    expect(docAccess(w.state, board, a.participantId)).toEqual({ read: true, write: false });
    expect(docAccess(w.state, board, f.participantId)).toEqual({ read: true, write: true });
  });

  it('lets a participant and facilitators read a private document; only its owner writes it', () => {
    const { w, f, a, b, o, boardId } = setup();
    const mine: DocRef = { kind: 'privateBoard', workshopId: 'ws1', boardId, participantId: a.participantId };
    expect(docAccess(w.state, mine, a.participantId)).toEqual({ read: true, write: true });
    expect(docAccess(w.state, mine, f.participantId)).toEqual({ read: true, write: false });
    expect(docAccess(w.state, mine, b.participantId)).toMatchObject({ read: false, closeCode: 4403 });
    expect(docAccess(w.state, mine, o.participantId)).toMatchObject({ read: false });
    w.run({ type: 'board:lock', payload: { boardId, locked: true } }, f);
    expect(docAccess(w.state, mine, a.participantId)).toEqual({ read: true, write: false });
  });

  it('lets only facilitators read the private overview, and nobody write it', () => {
    const { w, f, a, o, boardId } = setup();
    const overview: DocRef = { kind: 'privateOverview', workshopId: 'ws1', boardId };
    expect(docAccess(w.state, overview, f.participantId)).toEqual({ read: true, write: false });
    expect(docAccess(w.state, overview, a.participantId)).toMatchObject({ read: false, closeCode: 4403 });
    expect(docAccess(w.state, overview, o.participantId)).toMatchObject({ read: false });
    expect(docAccess(w.state, { ...overview, boardId: 'nope' }, f.participantId)).toMatchObject({ read: false });
  });
});
