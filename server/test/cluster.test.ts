/**
 * Two nodes in one process, as in production: each with its own PostgreSQL
 * pool (one schema, shared) and its own Redis connections (one prefix,
 * shared). Clients on node A and node B must see one workshop.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BoardDoc,
  docName,
  notesTextKey,
  PollSocketEvent,
  SocketEvent,
  type DomainEvent,
  type PollResultsPush,
  type PresencePush,
  type WorkshopState,
} from '@plenary/shared';
import { RedisBus } from '../src/bus/redis/RedisBus.js';
import { FlakyBus } from '../src/testing/FlakyBus.js';
import { PostgresStore } from '../src/store/postgres/PostgresStore.js';
import { command, eventually, startHarness, sync, synced, tempDir, type ClientSocket, type Harness } from './harness.js';

const dbUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let nodes: Harness[] = [];
let buses: RedisBus[] = [];
let schema = '';
afterEach(async () => {
  await Promise.all(nodes.map((n) => n.close()));
  nodes = [];
  // A FlakyBus does not close the Redis connections under it.
  await Promise.all(buses.map((b) => b.close()));
  buses = [];
  const s = await PostgresStore.open(dbUrl, { schema });
  await s.dropSchema(schema);
  await s.close();
});

/** Two nodes; with `flaky`, each node's connection to Redis can be cut (`flaky[i].disconnect()`). */
async function twoNodes(): Promise<[Harness, Harness]>;
async function twoNodes(options: { flaky: true }): Promise<[Harness, Harness, [FlakyBus, FlakyBus]]>;
async function twoNodes(options: { flaky?: boolean } = {}): Promise<[Harness, Harness, [FlakyBus, FlakyBus]?]> {
  schema = `plenary_c_${randomBytes(5).toString('hex')}`;
  const prefix = `plenary-c-${randomBytes(4).toString('hex')}:`;
  const secret = randomBytes(32).toString('hex');
  const flaky: FlakyBus[] = [];
  const open = async (nodeId: string) => {
    const redis = await RedisBus.connect(redisUrl, { prefix });
    let bus: RedisBus | FlakyBus = redis;
    if (options.flaky) {
      buses.push(redis);
      bus = new FlakyBus(redis);
      flaky.push(bus);
    }
    return startHarness(
      { nodeId, secret, presenceHeartbeatMs: 500, presenceExpireMs: 1500 },
      { store: await PostgresStore.open(dbUrl, { schema }), bus },
      { dataDir: tempDir(), facilitatorKey: '' },
    );
  };
  const a = await open('node-a');
  const b = await open('node-b');
  nodes = [a, b];
  // Only the first node created the demo; let the second use the same key.
  const b2: Harness = { ...b, facilitatorKey: a.facilitatorKey, facilitator: (name) => withKey(b, a.facilitatorKey, name) };
  return options.flaky ? [a, b2, [flaky[0]!, flaky[1]!]] : [a, b2];
}

async function withKey(node: Harness, key: string, name = 'Facilitator') {
  const r = await node.post<{ token: string; participantId: string; workshopId: string; role: 'facilitator' }>(
    `/api/workshops/${node.workshopId}/facilitator`,
    { key, name, language: 'en' },
  );
  if (!r.body.ok) throw new Error(r.body.error.message);
  return r.body.data;
}

describe('two nodes on PostgreSQL and Redis', () => {
  it('show one workshop: joins, presence and commands on one node reach clients of the other', async () => {
    const [a, b] = await twoNodes();
    expect(b.joinCode).toBe(a.joinCode);
    const f = await a.facilitator();
    const fs = await a.socket(f.token);
    const seenOnA: DomainEvent[] = [];
    const presenceOnA: PresencePush[] = [];
    fs.on(SocketEvent.events, (p) => seenOnA.push(...p.events));
    fs.on(SocketEvent.presence, (p) => presenceOnA.push(p));

    // A participant joins through node B and connects to node B.
    const p = await b.join('Amina', { country: 'AF' });
    const ps = await b.socket(p.token);
    await eventually(() => seenOnA.some((e) => e.type === 'participant.joined' && e.participant.name === 'Amina'), 5000, 'join on A');
    await eventually(() => presenceOnA.some((x) => x.online.includes(p.participantId)), 5000, 'presence on A');

    // The facilitator on A runs the agenda; the participant on B follows.
    const seenOnB: DomainEvent[] = [];
    ps.on(SocketEvent.events, (x) => seenOnB.push(...x.events));
    expect(await command(fs, 'agenda:setCurrent', { itemId: 'd1-opening' })).toMatchObject({ ok: true });
    await eventually(() => seenOnB.some((e) => e.type === 'agenda.currentSet'), 5000, 'agenda on B');
    // A command sent to B is ordered after A's, with the next sequence number.
    const rename = await command<{ seq: number }>(ps, 'participant:rename', { participantId: p.participantId, name: 'Amina R.' });
    expect(rename.ok).toBe(true);
    const seqs = (await a.server.store.readEvents(a.workshopId, 0)).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));

    // Leaving node B shows as offline on node A.
    ps.disconnect();
    await eventually(() => presenceOnA.some((x) => x.offline.includes(p.participantId)), 5000, 'offline on A');
  });

  it('converge documents edited on both nodes, and a late joiner on either node gets everything', async () => {
    const [a, b] = await twoNodes();
    const pa = await a.join('A');
    const pb = await b.join('B');
    const name = docName({ kind: 'notes', workshopId: a.workshopId });
    const onA = a.provider(name, pa.token);
    const onB = b.provider(name, pb.token);
    await Promise.all([synced(onA), synced(onB)]);
    onA.doc.getText(notesTextKey).insert(0, 'Vienna ');
    onB.doc.getText(notesTextKey).insert(0, 'Geneva ');
    await eventually(
      () => onA.doc.getText(notesTextKey).toString() === onB.doc.getText(notesTextKey).toString() && onA.doc.getText(notesTextKey).length === 14,
      5000,
      'convergence',
    );
    const late = b.provider(name, (await b.join('C')).token);
    await synced(late);
    expect(late.doc.getText(notesTextKey).toString()).toBe(onA.doc.getText(notesTextKey).toString());
  });

  it('never accept conflicting commands on both nodes: joining closed on A refuses a join on B', async () => {
    const [a, b] = await twoNodes();
    const f = await a.facilitator();
    const fs = await a.socket(f.token);
    expect(await command(fs, 'workshop:updateSettings', { settings: { joinOpen: false } })).toMatchObject({ ok: true });
    // Node B may not have heard yet; its append is stale, it re-reads and refuses.
    await expect(b.join('Late')).rejects.toThrow(/not accepting/);
  });

  it('show cursors across nodes: a late opener on either node sees those already there, and who leaves disappears everywhere', async () => {
    const [a, b] = await twoNodes();
    const name = docName({ kind: 'notes', workshopId: a.workshopId });
    const onA = a.provider(name, (await a.join('A')).token);
    await synced(onA);
    onA.awareness.setLocalStateField('user', { name: 'Amina' });
    // Opened on B after A's cursor was set: B asks the other nodes for theirs.
    const onB = b.provider(name, (await b.join('B')).token);
    await synced(onB);
    await eventually(() => (onB.awareness.getStates().get(onA.awareness.clientID) as { user?: { name: string } } | undefined)?.user?.name === 'Amina', 5000, "A's cursor on B");
    onB.awareness.setLocalStateField('user', { name: 'Karim' });
    await eventually(() => (onA.awareness.getStates().get(onB.awareness.clientID) as { user?: { name: string } } | undefined)?.user?.name === 'Karim', 5000, "B's cursor on A");
    // Leaving node B is heard on node A at once (not after the 30 s awareness timeout).
    const bId = onB.awareness.clientID;
    onB.destroy();
    await eventually(() => !onA.awareness.getStates().has(bId), 3000, "B's cursor gone from A");
  });

  it("drop a dead node's cursors: a node that falls silent is forgotten, and so are its people's cursors", async () => {
    const [a, b, [busA]] = await twoNodes({ flaky: true });
    const name = docName({ kind: 'notes', workshopId: a.workshopId });
    const onA = a.provider(name, (await a.join('A')).token);
    const onB = b.provider(name, (await b.join('B')).token);
    await Promise.all([synced(onA), synced(onB)]);
    onA.awareness.setLocalStateField('user', { name: 'Amina' });
    await eventually(() => onB.awareness.getStates().has(onA.awareness.clientID), 5000, "A's cursor on B");
    // Node A stops talking (as if killed): no goodbye, no heartbeats.
    busA.disconnect();
    await eventually(() => !onB.awareness.getStates().has(onA.awareness.clientID), 5000, "A's cursor dropped on B after A's heartbeats stopped");
  });

  it('accept a session made on A at once on B, with the bus slow or down: the session check, the socket and a document all work', async () => {
    const [a, b, [, busB]] = await twoNodes({ flaky: true });
    // B serves the workshop already (it loaded it before the join), so only the bus could tell it of the newcomer.
    const early = await b.join('Early');
    const notes = docName({ kind: 'notes', workshopId: a.workshopId });
    const check = (token: string) => fetch(`${b.url}/api/session`, { headers: { authorization: `Bearer ${token}` } });
    expect((await check(early.token)).status).toBe(200);

    for (const mode of ['slow', 'down'] as const) {
      if (mode === 'slow') busB.delay(2_000);
      else busB.disconnect();
      const p = await a.join(`Joined on A, bus ${mode}`);
      const f = await a.facilitator(`Facilitator, bus ${mode}`);
      // Checked and used on B at once, before the bus could have carried the join there.
      const res = await check(p.token);
      expect(res.status, `session check on B with the bus ${mode}`).toBe(200);
      expect(((await res.json()) as { data: { participantId: string } }).data.participantId).toBe(p.participantId);
      expect((await check(f.token)).status).toBe(200);
      const socket = await b.socket(p.token);
      const reply = await sync(socket, null);
      expect(reply.ok && reply.data.mode === 'snapshot' && reply.data.you).toBe(p.participantId);
      const doc = b.provider(notes, p.token);
      await synced(doc);
      // A token the store knows nothing of still fails (signed for another participant id).
      const forged = await b.server.tokens.sign({ wid: a.workshopId, sub: 'nobody-here', role: 'participant' });
      expect((await check(forged)).status).toBe(401);
    }
  });

  it('catch up after the bus was down: edits and cursors from either side of the outage reach the other node, and nothing saved is lost', async () => {
    const [a, b, [busA]] = await twoNodes({ flaky: true });
    const name = docName({ kind: 'notes', workshopId: a.workshopId });
    const onA = a.provider(name, (await a.join('A')).token);
    const onB = b.provider(name, (await b.join('B')).token);
    await Promise.all([synced(onA), synced(onB)]);
    onA.doc.getText(notesTextKey).insert(0, 'before ');
    await eventually(() => onB.doc.getText(notesTextKey).toString() === 'before ', 5000, 'first edit on B');

    // Node A's connection to the bus is cut: what either node publishes now is lost to the other.
    busA.disconnect();
    onA.doc.getText(notesTextKey).insert(7, 'from-A ');
    onB.doc.getText(notesTextKey).insert(0, 'from-B ');
    onA.awareness.setLocalStateField('user', { name: 'Amina' });
    // Both are stored (each node answers its own client), but neither crossed.
    const stored = async () => {
      const d = await a.server.store.loadDoc(name);
      return d.updates.length;
    };
    await eventually(async () => (await stored()) >= 3, 5000, 'both edits stored');
    await new Promise((r) => setTimeout(r, 200)); // asserts absence: neither edit crosses while the bus is cut
    expect(onA.doc.getText(notesTextKey).toString()).not.toContain('from-B');
    expect(onB.doc.getText(notesTextKey).toString()).not.toContain('from-A');

    // Back: node A reads the store again, and asks node B to do the same.
    busA.reconnect();
    const text = (p: typeof onA) => p.doc.getText(notesTextKey).toString();
    await eventually(() => text(onA).includes('from-B') && text(onB).includes('from-A') && text(onA) === text(onB), 5000, 'convergence after the outage');
    await eventually(() => onB.awareness.getStates().has(onA.awareness.clientID), 5000, "A's cursor on B after the outage");
    // And after it: edits flow both ways as before.
    onB.doc.getText(notesTextKey).insert(0, 'after ');
    await eventually(() => text(onA).startsWith('after '), 5000, 'edit after the outage');
  });

  it('catch up commands after the bus was down: what a node appended while cut off reaches the clients of the other', async () => {
    const [a, b, [busA]] = await twoNodes({ flaky: true });
    const fs = await a.socket((await a.facilitator()).token);
    const ps = await b.socket((await b.join('Amina')).token);
    const seenOnB: DomainEvent[] = [];
    ps.on(SocketEvent.events, (x) => seenOnB.push(...x.events));
    busA.disconnect();
    // Acknowledged on A (stored), but its publication is lost.
    expect(await command(fs, 'agenda:setCurrent', { itemId: 'd1-opening' })).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 200)); // asserts absence: the event does not reach B while the bus is cut
    expect(seenOnB.some((e) => e.type === 'agenda.currentSet')).toBe(false);
    // Back: A tells B to read the store again; B's client gets the event without any new command.
    busA.reconnect();
    await eventually(() => seenOnB.some((e) => e.type === 'agenda.currentSet'), 5000, 'agenda on B after the outage');
  });

  it('let a facilitator on A run a poll and a breakout round that participants on B follow: results, groups and moves cross nodes', async () => {
    const [a, b] = await twoNodes();
    const fs = await a.socket((await a.facilitator()).token);
    await sync(fs, null);
    /** A participant on a node, with everything its socket receives. */
    const person = async (node: Harness, name: string) => {
      const session = await node.join(name);
      const socket = await node.socket(session.token);
      const seen = { events: [] as DomainEvent[], results: [] as PollResultsPush[] };
      socket.on(SocketEvent.events, (p) => seen.events.push(...p.events));
      socket.on(PollSocketEvent.results, (p) => seen.results.push(p));
      await sync(socket, null);
      return { session, socket, seen };
    };
    const onA = [await person(a, 'Amina'), await person(a, 'Bilal')];
    const onB = [await person(b, 'Karim'), await person(b, 'Olga'), await person(b, 'Rana')];
    const everyone = [...onA, ...onB];

    // A poll made and launched on A; ballots on both nodes.
    expect(
      await command(fs, 'poll:create', {
        poll: {
          question: 'Which first?',
          spec: { kind: 'single', options: [{ id: 'leg', label: 'Legislation' }, { id: 'chi', label: 'Children' }] },
          settings: { anonymous: false, results: 'live', countBy: 'person', segmentBy: 'none' },
        },
      }),
    ).toMatchObject({ ok: true });
    const pollId = (await a.server.store.readEvents(a.workshopId, 0)).filter((e) => e.type === 'poll.created').at(-1)!.poll.id;
    expect(await command(fs, 'poll:open', { pollId })).toMatchObject({ ok: true });
    // Launched on A: the participants on B learn the poll from A's event.
    for (const p of onB) await eventually(() => p.seen.events.some((e) => e.type === 'poll.opened' && e.poll.id === pollId), 5000, `poll on B for ${p.session.participantId}`);
    const votes: [typeof onA[number], string][] = [
      [onA[0]!, 'leg'],
      [onB[0]!, 'leg'],
      [onB[1]!, 'chi'],
      [onA[1]!, 'chi'],
      [onB[2]!, 'leg'],
    ];
    // Sent at once from both nodes: each append races the other node's, and every one must land.
    const acks = await Promise.all(votes.map(([p, option]) => command(p.socket, 'poll:vote', { pollId, ballot: { kind: 'single', option } })));
    for (const ack of acks) expect(ack).toMatchObject({ ok: true });
    const counts = (push: PollResultsPush | undefined) => {
      const body = push?.results?.overall;
      return body?.kind === 'choice' ? Object.fromEntries(body.options.map((o) => [o.id, o.count])) : null;
    };
    const latest = (p: { seen: { results: PollResultsPush[] } }) => p.seen.results.filter((r) => r.pollId === pollId).at(-1);
    for (const p of everyone) {
      await eventually(() => latest(p)?.ballots === 5, 5000, `five ballots in the results pushed to ${p.session.participantId}`);
      expect(counts(latest(p))).toEqual({ leg: 3, chi: 2 });
    }
    // No node ever pushes a count that goes backwards (stale state on one node).
    for (const p of everyone) {
      const ballots = p.seen.results.filter((r) => r.pollId === pollId).map((r) => r.ballots);
      expect(ballots).toEqual([...ballots].sort((x, y) => x - y));
    }
    // Both nodes hold the same tally.
    const state = async (node: Harness): Promise<WorkshopState> => (await node.server.workshops.get(node.workshopId))!.state;
    await eventually(async () => Object.keys((await state(b)).polls.byId[pollId]!.ballots).length === 5, 5000, 'five ballots in node B state');

    // A breakout round created, filled and started on A.
    expect(
      await command(fs, 'breakout:create', {
        round: { title: 'Synergies', prompt: 'Which practice could travel?', template: null, minutes: 20, method: 'balanced', byLanguage: false, readAcross: false },
        groups: [
          { name: 'Group 1', topic: null, capacity: null },
          { name: 'Group 2', topic: null, capacity: null },
        ],
      }),
    ).toMatchObject({ ok: true });
    const roundId = (await state(a)).breakouts.order.at(-1)!;
    expect(await command(fs, 'breakout:assign', { roundId, seed: 3 })).toMatchObject({ ok: true });
    expect(await command(fs, 'breakout:start', { roundId })).toMatchObject({ ok: true });
    const round = (await state(a)).breakouts.byId[roundId]!;
    const [g1, g2] = round.groups.map((g) => g.id);
    // Each participant on B follows: the assignment names their group, and the round started.
    for (const p of onB) {
      await eventually(() => p.seen.events.some((e) => e.type === 'breakout.started' && e.roundId === roundId), 5000, `round started on B for ${p.session.participantId}`);
      const assigned = p.seen.events.find((e) => e.type === 'breakout.assigned' && e.roundId === roundId);
      expect(assigned?.type === 'breakout.assigned' && assigned.members[p.session.participantId]).toBe(round.members[p.session.participantId]);
      // And a fresh sync through B puts them in that group.
      const r = await sync(p.socket, null);
      if (!r.ok || r.data.mode !== 'snapshot') throw new Error(`expected a snapshot from node B, got ${JSON.stringify(r).slice(0, 200)}`);
      expect(r.data.state.breakouts.byId[roundId]!.status).toBe('running');
      expect(r.data.state.breakouts.byId[roundId]!.members[p.session.participantId]).toBe(round.members[p.session.participantId]);
    }
    // A move made on A reaches the mover's screen on B and everyone else's on A and B.
    const karim = onB[0]!;
    const to = round.members[karim.session.participantId] === g1 ? g2! : g1!;
    expect(await command(fs, 'breakout:move', { roundId, participantId: karim.session.participantId, groupId: to })).toMatchObject({ ok: true });
    for (const p of everyone) {
      await eventually(
        () => p.seen.events.some((e) => e.type === 'breakout.moved' && e.participantId === karim.session.participantId && e.groupId === to),
        5000,
        `move seen by ${p.session.participantId}`,
      );
    }
    await eventually(async () => (await state(b)).breakouts.byId[roundId]!.members[karim.session.participantId] === to, 5000, 'move in node B state');
  });

  it('share a board across nodes: notes added on A and on B, and presence of each side on the other', async () => {
    const [a, b] = await twoNodes();
    const fs = await a.socket((await a.facilitator()).token);
    const presenceOnA: PresencePush[] = [];
    fs.on(SocketEvent.presence, (p) => presenceOnA.push(p));
    const boardCreated = new Promise<string>((resolve) => {
      fs.on(SocketEvent.events, ({ events }) => {
        const e = events.find((x) => x.type === 'board.created');
        if (e?.type === 'board.created') resolve(e.boardId);
      });
    });
    await sync(fs, null);
    expect(await command(fs, 'board:create', { title: 'Synergy map', template: 'blank' })).toMatchObject({ ok: true });
    const boardId = await boardCreated;
    const pa = await a.join('Amina');
    const pb = await b.join('Karim');
    // Karim's control connection is on B; node A's facilitator sees him online.
    const sb: ClientSocket = await b.socket(pb.token);
    await sync(sb, null);
    await eventually(() => presenceOnA.some((x) => x.online.includes(pb.participantId)), 5000, 'Karim online on A');
    const name = docName({ kind: 'board', workshopId: a.workshopId, boardId });
    const A = a.provider(name, pa.token);
    const B = b.provider(name, pb.token);
    await Promise.all([synced(A), synced(B)]);
    const boardA = new BoardDoc(A.doc);
    const boardB = new BoardDoc(B.doc);
    const note = (text: string) => ({ kind: 'note' as const, x: 0, y: 0, w: 160, h: 120, text });
    boardA.add('from-a', note('Joint investigations'));
    boardB.add('from-b', note('Shared training'));
    await eventually(() => boardB.get('from-a')?.kind === 'note' && boardA.get('from-b')?.kind === 'note', 5000, 'notes cross nodes');
    boardB.patch('from-a', { text: 'Joint investigations PK–IR' });
    await eventually(() => {
      const item = boardA.get('from-a');
      return item?.kind === 'note' && item.text === 'Joint investigations PK–IR';
    }, 5000, "B's edit of A's note on A");
  });
});
