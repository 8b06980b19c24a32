import { Link } from 'wouter';
import type { WorkshopState } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { boardPath } from './paths';

/** The workshop's boards, as links; for the participant's home. */
export function BoardList({ state }: { state: WorkshopState }) {
  const t = useT();
  // Groups' boards are reached from their rooms and the gallery.
  const boards = state.boards.order.map((id) => state.boards.byId[id]!).filter((b) => b && b.scope.kind === 'plenary');
  return (
    <section className="card board-list" aria-labelledby="board-list-title">
      <h2 id="board-list-title">{t('board.list.title')}</h2>
      {boards.length === 0 ? (
        <p className="muted">{t('board.list.none')}</p>
      ) : (
        <ul>
          {boards.map((b) => (
            <li key={b.id}>
              <Link href={boardPath(state.id, b.id)} dir="auto" data-testid="board-link">
                {b.title}
              </Link>{' '}
              {b.locked && <span className="badge">{t('board.lockedBadge')}</span>}
              {b.vote?.status === 'open' && <span className="badge">{t('board.vote.openBadge')}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
