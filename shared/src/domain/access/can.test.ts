import { describe, expect, it } from 'vitest';
import { TestWorkshop } from '../../testing/fixtures.js';
import { can } from './can.js';

describe('document access', () => {
  const notes = { kind: 'notes', workshopId: 'ws1' } as const;
  const otherNotes = { kind: 'notes', workshopId: 'ws2' } as const;

  it('lets everyone read the workshop notes and no one read another workshop’s', () => {
    const w = new TestWorkshop('ws1');
    const f = w.facilitator();
    const a = w.join('A');
    const o = w.join('O', 'observer');
    for (const actor of [f, a, o]) {
      expect(can(w.state, actor, { kind: 'doc.read', doc: notes })).toBe(true);
      expect(can(w.state, actor, { kind: 'doc.read', doc: otherNotes })).toBe(false);
      expect(can(w.state, actor, { kind: 'doc.write', doc: otherNotes })).toBe(false);
    }
  });

  it('never lets an observer write', () => {
    const w = new TestWorkshop('ws1');
    const o = w.join('O', 'observer');
    expect(can(w.state, o, { kind: 'doc.write', doc: notes })).toBe(false);
    expect(can(w.state, o, { kind: 'doc.write', doc: { kind: 'board', workshopId: 'ws1', boardId: 'b1' } })).toBe(false);
  });

  it('follows the notes setting for participants, never for facilitators', () => {
    const w = new TestWorkshop('ws1');
    const f = w.facilitator();
    const a = w.join('A');
    expect(can(w.state, a, { kind: 'doc.write', doc: notes })).toBe(true);
    w.run({ type: 'workshop:updateSettings', payload: { settings: { notesEditableBy: 'facilitators' } } }, f);
    expect(can(w.state, a, { kind: 'doc.write', doc: notes })).toBe(false);
    expect(can(w.state, f, { kind: 'doc.write', doc: notes })).toBe(true);
  });

  it('denies everything to a removed participant and to strangers', () => {
    const w = new TestWorkshop('ws1');
    const f = w.facilitator();
    const a = w.join('A');
    w.run({ type: 'participant:remove', payload: { participantId: a.participantId } }, f);
    expect(can(w.state, a, { kind: 'doc.read', doc: notes })).toBe(false);
    expect(can(w.state, { participantId: 'ghost', role: 'facilitator' }, { kind: 'doc.read', doc: notes })).toBe(false);
    expect(can(w.state, null, { kind: 'doc.read', doc: notes })).toBe(false);
  });

  it('takes the role from the state, not from what the actor claims', () => {
    const w = new TestWorkshop('ws1');
    const a = w.join('A');
    expect(can(w.state, { participantId: a.participantId, role: 'facilitator' }, { kind: 'workshop.updateSettings' })).toBe(false);
  });
});

describe('a projector', () => {
  it('reads documents and writes none', () => {
    const w = new TestWorkshop('ws1');
    const f = w.facilitator();
    const d = w.run({ type: 'projector:open', payload: {} }, f);
    const e = d.ok ? d.events[0] : undefined;
    if (e?.type !== 'participant.joined') throw new Error('no projector');
    const p = { participantId: e.participant.id, role: 'projector' as const };
    const notes = { kind: 'notes', workshopId: 'ws1' } as const;
    expect(can(w.state, p, { kind: 'doc.read', doc: notes })).toBe(true);
    expect(can(w.state, p, { kind: 'doc.write', doc: notes })).toBe(false);
    expect(can(w.state, p, { kind: 'doc.write', doc: { kind: 'board', workshopId: 'ws1', boardId: 'b' } })).toBe(false);
  });
});
