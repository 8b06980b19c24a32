/** The boards of a workshop, as the reducer keeps them. */
export interface BoardsState {
  byId: Record<string, never>;
}

export function initialBoardsState(): BoardsState {
  return { byId: {} };
}
