import { describe, expect, it } from 'vitest';
import { formatJoinCode, joinCodeAlphabet, makeJoinCode, normalizeJoinCode } from './joinCode.js';

describe('join codes', () => {
  it('uses no look-alike characters', () => {
    for (const ch of '01OIL') expect(joinCodeAlphabet).not.toContain(ch);
  });

  it('makes six-character codes from the alphabet', () => {
    let x = 0;
    const code = makeJoinCode(() => (x = (x + 0.37) % 1));
    expect(code).toMatch(new RegExp(`^[${joinCodeAlphabet}]{6}$`));
  });

  it('accepts what people type: lower case, spaces, dashes', () => {
    expect(normalizeJoinCode(' abc-def ')).toBe('ABCDEF');
    expect(normalizeJoinCode('ab cd ef')).toBe('ABCDEF');
    expect(normalizeJoinCode('ABCDE')).toBeNull();
    expect(normalizeJoinCode('ABCDE0')).toBeNull();
    expect(formatJoinCode('ABCDEF')).toBe('ABC-DEF');
  });
});
