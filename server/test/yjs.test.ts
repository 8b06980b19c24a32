import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode, docName, notesTextKey, YMessage } from '@plenary/shared';
import { closeCode, command, denials, eventually, hasReceived, startHarness, synced, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.close());

const notes = (h: Harness) => docName({ kind: 'notes', workshopId: h.workshopId });
const text = (doc: Y.Doc) => doc.getText(notesTextKey);

/** A raw WebSocket to the endpoint, for checks a provider would hide. */
function raw(h: Harness, path: string): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${h.url.replace('http', 'ws')}/yjs/${path}`);
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.on('error', () => undefined);
  });
}

describe('the y-websocket endpoint', () => {
  it('syncs a stock WebsocketProvider in Node between two participants', async () => {
    h = await startHarness();
    const a = await h.join('A');
    const b = await h.join('B');
    const pa = h.provider(notes(h), a.token);
    const pb = h.provider(notes(h), b.token);
    await Promise.all([synced(pa), synced(pb)]);
    text(pa.doc).insert(0, 'Pakistan: shared route via Iran');
    await eventually(() => text(pb.doc).toString() === 'Pakistan: shared route via Iran', 3000, 'b sees a');
    text(pb.doc).insert(0, '• ');
    await eventually(() => text(pa.doc).toString() === '• Pakistan: shared route via Iran', 3000, 'a sees b');
  });

  it('never lets an observer write, and says so', async () => {
    h = await startHarness();
    const a = await h.join('A');
    const o = await h.join('O', { role: 'observer' });
    const pa = h.provider(notes(h), a.token);
    const po = h.provider(notes(h), o.token);
    const denied: string[] = [];
    const original = console.warn;
    console.warn = (msg: string) => denied.push(String(msg));
    try {
      await Promise.all([synced(pa), synced(po)]);
      text(pa.doc).insert(0, 'from participant');
      await eventually(() => text(po.doc).toString() === 'from participant', 3000, 'observer reads');
      text(po.doc).insert(0, 'observer was here ');
      await new Promise((r) => setTimeout(r, 300)); // asserts absence: the observer's edit never reaches a
      expect(text(pa.doc).toString()).toBe('from participant');
      expect(denied.some((m) => m.includes('Permission denied'))).toBe(true);
    } finally {
      console.warn = original;
    }
    const stored = await h.server.store.loadDoc(notes(h));
    const check = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(check, u);
    expect(text(check).toString()).toBe('from participant');
  });

  it('closes with a clear code: unknown document, no token, expired token, another workshop', async () => {
    h = await startHarness();
    const a = await h.join('A');
    expect(await raw(h, `w/${h.workshopId}/whatever?token=${a.token}`)).toMatchObject({ code: CloseCode.badRequest });
    expect(await raw(h, `${notes(h)}`)).toMatchObject({ code: CloseCode.unauthorized, reason: expect.stringContaining('missing token') });
    const expired = await h.server.tokens.sign({ wid: h.workshopId, sub: a.participantId, role: 'participant' }, Date.now() - 90 * 86400_000);
    expect(await raw(h, `${notes(h)}?token=${expired}`)).toMatchObject({ code: CloseCode.unauthorized, reason: expect.stringContaining('expired') });
    expect(await raw(h, `w/other-workshop/notes?token=${a.token}`)).toMatchObject({ code: CloseCode.forbidden });
    // The server goes on serving.
    const p = h.provider(notes(h), a.token);
    await synced(p);
  });

  it('refuses an oversized update with 4413 and keeps the document intact for others', async () => {
    h = await startHarness();
    const a = await h.join('A');
    const b = await h.join('B');
    const pa = h.provider(notes(h), a.token);
    const pb = h.provider(notes(h), b.token);
    await Promise.all([synced(pa), synced(pb)]);
    text(pa.doc).insert(0, 'kept');
    await eventually(() => text(pb.doc).toString() === 'kept', 3000, 'b sees a');
    const closed = closeCode(pa);
    text(pa.doc).insert(4, 'x'.repeat(600 * 1024));
    expect((await closed).code).toBe(CloseCode.tooLarge);
    text(pb.doc).insert(0, 'still ');
    const check = h.provider(notes(h), b.token);
    await synced(check);
    await eventually(() => hasReceived(check.doc, pb.doc), 3000, 'b’s edit reaches a new reader');
    expect(text(check.doc).toString()).toBe('still kept');
  });

  it('tells a client which of its edits are stored', async () => {
    h = await startHarness();
    const a = await h.join('A');
    const saved: { vector: Map<number, number>; count: number }[] = [];
    const p = h.provider(notes(h), a.token, { saved: true });
    p.messageHandlers[YMessage.savedStateVector] = (_enc, dec) => {
      saved.push({ vector: Y.decodeStateVector(decoding.readVarUint8Array(dec)), count: decoding.readVarUint(dec) });
    };
    await synced(p);
    // Its half of the handshake (an empty step 2) is message 1: nothing to store, acknowledged at once.
    await eventually(() => saved.some((s) => s.count === 1), 3000, 'handshake acknowledged');
    text(p.doc).insert(0, 'durable');
    const last = await eventually(() => saved.find((s) => s.count === 2), 3000, 'insert acknowledged');
    expect(last.vector.get(p.doc.clientID)).toBe(Y.decodeStateVector(Y.encodeStateVector(p.doc)).get(p.doc.clientID));
    let stored = await h.server.store.loadDoc(notes(h));
    expect(stored.updates.length).toBe(1);
    // A deletion does not move the state vector; the count still tells it is stored.
    text(p.doc).delete(0, 3);
    await eventually(() => saved.find((s) => s.count === 3), 3000, 'delete acknowledged');
    stored = await h.server.store.loadDoc(notes(h));
    expect(stored.updates.length).toBe(2);
  });

  it('applies access changes to connections already open', async () => {
    h = await startHarness();
    const f = await h.facilitator();
    const a = await h.join('A');
    const fs = await h.socket(f.token);
    const pf = h.provider(notes(h), f.token);
    const pa = h.provider(notes(h), a.token);
    const deniedToA = denials(pa);
    await Promise.all([synced(pf), synced(pa)]);
    expect(await command(fs, 'workshop:updateSettings', { settings: { notesEditableBy: 'facilitators' } })).toMatchObject({ ok: true });
    await eventually(() => deniedToA.length > 0, 3000, 'a told its open connection is read-only');
    text(pa.doc).insert(0, 'no longer allowed');
    text(pf.doc).insert(0, 'facilitator only');
    await new Promise((r) => setTimeout(r, 300)); // asserts absence: a's edit never reaches the facilitator
    expect(text(pf.doc).toString()).toBe('facilitator only');
    // Removing someone closes their document connections with 4410.
    const closed = closeCode(pa);
    expect(await command(fs, 'participant:remove', { participantId: a.participantId })).toMatchObject({ ok: true });
    expect((await closed).code).toBe(CloseCode.gone);
  });

  it('answers a malformed message by closing only that connection', async () => {
    h = await startHarness();
    const a = await h.join('A');
    const ws = new WebSocket(`${h.url.replace('http', 'ws')}/yjs/${notes(h)}?token=${a.token}`);
    await new Promise((r) => ws.on('open', r));
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, YMessage.sync);
    encoding.writeVarUint(e, syncProtocol.messageYjsUpdate);
    encoding.writeVarUint8Array(e, new Uint8Array([255, 255, 255, 255, 1, 2, 3]));
    ws.send(encoding.toUint8Array(e));
    expect(await closed).toBe(CloseCode.badRequest);
    const p = h.provider(notes(h), a.token);
    await synced(p);
  });

  it('batches awareness: many cursors moving at once reach a listener in a few messages, each naming everyone', async () => {
    h = await startHarness({ awarenessFlushMs: 50 });
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => h.join(`P${i}`)));
    const listener = h.provider(notes(h), people[0]!.token);
    const movers = people.slice(1).map((p) => h.provider(notes(h), p.token));
    await Promise.all([listener, ...movers].map(synced));
    // Nothing to wait for before counting: a provider's first state ({} at clock 0) is never
    // passed on (y-protocols ignores clock 0 of a client it does not know), so no awareness
    // message is on its way to the listener until the cursors move.
    let messages = 0;
    const handle = listener.messageHandlers[YMessage.awareness]!;
    listener.messageHandlers[YMessage.awareness] = (...args) => {
      messages++;
      handle(...args);
    };
    movers.forEach((m, i) => m.awareness.setLocalStateField('cursor', { x: i, y: i }));
    await eventually(() => [...listener.awareness.getStates().values()].filter((s) => s.cursor).length === 19, 3000, 'all cursors');
    expect(messages).toBeLessThanOrEqual(4);
  });
});
