/**
 * What counts as a mention in a message's text: "@" and someone's whole name
 * (any case), at the start or after something other than a letter or digit,
 * and not running on into a longer word ("@Ana" is not in "@Anastasia"). The
 * client sends the ids it finds; the server keeps those who may read the space.
 * A half-typed "@Lay" matches no one and stays plain text.
 */
import type { WorkshopState } from '@plenary/shared';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds "@name" for any of the names, longest first so "@Ana Maria" is not taken for "@Ana"; group 1 is what precedes the "@", group 2 the name. */
function mentionPattern(names: readonly string[]): RegExp | null {
  const alternatives = [...new Set(names.filter((n) => n.trim() !== ''))].sort((a, b) => b.length - a.length).map(escapeRegExp);
  if (alternatives.length === 0) return null;
  return new RegExp(`(^|[^\\p{L}\\p{M}\\p{N}])@(${alternatives.join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'giu');
}

/**
 * People named with "@" in a message ("@Amina Rahimi", any case): their ids in
 * the order named, never oneself or someone removed. Where several people
 * share a name, the one in `preferred` (picked from the suggestions) is meant.
 */
export function mentionsIn(text: string, state: WorkshopState, me: string, preferred: readonly string[] = []): string[] {
  if (!text.includes('@')) return [];
  const people = Object.values(state.participants)
    .filter((p) => !p.removed && p.id !== me && p.name.trim() !== '')
    .sort((a, b) => Number(preferred.includes(b.id)) - Number(preferred.includes(a.id)));
  const byName = new Map<string, string>();
  for (const p of people) if (!byName.has(p.name.toLowerCase())) byName.set(p.name.toLowerCase(), p.id);
  const pattern = mentionPattern(people.map((p) => p.name));
  if (!pattern) return [];
  const found: string[] = [];
  for (const m of text.matchAll(pattern)) {
    const id = byName.get(m[2]!.toLowerCase());
    if (id && !found.includes(id)) found.push(id);
  }
  return found;
}

/** A piece of a message's text: plain, or a mention to show as one. */
export interface TextPiece {
  text: string;
  mention: boolean;
}

/** The text cut into plain pieces and the mentions of the given names (those the message really mentions). */
export function mentionPieces(text: string, names: readonly string[]): TextPiece[] {
  const pattern = text.includes('@') ? mentionPattern(names) : null;
  if (!pattern) return [{ text, mention: false }];
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const at = m.index + m[1]!.length;
    const end = at + 1 + m[2]!.length;
    if (at > last) pieces.push({ text: text.slice(last, at), mention: false });
    pieces.push({ text: text.slice(at, end), mention: true });
    last = end;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), mention: false });
  return pieces;
}
