/**
 * Server-side checks of a change to a board document, run on the Yjs
 * transaction that applied a connection's update, before anything is stored
 * or sent on (the server undoes a refused change for everyone; see
 * server/src/realtime/yjs/DocRoom.ts). Pure over the document and the
 * transaction; the policy comes from the control plane.
 *
 * A change is refused when it
 *   - breaks the schema (unknown field, wrong type, text too long, a Y type inside an item),
 *   - takes the board over its item bound,
 *   - touches a locked frame or an item in one, or moves an item into one (non-facilitators),
 *   - adds an item to the board itself in private mode (participants; new notes go to their private document),
 *   - changes the board's `meta` (non-facilitators).
 */
import * as Y from 'yjs';
import { BoardLimits } from './model.js';
import { boardItemsKey, boardMetaKey, fieldProblem, ItemKind, itemProblem } from './boardDoc.js';

/** Why a change to a board document was undone; clients show a message per code. */
export const BoardRefusalCode = {
  invalid: 'invalid',
  tooManyItems: 'too_many_items',
  frameLocked: 'frame_locked',
  privateMode: 'private_mode',
} as const;
export type BoardRefusalCode = (typeof BoardRefusalCode)[keyof typeof BoardRefusalCode];

export interface BoardRefusal {
  code: BoardRefusalCode;
  message: string;
}

export interface BoardPolicy {
  /** Facilitators may change locked frames and the board's meta. */
  privileged: boolean;
  lockedFrames: ReadonlySet<string>;
  /** Adding items is refused (a participant on a board in private mode). */
  noNewItems: boolean;
  maxItems: number;
}

export const defaultBoardPolicy: BoardPolicy = {
  privileged: false,
  lockedFrames: new Set(),
  noNewItems: false,
  maxItems: BoardLimits.itemsPerBoard,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<any>;

interface MapEventLike {
  target: AnyType;
  keys: Map<string, { action: 'add' | 'update' | 'delete'; oldValue: unknown }>;
}

/**
 * Checks the changes of one transaction on a board document; null when they
 * may stay. Must run before the transaction's cleanup (in `afterTransaction`),
 * while deleted content can still be read.
 */
export function checkBoardTransaction(doc: Y.Doc, tx: Y.Transaction, policy: BoardPolicy): BoardRefusal | null {
  const items = doc.getMap<Y.Map<unknown>>(boardItemsKey);
  const meta = doc.getMap(boardMetaKey);
  if (!policy.privileged && tx.changed.has(meta as AnyType)) {
    return { code: BoardRefusalCode.invalid, message: 'Only a facilitator may change the board’s settings.' };
  }
  const events = (tx.changedParentTypes.get(items as AnyType) ?? []) as unknown as MapEventLike[];
  let added = 0;
  for (const event of events) {
    if (event.target === (items as AnyType)) {
      for (const [id, change] of event.keys) {
        if (change.action === 'delete' || change.action === 'update') {
          const old = change.oldValue;
          if (old instanceof Y.Map && !policy.privileged && touchesLocked(id, rawGet(old, 'frame'), policy)) {
            return frameLocked();
          }
        }
        if (change.action === 'add' || change.action === 'update') {
          if (change.action === 'add') added++;
          const map = items.get(id);
          if (!(map instanceof Y.Map)) return invalid(`item ${id} is not a map`);
          const problem = itemProblem(map.toJSON()) ?? nestedType(map);
          if (problem) return invalid(problem);
          if (!policy.privileged && touchesLocked(id, map.get('frame'), policy)) return frameLocked();
        }
      }
      continue;
    }
    // A field of one item changed.
    const target = event.target;
    const item = target._item;
    if (!(target instanceof Y.Map) || !item || item.parent !== (items as AnyType) || typeof item.parentSub !== 'string') {
      return invalid('only fields of items may change');
    }
    if (item.deleted) continue;
    const id = item.parentSub;
    const kind = ItemKind.safeParse(target.get('kind'));
    if (!kind.success) return invalid(`item ${id} has no valid kind`);
    for (const [key, change] of event.keys) {
      const value = change.action === 'delete' ? undefined : target.get(key);
      const problem = fieldProblem(kind.data, key, value) ?? (value instanceof Y.AbstractType ? `"${key}" must be a plain value` : null);
      if (problem) return invalid(problem);
      if (!policy.privileged) {
        const frameBefore = key === 'frame' ? change.oldValue : target.get('frame');
        if (touchesLocked(id, frameBefore, policy) || touchesLocked(id, target.get('frame'), policy)) return frameLocked();
      }
    }
  }
  if (added > 0) {
    if (policy.noNewItems) {
      return { code: BoardRefusalCode.privateMode, message: 'The board is in private mode: new notes stay yours until the facilitator reveals them.' };
    }
    if (items.size > policy.maxItems) {
      return { code: BoardRefusalCode.tooManyItems, message: `This board is full (at most ${policy.maxItems} items).` };
    }
  }
  return null;
}

function touchesLocked(id: string, frame: unknown, policy: BoardPolicy): boolean {
  if (policy.lockedFrames.size === 0) return false;
  return policy.lockedFrames.has(id) || (typeof frame === 'string' && policy.lockedFrames.has(frame));
}

/** A field of a map, deleted or not (the map itself may have just been deleted). */
function rawGet(map: Y.Map<unknown>, key: string): unknown {
  const item = map._map.get(key);
  if (!item) return undefined;
  const content = item.content.getContent();
  return content[content.length - 1];
}

function nestedType(map: Y.Map<unknown>): string | null {
  for (const [k, v] of map.entries()) if (v instanceof Y.AbstractType) return `"${k}" must be a plain value`;
  return null;
}

const invalid = (message: string): BoardRefusal => ({ code: BoardRefusalCode.invalid, message: `Not a valid board change: ${message}.` });
const frameLocked = (): BoardRefusal => ({ code: BoardRefusalCode.frameLocked, message: 'This frame is locked by the facilitator.' });
