/**
 * The Yjs document of a board: its schema, and typed accessors over it. The
 * server (templates, private-mode reveal, validation), the client (canvas,
 * exports) and imports all read and write it through this module.
 *
 *   items: Y.Map<itemId, Y.Map<field, scalar>>   every note, card, lane, frame and connector
 *   meta:  Y.Map<key, scalar>                    `template`, `filled` (set once the template is in)
 *
 * Each item is a flat Y.Map of scalars, so concurrent edits of different
 * fields of one item merge (one person moves a note while another recolours
 * it), and the same field resolves last-writer-wins (two people moving one
 * note converge on one position). Text is a plain string per field; a note is
 * edited by one person at a time, and it keeps updates small and checks simple.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { CountryCode, Id } from '../workshop/model.js';
import { BoardLimits, boardTemplates } from './model.js';
import { freeCell, solidKinds, type Rect } from './placement.js';

export const boardItemsKey = 'items';
export const boardMetaKey = 'meta';

export const ItemKind = z.enum(['note', 'country', 'practice', 'lane', 'frame', 'connector']);
export type ItemKind = z.infer<typeof ItemKind>;

/** What a connector says about the two items it joins. */
export const ConnectorKind = z.enum(['synergy', 'route', 'challenge']);
export type ConnectorKind = z.infer<typeof ConnectorKind>;

/** Colours are names; each theme (and the exports) maps them to values with enough contrast. */
export const ItemColor = z.enum(['yellow', 'orange', 'pink', 'purple', 'blue', 'teal', 'green', 'grey']);
export type ItemColor = z.infer<typeof ItemColor>;
export const itemColors = ItemColor.options;

/** A built-in heading a template gives a frame or lane; shown in each viewer's language when it has no title. */
export const ItemTag = z.enum(['phase1', 'phase2', 'origin', 'transit', 'destination']);
export type ItemTag = z.infer<typeof ItemTag>;

const coord = z.number().finite().min(-1e6).max(1e6);
const size = z.number().finite().min(8).max(20000);
const text = z.string().max(BoardLimits.textLength);
const label = z.string().max(BoardLimits.labelLength);

/** Fields every item has, and their bounds. */
const base = {
  x: coord,
  y: coord,
  w: size,
  h: size,
  color: ItemColor.optional(),
  /** The frame this item belongs to (moves with it; locked with it). */
  frame: Id.optional(),
  /** Who created it (participant id); private-mode reveal and attribution use it. */
  author: Id.optional(),
  /** When it was created (ms since epoch). */
  at: z.number().finite().optional(),
  /** Copied from a breakout group's board: that group's id and name, kept as its source. */
  fromGroupId: Id.optional(),
  fromGroup: label.optional(),
};

export const NoteItem = z.object({ kind: z.literal('note'), ...base, text });
export const CountryItem = z.object({ kind: z.literal('country'), ...base, country: CountryCode, phase: z.union([z.literal(1), z.literal(2)]).optional() });
export const PracticeItem = z.object({
  kind: z.literal('practice'),
  ...base,
  title: label,
  text,
  country: CountryCode.optional(),
  objective: Id.optional(),
});
export const LaneItem = z.object({ kind: z.literal('lane'), ...base, title: label, objective: Id.optional(), tag: ItemTag.optional() });
export const FrameItem = z.object({ kind: z.literal('frame'), ...base, title: label, tag: ItemTag.optional() });
export const ConnectorItem = z.object({
  kind: z.literal('connector'),
  ...base,
  from: Id,
  to: Id,
  label,
  link: ConnectorKind,
});

/** An item as stored (without its id, which is its key in `items`). */
export const ItemData = z.discriminatedUnion('kind', [NoteItem, CountryItem, PracticeItem, LaneItem, FrameItem, ConnectorItem]);
export type ItemData = z.infer<typeof ItemData>;
export type BoardItem = ItemData & { id: string };
export type ItemOf<K extends ItemKind> = Extract<BoardItem, { kind: K }>;

const schemas = { note: NoteItem, country: CountryItem, practice: PracticeItem, lane: LaneItem, frame: FrameItem, connector: ConnectorItem };

/** Why a value may not be stored in a field of an item of this kind, or null if it may. */
export function fieldProblem(kind: ItemKind, key: string, value: unknown): string | null {
  if (key === 'kind') return 'an item cannot change its kind';
  const shape = schemas[kind].shape as Record<string, z.ZodType>;
  const field = shape[key];
  if (!field) return `a ${kind} has no field "${key}"`;
  if (value === undefined) return field.safeParse(undefined).success ? null : `"${key}" is required`;
  const r = field.safeParse(value);
  return r.success ? null : `"${key}": ${r.error.issues[0]?.message ?? 'invalid'}`;
}

/** Why this is not a valid item, or null. */
export function itemProblem(data: unknown): string | null {
  const r = ItemData.safeParse(data);
  if (r.success) return null;
  const issue = r.error.issues[0];
  return issue ? `${issue.path.join('.') || 'item'}: ${issue.message}` : 'invalid item';
}

/** Items drawn behind others, in this order (lanes at the back). */
export const layerOf: Record<ItemKind, number> = { lane: 0, frame: 1, connector: 2, country: 3, practice: 3, note: 3 };

/** A board document's items, read and written through its schema. */
export class BoardDoc {
  readonly items: Y.Map<Y.Map<unknown>>;
  readonly meta: Y.Map<unknown>;

  constructor(readonly doc: Y.Doc) {
    this.items = doc.getMap(boardItemsKey);
    this.meta = doc.getMap(boardMetaKey);
  }

  get size(): number {
    return this.items.size;
  }

  has(id: string): boolean {
    return this.items.has(id);
  }

  /** The item with this id, or null if absent or not a valid item. */
  get(id: string): BoardItem | null {
    const map = this.items.get(id);
    return map instanceof Y.Map ? readItem(id, map) : null;
  }

  /** Every valid item (invalid ones, which the server never stores, are skipped). */
  all(): BoardItem[] {
    const out: BoardItem[] = [];
    this.items.forEach((map, id) => {
      if (!(map instanceof Y.Map)) return;
      const item = readItem(id, map);
      if (item) out.push(item);
    });
    return out;
  }

  /** Adds an item under `id` (replacing one with that id). Call inside a transaction for one update. */
  add(id: string, data: ItemData): void {
    const map = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(data)) if (v !== undefined) map.set(k, v);
    this.items.set(id, map);
  }

  /** Sets fields of an item; `undefined` removes a field. Unknown ids are ignored. */
  patch(id: string, patch: Partial<Record<string, unknown>>): void {
    const map = this.items.get(id);
    if (!(map instanceof Y.Map)) return;
    for (const [k, v] of Object.entries(patch)) {
      if (k === 'kind' || k === 'id') continue;
      if (v === undefined) map.delete(k);
      else if (map.get(k) !== v) map.set(k, v);
    }
  }

  /** Removes items, and connectors that would be left dangling, and frees items of removed frames. */
  remove(ids: Iterable<string>): void {
    const gone = new Set(ids);
    this.items.forEach((map, id) => {
      if (gone.has(id) || !(map instanceof Y.Map)) return;
      if (map.get('kind') === 'connector' && (gone.has(map.get('from') as string) || gone.has(map.get('to') as string))) gone.add(id);
    });
    for (const id of gone) this.items.delete(id);
    this.items.forEach((map) => {
      if (map instanceof Y.Map && gone.has(map.get('frame') as string)) map.delete('frame');
    });
  }

  /** Everything, as plain data (exports, tests). */
  toJSON(): BoardItem[] {
    return this.all().sort((a, b) => layerOf[a.kind] - layerOf[b.kind] || (a.id < b.id ? -1 : 1));
  }
}

/** Reads an item from its map; null when it does not match the schema. */
export function readItem(id: string, map: Y.Map<unknown>): BoardItem | null {
  const data: Record<string, unknown> = {};
  map.forEach((v, k) => (data[k] = v));
  const r = ItemData.safeParse(data);
  return r.success ? { ...r.data, id } : null;
}

/** Whether the board's template is already in the document. */
export function templateFilled(doc: Y.Doc): boolean {
  return doc.getMap(boardMetaKey).get('filled') === true;
}

/** JSON export of a board: its structured content and, when there is one, its vote. */
export const BoardExport = z.object({
  format: z.literal('plenary-board'),
  version: z.literal(1),
  title: z.string().max(BoardLimits.labelLength),
  // Built here, not taken from model.ts, so the schema (and zod) stays out of the client's first load.
  template: z.enum(boardTemplates).optional(),
  exportedAt: z.string().optional(),
  items: z
    .array(z.intersection(ItemData, z.object({ id: Id })))
    .max(BoardLimits.itemsPerBoard),
  vote: z
    .object({
      budget: z.number().int(),
      hidden: z.boolean(),
      revealed: z.boolean(),
      status: z.enum(['open', 'closed']),
      tally: z.record(z.string(), z.number().int()),
    })
    .nullable()
    .optional(),
});
export type BoardExport = z.infer<typeof BoardExport>;

/**
 * Items of an export with fresh ids (so one export can be imported twice),
 * connectors and frame memberships following them.
 */
export function remapIds(items: readonly BoardItem[], newId: () => string): BoardItem[] {
  const ids = new Map(items.map((i) => [i.id, newId()]));
  const out: BoardItem[] = [];
  for (const item of items) {
    const id = ids.get(item.id)!;
    const frame = item.frame !== undefined ? ids.get(item.frame) : undefined;
    const next = { ...item, id, frame } as BoardItem;
    if (next.kind === 'connector') {
      const from = ids.get(next.from);
      const to = ids.get(next.to);
      if (from && to) out.push({ ...next, from, to });
    } else out.push(next);
  }
  return out;
}

/**
 * Moves every item of a private document onto the board (private-mode
 * reveal): copies those the board lacks, each note or card moved beside any
 * it would cover, then empties the private document.
 * Idempotent by item id, so a retry after a crash between the two steps
 * duplicates nothing. Returns how many items were moved.
 */
export function movePrivateItems(from: Y.Doc, to: Y.Doc, origin: unknown = null): number {
  const source = new BoardDoc(from);
  const target = new BoardDoc(to);
  const items = source.all();
  if (items.length === 0 && source.size === 0) return 0;
  // Everyone added their notes where their own view was, so on a shared board they would lie on one another:
  // a note that would cover another goes to the first free place beside it.
  const solid: Rect[] = target.all().filter((i) => solidKinds.has(i.kind));
  to.transact(() => {
    for (const { id, ...data } of items) {
      if (target.has(id)) continue;
      if (!solidKinds.has(data.kind)) {
        target.add(id, data);
        continue;
      }
      const at = freeCell(data, solid);
      target.add(id, { ...data, ...at });
      solid.push({ ...data, ...at });
    }
  }, origin);
  from.transact(() => {
    for (const id of [...source.items.keys()]) source.items.delete(id);
  }, origin);
  return items.length;
}

/**
 * Mirrors one participant's private document into a board's private overview
 * (the one document through which facilitators read everyone's private notes,
 * instead of one connection per participant): afterwards the overview's items
 * by `participantId` are exactly the private document's, each marked with its
 * author. Unchanged items are left alone, so a mirror of a mirror is no
 * update at all. Returns whether the overview changed.
 */
export function mirrorPrivateItems(from: Y.Doc, to: Y.Doc, participantId: string, origin: unknown = null): boolean {
  const source = new BoardDoc(from);
  const target = new BoardDoc(to);
  const mine = new Map(source.all().map(({ id, ...data }) => [id, { ...data, author: participantId } as ItemData]));
  const stale: string[] = [];
  target.items.forEach((map, id) => {
    if (map instanceof Y.Map && map.get('author') === participantId && !mine.has(id)) stale.push(id);
  });
  const changed = [...mine].filter(([id, data]) => {
    const now = target.get(id);
    if (!now) return true;
    const { id: _id, ...was } = now;
    return canonical(was) !== canonical(data);
  });
  if (stale.length === 0 && changed.length === 0) return false;
  to.transact(() => {
    for (const id of stale) target.items.delete(id);
    for (const [id, data] of changed) target.add(id, data);
  }, origin);
  return true;
}

/** An item's data as a string that does not depend on the order of its fields. */
const canonical = (data: object): string => JSON.stringify(Object.entries(data).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
