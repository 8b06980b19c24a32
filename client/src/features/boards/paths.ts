/** Where a board is: `/w/<workshop>/boards/<board>` (participants and facilitators alike). */
export function boardPath(workshopId: string, boardId: string): string {
  return `/w/${encodeURIComponent(workshopId)}/boards/${encodeURIComponent(boardId)}`;
}
