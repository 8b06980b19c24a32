import { loadSession } from '../../realtime/sessions';
import { NoSession } from '../../ui/NoSession';
import { WorkshopFrame } from '../workshop/WorkshopRoute';
import { BoardPage } from './BoardPage';

/** `/w/<workshop>/boards/<board>`: a board, for whoever has joined the workshop on this device. Loaded on demand. */
export default function BoardRoute({ workshopId, boardId }: { workshopId: string; boardId: string }) {
  const session = loadSession(workshopId);
  if (!session) {
    return <NoSession kind="participant" />;
  }
  return (
    <WorkshopFrame key={session.participantId} session={session}>
      <BoardPage boardId={boardId} />
    </WorkshopFrame>
  );
}
