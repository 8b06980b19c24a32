/**
 * Two nodes in one process, as in production: each with its own PostgreSQL
 * pool (one schema, shared) and its own Redis connections (one prefix,
 * shared). Clients on node A and node B must see one workshop.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { docName, notesTextKey, SocketEvent, type DomainEvent, type PresencePush } from '@plenary/shared';
import { RedisBus } from '../src/bus/redis/RedisBus.js';
import { PostgresStore } from '../src/store/postgres/PostgresStore.js';
import { command, eventually, startHarness, synced, tempDir, type Harness } from './harness.js';

const dbUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let nodes: Harness[] = [];
let schema = '';
afterEach(async () => {
  await Promise.all(nodes.map((n) => n.close()));
  nodes = [];
  const s = await PostgresStore.open(dbUrl, { schema });
  await s.dropSchema(schema);
  await s.close();
});

async function twoNodes(): Promise<[Harness, Harness]> {
  schema = `plenary_c_${randomBytes(5).toString('hex')}`;
  const prefix = `plenary-c-${randomBytes(4).toString('hex')}:`;
  const secret = randomBytes(32).toString('hex');
  const open = async (nodeId: string) =>
    startHarness(
      { nodeId, secret, presenceHeartbeatMs: 500, presenceExpireMs: 1500 },
      { store: await PostgresStore.open(dbUrl, { schema }), bus: await RedisBus.connect(redisUrl, { prefix }) },
      { dataDir: tempDir(), facilitatorKey: '' },
    );
  const a = await open('node-a');
  const b = await open('node-b');
  nodes = [a, b];
  // Only the first node created the demo; let the second use the same key.
  return [a, { ...b, facilitatorKey: a.facilitatorKey, facilitator: (name) => withKey(b, a.facilitatorKey, name) }];
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
});
