import { describe, expect, it } from 'vitest';
import { asStoredSession } from './sessions';

const good = { token: 'eyJ.a.b', workshopId: 'glo-act', participantId: 'p_1', role: 'participant' };

describe('a session read back from this browser', () => {
  it('is accepted when whole, with nothing extra kept', () => {
    expect(asStoredSession({ ...good, extra: 'x' })).toEqual(good);
    expect(asStoredSession({ ...good, role: 'projector' })?.role).toBe('projector');
  });

  it('is refused when anything is missing, empty, of the wrong type or an unknown role', () => {
    for (const bad of [
      null,
      'text',
      [],
      { ...good, token: '' },
      { ...good, token: 1 },
      { ...good, workshopId: '' },
      { ...good, participantId: undefined },
      { ...good, participantId: 'x'.repeat(1000) },
      { ...good, workshopId: 'a/b' },
      { ...good, role: 'admin' },
      { ...good, role: undefined },
    ]) {
      expect(asStoredSession(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});
