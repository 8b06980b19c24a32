import { loadSession } from '../../realtime/sessions';
import { NoSession } from '../../ui/NoSession';
import { WorkshopFrame } from '../workshop/WorkshopRoute';
import { ProjectorPage } from './ProjectorPage';

/** `/p/<workshop>`: the projector screen a facilitator opened on this device. */
export default function ProjectorRoute({ workshopId }: { workshopId: string }) {
  const session = loadSession(workshopId, 'projector');
  if (!session) {
    return <NoSession kind="projector" />;
  }
  return (
    <WorkshopFrame session={session}>
      <ProjectorPage />
    </WorkshopFrame>
  );
}
