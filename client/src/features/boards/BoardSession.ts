/**
 * One open board, outside React: its Yjs document (and, in private mode, this
 * participant's private document, or for a facilitator the board's private
 * overview, read-only: everyone's private notes, mirrored by the server), the items as a snapshot for the canvas,
 * the intents that change them, undo/redo of this person's own changes, and
 * the presence of others (cursors and selections, over Yjs awareness).
 *
 * Every local change is one transaction with this session's origin, so the
 * Y.UndoManager tracks exactly what this person did, never others' edits.
 */
import * as Y from 'yjs';
import { BoardDoc, boardItemsKey, docName, type BoardItem, type ItemData } from '@plenary/shared';
import { DocConnection } from '../../realtime/DocConnection';
import { Store } from '../../realtime/Store';

export type ViewItem = BoardItem & { private?: boolean };

export interface BoardSnapshot {
  items: ReadonlyMap<string, ViewItem>;
  /** Increases with every change (cheap change detection for derived data). */
  version: number;
  canUndo: boolean;
  canRedo: boolean;
}

export type RemoteSelections = ReadonlyMap<string, { name: string; color: string }[]>;

export interface Peer {
  clientId: number;
  participantId: string;
  name: string;
  color: string;
  cursor: { x: number; y: number } | null;
  selection: string[];
}

interface AwarenessState {
  user?: { id: string; name: string; color: string };
  cursor?: { x: number; y: number } | null;
  sel?: string[];
}

/** Cursor positions go out at most this often (ms); the server batches them again per room. */
export const cursorIntervalMs = 80;

const peerColors = ['#b3261e', '#7d5260', '#6750a4', '#0b57d0', '#00696d', '#146c2e', '#8c4a00', '#5d5f5f'];
export const colorFor = (id: string) => peerColors[[...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % peerColors.length]!;

let idCounter = 0;
/** A new item id: random, URL-safe, unique enough across devices. */
export function newItemId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  idCounter = (idCounter + 1) % 1296;
  return `i${btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_')}${idCounter.toString(36)}`;
}

export class BoardSession {
  readonly main: DocConnection;
  private own: DocConnection | null = null;
  /** A facilitator's read-only view of everyone's private notes, while the board is private. */
  private overview: DocConnection | null = null;
  readonly view: Store<BoardSnapshot>;
  readonly peers = new Store<Peer[]>([]);
  /**
   * What others have selected, by item: changes far less often than their
   * cursors, so the canvas rebuilds its items only when this does.
   */
  readonly selections = new Store<RemoteSelections>(new Map());
  private selectionsKey = '';
  private readonly origin = Symbol('me');
  private readonly undoers = new Map<Y.Doc, Y.UndoManager>();
  /** Which document each of my recent changes went to, newest last (undo picks the right one). */
  private readonly history: Y.Doc[] = [];
  private readonly redoHistory: Y.Doc[] = [];
  private items = new Map<string, ViewItem>();
  private version = 0;
  private cursorTimer: ReturnType<typeof setTimeout> | null = null;
  private pendingCursor: { x: number; y: number } | null | undefined = undefined;
  private peersFrame: number | null = null;
  private privateMode = false;

  constructor(
    readonly workshopId: string,
    readonly boardId: string,
    private readonly token: string,
    readonly me: { id: string; name: string },
  ) {
    this.main = new DocConnection(docName({ kind: 'board', workshopId, boardId }), token);
    this.view = new Store<BoardSnapshot>({ items: this.items, version: 0, canUndo: false, canRedo: false });
    this.watch(this.main.doc, false);
    const awareness = this.main.provider.awareness;
    awareness.setLocalState({ user: { id: me.id, name: me.name, color: colorFor(me.id) }, cursor: null, sel: [] } satisfies AwarenessState);
    awareness.on('change', this.onAwareness);
  }

  /** The private document, when this participant's new notes go there. */
  get privateDoc(): DocConnection | null {
    return this.own;
  }

  /**
   * In private mode a participant's new items go to their own document, which
   * only they and facilitators read, until the facilitator reveals.
   */
  setPrivateMode(on: boolean): void {
    this.privateMode = on;
    if (on && !this.own) {
      this.own = new DocConnection(docName({ kind: 'privateBoard', workshopId: this.workshopId, boardId: this.boardId, participantId: this.me.id }), this.token);
      this.watch(this.own.doc, true);
    }
  }

  /**
   * While the board is private a facilitator reads everyone's private notes,
   * through one read-only document the server keeps (not one per participant).
   */
  setPrivateOverview(on: boolean): void {
    if (on && !this.overview) {
      this.overview = new DocConnection(docName({ kind: 'privateOverview', workshopId: this.workshopId, boardId: this.boardId }), this.token);
      this.overview.setWritable(false);
      this.watch(this.overview.doc, true);
    } else if (!on && this.overview) {
      const gone = this.overview;
      this.overview = null;
      this.undoers.get(gone.doc)?.destroy();
      this.undoers.delete(gone.doc);
      const next = new Map(this.items);
      for (const id of new BoardDoc(gone.doc).items.keys()) {
        const there = this.board().get(id);
        if (there) next.set(id, there);
        else next.delete(id);
      }
      gone.destroy();
      this.items = next;
      this.publish();
    }
  }

  board(doc: Y.Doc = this.main.doc): BoardDoc {
    return new BoardDoc(doc);
  }

  /** Adds an item (to my private document in private mode); returns its id. */
  add(data: ItemData, id = newItemId()): string {
    const doc = this.privateMode && this.own ? this.own.doc : this.main.doc;
    this.change(doc, () => this.board(doc).add(id, { ...data, author: this.me.id, at: Date.now() }));
    return id;
  }

  /** Adds several items at once (paste, duplicate, import), as one change. */
  addMany(items: BoardItem[]): void {
    const doc = this.privateMode && this.own ? this.own.doc : this.main.doc;
    const board = this.board(doc);
    this.change(doc, () => {
      for (const { id, ...data } of items) board.add(id, { ...data, author: this.me.id, at: Date.now() } as ItemData);
    });
  }

  /**
   * Sets fields of items, each in the document that holds it. One undo step,
   * unless `continues` (the rest of a drag joins the step its start made).
   */
  patch(patches: ReadonlyMap<string, Partial<Record<string, unknown>>>, continues = false): void {
    const byDoc = new Map<Y.Doc, [string, Partial<Record<string, unknown>>][]>();
    for (const [id, patch] of patches) {
      const doc = this.docOf(id);
      if (!doc) continue;
      const list = byDoc.get(doc) ?? [];
      list.push([id, patch]);
      byDoc.set(doc, list);
    }
    for (const [doc, list] of byDoc) {
      const board = this.board(doc);
      this.change(
        doc,
        () => {
          for (const [id, patch] of list) board.patch(id, patch);
        },
        continues,
      );
    }
  }

  patchOne(id: string, patch: Partial<Record<string, unknown>>): void {
    this.patch(new Map([[id, patch]]));
  }

  remove(ids: Iterable<string>): void {
    const list = [...ids];
    for (const doc of this.docs()) {
      const board = this.board(doc);
      const here = list.filter((id) => board.has(id));
      if (here.length > 0) this.change(doc, () => board.remove(here));
    }
  }

  undo(): void {
    const doc = this.history.pop();
    if (!doc) return;
    this.undoers.get(doc)?.undo();
    this.redoHistory.push(doc);
    this.publish();
  }

  redo(): void {
    const doc = this.redoHistory.pop();
    if (!doc) return;
    this.undoers.get(doc)?.redo();
    this.history.push(doc);
    this.publish();
  }

  /** Where my pointer is on the board (flow coordinates), or null when it left; sent at most every `cursorIntervalMs`. */
  setCursor(cursor: { x: number; y: number } | null): void {
    this.pendingCursor = cursor;
    if (this.cursorTimer) return;
    this.flushCursor();
    this.cursorTimer = setTimeout(() => {
      this.cursorTimer = null;
      if (this.pendingCursor !== undefined) this.flushCursor();
    }, cursorIntervalMs);
  }

  setSelection(ids: readonly string[]): void {
    this.main.provider.awareness.setLocalStateField('sel', ids.slice(0, 50));
  }

  destroy(): void {
    if (this.cursorTimer) clearTimeout(this.cursorTimer);
    if (this.peersFrame !== null) cancelAnimationFrame(this.peersFrame);
    this.main.provider.awareness.off('change', this.onAwareness);
    for (const u of this.undoers.values()) u.destroy();
    this.main.destroy();
    this.own?.destroy();
    this.overview?.destroy();
  }

  private flushCursor(): void {
    const cursor = this.pendingCursor ?? null;
    this.pendingCursor = undefined;
    this.main.provider.awareness.setLocalStateField('cursor', cursor ? { x: Math.round(cursor.x), y: Math.round(cursor.y) } : null);
  }

  /** The documents my changes go to. */
  private docs(): Y.Doc[] {
    return this.own ? [this.main.doc, this.own.doc] : [this.main.doc];
  }

  /** Every document whose items are on screen. */
  private shown(): Y.Doc[] {
    return this.overview ? [...this.docs(), this.overview.doc] : this.docs();
  }

  private docOf(id: string): Y.Doc | null {
    for (const doc of this.docs()) if (this.board(doc).has(id)) return doc;
    return null;
  }

  /** One change of mine; each is its own undo step unless it `continues` the last one. */
  private change(doc: Y.Doc, f: () => void, continues = false): void {
    if (!continues) for (const u of this.undoers.values()) u.stopCapturing();
    doc.transact(f, this.origin);
  }

  private watch(doc: Y.Doc, isPrivate: boolean): void {
    const undoer = new Y.UndoManager(doc.getMap(boardItemsKey), { trackedOrigins: new Set([this.origin]), captureTimeout: 10_000 });
    undoer.on('stack-item-added', (event: { type: 'undo' | 'redo' }) => {
      // A new change of mine (redo() and undo() keep the histories themselves): on top, and nothing to redo any more.
      if (event.type !== 'undo' || undoer.redoing) return;
      this.history.push(doc);
      this.redoHistory.length = 0;
      this.publish();
    });
    this.undoers.set(doc, undoer);
    const items = doc.getMap<Y.Map<unknown>>(boardItemsKey);
    const board = new BoardDoc(doc);
    const refresh = (ids: Iterable<string>) => {
      const next = new Map(this.items);
      for (const id of ids) {
        const item = board.get(id);
        if (item) {
          next.set(id, isPrivate ? { ...item, private: true } : item);
          continue;
        }
        // Gone from here; the same id may be in another document (a private note just moved onto the board).
        let found = false;
        for (const other of this.shown()) {
          if (other === doc) continue;
          const there = new BoardDoc(other).get(id);
          if (!there) continue;
          next.set(id, other === this.main.doc ? there : { ...there, private: true });
          found = true;
          break;
        }
        if (!found) next.delete(id);
      }
      this.items = next;
      this.publish();
    };
    refresh([...items.keys()]);
    items.observeDeep((events) => {
      const ids = new Set<string>();
      for (const e of events) {
        if (e.target === items) for (const key of e.keys.keys()) ids.add(key);
        else {
          const sub = e.target._item?.parentSub;
          if (sub) ids.add(sub);
        }
      }
      refresh(ids);
    });
  }

  private publish(): void {
    this.version++;
    this.view.set({ items: this.items, version: this.version, canUndo: this.history.length > 0, canRedo: this.redoHistory.length > 0 });
  }

  private onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    // My own cursor moving changes nothing on my screen.
    const own = this.main.provider.awareness.clientID;
    if (![...added, ...updated, ...removed].some((id) => id !== own)) return;
    if (this.peersFrame !== null) return;
    this.peersFrame = requestAnimationFrame(() => {
      this.peersFrame = null;
      const awareness = this.main.provider.awareness;
      const peers: Peer[] = [];
      awareness.getStates().forEach((state: AwarenessState, clientId: number) => {
        if (clientId === awareness.clientID || !state.user) return;
        peers.push({
          clientId,
          participantId: state.user.id,
          name: state.user.name,
          color: state.user.color,
          cursor: state.cursor ?? null,
          selection: Array.isArray(state.sel) ? state.sel : [],
        });
      });
      this.peers.set(peers);
      const key = peers.map((p) => `${p.clientId}:${p.name}:${p.selection.join(',')}`).join('|');
      if (key === this.selectionsKey) return;
      this.selectionsKey = key;
      const byItem = new Map<string, { name: string; color: string }[]>();
      for (const p of peers) for (const id of p.selection) byItem.set(id, [...(byItem.get(id) ?? []), { name: p.name, color: p.color }]);
      this.selections.set(byItem);
    });
  };
}
