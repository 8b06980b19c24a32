/**
 * A JSON export chosen for import, waiting for its new board to open: the
 * console creates the board, then the board page writes the items (through
 * the same checked path as any edit). Kept in memory; a reload drops it.
 */
import type { BoardExport } from '@plenary/shared';

const pending = new Map<string, BoardExport>();

export function setPendingImport(boardId: string, data: BoardExport): void {
  pending.set(boardId, data);
}

export function takePendingImport(boardId: string): BoardExport | null {
  const data = pending.get(boardId) ?? null;
  pending.delete(boardId);
  return data;
}
