import { Link } from 'wouter';
import { useT } from '../../i18n/useT';
import { useWorkshopView } from '../../realtime/WorkshopContext';
import { boardPath } from '../boards/paths';

/** The group's own board, when the round gave each group one. */
export function GroupBoardLink({ groupId, label }: { groupId: string; label?: string }) {
  const t = useT();
  const state = useWorkshopView().state!;
  const board = Object.values(state.boards.byId).find((b) => b.scope.kind === 'group' && b.scope.groupId === groupId);
  if (!board) return null;
  return (
    <p>
      <Link href={boardPath(state.id, board.id)} className="button-link" data-testid="group-board-link">
        {label ?? t('breakout.room.board')}
      </Link>
    </p>
  );
}
