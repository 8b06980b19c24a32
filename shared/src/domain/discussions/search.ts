/**
 * The facilitator's search over what the groups said: every group's chat and
 * its answers to the guiding questions (the server reads the answers
 * documents and passes their text in). Case and width do not matter.
 */
import { z } from 'zod';
import type { WorkshopState } from '../state.js';
import { spaceKey } from './model.js';

export const SearchLimits = { queryLength: 100, hits: 100, excerpt: 60 } as const;

export const SearchQuery = z.object({ q: z.string().trim().min(2, 'at least 2 characters').max(SearchLimits.queryLength) });

/** One place where the words were found. */
export interface SearchHit {
  kind: 'answer' | 'chat';
  roundId: string;
  roundTitle: string;
  groupId: string;
  groupName: string;
  /** The guiding question an answer answers. */
  question: string | null;
  /** Who wrote a chat message (facilitators see names). */
  author: string | null;
  at: number | null;
  /** The text around the first match. */
  excerpt: string;
}

export interface SearchReply {
  hits: SearchHit[];
  /** More matched than `hits` holds. */
  more: boolean;
}

/** GET `search(workshopId, q)` (facilitators, `Authorization: Bearer <token>`) → `Result<SearchReply>`. */
export const DiscussionsApiPath = {
  search: (workshopId: string, q: string) => `/api/workshops/${encodeURIComponent(workshopId)}/discussions/search?q=${encodeURIComponent(q)}`,
} as const;

const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase();

/** The text around the first match of `q` in `text`, or null if it does not match. */
export function excerptOf(text: string, q: string): string | null {
  // Folding keeps lengths for nearly all text; where it does not, the excerpt is cut from the folded text's positions in the original, which stays close.
  const i = fold(text).indexOf(fold(q));
  if (i < 0) return null;
  const from = Math.max(0, i - SearchLimits.excerpt);
  const to = Math.min(text.length, i + q.length + SearchLimits.excerpt);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}

/** Where `q` occurs in the groups' chats and answers, round by round, group by group. */
export function searchDiscussions(state: WorkshopState, answers: Record<string, Record<string, string>>, q: string): SearchReply {
  const hits: SearchHit[] = [];
  let more = false;
  const add = (hit: SearchHit) => {
    if (hits.length < SearchLimits.hits) hits.push(hit);
    else more = true;
  };
  for (const roundId of state.breakouts.order) {
    const round = state.breakouts.byId[roundId]!;
    const questions = state.discussions.questions[roundId] ?? [];
    for (const g of round.groups) {
      const at = { roundId, roundTitle: round.title, groupId: g.id, groupName: g.name };
      for (const question of questions) {
        const excerpt = excerptOf(answers[g.id]?.[question.id] ?? '', q);
        if (excerpt) add({ kind: 'answer', ...at, question: question.text, author: null, at: null, excerpt });
      }
      for (const m of state.discussions.spaces[spaceKey({ kind: 'chat', groupId: g.id })]?.messages ?? []) {
        if (m.deleted) continue;
        const excerpt = excerptOf(m.text, q);
        if (excerpt) add({ kind: 'chat', ...at, question: null, author: state.participants[m.author]?.name ?? null, at: m.at, excerpt });
      }
    }
  }
  return { hits, more };
}
