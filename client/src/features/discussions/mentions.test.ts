import { describe, expect, it } from 'vitest';
import type { WorkshopState } from '@plenary/shared';
import { mentionsIn } from './ChatPanel';

const person = (id: string, name: string, removed = false) => ({ id, name, removed });
const state = {
  participants: { a: person('a', 'Ana'), b: person('b', 'Ana Maria'), c: person('c', 'Reza'), d: person('d', 'Gone', true), me: person('me', 'Me') },
} as unknown as WorkshopState;

describe('mentions', () => {
  it('are the people named with @, any case, longest names first, never oneself or someone removed', () => {
    expect(mentionsIn('no one here', state, 'me')).toEqual([]);
    expect(mentionsIn('@ana maria and @REZA, look', state, 'me')).toEqual(['b', 'c']);
    expect(mentionsIn('@Ana and @Ana Maria', state, 'me').sort()).toEqual(['a', 'b']);
    expect(mentionsIn('@Me @Gone', state, 'me')).toEqual([]);
  });
});
