/** The polls of a workshop, as the reducer keeps them. */
export interface PollsState {
  byId: Record<string, never>;
}

export function initialPollsState(): PollsState {
  return { byId: {} };
}
