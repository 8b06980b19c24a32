import { describe, expect, it } from 'vitest';
import { TestWorkshop } from '../../testing/fixtures.js';
import { demoDefinition } from './demo.js';
import { RescheduleWorkshop } from './protocol.js';

describe('joining', () => {
  it('admits a participant with a country of the workshop', () => {
    const w = new TestWorkshop();
    const a = w.join('Amina', 'participant', 'AF');
    expect(w.state.participants[a.participantId]).toMatchObject({
      name: 'Amina',
      role: 'participant',
      affiliation: { kind: 'country', country: 'AF' },
      removed: false,
    });
    expect(w.state.seq).toBe(2);
  });

  it('refuses a country that does not take part, and changes nothing', () => {
    const w = new TestWorkshop();
    const before = w.state;
    expect(() => w.join('X', 'participant', 'FR')).toThrow(/does not take part/);
    expect(w.state).toBe(before);
  });

  it('refuses an unknown organisation', () => {
    const w = new TestWorkshop();
    const d = w.run(
      { type: 'participant:join', payload: { name: 'X', role: 'participant', language: 'en', affiliation: { kind: 'organisation', organisation: 'nato' } } },
      null,
    );
    expect(d).toMatchObject({ ok: false, refusal: { code: 'invalid' } });
  });

  it('refuses joining when the facilitator closed joining, and observers when not allowed', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    w.run({ type: 'workshop:updateSettings', payload: { settings: { allowObservers: false } } }, f);
    expect(() => w.join('Obs', 'observer')).toThrow(/observers/);
    expect(w.join('Still ok').role).toBe('participant');
    w.run({ type: 'workshop:updateSettings', payload: { settings: { joinOpen: false } } }, f);
    expect(() => w.join('Late')).toThrow(/not accepting/);
  });
});

describe('renaming and language', () => {
  it('lets people rename themselves and facilitators rename anyone, but not participants rename others', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const a = w.join('A');
    const b = w.join('B');
    expect(w.run({ type: 'participant:rename', payload: { participantId: a.participantId, name: 'Anna' } }, a).ok).toBe(true);
    expect(w.run({ type: 'participant:rename', payload: { participantId: b.participantId, name: 'Bea' } }, f).ok).toBe(true);
    const refused = w.run({ type: 'participant:rename', payload: { participantId: b.participantId, name: 'Hacked' } }, a);
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(w.state.participants[a.participantId]?.name).toBe('Anna');
    expect(w.state.participants[b.participantId]?.name).toBe('Bea');
  });

  it('yields no event when nothing changes', () => {
    const w = new TestWorkshop();
    const a = w.join('A');
    const d = w.run({ type: 'participant:rename', payload: { participantId: a.participantId, name: 'A' } }, a);
    expect(d).toEqual({ ok: true, events: [] });
  });

  it('sets only the sender’s own language', () => {
    const w = new TestWorkshop();
    const a = w.join('A');
    w.run({ type: 'participant:setLanguage', payload: { language: 'ar' } }, a);
    expect(w.state.participants[a.participantId]?.language).toBe('ar');
  });
});

describe('removing', () => {
  it('lets a facilitator remove a participant, who can then do nothing', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const a = w.join('A');
    const d = w.run({ type: 'participant:remove', payload: { participantId: a.participantId } }, f);
    expect(d.ok && d.events[0]).toMatchObject({ type: 'participant.removed', by: f.participantId });
    expect(w.state.participants[a.participantId]?.removed).toBe(true);
    const after = w.run({ type: 'participant:setLanguage', payload: { language: 'fr' } }, a);
    expect(after).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
  });

  it('refuses participants, self-removal and double removal', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const a = w.join('A');
    const b = w.join('B');
    expect(w.run({ type: 'participant:remove', payload: { participantId: b.participantId } }, a)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(w.run({ type: 'participant:remove', payload: { participantId: f.participantId } }, f)).toMatchObject({ ok: false, refusal: { message: 'You cannot remove yourself.' } });
    w.run({ type: 'participant:remove', payload: { participantId: b.participantId } }, f);
    expect(w.run({ type: 'participant:remove', payload: { participantId: b.participantId } }, f)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    expect(w.run({ type: 'participant:remove', payload: { participantId: 'nobody' } }, f)).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
  });
});

describe('settings and agenda', () => {
  it('records only the settings that change', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const d = w.run({ type: 'workshop:updateSettings', payload: { settings: { joinOpen: true, attribution: 'anonymous' } } }, f);
    expect(d.ok && d.events).toEqual([{ type: 'workshop.settingsUpdated', settings: { attribution: 'anonymous' } }]);
    expect(w.state.settings.attribution).toBe('anonymous');
  });

  it('refuses settings and agenda control to participants and observers', () => {
    const w = new TestWorkshop();
    const a = w.join('A');
    const o = w.join('O', 'observer');
    for (const actor of [a, o]) {
      expect(w.run({ type: 'workshop:updateSettings', payload: { settings: { joinOpen: false } } }, actor).ok).toBe(false);
      expect(w.run({ type: 'agenda:setCurrent', payload: { itemId: 'd1-opening' } }, actor).ok).toBe(false);
    }
    expect(w.state.settings.joinOpen).toBe(true);
  });

  it('sets the current agenda item, and refuses an unknown one', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    w.run({ type: 'agenda:setCurrent', payload: { itemId: 'd1-opening' } }, f);
    expect(w.state.run).toMatchObject({ currentItemId: 'd1-opening', startedAt: w.now });
    expect(w.run({ type: 'agenda:setCurrent', payload: { itemId: 'nope' } }, f)).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
    w.run({ type: 'agenda:setCurrent', payload: { itemId: null } }, f);
    expect(w.state.run.currentItemId).toBeNull();
  });
});

describe('the projector', () => {
  it('is opened by a facilitator as a read-only member of the workshop', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const d = w.run({ type: 'projector:open', payload: {} }, f);
    const e = d.ok ? d.events[0] : undefined;
    if (e?.type !== 'participant.joined') throw new Error('no projector');
    expect(e.participant).toMatchObject({ role: 'projector', name: 'Projector' });
    const projector = { participantId: e.participant.id, role: 'projector' as const };
    expect(w.run({ type: 'participant:setLanguage', payload: { language: 'fr' } }, projector).ok).toBe(false);
    expect(w.run({ type: 'participant:rename', payload: { participantId: projector.participantId, name: 'X' } }, projector).ok).toBe(false);
    expect(w.run({ type: 'projector:show', payload: { view: { kind: 'agenda' } } }, projector).ok).toBe(false);
  });

  it('shows what a facilitator puts on it, and nothing that does not exist', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const a = w.join('A');
    expect(w.run({ type: 'projector:open', payload: {} }, a)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(w.run({ type: 'projector:show', payload: { view: { kind: 'poll', pollId: 'nope' } } }, f)).toMatchObject({ ok: false, refusal: { code: 'not_found' } });
    expect(w.state.run.projector).toEqual({ kind: 'agenda' });
  });
});

describe('co-facilitators', () => {
  it('are promoted and demoted by facilitators, and a workshop keeps at least one', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const a = w.join('A');
    expect(w.run({ type: 'participant:setRole', payload: { participantId: f.participantId, role: 'participant' } }, a)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    expect(w.run({ type: 'participant:setRole', payload: { participantId: f.participantId, role: 'participant' } }, f)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    w.run({ type: 'participant:setRole', payload: { participantId: a.participantId, role: 'facilitator' } }, f);
    expect(w.state.participants[a.participantId]?.role).toBe('facilitator');
    // The promoted co-facilitator may now do what facilitators do, including stepping the first one down.
    const coFacilitator = { participantId: a.participantId, role: 'facilitator' as const };
    expect(w.run({ type: 'participant:setRole', payload: { participantId: f.participantId, role: 'participant' } }, coFacilitator).ok).toBe(true);
    expect(w.state.participants[f.participantId]?.role).toBe('participant');
  });
});

describe('moving the workshop in time', () => {
  it('shifts every day together, keeps times and the time zone, and logs it', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    const before = w.state.definition;
    const d = w.run({ type: 'workshop:reschedule', payload: { firstDate: '2026-12-07' } }, f);
    expect(d).toMatchObject({ ok: true, events: [{ type: 'workshop.rescheduled', firstDate: '2026-12-07' }] });
    const days = w.state.definition.days;
    expect(days.map((x) => x.date)).toEqual(['2026-12-07', '2026-12-08']);
    expect(days.map((x) => x.items)).toEqual(before.days.map((x) => x.items));
    expect(w.state.definition.timeZone).toBe(before.timeZone);
    expect(w.log.at(-1)).toMatchObject({ type: 'workshop.rescheduled', shiftDays: expect.any(Number) });
  });

  it('moves back in time too, and yields nothing for the same date', () => {
    const w = new TestWorkshop();
    const f = w.facilitator();
    w.run({ type: 'workshop:reschedule', payload: { firstDate: '2019-05-01' } }, f);
    expect(w.state.definition.days.map((x) => x.date)).toEqual(['2019-05-01', '2019-05-02']);
    const seq = w.state.seq;
    expect(w.run({ type: 'workshop:reschedule', payload: { firstDate: '2019-05-01' } }, f)).toEqual({ ok: true, events: [] });
    expect(w.state.seq).toBe(seq);
  });

  it('refuses participants and observers, and changes nothing', () => {
    const w = new TestWorkshop();
    const a = w.join('A');
    const o = w.join('O', 'observer');
    const before = w.state;
    for (const who of [a, o, null]) {
      expect(w.run({ type: 'workshop:reschedule', payload: { firstDate: '2026-12-07' } }, who)).toMatchObject({ ok: false, refusal: { code: 'forbidden' } });
    }
    expect(w.state).toBe(before);
  });

  it('refuses a workshop without days, and a move past 2099', () => {
    const w = new TestWorkshop('ws2', { ...demoDefinition, days: [] });
    const f = w.facilitator();
    expect(w.run({ type: 'workshop:reschedule', payload: { firstDate: '2026-12-07' } }, f)).toMatchObject({ ok: false, refusal: { code: 'conflict' } });
    const v = new TestWorkshop();
    const g = v.facilitator();
    expect(v.run({ type: 'workshop:reschedule', payload: { firstDate: '2099-12-31' } }, g)).toMatchObject({ ok: false, refusal: { code: 'invalid' } });
    expect(v.state.definition.days[0]!.date).toBe(demoDefinition.days[0]!.date);
  });

  it('validates the date on the wire', () => {
    for (const firstDate of ['2026-02-30', '20-12-2026', '1999-12-31', '2100-01-01', '']) {
      expect(RescheduleWorkshop.safeParse({ firstDate }).success).toBe(false);
    }
    expect(RescheduleWorkshop.safeParse({ firstDate: '2028-02-29' }).success).toBe(true);
  });
});
