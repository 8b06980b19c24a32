import { describe, expect, it } from 'vitest';
import { initialBreakoutsState, type Round, type WorkshopState } from '@plenary/shared';
import { movedDuringRound } from './groupMove';

const round = (status: Round['status'], members: Record<string, string>): Round =>
  ({ id: 'r', status, groups: [{ id: 'g1' }, { id: 'g2' }], members }) as unknown as Round;
const state = (r: Round | null): WorkshopState =>
  ({ breakouts: r ? { byId: { r }, order: ['r'] } : initialBreakoutsState() }) as unknown as WorkshopState;

describe('movedDuringRound', () => {
  it('is true when someone is moved to another group, or into one, while the round runs', () => {
    expect(movedDuringRound(state(round('running', { me: 'g1' })), state(round('running', { me: 'g2' })), 'me')).toBe(true);
    expect(movedDuringRound(state(round('running', {})), state(round('running', { me: 'g1' })), 'me')).toBe(true);
  });
  it('is false at the round’s start, when leaving every group, and when someone else moves', () => {
    expect(movedDuringRound(state(round('draft', { me: 'g1' })), state(round('running', { me: 'g1' })), 'me')).toBe(false);
    expect(movedDuringRound(state(round('running', { me: 'g1' })), state(round('running', {})), 'me')).toBe(false);
    expect(movedDuringRound(state(round('running', { me: 'g1', x: 'g1' })), state(round('running', { me: 'g1', x: 'g2' })), 'me')).toBe(false);
  });
});
