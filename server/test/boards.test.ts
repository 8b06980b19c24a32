import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { BoardDoc, CloseCode, docName, SocketEvent, YMessage, type BoardTemplate, type DomainEvent, type JoinReply } from '@plenary/shared';
import { closeCode, command, denials, eventually, hasReceived, startHarness, sync, synced, type ClientSocket, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.close());

const note = (text: string, extra: object = {}) => ({ kind: 'note' as const, x: 0, y: 0, w: 160, h: 120, text, ...extra });

async function createBoard(fs: ClientSocket, template: BoardTemplate = 'blank'): Promise<string> {
  const seen = new Promise<string>((resolve) => {
    const onEvents = ({ events }: { events: DomainEvent[] }) => {
      const created = events.find((e) => e.type === 'board.created');
      if (created && created.type === 'board.created') {
        fs.off(SocketEvent.events, onEvents);
        resolve(created.boardId);
      }
    };
    fs.on(SocketEvent.events, onEvents);
  });
  await sync(fs, null);
  expect(await command(fs, 'board:create', { title: 'Synergy map', template })).toMatchObject({ ok: true });
  return seen;
}

/** A board connection that records what the server says it refused, and when it says the connection is read-only. */
function open(h: Harness, boardId: string, who: JoinReply) {
  const name = docName({ kind: 'board', workshopId: h.workshopId, boardId });
  const p = h.provider(name, who.token, { saved: true });
  const refusals: { code: string; message: string }[] = [];
  p.messageHandlers[YMessage.savedStateVector] = () => undefined;
  p.messageHandlers[YMessage.refused] = (_enc, dec) => {
    refusals.push({ code: decoding.readVarString(dec), message: decoding.readVarString(dec) });
  };
  return { p, board: new BoardDoc(p.doc), refusals, denied: denials(p) };
}

async function storedBoard(h: Harness, name: string): Promise<BoardDoc> {
  const stored = await h.server.store.loadDoc(name);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return new BoardDoc(doc);
}

/** The text of a note (undefined for other kinds or none). */
const textOf = (board: BoardDoc, id: string) => {
  const item = board.get(id);
  return item?.kind === 'note' ? item.text : undefined;
};

/**
 * Time for something that must not happen to show up: only before asserting an
 * absence (a refused write that must not reach others). Whatever should happen
 * is waited for as an event or a state, never with this.
 */
const quiet = (ms = 250) => new Promise((r) => setTimeout(r, ms));

async function setup(template: BoardTemplate = 'blank') {
  h = await startHarness();
  const f = await h.facilitator();
  const a = await h.join('Amina', { country: 'AF' });
  const b = await h.join('Bilal', { country: 'PK' });
  const fs = await h.socket(f.token);
  const boardId = await createBoard(fs, template);
  const name = docName({ kind: 'board', workshopId: h.workshopId, boardId });
  return { f, a, b, fs, boardId, name };
}

describe('boards on the server', () => {
  it('fills a new board from its template and syncs edits between participants', async () => {
    const { a, b, boardId } = await setup('synergy');
    const A = open(h, boardId, a);
    const B = open(h, boardId, b);
    await Promise.all([synced(A.p), synced(B.p)]);
    await eventually(() => A.board.get('lane-strategy') && A.board.get('country-2-AF'), 3000, 'template items');
    expect(A.board.all().filter((i) => i.kind === 'lane')).toHaveLength(6);
    A.board.add('n1', note('Joint investigations PK–IR'));
    await eventually(() => B.board.get('n1')?.kind === 'note', 3000, 'b sees the note');
  });

  it('opens only boards that exist', async () => {
    const { a } = await setup();
    const p = h.provider(docName({ kind: 'board', workshopId: h.workshopId, boardId: 'made-up' }), a.token);
    expect((await closeCode(p)).code).toBe(CloseCode.forbidden);
  });

  it('rejects observers’ and, on a locked board, participants’ writes on the server; unlocking lets them write again', async () => {
    const { a, b, fs, boardId, name } = await setup();
    const o = await h.join('Olga', { role: 'observer', country: 'UA' });
    const A = open(h, boardId, a);
    const B = open(h, boardId, b);
    const O = open(h, boardId, o);
    await Promise.all([synced(A.p), synced(B.p), synced(O.p)]);
    O.board.add('o1', note('observer was here'));
    A.board.add('n1', note('kept'));
    await eventually(() => B.board.has('n1'), 3000, 'b sees a');
    await quiet(); // asserts absence: the observer's note never reaches b
    expect(B.board.has('o1')).toBe(false);

    expect(await command(fs, 'board:lock', { boardId, locked: true })).toMatchObject({ ok: true });
    await eventually(() => A.denied.length > 0, 3000, 'a told its connection is read-only');
    A.board.patch('n1', { text: 'changed while locked' });
    await quiet(); // asserts absence: the change made while locked never reaches b or the store
    expect(B.board.get('n1')).toMatchObject({ text: 'kept' });
    expect((await storedBoard(h, name)).get('n1')).toMatchObject({ text: 'kept' });

    // The ack comes once the state is applied, and the connections' access with it (DocHub.refreshAccess).
    expect(await command(fs, 'board:lock', { boardId, locked: false })).toMatchObject({ ok: true });
    B.board.patch('n1', { color: 'pink' });
    await eventually(() => A.board.get('n1')?.color === 'pink', 3000, 'a sees b after unlock');
  });

  it('undoes a change to a locked frame for everyone, tells its author why, and stores the frame as it was', async () => {
    const { a, b, fs, boardId, name } = await setup();
    const F = open(h, boardId, await h.facilitator('F2'));
    const A = open(h, boardId, a);
    const B = open(h, boardId, b);
    await Promise.all([synced(F.p), synced(A.p), synced(B.p)]);
    F.p.doc.transact(() => {
      F.board.add('f1', { kind: 'frame', x: 0, y: 0, w: 800, h: 600, title: 'Group A' });
      F.board.add('n1', note('inside', { frame: 'f1', x: 40, y: 40 }));
      F.board.add('n2', note('outside', { x: 1000 }));
    });
    await eventually(() => A.board.has('n1') && B.board.has('n2'), 3000, 'frame arrives');
    expect(await command(fs, 'board:lockFrame', { boardId, frameId: 'f1', locked: true })).toMatchObject({ ok: true });

    A.board.patch('n1', { x: 400, text: 'moved and changed' });
    await eventually(() => A.refusals.length > 0, 3000, 'refusal');
    expect(A.refusals[0]).toMatchObject({ code: 'frame_locked' });
    await eventually(() => textOf(A.board, 'n1') === 'inside' && A.board.get('n1')?.x === 40, 3000, 'undone for its author');
    await eventually(() => hasReceived(B.p.doc, A.p.doc), 3000, 'b gets the change with its undoing');
    expect(B.board.get('n1')).toMatchObject({ text: 'inside', x: 40 });
    A.board.remove(['f1']);
    await eventually(() => A.board.has('f1') && A.board.get('n1')?.frame === 'f1', 3000, 'deleting the frame undone');
    // Outside the frame, and after the refusals, edits go on as usual.
    A.board.patch('n2', { x: 1200 });
    await eventually(() => B.board.get('n2')?.x === 1200, 3000, 'b sees the unlocked edit');
    // The facilitator may change the locked frame.
    F.board.patch('n1', { text: 'facilitator edit' });
    await eventually(() => textOf(B.board, 'n1') === 'facilitator edit', 3000, 'facilitator edit');
    // Updates are passed on only once stored (DocWriter): what b has seen is in the store.
    const stored = await storedBoard(h, name);
    expect(stored.get('n1')).toMatchObject({ text: 'facilitator edit', x: 40, frame: 'f1' });
    expect(stored.get('f1')).toMatchObject({ title: 'Group A' });
    expect(stored.get('n2')).toMatchObject({ x: 1200 });
  });

  it('bounds text length and item count with a clear message; the board stays intact', async () => {
    const { a, b, boardId, name } = await setup();
    const A = open(h, boardId, a);
    const B = open(h, boardId, b);
    await Promise.all([synced(A.p), synced(B.p)]);
    A.board.add('n1', note('short'));
    await eventually(() => B.board.has('n1'), 3000, 'b sees n1');
    A.board.patch('n1', { text: 'x'.repeat(1001) });
    await eventually(() => A.refusals.length === 1, 3000, 'refused');
    expect(A.refusals[0]).toMatchObject({ code: 'invalid', message: expect.stringContaining('1000') });
    await eventually(() => textOf(A.board, 'n1') === 'short', 3000, 'text restored');

    // Fill the board to its bound in one go (accepted), then one more (refused).
    A.p.doc.transact(() => {
      for (let i = 0; i < 2999; i++) A.board.add(`bulk${i}`, note(`${i}`, { x: i }));
    });
    await eventually(() => B.board.size === 3000, 10_000, 'b sees 3000 items');
    B.board.add('one-too-many', note('no room'));
    await eventually(() => B.refusals.length === 1, 3000, 'refused');
    expect(B.refusals[0]).toMatchObject({ code: 'too_many_items', message: expect.stringContaining('3000') });
    await eventually(() => !B.board.has('one-too-many'), 3000, 'undone');
    await eventually(() => hasReceived(A.p.doc, B.p.doc), 3000, 'a gets the refused item with its undoing');
    expect(A.board.size).toBe(3000);
    expect((await storedBoard(h, name)).size).toBe(3000);
  });

  it('private mode: new notes are visible only to their author and facilitators until revealed', async () => {
    const { f, a, b, fs, boardId, name } = await setup();
    const A = open(h, boardId, a);
    const B = open(h, boardId, b);
    await Promise.all([synced(A.p), synced(B.p)]);
    // The ack comes once the state is applied; the board's guard reads it at each change.
    expect(await command(fs, 'board:setPrivate', { boardId, private: true })).toMatchObject({ ok: true });

    // Straight onto the board: refused, the note is taken back.
    A.board.add('direct', note('on the board'));
    await eventually(() => A.refusals.some((r) => r.code === 'private_mode'), 3000, 'private-mode refusal');
    await eventually(() => !A.board.has('direct'), 3000, 'undone');

    const privateName = (pid: string) => docName({ kind: 'privateBoard', workshopId: h.workshopId, boardId, participantId: pid });
    const mine = h.provider(privateName(a.participantId), a.token);
    await synced(mine);
    new BoardDoc(mine.doc).add('secret1', note('ممر عبر إيران', { author: a.participantId }));
    // Bilal cannot open Amina's private notes; a facilitator can read them.
    const peek = h.provider(privateName(a.participantId), b.token);
    expect((await closeCode(peek)).code).toBe(CloseCode.forbidden);
    const fac = h.provider(privateName(a.participantId), f.token);
    await synced(fac);
    await eventually(() => new BoardDoc(fac.doc).has('secret1'), 3000, 'facilitator reads it');
    await quiet(); // asserts absence: the private note does not reach the board before the reveal
    expect(B.board.has('secret1')).toBe(false);

    // Reveal: the note moves onto the board, and out of the private document.
    expect(await command(fs, 'board:setPrivate', { boardId, private: false })).toMatchObject({ ok: true });
    await eventually(() => B.board.get('secret1')?.kind === 'note', 5000, 'b sees the revealed note');
    expect(B.board.get('secret1')).toMatchObject({ text: 'ممر عبر إيران', author: a.participantId });
    await eventually(() => new BoardDoc(mine.doc).size === 0, 3000, 'private document emptied');

    // A note that reaches a private document after the reveal (made offline) moves at once.
    new BoardDoc(mine.doc).add('late', note('written offline'));
    await eventually(() => B.board.has('late'), 5000, 'late private note moved');
    // Updates are passed on only once stored (DocWriter): what b has seen is in the store.
    expect((await storedBoard(h, name)).has('late')).toBe(true);
  });

  it("private overview: facilitators read everyone's private notes through one document, nobody writes it", async () => {
    const { f, a, b, fs, boardId } = await setup();
    expect(await command(fs, 'board:setPrivate', { boardId, private: true })).toMatchObject({ ok: true });
    const privateName = (pid: string) => docName({ kind: 'privateBoard', workshopId: h.workshopId, boardId, participantId: pid });
    const overviewName = docName({ kind: 'privateOverview', workshopId: h.workshopId, boardId });
    // Amina writes before any facilitator looks: the overview, opened later, is rebuilt from her document.
    const mine = h.provider(privateName(a.participantId), a.token);
    await synced(mine);
    new BoardDoc(mine.doc).add('early', note('Before anyone looked'));
    await eventually(async () => (await storedBoard(h, privateName(a.participantId))).has('early'), 3000, 'stored');

    const fac = h.provider(overviewName, f.token);
    const deniedToF = denials(fac);
    await synced(fac);
    const overview = new BoardDoc(fac.doc);
    await eventually(() => overview.get('early')?.author === a.participantId, 5000, 'the overview holds her early note');

    // Live: Bilal's new note, Amina's edit and deletion reach the facilitator.
    const his = h.provider(privateName(b.participantId), b.token);
    await synced(his);
    new BoardDoc(his.doc).add('his', note('Joint teams', { author: 'someone-else' }));
    new BoardDoc(mine.doc).add('second', note('Shelters'));
    await eventually(() => overview.has('his') && overview.has('second'), 5000, 'new private notes mirrored');
    expect(overview.get('his')).toMatchObject({ text: 'Joint teams', author: b.participantId });
    new BoardDoc(mine.doc).patch('second', { text: 'Shelters for minors' });
    new BoardDoc(mine.doc).remove(['early']);
    await eventually(() => JSON.stringify(overview.get('second')).includes('Shelters for minors') && !overview.has('early'), 5000, 'edit and deletion mirrored');

    // Participants cannot open it; the facilitator's connection is read-only.
    const peek = h.provider(overviewName, a.token);
    expect((await closeCode(peek)).code).toBe(CloseCode.forbidden);
    await eventually(() => deniedToF.length > 0, 3000, 'the facilitator told the overview is read-only');
    overview.add('forged', note('written by a client'));
    new BoardDoc(mine.doc).add('after', note('After the forgery'));
    const other = h.provider(overviewName, f.token);
    await synced(other);
    await eventually(() => new BoardDoc(other.doc).has('after'), 5000, 'a later mirror reaches another reader');
    expect(new BoardDoc(other.doc).has('forged')).toBe(false);
    expect((await storedBoard(h, overviewName)).has('forged')).toBe(false);

    // Reveal: the notes are on the board, and the overview is empty.
    expect(await command(fs, 'board:setPrivate', { boardId, private: false })).toMatchObject({ ok: true });
    await eventually(() => new BoardDoc(other.doc).size === 0, 5000, 'overview emptied on reveal');
    expect((await storedBoard(h, overviewName)).size).toBe(0);
  });

  it('dot votes: the voter sees their dots, others see nothing while hidden', async () => {
    const { a, b, fs, boardId } = await setup();
    const as = await h.socket(a.token);
    const bs = await h.socket(b.token);
    await Promise.all([sync(as, null), sync(bs, null)]);
    const seenByB: DomainEvent[] = [];
    const seenByA: DomainEvent[] = [];
    bs.on(SocketEvent.events, ({ events }) => seenByB.push(...events));
    as.on(SocketEvent.events, ({ events }) => seenByA.push(...events));
    expect(await command(fs, 'board:openVote', { boardId, budget: 3, hidden: true })).toMatchObject({ ok: true });
    expect(await command(as, 'board:vote', { boardId, itemId: 'n1', dots: 2 })).toMatchObject({ ok: true });
    expect(await command(as, 'board:vote', { boardId, itemId: 'n2', dots: 2 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await eventually(() => seenByB.some((e) => e.type === 'board.dotsSet'), 3000, 'b hears of a vote');
    await eventually(() => seenByA.some((e) => e.type === 'board.dotsSet'), 3000, 'a hears of its vote');
    const forB = seenByB.find((e) => e.type === 'board.dotsSet')!;
    expect(JSON.stringify(forB)).not.toContain(a.participantId);
    expect(forB).not.toHaveProperty('itemId');
    expect(seenByA.find((e) => e.type === 'board.dotsSet')).toMatchObject({ participantId: a.participantId, itemId: 'n1', dots: 2 });
    const snapshot = await sync(bs, null);
    expect(JSON.stringify(snapshot)).not.toContain('"n1"');
  });

  it('keeps boards and their content across a restart', async () => {
    const { a, boardId, name } = await setup('patterns');
    const A = open(h, boardId, a);
    await synced(A.p);
    await eventually(() => A.board.has('area-origin'), 3000, 'template');
    A.board.add('n1', note('Before the restart'));
    await eventually(async () => (await storedBoard(h, name)).has('n1'), 3000, 'stored');
    const previous = { dataDir: h.dataDir, facilitatorKey: h.facilitatorKey };
    await h.close();
    h = await startHarness({}, {}, previous);
    const again = open(h, boardId, a);
    await synced(again.p);
    await eventually(() => again.board.get('n1')?.kind === 'note', 3000, 'content after restart');
    expect(again.board.has('area-transit')).toBe(true);
    const fs = await h.socket((await h.facilitator()).token);
    const reply = await sync(fs, null);
    expect(reply.ok && reply.data.mode === 'snapshot' && reply.data.state.boards.byId[boardId]?.template).toBe('patterns');
  });
});
