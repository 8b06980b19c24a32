/**
 * Whether a ballot fits its poll. The server refuses a ballot with a problem
 * (and changes nothing); the client checks the same rules before sending, and
 * translates the problem's `reason` for the person voting.
 */
import type { Ballot, PollKind, PollSpec } from './model.js';
import { normalizeWord } from './words.js';

export type BallotProblem =
  | { reason: 'wrongKind'; expected: PollKind }
  | { reason: 'unknownOption' }
  | { reason: 'noChoice' }
  | { reason: 'tooManyChoices'; max: number }
  | { reason: 'duplicateChoice' }
  | { reason: 'duplicateRank' }
  | { reason: 'incompleteRanking'; options: number }
  | { reason: 'overBudget'; budget: number; given: number }
  | { reason: 'underBudget'; budget: number; given: number }
  | { reason: 'noPoints' }
  | { reason: 'outOfScale'; min: number; max: number }
  | { reason: 'skipNotAllowed' }
  | { reason: 'unrated' }
  | { reason: 'nothingPlaced' }
  | { reason: 'noWords' }
  | { reason: 'tooManyWords'; max: number }
  | { reason: 'wordTooLong'; max: number }
  | { reason: 'emptyWord' }
  | { reason: 'duplicateWord' }
  | { reason: 'emptyText' }
  | { reason: 'textTooLong'; max: number }
  | { reason: 'invalidText' };

// Control characters other than tab and line breaks.
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const length = (s: string) => [...s].length;

/** The first thing wrong with `ballot` for a poll asking `spec`, or null when it fits. */
export function ballotProblem(spec: PollSpec, ballot: Ballot): BallotProblem | null {
  if (ballot.kind !== spec.kind) return { reason: 'wrongKind', expected: spec.kind };
  const known = new Set('options' in spec ? spec.options.map((o) => o.id) : []);
  const allKnown = (ids: Iterable<string>) => [...ids].every((id) => known.has(id));
  switch (spec.kind) {
    case 'single': {
      const b = ballot as Extract<Ballot, { kind: 'single' }>;
      return known.has(b.option) ? null : { reason: 'unknownOption' };
    }
    case 'multiple': {
      const b = ballot as Extract<Ballot, { kind: 'multiple' }>;
      if (!allKnown(b.options)) return { reason: 'unknownOption' };
      if (new Set(b.options).size !== b.options.length) return { reason: 'duplicateChoice' };
      if (b.options.length === 0) return { reason: 'noChoice' };
      if (b.options.length > spec.maxChoices) return { reason: 'tooManyChoices', max: spec.maxChoices };
      return null;
    }
    case 'ranking': {
      const b = ballot as Extract<Ballot, { kind: 'ranking' }>;
      if (!allKnown(b.order)) return { reason: 'unknownOption' };
      if (new Set(b.order).size !== b.order.length) return { reason: 'duplicateRank' };
      if (b.order.length !== spec.options.length) return { reason: 'incompleteRanking', options: spec.options.length };
      return null;
    }
    case 'points': {
      const b = ballot as Extract<Ballot, { kind: 'points' }>;
      if (!allKnown(Object.keys(b.points))) return { reason: 'unknownOption' };
      const given = Object.values(b.points).reduce((s, n) => s + n, 0);
      if (given > spec.budget) return { reason: 'overBudget', budget: spec.budget, given };
      if (given === 0) return { reason: 'noPoints' };
      if (spec.spendAll && given < spec.budget) return { reason: 'underBudget', budget: spec.budget, given };
      return null;
    }
    case 'scale': {
      const b = ballot as Extract<Ballot, { kind: 'scale' }>;
      if (!allKnown(Object.keys(b.ratings))) return { reason: 'unknownOption' };
      for (const o of spec.options) {
        if (!(o.id in b.ratings)) return { reason: 'unrated' };
        const r = b.ratings[o.id];
        if (r === null) {
          if (!spec.allowSkip) return { reason: 'skipNotAllowed' };
        } else if (r === undefined || r < spec.min || r > spec.max) {
          return { reason: 'outOfScale', min: spec.min, max: spec.max };
        }
      }
      return null;
    }
    case 'matrix': {
      const b = ballot as Extract<Ballot, { kind: 'matrix' }>;
      if (!allKnown(Object.keys(b.positions))) return { reason: 'unknownOption' };
      return Object.keys(b.positions).length === 0 ? { reason: 'nothingPlaced' } : null;
    }
    case 'wordCloud': {
      const b = ballot as Extract<Ballot, { kind: 'wordCloud' }>;
      if (b.words.length === 0) return { reason: 'noWords' };
      if (b.words.length > spec.maxWords) return { reason: 'tooManyWords', max: spec.maxWords };
      const seen = new Set<string>();
      for (const w of b.words) {
        if (controlChars.test(w)) return { reason: 'invalidText' };
        if (length(w.trim()) > spec.maxLength) return { reason: 'wordTooLong', max: spec.maxLength };
        const n = normalizeWord(w);
        if (n === '') return { reason: 'emptyWord' };
        if (seen.has(n)) return { reason: 'duplicateWord' };
        seen.add(n);
      }
      return null;
    }
    case 'openText': {
      const b = ballot as Extract<Ballot, { kind: 'openText' }>;
      const text = b.text.trim();
      if (text === '') return { reason: 'emptyText' };
      if (controlChars.test(text)) return { reason: 'invalidText' };
      if (length(text) > spec.maxLength) return { reason: 'textTooLong', max: spec.maxLength };
      return null;
    }
  }
}

/** A ballot as it is stored: words and text trimmed, options without points left out. */
export function canonicalBallot(ballot: Ballot): Ballot {
  switch (ballot.kind) {
    case 'wordCloud':
      return { kind: 'wordCloud', words: ballot.words.map((w) => w.trim().replace(/\s+/gu, ' ')) };
    case 'openText':
      return { kind: 'openText', text: ballot.text.trim() };
    case 'points':
      return { kind: 'points', points: Object.fromEntries(Object.entries(ballot.points).filter(([, n]) => n > 0)) };
    default:
      return ballot;
  }
}

/** The problem in words, for the ack's message (people read it; clients translate by `reason`). */
export function describeBallotProblem(p: BallotProblem): string {
  switch (p.reason) {
    case 'wrongKind':
      return `This ballot does not fit this poll (it is a ${p.expected} poll). Reload and vote again.`;
    case 'unknownOption':
      return 'The ballot names an option this poll does not have. Reload and vote again.';
    case 'noChoice':
      return 'Choose at least one option.';
    case 'tooManyChoices':
      return `Choose at most ${p.max} options.`;
    case 'duplicateChoice':
      return 'Each option can be chosen only once.';
    case 'duplicateRank':
      return 'Two places in the ranking hold the same option. Give each option its own place.';
    case 'incompleteRanking':
      return `Rank all ${p.options} options, each once.`;
    case 'overBudget':
      return `You gave ${p.given} points, but there are only ${p.budget}. Take some away.`;
    case 'underBudget':
      return `Give out all ${p.budget} points (you gave ${p.given}).`;
    case 'noPoints':
      return 'Give at least one point.';
    case 'outOfScale':
      return `Ratings go from ${p.min} to ${p.max}.`;
    case 'skipNotAllowed':
      return 'This poll has no "no opinion" choice: rate every option.';
    case 'unrated':
      return 'Rate every option.';
    case 'nothingPlaced':
      return 'Place at least one option.';
    case 'noWords':
      return 'Enter at least one word.';
    case 'tooManyWords':
      return `Enter at most ${p.max} words or phrases.`;
    case 'wordTooLong':
      return `Each word or phrase can have at most ${p.max} characters.`;
    case 'emptyWord':
      return 'A word is empty. Remove it or write something.';
    case 'duplicateWord':
      return 'You entered the same word twice.';
    case 'emptyText':
      return 'Write an answer first.';
    case 'textTooLong':
      return `An answer can have at most ${p.max} characters.`;
    case 'invalidText':
      return 'The text contains characters that cannot be stored.';
  }
}
