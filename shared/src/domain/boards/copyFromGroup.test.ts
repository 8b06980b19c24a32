import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc, type BoardItem } from './boardDoc.js';
import { checkBoardTransaction, defaultBoardPolicy } from './boardGuard.js';
import { copiesFromGroup, pickForCopy } from './copyFromGroup.js';

const note = (id: string, text: string, x = 0, y = 0): BoardItem => ({ id, kind: 'note', x, y, w: 160, h: 120, text });
let n = 0;
const newId = () => `copy${++n}`;

describe('copying from a group board to a plenary board', () => {
  const group: BoardItem[] = [
    note('a', 'Joint investigations', 10, 10),
    note('b', 'Shelters', 300, 10),
    { id: 'l', kind: 'lane', x: 0, y: 0, w: 1200, h: 160, title: 'Legislation' },
    { id: 'e', kind: 'connector', from: 'a', to: 'b', label: '', link: 'synergy', x: 0, y: 0, w: 8, h: 8 },
    { id: 'e2', kind: 'connector', from: 'a', to: 'l', label: '', link: 'synergy', x: 0, y: 0, w: 8, h: 8 },
  ];

  it('takes the chosen notes and the connectors between them, not lanes or dangling connectors', () => {
    expect(pickForCopy(group, ['a', 'b', 'l', 'e', 'e2']).map((i) => i.id)).toEqual(['a', 'b', 'e']);
    expect(pickForCopy(group, ['a', 'e']).map((i) => i.id)).toEqual(['a']);
    expect(pickForCopy(group, [])).toEqual([]);
  });

  it('keeps the group as source, gives fresh ids, and stacks the copies right of the target content', () => {
    const target = [note('p1', 'Plenary', 0, 100), note('p2', 'Plenary 2', 500, 400)];
    const copies = copiesFromGroup(pickForCopy(group, ['a', 'b', 'e']), { id: 'g1', name: 'Group A' }, target, newId);
    expect(copies).toHaveLength(3);
    const [a, b, e] = copies as [BoardItem, BoardItem, BoardItem];
    expect(a).toMatchObject({ kind: 'note', text: 'Joint investigations', fromGroupId: 'g1', fromGroup: 'Group A', x: 740, y: 100 });
    expect(b).toMatchObject({ x: 740, y: 240 });
    expect(e).toMatchObject({ kind: 'connector', from: a.id, to: b.id });
    expect(new Set(copies.map((c) => c.id)).size).toBe(3);
    expect(copies.some((c) => ['a', 'b', 'e'].includes(c.id))).toBe(false);
  });

  it('keeps the first source when a copy is copied again, and lands at the origin on an empty board', () => {
    const once = copiesFromGroup([note('a', 'x')], { id: 'g1', name: 'Group A' }, [], newId);
    const twice = copiesFromGroup(once, { id: 'g2', name: 'Group B' }, [], newId);
    expect(twice[0]).toMatchObject({ fromGroupId: 'g1', fromGroup: 'Group A', x: 0, y: 0 });
  });

  it('passes the server guard on a plenary board', () => {
    const client = new Y.Doc();
    const board = new BoardDoc(client);
    const copies = copiesFromGroup(pickForCopy(group, ['a', 'b', 'e']), { id: 'g1', name: 'Group A' }, [], newId);
    client.transact(() => {
      for (const c of copies) {
        const { id, ...data } = c;
        board.add(id, data);
      }
    });
    const server = new Y.Doc();
    let verdict: unknown = 'unchecked';
    server.on('afterTransaction', (tx: Y.Transaction) => {
      if (tx.origin === 'conn') verdict = checkBoardTransaction(server, tx, defaultBoardPolicy);
    });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client), 'conn');
    expect(verdict).toBeNull();
    expect(new BoardDoc(server).all().filter((i) => i.fromGroup === 'Group A')).toHaveLength(3);
  });
});
