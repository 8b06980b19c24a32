import { afterEach, describe, expect, it } from 'vitest';
import { SocketEvent, type DomainEvent } from '@plenary/shared';
import { command, eventually, startHarness, sync, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.close());

describe('run of show over the wire', () => {
  it('counts the same timer down on every screen, with the server clock in each sync', async () => {
    h = await startHarness();
    const f = await h.facilitator();
    const a = await h.join('A');
    const fs = await h.socket(f.token);
    const as = await h.socket(a.token);
    const seen: DomainEvent[] = [];
    as.on(SocketEvent.events, (p) => seen.push(...p.events));
    const before = Date.now();
    expect(await command(fs, 'timer:start', { seconds: 120, label: 'Group work' })).toMatchObject({ ok: true });
    const started = await eventually(() => seen.find((e) => e.type === 'timer.started'), 3000, 'timer pushed');
    expect(started).toMatchObject({ label: 'Group work', durationMs: 120_000 });
    if (started.type !== 'timer.started') throw new Error('no timer');
    expect(started.endsAt).toBeGreaterThanOrEqual(before + 120_000);
    const r = await sync(as, null);
    expect(r.ok && Math.abs(r.data.serverNow - Date.now())).toBeLessThan(1000);
    expect(await command(as, 'timer:stop', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('promotes a participant to co-facilitator live: they move audience, resync, and may now facilitate', async () => {
    h = await startHarness();
    const f = await h.facilitator();
    const a = await h.join('Amina');
    const fs = await h.socket(f.token);
    const as = await h.socket(a.token);
    const roleChanges: unknown[] = [];
    as.on(SocketEvent.roleChanged, (p) => roleChanges.push(p));
    expect(await command(as, 'room:pause', { message: '' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await command(fs, 'participant:setRole', { participantId: a.participantId, role: 'facilitator' })).toMatchObject({ ok: true });
    await eventually(() => roleChanges.length > 0, 3000, 'role change push');
    expect(roleChanges[0]).toEqual({ role: 'facilitator' });
    // Now in the facilitators' audience: sees who removed whom, which the public does not.
    const b = await h.join('B');
    const seen: DomainEvent[] = [];
    as.on(SocketEvent.events, (p) => seen.push(...p.events));
    expect(await command(fs, 'participant:remove', { participantId: b.participantId })).toMatchObject({ ok: true });
    const removal = await eventually(() => seen.find((e) => e.type === 'participant.removed'), 3000, 'removal');
    expect(removal).toMatchObject({ by: f.participantId });
    expect(await command(as, 'room:pause', { message: 'Coffee!' })).toMatchObject({ ok: true });
  });
});

describe('questions over the wire', () => {
  it('never shows a pending question to others, shows it to its asker, and never names an anonymous asker', async () => {
    h = await startHarness();
    const f = await h.facilitator();
    const a = await h.join('Amina', { country: 'AF' });
    const b = await h.join('Boris', { country: 'BY' });
    const fs = await h.socket(f.token);
    const as = await h.socket(a.token);
    const bs = await h.socket(b.token);
    const forA: DomainEvent[] = [];
    const forB: DomainEvent[] = [];
    const forF: DomainEvent[] = [];
    as.on(SocketEvent.events, (p) => forA.push(...p.events));
    bs.on(SocketEvent.events, (p) => forB.push(...p.events));
    fs.on(SocketEvent.events, (p) => forF.push(...p.events));
    expect(await command(as, 'qa:ask', { text: 'Is there funding for shelters?', identity: 'named' })).toMatchObject({ ok: true });
    expect(await command(as, 'qa:ask', { text: 'Who protects informants?', identity: 'anonymous' })).toMatchObject({ ok: true });
    await eventually(() => forB.filter((e) => e.type === 'qa.asked').length === 2, 3000, 'asked pushes');
    expect(forB.filter((e) => e.type === 'qa.asked').every((e) => e.type === 'qa.asked' && e.question === null)).toBe(true);
    await eventually(() => forA.filter((e) => e.type === 'qa.asked').length === 2, 3000, 'asker pushes');
    const own = forA.filter((e) => e.type === 'qa.asked').map((e) => (e.type === 'qa.asked' && e.question ? e.question.text : null));
    expect(own).toEqual(['Is there funding for shelters?', null]);
    await eventually(() => forF.filter((e) => e.type === 'qa.asked').length === 2, 3000, 'facilitator pushes');
    const anon = forF.find((e) => e.type === 'qa.asked' && e.question?.identity === 'anonymous');
    expect(JSON.stringify(anon)).not.toContain(a.participantId);

    const rt = await h.server.workshops.get(h.workshopId);
    const qid = rt!.state.qa.order[1]!;
    expect(await command(fs, 'qa:approve', { questionId: qid })).toMatchObject({ ok: true });
    const approved = await eventually(() => forB.find((e) => e.type === 'qa.approved'), 3000, 'approval push');
    expect(approved).toMatchObject({ question: { text: 'Who protects informants?', asker: '' } });
    expect(await command(bs, 'qa:upvote', { questionId: qid })).toMatchObject({ ok: true });
    expect(await command(bs, 'qa:upvote', { questionId: qid })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(rt!.state.qa.byId[qid]?.votes).toBe(1);
    // Nothing anywhere in the stored log names the anonymous asker.
    const log = await h.server.store.readEvents(h.workshopId, 0);
    const asked = log.filter((e) => e.type === 'qa.asked' && e.question?.identity === 'anonymous');
    expect(JSON.stringify(asked)).not.toContain(a.participantId);
  });
});
