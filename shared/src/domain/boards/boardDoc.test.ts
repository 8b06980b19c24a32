import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoDefinition } from '../workshop/demo.js';
import { BoardDoc, BoardExport, mirrorPrivateItems, movePrivateItems, remapIds, fieldProblem, itemProblem, templateFilled } from './boardDoc.js';
import { checkBoardTransaction, defaultBoardPolicy, type BoardPolicy, type BoardRefusal } from './boardGuard.js';
import { fillFromTemplate, templateItems } from './templates.js';

const note = (text: string, extra: object = {}) => ({ kind: 'note' as const, x: 0, y: 0, w: 160, h: 120, text, ...extra });

/** Two replicas of one board that exchange updates, like two browsers through the server. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
  return { a: new BoardDoc(a), b: new BoardDoc(b) };
}

describe('the board document', () => {
  it('reads and writes items through the schema', () => {
    const board = new BoardDoc(new Y.Doc());
    board.add('n1', note('Joint investigation teams', { color: 'yellow' }));
    board.add('c1', { kind: 'country', country: 'PK', phase: 2, x: 0, y: 200, w: 200, h: 56 });
    board.add('e1', { kind: 'connector', from: 'n1', to: 'c1', label: 'shared challenge', link: 'challenge', x: 0, y: 0, w: 8, h: 8 });
    expect(board.get('n1')).toMatchObject({ id: 'n1', kind: 'note', text: 'Joint investigation teams', color: 'yellow' });
    board.patch('n1', { x: 40, color: undefined });
    expect(board.get('n1')).toMatchObject({ x: 40 });
    expect(board.get('n1')).not.toHaveProperty('color');
    expect(board.size).toBe(3);
    // Removing an item removes the connectors that would dangle.
    board.remove(['c1']);
    expect(board.toJSON().map((i) => i.id)).toEqual(['n1']);
    // An item that breaks the schema is not read.
    board.items.set('bad', new Y.Map(Object.entries({ kind: 'note', x: 'left' })));
    expect(board.get('bad')).toBeNull();
    expect(board.all().map((i) => i.id)).toEqual(['n1']);
  });

  it('converges when two people move the same note at once, and merges different fields', () => {
    const { a, b } = pair();
    a.add('n1', note('Route via Iran'));
    a.doc.transact(() => a.patch('n1', { x: 100, y: 100 }));
    // Concurrent: both edit before hearing of the other (updates are exchanged synchronously
    // here, so simulate concurrency by editing detached copies and exchanging after).
    const a2 = new Y.Doc();
    const b2 = new Y.Doc();
    Y.applyUpdate(a2, Y.encodeStateAsUpdate(a.doc));
    Y.applyUpdate(b2, Y.encodeStateAsUpdate(b.doc));
    new BoardDoc(a2).patch('n1', { x: 300, y: 10 });
    new BoardDoc(b2).patch('n1', { x: -50, y: 90, color: 'pink' });
    Y.applyUpdate(a2, Y.encodeStateAsUpdate(b2));
    Y.applyUpdate(b2, Y.encodeStateAsUpdate(a2));
    const ia = new BoardDoc(a2).get('n1')!;
    const ib = new BoardDoc(b2).get('n1')!;
    expect(ia).toEqual(ib);
    expect(ia.color).toBe('pink');
    expect([300, -50]).toContain(ia.x);
  });

  it('checks fields: kind, bounds, unknown keys', () => {
    expect(fieldProblem('note', 'text', 'x'.repeat(1001))).toMatch(/text/);
    expect(fieldProblem('note', 'text', 'ok')).toBeNull();
    expect(fieldProblem('note', 'kind', 'frame')).toMatch(/kind/);
    expect(fieldProblem('note', 'evil', 1)).toMatch(/no field/);
    expect(fieldProblem('note', 'x', Number.NaN)).not.toBeNull();
    expect(fieldProblem('note', 'color', undefined)).toBeNull();
    expect(fieldProblem('note', 'text', undefined)).toMatch(/required/);
    expect(itemProblem({ kind: 'connector', from: 'a', to: 'b', label: '', link: 'friendship', x: 0, y: 0, w: 8, h: 8 })).toMatch(/link/);
  });

  it('moves private notes onto the board once, however often it runs', () => {
    const mine = new BoardDoc(new Y.Doc());
    const main = new BoardDoc(new Y.Doc());
    mine.add('p1', note('كنت هنا', { author: 'amina' }));
    mine.add('p2', note('Second'));
    expect(movePrivateItems(mine.doc, main.doc)).toBe(2);
    expect(main.get('p1')).toMatchObject({ text: 'كنت هنا', author: 'amina' });
    expect(mine.size).toBe(0);
    expect(movePrivateItems(mine.doc, main.doc)).toBe(0);
    expect(main.size).toBe(2);
  });

  it('reveals notes made on top of each other side by side, and leaves alone those that cover nothing', () => {
    const main = new BoardDoc(new Y.Doc());
    main.add('f1', { kind: 'frame', title: 'Ideas', x: -400, y: -400, w: 2000, h: 2000 });
    main.add('m1', note('Already there'));
    main.add('m2', note('Far away', { x: 5000, y: 5000 }));
    const amina = new BoardDoc(new Y.Doc());
    const omar = new BoardDoc(new Y.Doc());
    // Everyone wrote in the middle of the same view; Omar's last note is somewhere free.
    for (let i = 0; i < 12; i++) amina.add(`a${i}`, note(`Amina ${i}`, { author: 'amina' }));
    for (let i = 0; i < 12; i++) omar.add(`o${i}`, note(`Omar ${i}`, { author: 'omar' }));
    omar.add('free', note('Free spot', { x: 3000, y: 0 }));
    movePrivateItems(amina.doc, main.doc);
    movePrivateItems(omar.doc, main.doc);
    const solid = main.all().filter((i) => i.kind === 'note');
    expect(solid).toHaveLength(27);
    for (const a of solid)
      for (const b of solid) if (a !== b) expect(a.x < b.x + b.w && a.x + a.w > b.x && a.y < b.y + b.h && a.y + a.h > b.y, `${a.id} covers ${b.id}`).toBe(false);
    expect(main.get('m1')).toMatchObject({ x: 0, y: 0 });
    expect(main.get('free')).toMatchObject({ x: 3000, y: 0 });
    // The frame is not something to avoid: notes go on it.
    expect(main.get('a0')).toMatchObject({ x: 184, y: 0 });
  });

  it("mirrors each participant's private notes into the overview, and only theirs", () => {
    const amina = new BoardDoc(new Y.Doc());
    const omar = new BoardDoc(new Y.Doc());
    const overview = new BoardDoc(new Y.Doc());
    amina.add('a1', note('Referral first'));
    amina.add('a2', note('Shelters', { author: 'someone-else' }));
    omar.add('o1', note('Joint teams'));
    expect(mirrorPrivateItems(amina.doc, overview.doc, 'amina')).toBe(true);
    expect(mirrorPrivateItems(omar.doc, overview.doc, 'omar')).toBe(true);
    expect(overview.size).toBe(3);
    // The author is the document's owner, whatever the note claims.
    expect(overview.get('a2')).toMatchObject({ text: 'Shelters', author: 'amina' });
    // Nothing changed: no update at all.
    let updates = 0;
    overview.doc.on('update', () => updates++);
    expect(mirrorPrivateItems(amina.doc, overview.doc, 'amina')).toBe(false);
    expect(updates).toBe(0);
    // An edit and a deletion in Amina's document; Omar's note stays.
    amina.patch('a1', { text: 'Referral first, always' });
    amina.remove(['a2']);
    expect(mirrorPrivateItems(amina.doc, overview.doc, 'amina')).toBe(true);
    expect(overview.get('a1')).toMatchObject({ text: 'Referral first, always', author: 'amina' });
    expect(overview.has('a2')).toBe(false);
    expect(overview.get('o1')).toMatchObject({ author: 'omar' });
    // Revealed: Amina's private document is empty, so are her entries.
    movePrivateItems(amina.doc, new Y.Doc());
    mirrorPrivateItems(amina.doc, overview.doc, 'amina');
    expect(overview.all().map((i) => i.id)).toEqual(['o1']);
  });

  it('exports and re-imports with fresh ids, connectors following', () => {
    const board = new BoardDoc(new Y.Doc());
    board.add('n1', note('A', { frame: 'f1' }));
    board.add('f1', { kind: 'frame', x: 0, y: 0, w: 500, h: 500, title: 'Group 1' });
    board.add('n2', note('B'));
    board.add('e1', { kind: 'connector', from: 'n1', to: 'n2', label: 'synergy', link: 'synergy', x: 0, y: 0, w: 8, h: 8 });
    const exported = BoardExport.parse(JSON.parse(JSON.stringify({ format: 'plenary-board', version: 1, title: 'T', items: board.toJSON() })));
    let n = 0;
    const items = remapIds(exported.items, () => `new${++n}`);
    const ids = new Set(items.map((i) => i.id));
    expect(ids.size).toBe(4);
    const edge = items.find((i) => i.kind === 'connector')!;
    expect(edge.kind === 'connector' && ids.has(edge.from) && ids.has(edge.to)).toBe(true);
    expect(items.find((i) => i.kind === 'note' && i.text === 'A')!.frame).toBe(items.find((i) => i.kind === 'frame')!.id);
    expect(() => BoardExport.parse({ format: 'plenary-board', version: 1, title: 'T', items: [{ id: 'x', kind: 'note' }] })).toThrow();
  });
});

describe('templates', () => {
  it('synergy map: first-phase countries on one side, second-phase on the other, objectives as lanes', () => {
    const items = templateItems('synergy', demoDefinition);
    const countries = items.filter((i) => i.kind === 'country');
    const left = countries.filter((c) => c.kind === 'country' && c.phase === 1).map((c) => (c.kind === 'country' ? c.country : ''));
    const right = countries.filter((c) => c.kind === 'country' && c.phase === 2).map((c) => (c.kind === 'country' ? c.country : ''));
    expect(left).toHaveLength(13);
    expect(right.sort()).toEqual(['AF', 'BD', 'IQ', 'IR', 'PK']);
    const maxLeft = Math.max(...countries.filter((c) => c.kind === 'country' && c.phase === 1).map((c) => c.x));
    const minRight = Math.min(...countries.filter((c) => c.kind === 'country' && c.phase === 2).map((c) => c.x));
    expect(maxLeft).toBeLessThan(minRight);
    const lanes = items.filter((i) => i.kind === 'lane');
    expect(lanes.map((l) => (l.kind === 'lane' ? l.objective : ''))).toEqual(demoDefinition.objectives.map((o) => o.id));
    for (const item of items) expect(itemProblem(item)).toBeNull();
  });

  it('patterns: origin, transit, destination joined by routes; workplan: a column per country, a row per objective', () => {
    const patterns = templateItems('patterns', demoDefinition);
    expect(patterns.filter((i) => i.kind === 'frame').map((f) => (f.kind === 'frame' ? f.tag : ''))).toEqual(['origin', 'transit', 'destination']);
    expect(patterns.filter((i) => i.kind === 'connector' && i.link === 'route')).toHaveLength(2);
    const workplan = templateItems('workplan', demoDefinition);
    expect(workplan.filter((i) => i.kind === 'country')).toHaveLength(demoDefinition.countries.length);
    expect(workplan.filter((i) => i.kind === 'lane')).toHaveLength(6);
    expect(templateItems('blank', demoDefinition)).toEqual([]);
  });

  it('fills a document once, with ids that make a second fill a no-op', () => {
    const doc = new Y.Doc();
    expect(fillFromTemplate(doc, 'synergy', demoDefinition)).toBe(true);
    const size = new BoardDoc(doc).size;
    expect(templateFilled(doc)).toBe(true);
    expect(fillFromTemplate(doc, 'synergy', demoDefinition)).toBe(false);
    // Two nodes filling concurrently converge on the same items.
    const other = new Y.Doc();
    fillFromTemplate(other, 'synergy', demoDefinition);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(new BoardDoc(doc).size).toBe(size);
  });
});

describe('the board guard', () => {
  /** Applies a remote change to `server` and returns what the guard says about it. */
  function check(server: Y.Doc, change: (b: BoardDoc) => void, policy: Partial<BoardPolicy> = {}): BoardRefusal | null {
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(client);
    change(new BoardDoc(client));
    let verdict: BoardRefusal | null = null;
    const full: BoardPolicy = { ...defaultBoardPolicy, ...policy };
    const onTx = (tx: Y.Transaction) => {
      if (tx.origin === 'conn') verdict = checkBoardTransaction(server, tx, full);
    };
    server.on('afterTransaction', onTx);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, before), 'conn');
    server.off('afterTransaction', onTx);
    return verdict;
  }

  function board() {
    const doc = new Y.Doc();
    const b = new BoardDoc(doc);
    b.add('f1', { kind: 'frame', x: 0, y: 0, w: 600, h: 400, title: 'Group A' });
    b.add('n1', note('inside', { frame: 'f1' }));
    b.add('n2', note('outside', { x: 900 }));
    return doc;
  }

  it('accepts ordinary edits', () => {
    expect(check(board(), (b) => b.add('n3', note('new')))).toBeNull();
    expect(check(board(), (b) => b.patch('n2', { x: 5, text: 'مرحبا' }))).toBeNull();
    expect(check(board(), (b) => b.remove(['n2']))).toBeNull();
  });

  it('refuses what breaks the schema or the bounds', () => {
    expect(check(board(), (b) => b.patch('n2', { text: 'x'.repeat(1001) }))).toMatchObject({ code: 'invalid' });
    expect(check(board(), (b) => b.patch('n2', { secret: 'y' }))).toMatchObject({ code: 'invalid' });
    expect(check(board(), (b) => b.items.get('n2')!.set('text', new Y.Text('nested')))).toMatchObject({ code: 'invalid' });
    expect(check(board(), (b) => b.items.set('bad', new Y.Map([['kind', 'note']])))).toMatchObject({ code: 'invalid' });
    expect(check(board(), (b) => b.meta.set('filled', false))).toMatchObject({ code: 'invalid' });
    expect(check(board(), (b) => b.meta.set('filled', false), { privileged: true })).toBeNull();
    expect(check(board(), (b) => b.add('n9', note('one too many')), { maxItems: 3 })).toMatchObject({ code: 'too_many_items' });
    expect(check(board(), (b) => b.patch('n2', { x: 1 }), { maxItems: 3 })).toBeNull();
  });

  it('keeps a locked frame and its items as they are, except for facilitators', () => {
    const locked = { lockedFrames: new Set(['f1']) };
    expect(check(board(), (b) => b.patch('n1', { x: 50 }), locked)).toMatchObject({ code: 'frame_locked' });
    expect(check(board(), (b) => b.patch('f1', { title: 'Mine now' }), locked)).toMatchObject({ code: 'frame_locked' });
    expect(check(board(), (b) => b.remove(['n1']), locked)).toMatchObject({ code: 'frame_locked' });
    expect(check(board(), (b) => b.patch('n2', { frame: 'f1' }), locked)).toMatchObject({ code: 'frame_locked' });
    expect(check(board(), (b) => b.add('n5', note('sneak in', { frame: 'f1' })), locked)).toMatchObject({ code: 'frame_locked' });
    expect(check(board(), (b) => b.patch('n2', { x: 10 }), locked)).toBeNull();
    expect(check(board(), (b) => b.patch('n1', { x: 50 }), { ...locked, privileged: true })).toBeNull();
  });

  it('refuses new items on the board itself in private mode', () => {
    expect(check(board(), (b) => b.add('n3', note('mine')), { noNewItems: true })).toMatchObject({ code: 'private_mode' });
    expect(check(board(), (b) => b.patch('n2', { x: 3 }), { noNewItems: true })).toBeNull();
  });
});
