import { afterEach, describe, expect, it } from 'vitest';
import { ApiPath, demoDefinition, type CreatedWorkshop, type JoinInfo, type JoinReply } from '@plenary/shared';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.close());

const joinBody = (code: string) => ({
  code,
  name: 'Reza',
  language: 'fa',
  affiliation: { kind: 'country', country: 'IR', delegation: 'mission-vienna' },
});

describe('joining over HTTP', () => {
  it('describes the workshop behind a code, whatever case and dashes are typed', async () => {
    h = await startHarness();
    const typed = `${h.joinCode.slice(0, 3).toLowerCase()}-${h.joinCode.slice(3)}`;
    const res = await fetch(h.url + ApiPath.joinInfo(typed));
    const body = (await res.json()) as { ok: true; data: JoinInfo };
    expect(res.status).toBe(200);
    expect(body.data).toMatchObject({ workshopId: 'glo-act-cop-2019', title: 'GLO.ACT Community of Practice Workshop', allowObservers: true });
    expect(body.data.countries).toHaveLength(17);
  });

  it('joins with a valid code and returns a session the server accepts', async () => {
    h = await startHarness();
    const r = await h.post<JoinReply>(ApiPath.join, joinBody(h.joinCode));
    expect(r.status).toBe(201);
    if (!r.body.ok) throw new Error('join failed');
    expect(r.body.data).toMatchObject({ workshopId: h.workshopId, role: 'participant' });
    const s = await fetch(h.url + ApiPath.session, { headers: { authorization: `Bearer ${r.body.data.token}` } });
    expect(await s.json()).toMatchObject({ ok: true, data: { name: 'Reza', role: 'participant' } });
  });

  it('refuses a wrong code, bad bodies and oversized bodies with clear errors, adding no one', async () => {
    h = await startHarness();
    expect(await h.post(ApiPath.join, joinBody('ZZZZZZ'))).toMatchObject({ status: 404, body: { ok: false, error: { code: 'bad_join_code' } } });
    expect(await h.post(ApiPath.join, { ...joinBody(h.joinCode), name: '   ' })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid', issues: [{ path: 'name' }] } },
    });
    expect(await h.post(ApiPath.join, { ...joinBody(h.joinCode), affiliation: { kind: 'country', country: 'FR', delegation: 'capital' } })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid', message: 'That country does not take part in this workshop.' } },
    });
    expect(await h.post(ApiPath.join, '{"code": ')).toMatchObject({ status: 400, body: { error: { code: 'invalid' } } });
    expect(await h.post(ApiPath.join, { ...joinBody(h.joinCode), padding: 'x'.repeat(300_000) })).toMatchObject({
      status: 413,
      body: { error: { code: 'too_large' } },
    });
    const rt = await h.server.workshops.get(h.workshopId);
    expect(Object.keys(rt!.state.participants)).toHaveLength(0);
  });

  it('slows down join-code guessing from one address', async () => {
    h = await startHarness({ joinFailuresPer5Min: 5 });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await h.post(ApiPath.join, joinBody(`AAAAA${i + 2}`))).status);
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await h.post(ApiPath.join, joinBody('AAAAAA'));
    expect(limited.body).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('lets a facilitator in only with the right key', async () => {
    h = await startHarness();
    const wrong = await h.post(ApiPath.facilitatorEnter(h.workshopId), { key: 'x'.repeat(43), name: 'Mallory', language: 'en' });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    const f = await h.facilitator('Ilias');
    expect(f.role).toBe('facilitator');
  });

  it('lets facilitators, and only them, create workshops blank or from the demo', async () => {
    h = await startHarness();
    const f = await h.facilitator();
    const a = await h.join('A');
    expect(await h.post(ApiPath.workshops, { from: 'demo', title: 'Copy' }, a.token)).toMatchObject({ status: 403 });
    expect(await h.post(ApiPath.workshops, { from: 'demo', title: 'Copy' })).toMatchObject({ status: 401 });
    expect(await h.post(ApiPath.workshops, { from: 'nothing', title: 'X' }, f.token)).toMatchObject({ status: 400 });
    const copy = await h.post<CreatedWorkshop>(ApiPath.workshops, { from: 'demo', title: 'Regional follow-up' }, f.token);
    expect(copy.status).toBe(201);
    if (!copy.body.ok) throw new Error('create failed');
    const rt = await h.server.workshops.get(copy.body.data.workshopId);
    expect(rt!.state.definition.title).toBe('Regional follow-up');
    expect(rt!.state.definition.countries).toHaveLength(17);
    expect(rt!.state.joinCode).not.toBe(h.joinCode);
    const blank = await h.post<CreatedWorkshop>(ApiPath.workshops, { from: 'blank', title: 'Empty' }, f.token);
    if (!blank.body.ok) throw new Error('create failed');
    expect((await h.server.workshops.get(blank.body.data.workshopId))!.state.definition.countries).toEqual([]);
    const enter = await h.post<JoinReply>(ApiPath.facilitatorEnter(blank.body.data.workshopId), {
      key: blank.body.data.facilitatorKey,
      name: 'New facilitator',
      language: 'fr',
    });
    expect(enter.status).toBe(201);
  });

  it('sends strict security headers and serves health', async () => {
    h = await startHarness();
    const res = await fetch(h.url + ApiPath.health);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(h.url + '/api/nope')).status).toBe(404);
  });
});

describe('the projector', () => {
  it('is opened by a facilitator of the same workshop only, and gets a read-only session', async () => {
    h = await startHarness();
    const f = await h.facilitator();
    const a = await h.join('A');
    expect(await h.post(ApiPath.projector(h.workshopId), {}, a.token)).toMatchObject({ status: 403 });
    expect(await h.post(ApiPath.projector(h.workshopId), {})).toMatchObject({ status: 401 });
    const r = await h.post<JoinReply>(ApiPath.projector(h.workshopId), {}, f.token);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ ok: true, data: { role: 'projector', workshopId: h.workshopId } });
  });
});

describe('the demo on a fresh install', () => {
  it('is placed so that it is about to start, in the venue’s time zone, with times kept', async () => {
    // 03:00 in Vienna on 4 December 2026: day one is today, before it starts.
    h = await startHarness({}, { now: () => Date.parse('2026-12-04T02:00:00Z') });
    const days = (await h.server.workshops.get(h.workshopId))!.state.definition.days;
    expect(days.map((d) => d.date)).toEqual(['2026-12-04', '2026-12-05']);
    expect(days[0]!.items.map((i) => [i.start, i.end])).toEqual(demoDefinition.days[0]!.items.map((i) => [i.start, i.end]));
  });

  it('starts tomorrow when today’s part of it is over', async () => {
    // 22:00 in Vienna: day one would be over, so it starts the next day.
    h = await startHarness({}, { now: () => Date.parse('2026-12-04T21:00:00Z') });
    const days = (await h.server.workshops.get(h.workshopId))!.state.definition.days;
    expect(days[0]!.date).toBe('2026-12-05');
  });
});
