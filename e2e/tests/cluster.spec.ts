import { readFile } from 'node:fs/promises';
import { appendTo, FacilitatorConsole, Participant } from '../fixtures/pages.js';
import { startCluster, startRedis, type Cluster, type OwnRedis } from '../fixtures/cluster.js';
import { PollsConsole, PollVoter } from '../fixtures/polls.js';
import { expect, test } from '../fixtures/test.js';

let cluster: Cluster;
let redis: OwnRedis | null = null;
test.afterEach(async () => {
  await cluster.stop();
  await redis?.stop();
  redis = null;
});

test('two nodes behind nginx: one node is killed (SIGKILL) mid-workshop, its people carry on through the other, and nothing acknowledged is lost', async ({ person }) => {
  cluster = await startCluster(2);
  const facilitator = await FacilitatorConsole.open(person, cluster.facilitatorUrl);
  const people: Participant[] = [];
  for (const [name, represent] of [
    ['Amina', 'Afghanistan'],
    ['Karim', 'Morocco'],
    ['Olga', 'Ukraine'],
  ] as const) {
    people.push(await Participant.join(person, cluster.url, cluster.joinCode, { name, represent }));
  }
  await expect(facilitator.page.getByTestId('people-count')).toHaveText('4 present · 4 joined');

  // One after the other: each waits until the previous person's keystrokes have reached
  // everyone, so Yjs has nothing concurrent to interleave (this test is about loss).
  let typed = '';
  for (const [i, p] of people.entries()) {
    await p.typeInNotes(`[${i}]`);
    typed += `[${i}]`;
    const sofar = new RegExp(`${typed.replace(/[[\]]/g, '\\$&')}$`);
    await expect(facilitator.notes()).toHaveValue(sofar);
    for (const q of people) await expect(q.notes()).toHaveValue(sofar);
  }
  for (const p of people) await expect(p.page.getByTestId('save-status')).toHaveText('All changes saved');
  await facilitator.page.getByRole('button', { name: 'Start the first item' }).click();
  // Acknowledged (the console moved on) before the kill: a command still in flight may be lost, and may be.
  await expect(facilitator.page.getByRole('button', { name: 'Next item' })).toBeVisible();
  const before = await facilitator.notes().inputValue();

  // Kill the node that holds the most control-plane connections (least_conn spreads
  // the browsers' Socket.IO and Yjs connections over both nodes, in whatever pattern).
  const victim = await cluster.busiest();
  const held = ((await (await fetch(`${victim.url}/healthz`)).json()) as { sockets: number }).sockets;
  expect(held).toBeGreaterThan(0);
  await victim.stop('SIGKILL');

  // Everyone on the dead node reconnects through nginx to the survivor, by itself.
  for (const p of people) await expect(p.connection()).toHaveAttribute('data-status', 'connected', { timeout: 30_000 });
  await expect(facilitator.page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', { timeout: 30_000 });
  for (const p of people) await expect(p.notes()).toHaveValue(before);

  // Work goes on: edits and commands made now reach everyone.
  await people[0]!.typeInNotes(' after');
  await appendTo(facilitator.page, ' (f)');
  for (const p of people) await expect(p.notes()).toHaveValue(`${before} after (f)`);
  await facilitator.page.getByRole('button', { name: 'Next item' }).click();
  for (const p of people) await expect(p.page.getByTestId('now')).toContainText('Introducing GLO.ACT Asia and the Middle East');
  await people[1]!.page.reload();
  await expect(people[1]!.notes()).toHaveValue(`${before} after (f)`);
});

test('two nodes behind nginx: a node is killed (SIGKILL) while a poll is open and someone is offline; every acknowledged ballot counts, and the offline edits merge', async ({ person }) => {
  cluster = await startCluster(2);
  const facilitator = await FacilitatorConsole.open(person, cluster.facilitatorUrl);
  const [amina, karim, olga] = [
    await Participant.join(person, cluster.url, cluster.joinCode, { name: 'Amina', represent: 'Afghanistan' }),
    await Participant.join(person, cluster.url, cluster.joinCode, { name: 'Karim', represent: 'Morocco' }),
    await Participant.join(person, cluster.url, cluster.joinCode, { name: 'Olga', represent: 'Ukraine' }),
  ] as const;
  const people = [amina, karim, olga];
  await expect(facilitator.page.getByTestId('people-count')).toHaveText('4 present · 4 joined');
  const question = 'Which comes first?';
  const polls = new PollsConsole(facilitator.page);
  await polls.create(question, 'Single choice', ['Legislation', 'Victim protection']);
  await polls.launch(question);
  const vote = async (p: Participant, option: string) => {
    const voter = new PollVoter(p.page);
    await voter.poll(question).getByRole('radio', { name: option }).check();
    await voter.voteAndWait(question);
  };
  // Before the kill: two ballots, acknowledged.
  await vote(amina, 'Legislation');
  await vote(karim, 'Victim protection');
  await expect(polls.counts(question)).toHaveText(/^2 ballots/);
  await amina.typeInNotes('[a]');
  for (const p of [facilitator, ...people]) await expect(p.notes()).toHaveValue(/\[a\]$/);
  for (const p of people) await expect(p.page.getByTestId('save-status')).toHaveText('All changes saved');

  // Olga loses the network and goes on writing.
  await olga.context.setOffline(true);
  await olga.typeInNotes('[offline]');

  // The node with the most connections dies with no goodbye.
  const victim = await cluster.busiest();
  expect(((await (await fetch(`${victim.url}/healthz`)).json()) as { sockets: number }).sockets).toBeGreaterThan(0);
  await victim.stop('SIGKILL');
  for (const p of [amina, karim]) await expect(p.connection()).toHaveAttribute('data-status', 'connected', { timeout: 30_000 });
  await expect(facilitator.page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', { timeout: 30_000 });
  // The survivor counts both ballots acknowledged before the kill.
  await expect(polls.counts(question)).toHaveText(/^2 ballots/, { timeout: 15_000 });

  // After the kill: a ballot changed and an edit, through the survivor.
  await vote(karim, 'Legislation');
  await karim.typeInNotes('[k]');
  await expect(facilitator.notes()).toHaveValue(/\[a\]\[k\]$/);

  // Olga is back: her offline edit merges, and she votes.
  await olga.context.setOffline(false);
  await expect(olga.connection()).toHaveAttribute('data-status', 'connected', { timeout: 30_000 });
  for (const p of [facilitator, ...people]) {
    await expect(p.notes()).toHaveValue(/\[offline\]/, { timeout: 15_000 });
    await expect(p.notes()).toHaveValue(/\[k\]/);
  }
  const merged = await facilitator.notes().inputValue();
  for (const p of people) await expect(p.notes()).toHaveValue(merged);
  await vote(olga, 'Victim protection');
  await expect(polls.counts(question)).toHaveText(/^3 ballots/);
  await polls.close(question);
  // Every acknowledged ballot, as last cast: two for Legislation, one for Victim protection.
  const [csv] = await Promise.all([facilitator.page.waitForEvent('download'), polls.action(question, 'Results (CSV)')]);
  const text = await readFile((await csv.path())!, 'utf8');
  expect(text).toMatch(/Ballots received,3/);
  expect(text).toMatch(/Legislation,2\b/);
  expect(text).toMatch(/Victim protection,1\b/);
  // And a reload reads the merged notes back from the store.
  await olga.page.reload();
  await expect(olga.notes()).toHaveValue(merged);
});

test('two nodes behind nginx: Redis is restarted mid-workshop, the nodes recover by themselves, and edits and commands made during and after the outage reach everyone on both nodes', async ({ person }) => {
  redis = await startRedis();
  cluster = await startCluster(2, { redisUrl: redis.url });
  const facilitator = await FacilitatorConsole.open(person, cluster.facilitatorUrl);
  // Amina works on node A and Karim on node B directly, Olga through nginx: the outage cuts node from node.
  // (Through nginx alone, least_conn balances all connections, Yjs ones included, so every browser's
  // Socket.IO connection could end on one node; CI saw that once.)
  const people: Participant[] = [];
  for (const [name, represent, url] of [
    ['Amina', 'Afghanistan', cluster.nodes[0]!.url],
    ['Karim', 'Morocco', cluster.nodes[1]!.url],
    ['Olga', 'Ukraine', cluster.url],
  ] as const) {
    people.push(await Participant.join(person, url, cluster.joinCode, { name, represent }));
  }
  const everyone = [facilitator, ...people];
  await expect(facilitator.page.getByTestId('people-count')).toHaveText('4 present · 4 joined');
  for (const n of cluster.nodes) {
    await expect.poll(async () => ((await (await fetch(`${n.url}/healthz`)).json()) as { sockets: number }).sockets).toBeGreaterThan(0);
  }
  await people[0]!.typeInNotes('[a]');
  for (const p of everyone) await expect(p.notes()).toHaveValue(/\[a\]$/);

  // Redis dies. Each node still serves its own clients and saves to PostgreSQL.
  await redis.stop();
  for (const [i, p] of people.entries()) await p.typeInNotes(`[d${i}]`);
  await facilitator.page.getByRole('button', { name: 'Start the first item' }).click();
  for (const p of people) await expect(p.page.getByTestId('save-status')).toHaveText('All changes saved');
  // Both nodes know Redis is away (they stop being ready) before it comes back.
  for (const n of cluster.nodes) await expect.poll(async () => (await fetch(`${n.url}/readyz`)).status, { timeout: 20_000 }).toBe(503);

  // Redis is back (empty, as after a restart): the nodes reconnect and catch up from the store.
  await redis.start();
  const during = [/\[d0\]/, /\[d1\]/, /\[d2\]/];
  for (const p of everyone) for (const text of during) await expect(p.notes()).toHaveValue(text, { timeout: 15_000 });
  const merged = await facilitator.notes().inputValue();
  for (const p of people) await expect(p.notes()).toHaveValue(merged);
  for (const p of people) await expect(p.page.getByTestId('now')).toContainText('Opening remarks', { timeout: 15_000 });

  // After the outage everything flows as before.
  await people[1]!.typeInNotes(' after');
  for (const p of everyone) await expect(p.notes()).toHaveValue(`${merged} after`);
  await facilitator.page.getByRole('button', { name: 'Next item' }).click();
  for (const p of people) await expect(p.page.getByTestId('now')).toContainText('Introducing GLO.ACT Asia and the Middle East');
  // Nothing acknowledged was lost: a reload reads it back from the store.
  await people[2]!.page.reload();
  await expect(people[2]!.notes()).toHaveValue(`${merged} after`);
});
