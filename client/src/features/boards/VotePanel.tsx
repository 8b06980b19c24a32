import { dotsUsed, type DotVote } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import type { ViewItem } from './BoardSession';
import type { BoardWords } from './useItemWords';

/** The dot vote: my dots left, and the ranked results once they may be seen. */
export function VotePanel({
  vote,
  me,
  ranked,
  items,
  words,
  onGoTo,
}: {
  vote: DotVote;
  me: string;
  ranked: { itemId: string; dots: number }[];
  items: ReadonlyMap<string, ViewItem>;
  words: BoardWords;
  onGoTo: (item: ViewItem) => void;
}) {
  const t = useT();
  const used = dotsUsed(vote.ballots[me]);
  return (
    <div className="board-vote" data-testid="vote-panel">
      <h2>{t('board.vote.title')}</h2>
      <p>{vote.status === 'open' ? t('board.vote.left', { count: vote.budget - used, total: vote.budget }) : t('board.vote.closed')}</p>
      {vote.status === 'open' && <p className="muted">{t('board.vote.how')}</p>}
      {ranked.length > 0 ? (
        <ol className="board-ranking" aria-label={t('board.vote.ranking')}>
          {ranked.map((r) => {
            const item = items.get(r.itemId);
            return (
              <li key={r.itemId}>
                <span className="board-rank-dots">{t('board.vote.dots', { count: r.dots })}</span>{' '}
                {item ? (
                  <button type="button" className="link" onClick={() => onGoTo(item)} dir="auto">
                    {words.text(item) || t('board.empty')}
                  </button>
                ) : (
                  <span className="muted">{t('board.vote.deletedItem')}</span>
                )}
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted">{vote.hidden && !vote.revealed ? t('board.vote.hidden') : t('board.vote.none')}</p>
      )}
    </div>
  );
}
