/** Test helpers for polls: a workshop with a facilitator and polls made through the real decide. Test-only. */
import type { Actor } from '../domain/access/can.js';
import type { Viewer } from '../domain/project.js';
import { TestWorkshop } from './fixtures.js';
import { defaultPollSettings, type Ballot, type PollDraft, type PollSettings, type PollSpec } from '../domain/polls/model.js';

export const options = (...labels: string[]) => labels.map((label, i) => ({ id: `o${i + 1}`, label }));

export const specs = {
  single: { kind: 'single', options: options('Red', 'Green', 'Blue') },
  multiple: { kind: 'multiple', options: options('Red', 'Green', 'Blue', 'Amber'), maxChoices: 2 },
  ranking: { kind: 'ranking', options: options('Strategy', 'Legislation', 'Children') },
  points: { kind: 'points', options: options('Strategy', 'Legislation', 'Children'), budget: 100, spendAll: false },
  scale: { kind: 'scale', options: options('Strategy', 'Children'), min: 1, max: 5, allowSkip: true },
  matrix: {
    kind: 'matrix',
    options: options('Strategy', 'Children'),
    x: { label: 'Effort', low: 'low', high: 'high' },
    y: { label: 'Impact', low: 'low', high: 'high' },
  },
  wordCloud: { kind: 'wordCloud', maxWords: 3, maxLength: 20 },
  openText: { kind: 'openText', maxLength: 200 },
} as const satisfies Record<PollSpec['kind'], PollSpec>;

export function draft(spec: PollSpec, settings: Partial<PollSettings> = {}, question = 'What matters most?'): PollDraft {
  return { question, spec, settings: { ...defaultPollSettings, ...settings } };
}

export class PollWorkshop extends TestWorkshop {
  readonly f: Actor;

  constructor() {
    super();
    this.f = this.facilitator();
  }

  /** Creates a poll (a draft) and returns its id. */
  create(spec: PollSpec, settings: Partial<PollSettings> = {}): string {
    const d = this.run({ type: 'poll:create', payload: { poll: draft(spec, settings) } }, this.f);
    if (!d.ok) throw new Error(d.refusal.message);
    const e = d.events[0];
    if (e?.type !== 'poll.created') throw new Error('no poll.created');
    return e.poll.id;
  }

  /** Creates and opens a poll. */
  launch(spec: PollSpec, settings: Partial<PollSettings> = {}): string {
    const id = this.create(spec, settings);
    const d = this.run({ type: 'poll:open', payload: { pollId: id, audience: { kind: 'plenary' } } }, this.f);
    if (!d.ok) throw new Error(d.refusal.message);
    return id;
  }

  vote(actor: Actor, pollId: string, ballot: Ballot) {
    return this.run({ type: 'poll:vote', payload: { pollId, ballot } }, actor);
  }

  close(pollId: string) {
    return this.run({ type: 'poll:close', payload: { pollId } }, this.f);
  }

  /** How a participant appears to projections on the server, pseudonyms included. */
  viewer(actor: Actor): Viewer {
    return { participantId: actor.participantId, role: actor.role, pseudonym: (scope) => this.pseudonymOf(scope, actor.participantId) };
  }

  pseudonymOf(scope: string, participantId: string): string {
    // The fixture's pseudonyms are private; the same function the decide context used.
    return (this as unknown as { pseudonym(scope: string, id: string): string }).pseudonym(scope, participantId);
  }
}

/** Every string anywhere in a value (keys included). */
export function stringsIn(value: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        out.add(k);
        walk(x);
      }
    }
  };
  walk(value);
  return out;
}
