import { describe, expect, it } from 'vitest';
import { mentionsIn } from './mentionsIn';
import { activeMention, foldName, matchPeople, pickMention, suggests } from './mentionQuery';
import type { WorkshopState } from '@plenary/shared';

const people = [
  { id: 'l', name: 'Layla Haddad' },
  { id: 'a', name: 'Amina Rahimi' },
  { id: 'e', name: 'Élodie Lambert' },
  { id: 'k', name: 'Karim El-Fassi' },
  { id: 'r', name: 'رضا أحمدی' },
  { id: 'n', name: 'Ana' },
  { id: 'm', name: 'Ana Maria' },
];
const names = (query: string) => matchPeople(people, query, 'en').map((p) => p.name);
/** The text with "|" for the caret, as a token. */
const at = (withCaret: string) => activeMention(withCaret.replace('|', ''), withCaret.indexOf('|'));

describe('the mention being typed', () => {
  it('is the "@" before the caret and what follows it', () => {
    expect(at('hi @Lay|')).toEqual({ start: 3, caret: 7, query: 'Lay' });
    expect(at('@|')).toEqual({ start: 0, caret: 1, query: '' });
    expect(at('(@Ana Ma|')).toEqual({ start: 1, caret: 8, query: 'Ana Ma' });
    expect(at('@Lay|la')).toEqual({ start: 0, caret: 4, query: 'Lay' });
  });

  it('is none without an "@", inside an e-mail address, after a space, or on an earlier line', () => {
    expect(at('hello|')).toBeNull();
    expect(at('ana@exa|')).toBeNull();
    expect(at('see you @ 5|')).toBeNull();
    expect(at('@Lay\nnext|')).toBeNull();
    expect(at('|@Lay')).toBeNull();
    expect(activeMention('@Lay', 9)).toBeNull();
  });

  it('with spaces is suggested only while someone matches (after a finished name it is a sentence)', () => {
    expect(suggests(at('@Zzz|')!, 0)).toBe(true);
    expect(suggests(at('@Amina are you|')!, 0)).toBe(false);
    expect(suggests(at('@Ana Ma|')!, 1)).toBe(true);
  });
});

describe('people matching a query', () => {
  it('are those whose name or any word of it starts with it, whole-name matches first', () => {
    expect(names('lay')).toEqual(['Layla Haddad']);
    expect(names('HAD')).toEqual(['Layla Haddad']);
    expect(names('fassi')).toEqual(['Karim El-Fassi']);
    expect(names('ana')).toEqual(['Ana', 'Ana Maria']);
    expect(names('ma')).toEqual(['Ana Maria']);
    expect(names('ana m')).toEqual(['Ana Maria']);
    expect(names('yla')).toEqual([]);
    expect(names('zzz')).toEqual([]);
  });

  it('ignore case and diacritics, Latin and Arabic script alike', () => {
    expect(names('elo')).toEqual(['Élodie Lambert']);
    expect(names('ÉLO')).toEqual(['Élodie Lambert']);
    expect(names('احمد')).toEqual(['رضا أحمدی']);
    expect(names('احمدي')).toEqual(['رضا أحمدی']);
    expect(foldName('Łukasz Øberg')).toBe('lukasz oberg');
  });

  it('are everyone for a bare "@", by name, at most the limit', () => {
    expect(names('')).toHaveLength(7);
    expect(names('')[0]).toBe('Amina Rahimi');
    expect(matchPeople(people, '', 'en', 3)).toHaveLength(3);
  });
});

describe('picking someone', () => {
  it('replaces the query and the rest of the word with "@name " and puts the caret after it', () => {
    expect(pickMention('hi @Lay', at('hi @Lay|')!, 'Layla Haddad')).toEqual({ text: 'hi @Layla Haddad ', caret: 17 });
    expect(pickMention('@Layxx there', at('@Lay|xx there')!, 'Layla Haddad')).toEqual({ text: '@Layla Haddad there', caret: 14 });
    expect(pickMention('@Lay, hi', at('@Lay|, hi')!, 'Layla Haddad')).toEqual({ text: '@Layla Haddad, hi', caret: 13 });
    expect(pickMention('@ and', at('@| and')!, 'Ana')).toEqual({ text: '@Ana and', caret: 5 });
  });

  it('makes a real mention of the one picked', () => {
    const state = { participants: Object.fromEntries(people.map((p) => [p.id, { ...p, removed: false }])) } as unknown as WorkshopState;
    for (const p of people) {
      for (const text of ['@', 'hello @', 'hello @x, see']) {
        const caret = text.indexOf('@') + 1;
        const picked = pickMention(text, activeMention(text, caret)!, p.name);
        expect(mentionsIn(picked.text, state, 'me', [p.id]), `${p.name} in “${picked.text}”`).toEqual([p.id]);
      }
    }
  });
});
