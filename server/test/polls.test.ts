import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import {
  PollApiPath,
  PollSocketEvent,
  SocketEvent,
  tallyPoll,
  type Ballot,
  type DomainEvent,
  type JoinReply,
  type PollDraft,
  type PollResultsPush,
  type Result,
  type WorkshopState,
} from '@plenary/shared';
import { command, eventually, startHarness, sync, type ClientSocket, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const objectives = [
  { id: 'strategy', label: 'Strategy and policy' },
  { id: 'legislation', label: 'Legislation' },
  { id: 'children', label: 'Children' },
];
const settings = { anonymous: false, results: 'live', countBy: 'person', segmentBy: 'none' } as const;
const rankingPoll: PollDraft = { question: 'Rank the objectives', spec: { kind: 'ranking', options: objectives }, settings };
const pointsPoll: PollDraft = { question: 'Spread 100 points', spec: { kind: 'points', options: objectives, budget: 100, spendAll: true }, settings };

/** Everything one socket receives, in order. */
function record(socket: ClientSocket) {
  const events: DomainEvent[] = [];
  const results: PollResultsPush[] = [];
  const raw: unknown[] = [];
  socket.on(SocketEvent.events, (p) => {
    events.push(...p.events);
    raw.push(p);
  });
  socket.on(PollSocketEvent.results, (p) => {
    results.push(p);
    raw.push(p);
  });
  return { events, results, raw };
}

async function facilitatorSocket(harness: Harness) {
  const f = await harness.facilitator();
  const fs = await harness.socket(f.token);
  await sync(fs, null);
  return { f, fs };
}

async function participant(harness: Harness, name: string, options: { role?: 'participant' | 'observer'; country?: string } = {}) {
  const session = await harness.join(name, options);
  const socket = await harness.socket(session.token);
  await sync(socket, null);
  return { session, socket };
}

/** Creates and (unless told otherwise) opens a poll; returns its id. */
async function createPoll(fs: ClientSocket, poll: PollDraft, open = true): Promise<string> {
  const before = (await runtime()).state.polls.order.length;
  const r = await command(fs, 'poll:create', { poll });
  if (!r.ok) throw new Error(r.error.message);
  const id = (await runtime()).state.polls.order[before]!;
  if (open) expect(await command(fs, 'poll:open', { pollId: id })).toMatchObject({ ok: true });
  return id;
}

const runtime = async () => (await h!.server.workshops.get(h!.workshopId))!;
const vote = (s: ClientSocket, pollId: string, ballot: Ballot) => command(s, 'poll:vote', { pollId, ballot });

async function get<T>(path: string, token: string): Promise<{ status: number; body: T; type: string | null }> {
  const res = await fetch(h!.url + path, { headers: { authorization: `Bearer ${token}` } });
  const type = res.headers.get('content-type');
  return { status: res.status, type, body: (type?.includes('json') ? await res.json() : await res.text()) as T };
}

describe('polls over the control plane', () => {
  it('refuses bad ballots with a clear error and changes nothing', async () => {
    h = await startHarness();
    const { fs } = await facilitatorSocket(h);
    const amina = await participant(h, 'Amina', { country: 'AF' });
    const olga = await participant(h, 'Olga', { role: 'observer', country: 'UA' });
    const ranking = await createPoll(fs, rankingPoll);
    const points = await createPoll(fs, pointsPoll);
    const draft = await createPoll(fs, { ...rankingPoll, question: 'Not yet' }, false);
    const closed = await createPoll(fs, { ...rankingPoll, question: 'Closed already' });
    expect(await command(fs, 'poll:close', { pollId: closed })).toMatchObject({ ok: true });
    const seq = (await runtime()).state.seq;
    const stored = (await h.server.store.readEvents(h.workshopId, 0)).length;

    const cases: [ClientSocket, string, unknown, string, RegExp][] = [
      [amina.socket, points, { kind: 'points', points: { strategy: 90, children: 40 } }, 'invalid', /gave 130 points, but there are only 100/],
      [amina.socket, points, { kind: 'points', points: { strategy: 50 } }, 'invalid', /Give out all 100 points/],
      [amina.socket, points, { kind: 'points', points: { trafficking: 100 } }, 'invalid', /option this poll does not have/],
      [amina.socket, ranking, { kind: 'ranking', order: ['strategy', 'strategy', 'children'] }, 'invalid', /same option/],
      [amina.socket, ranking, { kind: 'ranking', order: ['strategy', 'children'] }, 'invalid', /Rank all 3 options/],
      [amina.socket, ranking, { kind: 'points', points: { strategy: 100 } }, 'invalid', /does not fit this poll/],
      [amina.socket, closed, { kind: 'ranking', order: ['strategy', 'legislation', 'children'] }, 'conflict', /closed/],
      [amina.socket, draft, { kind: 'ranking', order: ['strategy', 'legislation', 'children'] }, 'not_found', /No such poll/],
      [olga.socket, ranking, { kind: 'ranking', order: ['strategy', 'legislation', 'children'] }, 'forbidden', /Observers/],
      [amina.socket, ranking, { kind: 'ranking', order: 'strategy' }, 'invalid', /not valid/],
      [amina.socket, ranking, { kind: 'points', points: { strategy: -5 } }, 'invalid', /not valid/],
    ];
    for (const [socket, pollId, ballot, code, message] of cases) {
      const r = await command(socket, 'poll:vote', { pollId, ballot });
      expect(r, JSON.stringify(ballot)).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
    }
    expect((await runtime()).state.seq).toBe(seq);
    expect(await h.server.store.readEvents(h.workshopId, 0)).toHaveLength(stored);
    for (const id of [ranking, points, draft, closed]) expect((await runtime()).state.polls.byId[id]!.ballots).toEqual({});
    // And a good one still goes through.
    expect(await vote(amina.socket, points, { kind: 'points', points: { strategy: 60, children: 40 } })).toMatchObject({ ok: true });
  });

  it('never sends a participant anyone else’s ballot, and names no one in anonymous polls', async () => {
    h = await startHarness();
    const { f, fs } = await facilitatorSocket(h);
    const amina = await participant(h, 'Amina', { country: 'AF' });
    const bilal = await participant(h, 'Bilal', { country: 'PK' });
    const olga = await participant(h, 'Olga', { role: 'observer', country: 'UA' });
    const seen = { f: record(fs), amina: record(amina.socket), bilal: record(bilal.socket), olga: record(olga.socket) };
    const named = await createPoll(fs, { question: 'Named words', spec: { kind: 'wordCloud', maxWords: 3, maxLength: 30 }, settings });
    const anonymous = await createPoll(fs, {
      question: 'Anonymous answers',
      spec: { kind: 'openText', maxLength: 200 },
      settings: { ...settings, anonymous: true },
    });
    expect(await vote(amina.socket, named, { kind: 'wordCloud', words: ['aminaword'] })).toMatchObject({ ok: true });
    expect(await vote(bilal.socket, named, { kind: 'wordCloud', words: ['bilalword'] })).toMatchObject({ ok: true });
    expect(await vote(amina.socket, anonymous, { kind: 'openText', text: 'Amina secret answer' })).toMatchObject({ ok: true });
    expect(await vote(bilal.socket, anonymous, { kind: 'openText', text: 'Bilal secret answer' })).toMatchObject({ ok: true });
    expect(await vote(bilal.socket, anonymous, { kind: 'openText', text: 'Bilal changed answer' })).toMatchObject({ ok: true });
    const seq = (await runtime()).state.seq;
    for (const r of Object.values(seen)) await eventually(() => r.events.at(-1)?.seq === seq, 3000, 'all events');
    await eventually(() => seen.bilal.results.some((p) => p.pollId === named && p.ballots === 2), 3000, 'results');

    const text = (x: unknown) => JSON.stringify(x);
    // Amina: her own named ballot, nobody else's; no anonymous ballot at all.
    expect(text(seen.amina.raw)).toContain('aminaword'); // her ballot event (and the word cloud, which is public)
    expect(text(seen.amina.events)).not.toContain('bilalword');
    expect(text(seen.amina.raw)).not.toMatch(/secret answer|changed answer/);
    expect(seen.amina.events.filter((e) => e.type === 'poll.ballotCast').map((e) => e.type === 'poll.ballotCast' && e.voter)).toEqual([amina.session.participantId]);
    expect(text(seen.bilal.events)).not.toContain('aminaword');
    // The observer sees no ballot, only redactions with contiguous numbers.
    expect(seen.olga.events.filter((e) => e.type === 'poll.ballotCast')).toEqual([]);
    const seqs = seen.olga.events.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
    // Open answers show only once approved: none were, so no participant saw any.
    expect(text(seen.olga.raw)).not.toMatch(/secret answer|changed answer/);
    // Facilitators receive the anonymous answers, but nothing that names their authors.
    const anonEvents = seen.f.events.filter((e) => e.type === 'poll.ballotCast' && e.pollId === anonymous);
    expect(anonEvents).toHaveLength(3);
    for (const id of [amina.session.participantId, bilal.session.participantId, f.participantId]) {
      expect(text(anonEvents)).not.toContain(id);
      expect(text((await runtime()).state.polls.byId[anonymous])).not.toContain(id);
    }
    expect(text(await h.server.store.readEvents(h.workshopId, 0))).toContain('Bilal changed answer');

    // A participant who reloads gets their own anonymous ballot back, and no one else's.
    const again = await h.socket(bilal.session.token);
    const snap = await sync(again, null);
    if (!snap.ok || snap.data.mode !== 'snapshot') throw new Error('expected a snapshot');
    const ballots = Object.values((snap.data.state as WorkshopState).polls.byId[anonymous]!.ballots);
    expect(ballots.map((b) => b.ballot)).toEqual([{ kind: 'openText', text: 'Bilal changed answer' }]);
    expect(text(snap.data.state.polls)).not.toContain('aminaword');
    expect(text(snap.data.state.polls)).not.toContain('Amina secret');
  });

  it('coalesces results pushes under a burst of ballots, and the last push counts every ballot', async () => {
    h = await startHarness();
    const { fs } = await facilitatorSocket(h);
    const voters = await Promise.all(Array.from({ length: 40 }, (_, i) => participant(h!, `Voter ${i}`, { country: i % 2 ? 'NP' : 'AF' })));
    const watcher = record(voters[0]!.socket);
    const facilitatorSeen = record(fs);
    const id = await createPoll(fs, { question: 'Pick one', spec: { kind: 'single', options: objectives }, settings });
    const started = Date.now();
    const acks = await Promise.all(voters.map((v, i) => vote(v.socket, id, { kind: 'single', option: objectives[i % 3]!.id })));
    expect(acks.every((a) => a.ok)).toBe(true);
    await eventually(() => watcher.results.some((p) => p.pollId === id && p.ballots === 40), 3000, 'final results');
    await new Promise((r) => setTimeout(r, 400)); // asserts absence: no push follows the final one
    const mine = watcher.results.filter((p) => p.pollId === id);
    const elapsed = Date.now() - started;
    // At most one push per 250 ms per poll (+1 for the opening, +1 for the leading edge).
    expect(mine.length).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 2);
    expect(mine.length).toBeLessThan(40);
    const final = mine.at(-1)!;
    expect(final.results?.overall).toMatchObject({
      kind: 'choice',
      options: [
        { id: 'strategy', count: 14 },
        { id: 'legislation', count: 13 },
        { id: 'children', count: 13 },
      ],
    });
    expect(facilitatorSeen.results.filter((p) => p.pollId === id).at(-1)).toEqual(final);
    // What everyone is shown agrees with the server's tally.
    const poll = (await runtime()).state.polls.byId[id]!;
    expect(final.results).toEqual(tallyPoll(poll, (await runtime()).state.definition));
  });

  it('shows results as the poll’s setting allows: after close, facilitators only, or on the projector', async () => {
    h = await startHarness();
    const { f, fs } = await facilitatorSocket(h);
    const amina = await participant(h, 'Amina');
    const screenReply = await h.post<JoinReply>(`/api/workshops/${h.workshopId}/projector`, {}, f.token);
    if (!screenReply.body.ok) throw new Error('no projector');
    const screen = await h.socket(screenReply.body.data.token);
    await sync(screen, null);
    const seen = { amina: record(amina.socket), screen: record(screen), f: record(fs) };
    const later = await createPoll(fs, { ...rankingPoll, settings: { ...settings, results: 'afterClose' } });
    const secret = await createPoll(fs, { ...rankingPoll, settings: { ...settings, results: 'facilitatorOnly' } });
    const ranked: Ballot = { kind: 'ranking', order: ['children', 'strategy', 'legislation'] };
    await vote(amina.socket, later, ranked);
    await vote(amina.socket, secret, ranked);
    const last = (r: { results: PollResultsPush[] }, id: string) => r.results.filter((p) => p.pollId === id).at(-1);
    await eventually(() => last(seen.amina, later)?.ballots === 1 && last(seen.amina, secret)?.ballots === 1, 3000, 'counts');
    expect(last(seen.amina, later)).toMatchObject({ ballots: 1, results: null, hidden: 'untilClose', status: 'open' });
    expect(last(seen.amina, secret)).toMatchObject({ ballots: 1, results: null, hidden: 'facilitatorOnly' });
    expect(last(seen.screen, secret)).toMatchObject({ results: null, hidden: 'facilitatorOnly' });
    expect(last(seen.f, secret)).toMatchObject({ hidden: null, results: { counted: 1 } });

    await command(fs, 'poll:close', { pollId: later });
    await eventually(() => last(seen.amina, later)?.status === 'closed', 3000, 'closed results');
    expect(last(seen.amina, later)).toMatchObject({ hidden: null, results: { counted: 1, overall: { kind: 'ranking', method: 'borda' } } });

    // Putting a facilitator-only poll on the projector shows it there, and only there.
    expect(await command(fs, 'projector:show', { view: { kind: 'poll', pollId: secret } })).toMatchObject({ ok: true });
    await eventually(() => last(seen.screen, secret)?.hidden === null, 3000, 'projector results');
    expect(last(seen.screen, secret)!.results).toMatchObject({ counted: 1 });
    await new Promise((r) => setTimeout(r, 300)); // asserts absence: no results reach Amina
    expect(seen.amina.results.filter((p) => p.pollId === secret).every((p) => p.results === null)).toBe(true);

    // A screen that connects (or reloads) gets the current results right away, and over HTTP too.
    const fresh: ClientSocket = io(h.url, { auth: { token: screenReply.body.data.token }, transports: ['websocket'], forceNew: true, reconnection: false });
    const freshSeen = record(fresh); // listening before it connects, as a client that reconnects is
    await eventually(() => freshSeen.results.length >= 2, 3000, 'results on connect');
    expect(freshSeen.results.find((p) => p.pollId === secret)).toMatchObject({ hidden: null });
    fresh.disconnect();
    const viaHttp = await get<Result<PollResultsPush[]>>(PollApiPath.results(h.workshopId), amina.session.token);
    expect(viaHttp.status).toBe(200);
    expect(viaHttp.body.ok && viaHttp.body.data.map((p) => [p.pollId, p.hidden])).toEqual([
      [later, null],
      [secret, 'facilitatorOnly'],
    ]);
  });

  it('exports results and named ballots as CSV to facilitators only', async () => {
    h = await startHarness();
    const { f, fs } = await facilitatorSocket(h);
    const amina = await participant(h, 'Amina', { country: 'AF' });
    const bilal = await participant(h, 'Bilal', { country: 'PK' });
    const named = await createPoll(fs, { ...pointsPoll, question: 'Where, "exactly"?' });
    const anonymous = await createPoll(fs, { ...pointsPoll, settings: { ...settings, anonymous: true } });
    for (const id of [named, anonymous]) {
      await vote(amina.socket, id, { kind: 'points', points: { strategy: 70, children: 30 } });
      await vote(bilal.socket, id, { kind: 'points', points: { legislation: 100 } });
    }
    const results = await get<string>(PollApiPath.resultsCsv(h.workshopId, named), f.token);
    expect(results.status).toBe(200);
    expect(results.type).toContain('text/csv');
    const lines = results.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).toContain('Question,"Where, ""exactly""?"');
    expect(lines).toContain('Options,Strategy and policy,Legislation,Children');
    expect(lines).toContain('Ballots counted,2');
    expect(lines).toContain('All,2,Strategy and policy,70,35,35,2');
    expect(lines).toContain('All,2,Legislation,100,50,50,1');

    const ballots = await get<string>(PollApiPath.ballotsCsv(h.workshopId, named), f.token);
    expect(ballots.body).toContain('Amina,Afghanistan,,');
    expect(ballots.body).toMatch(/Bilal,Pakistan,,[^,]+,yes,0,100,0/);
    const none = await get<Result<never>>(PollApiPath.ballotsCsv(h.workshopId, anonymous), f.token);
    expect(none.status).toBe(409);
    const anonResults = await get<string>(PollApiPath.resultsCsv(h.workshopId, anonymous), f.token);
    expect(anonResults.body).not.toMatch(/Amina|Bilal/);
    expect((await get<Result<never>>(PollApiPath.resultsCsv(h.workshopId, named), amina.session.token)).status).toBe(403);
    expect((await get<Result<never>>(PollApiPath.resultsCsv(h.workshopId, named), '')).status).toBe(401);
  });
});

describe('a restart on the same data directory', () => {
  it('keeps every poll, ballot and result; voters keep their (anonymous) ballots and may still change them', async () => {
    const first = await startHarness({ snapshotEvery: 7 });
    h = first;
    const { fs } = await facilitatorSocket(first);
    const amina = await participant(first, 'Amina', { country: 'AF' });
    const bilal = await participant(first, 'Bilal', { country: 'NP' });
    const ranking = await createPoll(fs, { ...rankingPoll, settings: { ...settings, anonymous: true } });
    const points = await createPoll(fs, pointsPoll);
    await createPoll(fs, { question: 'Still a draft', spec: { kind: 'single', options: objectives }, settings }, false);
    await vote(amina.socket, ranking, { kind: 'ranking', order: ['children', 'strategy', 'legislation'] });
    await vote(bilal.socket, ranking, { kind: 'ranking', order: ['strategy', 'children', 'legislation'] });
    await vote(amina.socket, points, { kind: 'points', points: { children: 100 } });
    await vote(bilal.socket, points, { kind: 'points', points: { strategy: 50, legislation: 50 } });
    await command(fs, 'poll:close', { pollId: points });
    const before = (await runtime()).state;
    const tallies = Object.values(before.polls.byId).map((p) => tallyPoll(p, before.definition));
    await first.close();
    h = undefined;

    const second = await startHarness({}, {}, { dataDir: first.dataDir, facilitatorKey: first.facilitatorKey });
    h = second;
    const after = (await runtime()).state;
    expect(after.polls).toEqual(before.polls);
    expect(Object.values(after.polls.byId).map((p) => tallyPoll(p, after.definition))).toEqual(tallies);

    // Amina's session still works; her anonymous ballot comes back to her; she changes it.
    const socket = await second.socket(amina.session.token);
    const snap = await sync(socket, null);
    if (!snap.ok || snap.data.mode !== 'snapshot') throw new Error('expected a snapshot');
    expect(Object.values(snap.data.state.polls.byId[ranking]!.ballots).map((b) => b.ballot)).toEqual([
      { kind: 'ranking', order: ['children', 'strategy', 'legislation'] },
    ]);
    expect(await vote(socket, ranking, { kind: 'ranking', order: ['legislation', 'strategy', 'children'] })).toMatchObject({ ok: true });
    expect(Object.keys((await runtime()).state.polls.byId[ranking]!.ballots)).toHaveLength(2);
    expect(await vote(socket, points, { kind: 'points', points: { strategy: 100 } })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('polls put to breakout groups', () => {
  it('sends a poll put to one group, its events and its results to that group and facilitators only; refuses ballots from other groups', async () => {
    h = await startHarness();
    const { fs } = await facilitatorSocket(h);
    const people = await Promise.all(['AF', 'PK', 'MA', 'UA'].map((c) => participant(h!, `P-${c}`, { country: c })));
    const created = await command(fs, 'breakout:create', {
      round: { title: 'Synergies', prompt: '', template: null, minutes: 30, method: 'manual', byLanguage: false, readAcross: false },
      groups: [
        { name: 'Group 1', topic: null, capacity: null },
        { name: 'Group 2', topic: null, capacity: null },
      ],
    });
    expect(created.ok).toBe(true);
    const roundId = (await runtime()).state.breakouts.order[0]!;
    const [g1, g2] = (await runtime()).state.breakouts.byId[roundId]!.groups.map((g) => g.id) as [string, string];
    for (const [i, p] of people.entries()) {
      expect(await command(fs, 'breakout:move', { roundId, participantId: p.session.participantId, groupId: i < 2 ? g1 : g2 })).toMatchObject({ ok: true });
    }
    expect(await command(fs, 'breakout:start', { roundId })).toMatchObject({ ok: true });
    const [a, b, c, d] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0], (typeof people)[0]];
    const seen = { f: record(fs), a: record(a.socket), b: record(b.socket), c: record(c.socket), d: record(d.socket) };

    const id = await createPoll(fs, { question: 'Only for group one', spec: { kind: 'single', options: objectives }, settings: { ...settings, segmentBy: 'group' } }, false);
    expect(await command(fs, 'poll:open', { pollId: id, audience: { kind: 'groups', roundId, groupIds: [g1] } })).toMatchObject({ ok: true });
    expect(await vote(a.socket, id, { kind: 'single', option: 'strategy' })).toMatchObject({ ok: true });
    const seq = (await runtime()).state.seq;
    expect(await vote(c.socket, id, { kind: 'single', option: 'children' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'This poll is put to other breakout groups, not to yours.' },
    });
    expect((await runtime()).state.seq).toBe(seq);
    expect(Object.keys((await runtime()).state.polls.byId[id]!.ballots)).toHaveLength(1);

    await eventually(() => seen.b.results.some((p) => p.pollId === id && p.ballots === 1), 3000, 'results in group 1');
    await eventually(() => seen.f.results.some((p) => p.pollId === id && p.ballots === 1), 3000, 'results for facilitators');
    for (const r of [seen.c, seen.d]) await eventually(() => r.events.at(-1)?.seq === seq, 3000, 'events in group 2');
    await new Promise((r) => setTimeout(r, 300)); // asserts absence: nothing more about the poll reaches group 2
    const text = (x: unknown) => JSON.stringify(x);
    // Group 2 saw only redactions: not the question, not the poll's id, no results.
    for (const r of [seen.c, seen.d]) {
      expect(text(r.raw)).not.toContain('Only for group one');
      expect(text(r.raw)).not.toContain(id);
    }
    expect(seen.b.events.find((e) => e.type === 'poll.opened')).toMatchObject({ poll: { question: 'Only for group one' } });
    const facilitatorResults = seen.f.results.filter((p) => p.pollId === id).at(-1)!;
    expect(facilitatorResults.results?.segments.map((s) => [s.key, s.counted])).toEqual([[`group:${g1}`, 1]]);

    // Snapshots and the HTTP read agree.
    const snapshot = async (token: string) => {
      const r = await sync(await h!.socket(token), null);
      if (!r.ok || r.data.mode !== 'snapshot') throw new Error('expected a snapshot');
      return r.data.state as WorkshopState;
    };
    expect(id in (await snapshot(b.session.token)).polls.byId).toBe(true);
    expect(id in (await snapshot(c.session.token)).polls.byId).toBe(false);
    const read = async (token: string) => (await get<Result<PollResultsPush[]>>(PollApiPath.results(h!.workshopId), token)).body;
    expect(await read(b.session.token)).toMatchObject({ ok: true, data: [{ pollId: id, ballots: 1 }] });
    expect(await read(c.session.token)).toEqual({ ok: true, data: [] });

    // Moved into group 1, Chen may vote, and the ballot counts in group 1.
    expect(await command(fs, 'breakout:move', { roundId, participantId: c.session.participantId, groupId: g1 })).toMatchObject({ ok: true });
    expect(await vote(c.socket, id, { kind: 'single', option: 'children' })).toMatchObject({ ok: true });
    expect(tallyPoll((await runtime()).state.polls.byId[id]!, (await runtime()).state.definition).segments).toMatchObject([{ key: `group:${g1}`, counted: 2 }]);
    // And the CSV names the group.
    const csv = await get<string>(PollApiPath.resultsCsv(h.workshopId, id), (await h.facilitator()).token);
    expect(csv.body).toContain('Put to,"Group 1 of ""Synergies"""');
    expect(csv.body).toMatch(/^Group 1,2,/m);
  });
});
