import { afterEach, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { ApiPath, SocketEvent, type DomainEvent, type PresencePush, type WorkshopState } from '@plenary/shared';
import { command, eventually, startHarness, sync, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.close());

describe('control plane', () => {
  it('shows a joining participant to the facilitator live, with presence, and syncs both', async () => {
    h = await startHarness();
    const f = await h.facilitator();
    const fs = await h.socket(f.token);
    const first = await sync(fs, null);
    expect(first.ok && first.data.mode).toBe('snapshot');
    const seen: DomainEvent[] = [];
    const presence: PresencePush[] = [];
    fs.on(SocketEvent.events, (p) => seen.push(...p.events));
    fs.on(SocketEvent.presence, (p) => presence.push(p));

    const a = await h.join('Amina', { country: 'AF' });
    await eventually(() => seen.some((e) => e.type === 'participant.joined' && e.participant.name === 'Amina'), 3000, 'join event');
    const as = await h.socket(a.token);
    await eventually(() => presence.some((p) => p.online.includes(a.participantId)), 3000, 'presence');

    const r = await sync(as, null);
    if (!r.ok || r.data.mode !== 'snapshot') throw new Error('expected snapshot');
    expect(r.data.you).toBe(a.participantId);
    expect(r.data.online).toEqual(expect.arrayContaining([f.participantId, a.participantId]));
    expect(Object.values(r.data.state.participants).map((p) => p.name)).toEqual(['Facilitator', 'Amina']);

    as.disconnect();
    await eventually(() => presence.some((p) => p.offline.includes(a.participantId)), 3000, 'offline');
  });

  it('answers commands with acks after applying them, and pushes the events to everyone', async () => {
    h = await startHarness();
    const a = await h.join('A');
    const b = await h.join('B');
    const as = await h.socket(a.token);
    const bs = await h.socket(b.token);
    const got: DomainEvent[] = [];
    bs.on(SocketEvent.events, (p) => got.push(...p.events));
    const ack = await command<{ seq: number }>(as, 'participant:rename', { participantId: a.participantId, name: 'Anna' });
    expect(ack).toEqual({ ok: true, data: { seq: 4 } });
    await eventually(() => got.some((e) => e.type === 'participant.renamed' && e.name === 'Anna'), 3000, 'rename push');
  });

  it('refuses facilitator commands from participants and observers, changing nothing', async () => {
    h = await startHarness();
    const a = await h.join('A');
    const o = await h.join('O', { role: 'observer' });
    const f = await h.facilitator();
    for (const s of [await h.socket(a.token), await h.socket(o.token)]) {
      expect(await command(s, 'workshop:updateSettings', { settings: { joinOpen: false } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await command(s, 'participant:remove', { participantId: f.participantId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await command(s, 'agenda:setCurrent', { itemId: 'd1-opening' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const rt = await h.server.workshops.get(h.workshopId);
    expect(rt!.state.settings.joinOpen).toBe(true);
    expect(rt!.state.run.currentItemId).toBeNull();
    expect(rt!.state.participants[f.participantId]!.removed).toBe(false);
  });

  it('answers malformed, oversized and unknown payloads with clear errors, and keeps serving others', async () => {
    h = await startHarness();
    const a = await h.join('A');
    const b = await h.join('B');
    const as = await h.socket(a.token);
    const seqBefore = (await h.server.workshops.get(h.workshopId))!.state.seq;
    const bad = await command(as, 'participant:rename', { participantId: a.participantId, name: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid', issues: [{ path: 'name' }] } });
    expect(await command(as, 'participant:rename', 'not an object')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await command(as, 'participant:setLanguage', { language: 'xx' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const huge = await command(as, 'participant:rename', { participantId: a.participantId, name: 'x'.repeat(100_000) });
    expect(huge).toMatchObject({ ok: false, error: { code: 'too_large' } });
    // No ack function: ignored without harm.
    (as.emit as (ev: string, ...args: unknown[]) => void)('participant:setLanguage', { language: 'fr' });
    expect((await h.server.workshops.get(h.workshopId))!.state.seq).toBe(seqBefore);
    const bs = await h.socket(b.token);
    expect(await command(bs, 'participant:setLanguage', { language: 'fr' })).toMatchObject({ ok: true });
    expect(await command(as, 'participant:setLanguage', { language: 'ru' })).toMatchObject({ ok: true });
  });

  it('limits the rate of commands per connection', async () => {
    h = await startHarness();
    const a = await h.join('A');
    const as = await h.socket(a.token);
    const acks = await Promise.all(
      Array.from({ length: 80 }, (_, i) => command(as, 'participant:setLanguage', { language: i % 2 ? 'fr' : 'en' })),
    );
    expect(acks.filter((r) => !r.ok && r.error.code === 'rate_limited').length).toBeGreaterThan(0);
    expect(acks.filter((r) => r.ok).length).toBeGreaterThanOrEqual(40);
  });

  it('refuses forged, expired and foreign tokens at the handshake', async () => {
    h = await startHarness();
    const a = await h.join('A');
    const forged = await new SignJWT({ wid: h.workshopId, role: 'facilitator' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(a.participantId)
      .setIssuer('plenary')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-server-secret-but-long-enough!!'));
    const expired = await h.server.tokens.sign({ wid: h.workshopId, sub: a.participantId, role: 'participant' }, Date.now() - 90 * 86400_000);
    const ghost = await h.server.tokens.sign({ wid: h.workshopId, sub: 'nobody', role: 'participant' });
    for (const [token, pattern] of [
      [forged, /not valid \(invalid token\)/],
      [expired, /token expired/],
      [ghost, /not valid for this workshop/],
      ['', /missing token/],
    ] as const) {
      await expect(h.socket(token)).rejects.toMatchObject({ message: expect.stringMatching(pattern), data: { code: 'unauthorized' } });
    }
  });

  it('ends a removed participant’s session everywhere', async () => {
    h = await startHarness();
    const f = await h.facilitator();
    const a = await h.join('A');
    const fs = await h.socket(f.token);
    const as = await h.socket(a.token);
    const ended = new Promise((resolve) => as.on(SocketEvent.sessionEnded, resolve));
    const disconnected = new Promise((resolve) => as.on('disconnect', resolve));
    const removedSeen: DomainEvent[] = [];
    const bs = await h.socket((await h.join('B')).token);
    bs.on(SocketEvent.events, (p) => removedSeen.push(...p.events));
    expect(await command(fs, 'participant:remove', { participantId: a.participantId })).toMatchObject({ ok: true });
    expect(await ended).toEqual({ reason: 'removed' });
    await disconnected;
    await expect(h.socket(a.token)).rejects.toMatchObject({ data: { code: 'forbidden' } });
    const res = await fetch(h.url + ApiPath.session, { headers: { authorization: `Bearer ${a.token}` } });
    expect(res.status).toBe(401);
    // Other participants learn of the removal, but not who did it.
    await eventually(() => removedSeen.find((e) => e.type === 'participant.removed'), 3000, 'removal push');
    expect(removedSeen.find((e) => e.type === 'participant.removed')).not.toHaveProperty('by');
  });

  it('sends a reconnecting client only the events it missed', async () => {
    h = await startHarness();
    const a = await h.join('A');
    const as = await h.socket(a.token);
    const first = await sync(as, null);
    if (!first.ok || first.data.mode !== 'snapshot') throw new Error('expected snapshot');
    const seen = first.data.state.seq;
    as.disconnect();
    await h.join('B');
    await h.join('C');
    const again = await h.socket(a.token);
    const r = await sync(again, seen);
    if (!r.ok || r.data.mode !== 'events') throw new Error('expected events');
    expect(r.data.events.map((e) => e.seq)).toEqual([seen + 1, seen + 2]);
    expect(r.data.seq).toBe(seen + 2);
    const ahead = await sync(again, seen + 99);
    expect(ahead.ok && ahead.data.mode).toBe('snapshot');
    const state = ahead.ok && ahead.data.mode === 'snapshot' ? (ahead.data.state as WorkshopState) : null;
    expect(Object.keys(state!.participants)).toHaveLength(3);
  });
});
