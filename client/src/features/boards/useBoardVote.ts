import { useCallback, useMemo } from 'react';
import { rankedTally, resultsVisible, type Board } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { describeError } from '../../i18n/describeError';
import { useWorkshopClient } from '../../realtime/WorkshopContext';

/** A board's dot vote as this person sees it: their dots, the totals once they may be seen, and casting. */
export function useBoardVote(board: Board, me: string, isFacilitator: boolean, onError: (message: string) => void) {
  const t = useT();
  const client = useWorkshopClient();
  const vote = board.vote;
  const visible = vote ? resultsVisible(vote, isFacilitator) : false;
  const myBallot = useMemo(() => (vote ? (vote.ballots[me] ?? {}) : {}), [vote, me]);
  const dots = useCallback(
    (id: string) => {
      if (!vote) return null;
      const mine = myBallot[id] ?? 0;
      const total = visible ? (vote.tally[id] ?? 0) : null;
      if (mine === 0 && !total) return null;
      return { mine, total };
    },
    [vote, myBallot, visible],
  );
  const cast = async (id: string, delta: number) => {
    if (!vote || vote.status !== 'open') return;
    const r = await client.send('board:vote', { boardId: board.id, itemId: id, dots: Math.max(0, (myBallot[id] ?? 0) + delta) });
    if (!r.ok) onError(describeError(t, r.error, { conflict: 'board.vote.noDotsLeft' }));
  };
  const ranked = vote && visible ? rankedTally(vote) : [];
  return { vote, open: vote?.status === 'open', myBallot, dots, cast, ranked };
}
