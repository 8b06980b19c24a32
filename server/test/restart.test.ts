import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docName, notesTextKey } from '@plenary/shared';
import { command, eventually, startHarness, sync, synced, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => h?.close());

describe('a restart on the same data directory', () => {
  it('keeps workshops, participants, the event log, documents and sessions', async () => {
    const first = await startHarness({ docCompactEvery: 5 });
    h = first;
    const f = await first.facilitator();
    const a = await first.join('Amina', { country: 'AF' });
    const as = await first.socket(a.token);
    expect(await command(as, 'participant:rename', { participantId: a.participantId, name: 'Amina K.' })).toMatchObject({ ok: true });
    const fs = await first.socket(f.token);
    expect(await command(fs, 'agenda:setCurrent', { itemId: 'd2-synergies' })).toMatchObject({ ok: true });
    expect(await command(fs, 'timer:start', { seconds: 600, label: 'Groups' })).toMatchObject({ ok: true });
    expect(await command(fs, 'timer:pause', {})).toMatchObject({ ok: true });
    expect(await command(fs, 'room:pause', { message: 'Back in five' })).toMatchObject({ ok: true });
    expect(await command(fs, 'agenda:extend', { minutes: 15 })).toMatchObject({ ok: true });
    expect(await command(as, 'qa:ask', { text: 'Will slides be shared?', identity: 'anonymous' })).toMatchObject({ ok: true });
    const name = docName({ kind: 'notes', workshopId: first.workshopId });
    const p = first.provider(name, a.token);
    await synced(p);
    for (let i = 0; i < 12; i++) p.doc.getText(notesTextKey).insert(p.doc.getText(notesTextKey).length, `line ${i}\n`);
    const expected = p.doc.getText(notesTextKey).toString();
    await eventually(async () => {
      const stored = await first.server.store.loadDoc(name);
      const d = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(d, stored.snapshot);
      for (const u of stored.updates) Y.applyUpdate(d, u);
      return d.getText(notesTextKey).toString() === expected;
    }, 3000, 'stored notes');
    const seq = (await first.server.workshops.get(first.workshopId))!.state.seq;
    await first.close();
    h = undefined;

    const second = await startHarness({}, {}, { dataDir: first.dataDir, facilitatorKey: first.facilitatorKey });
    h = second;
    expect(second.joinCode).toBe(first.joinCode);
    const rt = await second.server.workshops.get(second.workshopId);
    expect(rt!.state.seq).toBe(seq);
    expect(rt!.state.participants[a.participantId]).toMatchObject({ name: 'Amina K.', affiliation: { country: 'AF' } });
    expect(rt!.state.run).toMatchObject({
      currentItemId: 'd2-synergies',
      paused: { message: 'Back in five' },
      timer: { label: 'Groups', endsAt: null },
    });
    expect(rt!.state.definition.days[1]!.items.find((i) => i.id === 'd2-synergies')).toMatchObject({ start: '10:45', end: '12:15' });
    expect(Object.values(rt!.state.qa.byId).map((q) => q.text)).toEqual(['Will slides be shared?']);
    expect((await second.server.store.readEvents(second.workshopId, 0)).map((e) => e.seq)).toEqual(
      Array.from({ length: seq }, (_, i) => i + 1),
    );
    // The old session token still works: same person after the restart.
    const again = await second.socket(a.token);
    const r = await sync(again, null);
    expect(r.ok && r.data.you).toBe(a.participantId);
    const p2 = second.provider(name, a.token);
    await synced(p2);
    expect(p2.doc.getText(notesTextKey).toString()).toBe(expected);
    // Compaction ran: the stored log is a snapshot plus fewer updates than edits made.
    const stored = await second.server.store.loadDoc(name);
    expect(stored.snapshot).not.toBeNull();
    expect(stored.updates.length).toBeLessThan(12);
    // And the facilitator key still works.
    expect((await second.facilitator('Back again')).role).toBe('facilitator');
  });
});
