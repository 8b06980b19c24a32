import { describe, expect, it } from 'vitest';
import { facilitatorViewer, projectEvent, publicViewer } from './project.js';

describe('projectEvent', () => {
  const removal = { type: 'participant.removed', participantId: 'p2', by: 'p1', seq: 5, at: 1 } as const;

  it('tells facilitators who removed whom, and nobody else', () => {
    expect(projectEvent(removal, facilitatorViewer)).toEqual(removal);
    const seen = projectEvent(removal, publicViewer);
    expect(seen).toEqual({ type: 'participant.removed', participantId: 'p2', seq: 5, at: 1 });
    expect(projectEvent(removal, { participantId: 'p2', role: 'observer' })).not.toHaveProperty('by');
  });
});
