/**
 * Mention autocomplete, without a DOM: which "@query" the caret is in, who
 * matches it, and the text once someone is picked. The text a pick inserts is
 * "@" and the person's name exactly as `mentionsIn` recognises it, so a picked
 * mention is always a real one.
 */

/** Someone who may be mentioned. */
export interface Mentionable {
  id: string;
  name: string;
}

/** The "@query" being typed: `start` is the index of the "@", `query` what follows it up to the caret. */
export interface MentionToken {
  start: number;
  caret: number;
  query: string;
}

/** Longest query looked at; no display name is longer. */
const maxQuery = 80;
const wordChar = /[\p{L}\p{M}\p{N}]/u;
/** Where a word starts inside a name: after a space, hyphen, apostrophe or dot. */
const separator = /[\s\-'’.]/u;

/** Letters that do not decompose but people type without their marks, and Arabic letters Persian writes otherwise. */
const plainLetters: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', ي: 'ی', ى: 'ی', ك: 'ک', ة: 'ه' };

/** A name as compared while searching: lower case, without diacritics (é → e, أ → ا, tashkeel dropped). */
export function foldName(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łøđßæœıيىكة]/g, (c) => plainLetters[c]!);
}

/**
 * The mention being typed at `caret` in `text`, or null: an "@" at the start or
 * after something other than a letter or digit (so not an e-mail address), on
 * the caret's line, followed by at most a name's length that does not start
 * with a space.
 */
export function activeMention(text: string, caret: number): MentionToken | null {
  if (caret < 0 || caret > text.length) return null;
  const from = Math.max(0, caret - maxQuery - 1);
  for (let i = caret - 1; i >= from; i--) {
    const c = text[i]!;
    if (c === '\n') return null;
    if (c !== '@') continue;
    if (i > 0 && wordChar.test(text[i - 1]!)) return null;
    const query = text.slice(i + 1, caret);
    if (/^\s/u.test(query)) return null;
    return { start: i, caret, query };
  }
  return null;
}

/** How well a folded name matches a folded query: 0 from its first letter, 1 from the start of a later word, -1 not at all. */
function rank(name: string, query: string): number {
  if (name.startsWith(query)) return 0;
  for (let i = 1; i < name.length; i++) {
    if (separator.test(name[i - 1]!) && !separator.test(name[i]!) && name.startsWith(query, i)) return 1;
  }
  return -1;
}

/**
 * The people whose name, or any word of it, starts with `query` (any case, any
 * diacritics), whole-name matches first, then by name; at most `limit`.
 */
export function matchPeople<P extends Mentionable>(people: readonly P[], query: string, locale?: string, limit = 8): P[] {
  const q = foldName(query);
  const collator = new Intl.Collator(locale);
  return people
    .map((p) => ({ p, r: rank(foldName(p.name), q) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r || collator.compare(a.p.name, b.p.name))
    .slice(0, limit)
    .map((x) => x.p);
}

/**
 * Whether the token is worth suggesting for: a query without spaces always is
 * (so that "no one matches" can be said); one with spaces only while someone's
 * name matches it, since after a finished name the text is just a sentence.
 */
export function suggests(token: MentionToken, matches: number): boolean {
  return matches > 0 || !/\s/u.test(token.query);
}

/**
 * The text with the token (and the rest of the word under the caret) replaced
 * by "@name", a space after it unless a space or punctuation follows, and the
 * caret after that.
 */
export function pickMention(text: string, token: MentionToken, name: string): { text: string; caret: number } {
  let end = token.caret;
  while (end < text.length && wordChar.test(text[end]!)) end++;
  const after = text.slice(end);
  const space = /^[\s\p{P}]/u.test(after) ? '' : ' ';
  const inserted = `@${name}${space}`;
  const head = text.slice(0, token.start) + inserted;
  return { text: head + after, caret: head.length + (space ? 0 : after.startsWith(' ') ? 1 : 0) };
}
