/**
 * A ballot as the voting form holds it (a draft) and as it is sent: what a
 * form starts from, what it sends, and whether two ballots say the same.
 */
import { canonicalBallot, type Ballot, type PollSpec } from '@plenary/shared';

/** A ballot to start from: nothing chosen, the options in their order. */
export function emptyBallot(spec: PollSpec): Ballot {
  switch (spec.kind) {
    case 'single':
      return { kind: 'single', option: '' };
    case 'multiple':
      return { kind: 'multiple', options: [] };
    case 'ranking':
      return { kind: 'ranking', order: spec.options.map((o) => o.id) };
    case 'points':
      return { kind: 'points', points: {} };
    case 'scale':
      return { kind: 'scale', ratings: {} };
    case 'matrix':
      return { kind: 'matrix', positions: {} };
    case 'wordCloud':
      return { kind: 'wordCloud', words: Array.from({ length: spec.maxWords }, () => '') };
    case 'openText':
      return { kind: 'openText', text: '' };
  }
}

/** The form's ballot as it will be sent: empty word fields left out. */
export function toSend(b: Ballot): Ballot {
  return b.kind === 'wordCloud' ? { kind: 'wordCloud', words: b.words.filter((w) => w.trim() !== '') } : b;
}

/** Whether two ballots are the same as sent and stored (empty word fields, spacing and options without points aside). */
export const sameBallot = (a: Ballot | null, b: Ballot | null) =>
  a !== null && b !== null && JSON.stringify(canonicalBallot(toSend(a))) === JSON.stringify(canonicalBallot(toSend(b)));
