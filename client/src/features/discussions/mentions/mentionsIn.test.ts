import { describe, expect, it } from 'vitest';
import type { WorkshopState } from '@plenary/shared';
import { mentionPieces, mentionsIn } from './mentionsIn';

const person = (id: string, name: string, removed = false) => ({ id, name, removed });
const state = {
  participants: {
    a: person('a', 'Ana'),
    b: person('b', 'Ana Maria'),
    c: person('c', 'Reza'),
    d: person('d', 'Gone', true),
    me: person('me', 'Me'),
    l1: person('l1', 'Layla Haddad'),
    l2: person('l2', 'Layla Haddad'),
    z: person('z', 'Zoë (UNODC)'),
  },
} as unknown as WorkshopState;

describe('mentions', () => {
  it('are the people named with @, any case, longest names first, never oneself or someone removed', () => {
    expect(mentionsIn('no one here', state, 'me')).toEqual([]);
    expect(mentionsIn('@ana maria and @REZA, look', state, 'me')).toEqual(['b', 'c']);
    expect(mentionsIn('@Ana and @Ana Maria', state, 'me').sort()).toEqual(['a', 'b']);
    expect(mentionsIn('@Me @Gone', state, 'me')).toEqual([]);
  });

  it('need the whole name: a half-typed or longer word mentions no one else', () => {
    expect(mentionsIn('@Lay are you there?', state, 'me')).toEqual([]);
    expect(mentionsIn('@Anastasia, hello', state, 'me')).toEqual([]);
    expect(mentionsIn('@Rezaei', state, 'me')).toEqual([]);
    expect(mentionsIn('@Ana Mariana', state, 'me')).toEqual(['a']);
    expect(mentionsIn('@Zzz', state, 'me')).toEqual([]);
  });

  it('start at "@" after a space, punctuation or the start, not inside a word (an e-mail address)', () => {
    expect(mentionsIn('write to ana@reza.org', state, 'me')).toEqual([]);
    expect(mentionsIn('(@Reza) and @Ana.', state, 'me')).toEqual(['c', 'a']);
    expect(mentionsIn('@Reza@Ana', state, 'me')).toEqual(['c']);
    expect(mentionsIn('@Zoë (UNODC) thanks', state, 'me')).toEqual(['z']);
  });

  it('of a name two people share mean the one picked from the suggestions', () => {
    expect(mentionsIn('@Layla Haddad hi', state, 'me')).toHaveLength(1);
    expect(mentionsIn('@Layla Haddad hi', state, 'me', ['l2'])).toEqual(['l2']);
    expect(mentionsIn('@Layla Haddad hi', state, 'me', ['l1'])).toEqual(['l1']);
  });
});

describe('mention pieces', () => {
  it('mark the mentions of the names given, as typed, and leave the rest plain', () => {
    expect(mentionPieces('@ana maria and @Reza, look', ['Ana Maria', 'Reza'])).toEqual([
      { text: '@ana maria', mention: true },
      { text: ' and ', mention: false },
      { text: '@Reza', mention: true },
      { text: ', look', mention: false },
    ]);
    expect(mentionPieces('@Zzz and @Reza', ['Reza']).filter((p) => p.mention)).toEqual([{ text: '@Reza', mention: true }]);
    expect(mentionPieces('hello', ['Reza'])).toEqual([{ text: 'hello', mention: false }]);
    expect(mentionPieces('@Rezaei', ['Reza'])).toEqual([{ text: '@Rezaei', mention: false }]);
    expect(mentionPieces('a+b @A.B (x)', ['A.B (x)']).map((p) => p.text)).toEqual(['a+b ', '@A.B (x)']);
  });
});
