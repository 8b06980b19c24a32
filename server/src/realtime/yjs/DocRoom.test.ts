import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import pino from 'pino';
import type { WebSocket } from 'ws';
import { YMessage } from '@plenary/shared';
import { InProcessBus } from '../../bus/memory/InProcessBus.js';
import type { Store } from '../../store/Store.js';
import { TokenBucket } from '../TokenBucket.js';
import { DocRoom, type DocConnection } from './DocRoom.js';

class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  readonly sent: Uint8Array[] = [];
  send(message: Uint8Array, cb?: (err?: Error) => void): void {
    this.sent.push(message);
    cb?.();
  }
  close(): void {
    this.readyState = 3;
  }
  /** Kinds of message received (the first varint: 0 sync, 1 awareness, 100 saved…). */
  kinds(): number[] {
    return this.sent.map((m) => m[0]!);
  }
}

function connection(ws: FakeSocket, participantId: string): DocConnection {
  return {
    ws: ws as unknown as WebSocket,
    participantId,
    canWrite: true,
    wantsSaved: true,
    awarenessIds: new Set(),
    deniedSent: false,
    awaitingSaved: false,
    received: 0,
    rate: new TokenBucket(1000, 1000),
    backlog: null,
  };
}

/** A store whose appends wait until the test lets them commit (a slow disk). */
function slowStore() {
  const waiting: (() => void)[] = [];
  let id = 0;
  const store = {
    loadDoc: () => Promise.resolve({ snapshot: null, updates: [], lastUpdateId: 0 }),
    appendDocUpdate: () => new Promise<number>((resolve) => waiting.push(() => resolve(++id))),
    compactDoc: () => Promise.resolve(),
  } as unknown as Store;
  return { store, commit: () => waiting.splice(0).forEach((f) => f()), waiting: () => waiting.length };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('DocRoom', () => {
  it("stores a change before anyone else receives it, and then tells its author it is saved", async () => {
    const { store, commit, waiting } = slowStore();
    const room = new DocRoom('w/w1/notes', { kind: 'notes', workshopId: 'w1' }, {
      store,
      bus: new InProcessBus(),
      nodeId: 'n1',
      log: pino({ level: 'silent' }),
      compactEvery: 1000,
      awarenessFlushMs: 50,
      maxUpdateBytes: 100_000,
      maxDocBytes: 1_000_000,
    }, () => undefined);
    const author = new FakeSocket();
    const reader = new FakeSocket();
    room.add(connection(author, 'p1'), []);
    room.add(connection(reader, 'p2'), []);
    await room.loaded;
    author.sent.length = 0;
    reader.sent.length = 0;

    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, YMessage.sync);
    syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
    author.emit('message', Buffer.from(encoding.toUint8Array(e)));

    // While the disk is busy, nobody hears of the change: not the reader, and no "saved" for its author.
    await tick();
    expect(waiting()).toBe(1);
    expect(reader.kinds()).toEqual([]);
    expect(author.kinds()).toEqual([]);

    commit();
    await tick();
    expect(reader.kinds()).toEqual([YMessage.sync]);
    expect(author.kinds()).toEqual([YMessage.savedStateVector]);
    expect(room.doc.getText('t').toString()).toBe('hello');
  });
});
