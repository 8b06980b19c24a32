import { loadSession } from '../../realtime/sessions';
import { NoSession } from '../../ui/NoSession';
import { WorkshopFrame } from './WorkshopRoute';
import { WorkshopHome } from './WorkshopHome';

/** `/w/<workshop>`: the participant's home, if this device has joined the workshop. */
export default function ParticipantRoute({ workshopId }: { workshopId: string }) {
  const session = loadSession(workshopId);
  if (!session) {
    return <NoSession kind="participant" />;
  }
  return (
    <WorkshopFrame key={session.participantId} session={session}>
      <WorkshopHome />
    </WorkshopFrame>
  );
}
