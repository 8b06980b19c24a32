import { describe, expect, it } from 'vitest';
import { audienceOf, projectEvent } from './project.js';

describe('projectEvent', () => {
  const removal = { type: 'participant.removed', participantId: 'p2', by: 'p1', seq: 5, at: 1 } as const;

  it('tells facilitators who removed whom, and nobody else', () => {
    expect(projectEvent(removal, audienceOf('facilitator'))).toEqual(removal);
    const seen = projectEvent(removal, audienceOf('participant'));
    expect(seen).toEqual({ type: 'participant.removed', participantId: 'p2', seq: 5, at: 1 });
    expect(projectEvent(removal, audienceOf('observer'))).not.toHaveProperty('by');
  });
});
