/**
 * Join codes: short, typed by people on phones and read off a projector, so
 * they avoid characters that look alike (0/O, 1/I/L) and ignore case, spaces
 * and dashes.
 */
import { Limits } from '../../protocol/limits.js';

export const joinCodeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A new join code; `random` returns uniform numbers in [0, 1). */
export function makeJoinCode(random: () => number): string {
  let code = '';
  for (let i = 0; i < Limits.joinCodeLength; i++) {
    code += joinCodeAlphabet[Math.floor(random() * joinCodeAlphabet.length)];
  }
  return code;
}

/** The canonical form of what someone typed, or null if it cannot be a join code. */
export function normalizeJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== Limits.joinCodeLength) return null;
  for (const ch of code) if (!joinCodeAlphabet.includes(ch)) return null;
  return code;
}

/** How a code is shown to people: "ABC-DEF". */
export function formatJoinCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}
