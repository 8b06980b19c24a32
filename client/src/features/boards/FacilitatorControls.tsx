import { useId, useState } from 'react';
import type { Board, Viewport } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { describeError } from '../../i18n/describeError';
import { useWorkshopClient } from '../../realtime/WorkshopContext';

/** What a facilitator does with a board: lock it, private mode and reveal, bring everyone, run a dot vote. */
export function FacilitatorControls({ board, viewport, onError }: { board: Board; viewport: () => Viewport; onError: (message: string) => void }) {
  const t = useT();
  const client = useWorkshopClient();
  const ids = { budget: useId(), hidden: useId() };
  const [budget, setBudget] = useState(3);
  const [hidden, setHidden] = useState(true);
  const boardId = board.id;
  const send = async (...args: Parameters<typeof client.send>) => {
    const r = await client.send(...args);
    if (!r.ok) onError(describeError(t, r.error));
  };
  const vote = board.vote;
  return (
    <div className="board-facilitate" data-testid="facilitator-controls">
      <h2>{t('board.facilitate')}</h2>
      <div className="stack">
        <button type="button" aria-pressed={board.locked} onClick={() => void send('board:lock', { boardId, locked: !board.locked })}>
          {board.locked ? t('board.unlock') : t('board.lock')}
        </button>
        <button type="button" aria-pressed={board.private} onClick={() => void send('board:setPrivate', { boardId, private: !board.private })}>
          {board.private ? t('board.reveal') : t('board.private')}
        </button>
        <button type="button" onClick={() => void send('board:summon', { boardId, viewport: roundViewport(viewport()) })}>
          {t('board.summon')}
        </button>
        <button type="button" onClick={() => void send('projector:show', { view: { kind: 'board', boardId } })}>
          {t('board.project')}
        </button>
      </div>
      <h3>{t('board.vote.title')}</h3>
      {!vote && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void send('board:openVote', { boardId, budget, hidden });
          }}
        >
          <label htmlFor={ids.budget}>{t('board.vote.budget')}</label>
          <input id={ids.budget} type="number" min={1} max={50} value={budget} onChange={(e) => setBudget(Math.max(1, Math.min(50, Number(e.target.value) || 1)))} />
          <label className="check">
            <input id={ids.hidden} type="checkbox" checked={hidden} onChange={(e) => setHidden(e.target.checked)} /> {t('board.vote.hideResults')}
          </label>
          <button type="submit" className="primary">
            {t('board.vote.open')}
          </button>
        </form>
      )}
      {vote && (
        <div className="stack">
          <p>{vote.status === 'open' ? t('board.vote.isOpen', { count: vote.budget }) : t('board.vote.closed')}</p>
          {vote.status === 'open' && (
            <button type="button" onClick={() => void send('board:closeVote', { boardId })}>
              {t('board.vote.close')}
            </button>
          )}
          {!vote.revealed && vote.hidden && (
            <button type="button" onClick={() => void send('board:revealVote', { boardId })}>
              {t('board.vote.reveal')}
            </button>
          )}
          <button type="button" onClick={() => window.confirm(t('board.vote.clearConfirm')) && void send('board:clearVote', { boardId })}>
            {t('board.vote.clear')}
          </button>
        </div>
      )}
    </div>
  );
}

const roundViewport = (v: Viewport): Viewport => ({ x: Math.round(v.x), y: Math.round(v.y), zoom: Math.round(v.zoom * 1000) / 1000 });
