import { describe, expect, it } from 'vitest';
import { TestWorkshop } from '../../testing/fixtures.js';
import { applyEvent, applyEvents } from '../apply.js';

describe('applyEvent', () => {
  it('rebuilds the same state from the log alone', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const a = w.join('A');
    w.run({ type: 'participant:rename', payload: { participantId: a.participantId, name: 'Aziz' } }, a);
    w.run({ type: 'participant:remove', payload: { participantId: a.participantId } }, f);
    expect(applyEvents(null, w.log)).toEqual(w.state);
  });

  it('does not mutate the state it is given', () => {
    const w = new TestWorkshop();
    const before = structuredClone(w.state);
    const frozen = w.state;
    w.join('A');
    expect(frozen).toEqual(before);
  });

  it('refuses events before the workshop exists', () => {
    expect(() => applyEvent(null, { type: 'agenda.currentSet', itemId: null, seq: 1, at: 0 })).toThrow();
  });
});
