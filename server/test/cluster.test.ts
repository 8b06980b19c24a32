/**
 * Two nodes in one process, as in production: each with its own PostgreSQL
 * pool (one schema, shared) and its own Redis connections (one prefix,
 * shared). Clients on node A and node B must see one workshop.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { docName, notesTextKey, SocketEvent, type DomainEvent, type PresencePush } from '@plenary/shared';
import { RedisBus } from '../src/bus/redis/RedisBus.js';
import { FlakyBus } from '../src/testing/FlakyBus.js';
import { PostgresStore } from '../src/store/postgres/PostgresStore.js';
import { command, eventually, startHarness, synced, tempDir, type Harness } from './harness.js';

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
    await new Promise((r) => setTimeout(r, 200));
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
    await new Promise((r) => setTimeout(r, 200));
    expect(seenOnB.some((e) => e.type === 'agenda.currentSet')).toBe(false);
    // Back: A tells B to read the store again; B's client gets the event without any new command.
    busA.reconnect();
    await eventually(() => seenOnB.some((e) => e.type === 'agenda.currentSet'), 5000, 'agenda on B after the outage');
  });
});
