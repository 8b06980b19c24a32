/**
 * The contract every Store implementation passes. Each implementation's test
 * calls `describeStoreContract` with a way to open a fresh store and to open
 * the same store again (to prove durability across restarts).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyEvent, defaultSettings, demoDefinition, type DomainEvent, type WorkshopState } from '@plenary/shared';
import { DuplicateWorkshopError, StaleSequenceError, type Store, type WorkshopRecord } from './Store.js';

export interface StoreHarness {
  /** Opens a new, empty store. */
  fresh(): Promise<Store>;
  /** Opens the same storage the last `fresh()` store used (after it was closed). */
  reopen(): Promise<Store>;
}

let counter = 0;

/** Real Yjs updates: one insert per string, and a reader of a stored document's text. */
function edits(parts: string[]) {
  const d = new Y.Doc();
  const updates: Uint8Array[] = [];
  d.on('update', (u: Uint8Array) => updates.push(u));
  for (const p of parts) d.getText('t').insert(d.getText('t').length, p);
  const text = (stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }) => {
    const r = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(r, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(r, u);
    return r.getText('t').toString();
  };
  return { updates, text };
}
const record = (over: Partial<WorkshopRecord> = {}): WorkshopRecord => {
  counter++;
  return { id: `w${counter}`, joinCode: `CODE${counter}`.slice(0, 12), facilitatorKeyHash: 'h', createdAt: counter, ...over };
};
const created = (id: string): DomainEvent => ({
  type: 'workshop.created',
  workshopId: id,
  joinCode: 'X',
  definition: demoDefinition,
  settings: defaultSettings,
  seq: 1,
  at: 1,
});
const current = (seq: number, itemId: string | null = null): DomainEvent => ({ type: 'agenda.currentSet', itemId, seq, at: seq });

export function describeStoreContract(name: string, harness: StoreHarness): void {
  describe(`${name} (Store contract)`, () => {
    it('creates workshops and finds them by id and join code', async () => {
      const s = await harness.fresh();
      const r = record();
      await s.createWorkshop(r, [created(r.id)]);
      expect(await s.getWorkshop(r.id)).toEqual(r);
      expect(await s.findWorkshopByJoinCode(r.joinCode)).toEqual(r);
      expect(await s.findWorkshopByJoinCode('NOPE')).toBeNull();
      expect((await s.listWorkshops()).map((w) => w.id)).toContain(r.id);
      expect(await s.readEvents(r.id, 0)).toEqual([created(r.id)]);
      await s.close();
    });

    it('refuses a duplicate id or join code and writes nothing', async () => {
      const s = await harness.fresh();
      const r = record();
      await s.createWorkshop(r, [created(r.id)]);
      await expect(s.createWorkshop({ ...record(), id: r.id }, [])).rejects.toBeInstanceOf(DuplicateWorkshopError);
      const other = record({ joinCode: r.joinCode });
      await expect(s.createWorkshop(other, [created(other.id)])).rejects.toBeInstanceOf(DuplicateWorkshopError);
      expect(await s.getWorkshop(other.id)).toBeNull();
      await s.close();
    });

    it('appends events only at the expected sequence number', async () => {
      const s = await harness.fresh();
      const r = record();
      await s.createWorkshop(r, [created(r.id)]);
      await s.appendEvents(r.id, 1, [current(2), current(3)]);
      await expect(s.appendEvents(r.id, 1, [current(2, 'x')])).rejects.toBeInstanceOf(StaleSequenceError);
      const events = await s.readEvents(r.id, 0);
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(events[1]).toEqual(current(2));
      expect((await s.readEvents(r.id, 1, 1)).map((e) => e.seq)).toEqual([2]);
      await s.close();
    });

    it('accepts exactly one of two concurrent appends at the same sequence number', async () => {
      const s = await harness.fresh();
      const r = record();
      await s.createWorkshop(r, [created(r.id)]);
      const results = await Promise.allSettled([
        s.appendEvents(r.id, 1, [current(2, 'a')]),
        s.appendEvents(r.id, 1, [current(2, 'b')]),
      ]);
      expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((x) => x.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(StaleSequenceError);
      expect(await s.readEvents(r.id, 1)).toHaveLength(1);
      await s.close();
    });

    it('keeps the newest state snapshot', async () => {
      const s = await harness.fresh();
      const r = record();
      await s.createWorkshop(r, [created(r.id)]);
      const s1 = applyEvent(null, created(r.id));
      const s3: WorkshopState = { ...s1, seq: 3 };
      await s.saveStateSnapshot(s3);
      await s.saveStateSnapshot(s1);
      expect((await s.loadStateSnapshot(r.id))?.seq).toBe(3);
      expect(await s.loadStateSnapshot('nope')).toBeNull();
      await s.close();
    });

    it('stores document updates in order and compacts them into a snapshot', async () => {
      const s = await harness.fresh();
      const doc = `w/x${counter++}/notes`;
      expect(await s.loadDoc(doc)).toEqual({ snapshot: null, updates: [], lastUpdateId: 0 });
      const { updates, text } = edits(['a', 'b', 'c']);
      const ids: number[] = [];
      for (const u of updates) ids.push(await s.appendDocUpdate(doc, u));
      expect(ids[0]! < ids[1]! && ids[1]! < ids[2]!).toBe(true);
      let loaded = await s.loadDoc(doc);
      expect(loaded.updates.map((u) => [...u])).toEqual(updates.map((u) => [...u]));
      expect(loaded.lastUpdateId).toBe(ids[2]);
      await s.compactDoc(doc, Y.mergeUpdates(updates.slice(0, 2)), ids[1]!);
      loaded = await s.loadDoc(doc);
      expect(loaded.updates.map((u) => [...u])).toEqual([[...updates[2]!]]);
      expect(text(loaded)).toBe('abc');
      await s.close();
    });

    it('loses nothing when the compacting copy lacks an update that was stored', async () => {
      const s = await harness.fresh();
      const doc = `w/x${counter++}/notes`;
      const { updates, text } = edits(['x', 'y', 'z']);
      const ids: number[] = [];
      for (const u of updates) ids.push(await s.appendDocUpdate(doc, u));
      // This node only knows the first edit (another node stored the rest).
      await s.compactDoc(doc, updates[0]!, ids[2]!);
      const loaded = await s.loadDoc(doc);
      expect(loaded.updates).toEqual([]);
      expect(text(loaded)).toBe('xyz');
      // An older compaction arriving late changes nothing.
      await s.compactDoc(doc, updates[0]!, ids[0]!);
      expect(text(await s.loadDoc(doc))).toBe('xyz');
      await s.close();
    });

    it('lists and deletes a workshop with everything of it, and nothing of another', async () => {
      const s = await harness.fresh();
      const r = record();
      // An id that the first one's is a prefix of: its documents must survive.
      const other = record({ id: `${r.id}0x` });
      for (const w of [r, other]) {
        await s.createWorkshop(w, [created(w.id)]);
        await s.appendEvents(w.id, 1, [current(2)]);
        await s.saveStateSnapshot({ ...applyEvent(null, created(w.id)), seq: 2 });
      }
      const { updates, text } = edits(['a', 'b']);
      const docs = [`w/${r.id}/notes`, `w/${r.id}/board/b1`, `w/${r.id}/board/b1/private/p1`];
      for (const doc of [...docs, `w/${other.id}/notes`]) for (const u of updates) await s.appendDocUpdate(doc, u);
      const last = await s.loadDoc(docs[1]!);
      await s.compactDoc(docs[1]!, Y.mergeUpdates(updates), last.lastUpdateId);
      expect(await s.listDocNames(r.id)).toEqual([...docs].sort());
      expect(await s.listDocNames('nope')).toEqual([]);

      expect(await s.deleteWorkshop(r.id)).toBe(true);
      expect(await s.getWorkshop(r.id)).toBeNull();
      expect(await s.findWorkshopByJoinCode(r.joinCode)).toBeNull();
      expect(await s.readEvents(r.id, 0)).toEqual([]);
      expect(await s.loadStateSnapshot(r.id)).toBeNull();
      expect(await s.listDocNames(r.id)).toEqual([]);
      for (const doc of docs) expect(await s.loadDoc(doc)).toEqual({ snapshot: null, updates: [], lastUpdateId: 0 });
      expect(await s.deleteWorkshop(r.id)).toBe(false);
      // The other workshop is whole; its join code and id can be used again for a new one.
      expect(await s.getWorkshop(other.id)).toEqual(other);
      expect((await s.readEvents(other.id, 0)).map((e) => e.seq)).toEqual([1, 2]);
      expect(text(await s.loadDoc(`w/${other.id}/notes`))).toBe('ab');
      await s.createWorkshop(r, [created(r.id)]);
      expect((await s.readEvents(r.id, 0)).map((e) => e.seq)).toEqual([1]);
      await s.close();
    });

    it('keeps everything across a close and reopen', async () => {
      const s = await harness.fresh();
      const r = record();
      const doc = `w/${r.id}/notes`;
      await s.createWorkshop(r, [created(r.id)]);
      await s.appendEvents(r.id, 1, [current(2)]);
      const { updates, text } = edits(['kept']);
      await s.appendDocUpdate(doc, updates[0]!);
      await s.close();
      const again = await harness.reopen();
      expect(await again.getWorkshop(r.id)).toEqual(r);
      expect((await again.readEvents(r.id, 0)).map((e) => e.seq)).toEqual([1, 2]);
      expect(text(await again.loadDoc(doc))).toBe('kept');
      await again.close();
    });
  });
}
