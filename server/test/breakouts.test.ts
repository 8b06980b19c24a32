import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode, docName, groupOf, notesTextKey } from '@plenary/shared';
import { closeCode, command, eventually, startHarness, synced, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => h?.close());

const round = {
  title: 'Synergies',
  prompt: 'Which good practice could travel?',
  template: null,
  minutes: 20,
  method: 'balanced',
  byLanguage: false,
  readAcross: false,
} as const;

async function startedRound(node: Harness) {
  const f = await node.facilitator();
  const fs = await node.socket(f.token);
  const people = await Promise.all(['AF', 'PK', 'MA', 'UA'].map((c) => node.join(`P-${c}`, { country: c })));
  const created = await command<{ seq: number }>(fs, 'breakout:create', {
    round,
    groups: [
      { name: 'Group 1', topic: null, capacity: null },
      { name: 'Group 2', topic: null, capacity: null },
    ],
  });
  expect(created.ok).toBe(true);
  const rt = (await node.server.workshops.get(node.workshopId))!;
  const roundId = rt.state.breakouts.order[0]!;
  expect(await command(fs, 'breakout:assign', { roundId, seed: 3 })).toMatchObject({ ok: true });
  expect(await command(fs, 'breakout:start', { roundId })).toMatchObject({ ok: true });
  return { f, fs, people, roundId, rt };
}

describe('breakout rounds over the wire', () => {
  it('keep each group’s notes to its members while the round runs, and close by themselves after the countdown', async () => {
    h = await startHarness();
    const { fs, people, roundId, rt } = await startedRound(h);
    const [a, ...rest] = people;
    const mine = groupOf(rt.state.breakouts, a!.participantId)!.group;
    const outsider = rest.find((p) => groupOf(rt.state.breakouts, p.participantId)!.group.id !== mine.id)!;
    const name = docName({ kind: 'groupNotes', workshopId: h.workshopId, groupId: mine.id });
    const member = h.provider(name, a!.token);
    await synced(member);
    member.doc.getText(notesTextKey).insert(0, 'Our group: joint investigations');
    const stranger = h.provider(name, outsider.token);
    expect((await closeCode(stranger)).code).toBe(CloseCode.forbidden);

    expect(await command(fs, 'breakout:end', { roundId, closingSeconds: 1 })).toMatchObject({ ok: true });
    await eventually(() => rt.state.breakouts.byId[roundId]!.status === 'closed', 5000, 'closed by the server');
    // The gallery: everyone may read, members no longer write.
    const reader = h.provider(name, outsider.token);
    await synced(reader);
    expect(reader.doc.getText(notesTextKey).toString()).toBe('Our group: joint investigations');
  });

  it('resume after a restart with the same groups and the same end time', async () => {
    const first = await startHarness();
    h = first;
    const { roundId, rt } = await startedRound(first);
    const before = structuredClone(rt.state.breakouts.byId[roundId]!);
    await first.close();
    h = await startHarness({}, {}, { dataDir: first.dataDir, facilitatorKey: first.facilitatorKey });
    const after = (await h.server.workshops.get(h.workshopId))!.state.breakouts.byId[roundId]!;
    expect(after.status).toBe('running');
    expect(after.members).toEqual(before.members);
    expect(after.endsAt).toBe(before.endsAt);
  });

  it('refuse bad input clearly and change nothing', async () => {
    h = await startHarness();
    const f = await h.facilitator();
    const fs = await h.socket(f.token);
    const a = await h.join('A');
    const as = await h.socket(a.token);
    expect(await command(fs, 'breakout:create', { round, groups: [] })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await command(fs, 'breakout:create', { round: { ...round, minutes: 0 }, groups: [{ name: 'G', topic: null, capacity: 0 }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(await command(as, 'breakout:create', { round, groups: [{ name: 'G', topic: null, capacity: null }] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const rt = (await h.server.workshops.get(h.workshopId))!;
    expect(rt.state.breakouts.order).toEqual([]);
  });
});
