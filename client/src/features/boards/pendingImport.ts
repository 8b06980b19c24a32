/**
 * A JSON export chosen for import, waiting for its new board to open: the
 * console creates the board, then the board page writes the items (through
 * the same checked path as any edit). Kept in memory; a reload drops it.
 */
import type { BoardExport, BoardItem, GroupSource } from '@plenary/shared';

const pending = new Map<string, BoardExport>();

export function setPendingImport(boardId: string, data: BoardExport): void {
  pending.set(boardId, data);
}

export function takePendingImport(boardId: string): BoardExport | null {
  const data = pending.get(boardId) ?? null;
  pending.delete(boardId);
  return data;
}

/** Items chosen on a group's board for a plenary board, waiting for that board to open. */
export interface PendingCopy {
  items: BoardItem[];
  group: GroupSource;
}

const copies = new Map<string, PendingCopy>();

export function setPendingCopy(boardId: string, copy: PendingCopy): void {
  copies.set(boardId, copy);
}

export function takePendingCopy(boardId: string): PendingCopy | null {
  const copy = copies.get(boardId) ?? null;
  copies.delete(boardId);
  return copy;
}
