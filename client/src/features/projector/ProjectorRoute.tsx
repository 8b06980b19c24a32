import { Link } from 'wouter';
import { useT } from '../../i18n/useT';
import { loadSession } from '../../realtime/sessions';
import { Layout, Notice } from '../../ui/Layout';
import { WorkshopFrame } from '../workshop/WorkshopRoute';
import { ProjectorPage } from './ProjectorPage';

/** `/p/<workshop>`: the projector screen a facilitator opened on this device. */
export default function ProjectorRoute({ workshopId }: { workshopId: string }) {
  const t = useT();
  const session = loadSession(workshopId, 'projector');
  if (!session) {
    return (
      <Layout>
        <Notice title={t('projector.none.title')}>
          <p>{t('projector.none.body')}</p>
          <p>
            <Link href="/">{t('notFound.home')}</Link>
          </p>
        </Notice>
      </Layout>
    );
  }
  return (
    <WorkshopFrame session={session}>
      <ProjectorPage />
    </WorkshopFrame>
  );
}
