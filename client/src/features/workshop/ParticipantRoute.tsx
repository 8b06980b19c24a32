import { Link } from 'wouter';
import { useT } from '../../i18n/useT';
import { loadSession } from '../../realtime/sessions';
import { Layout, Notice } from '../../ui/Layout';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { WorkshopFrame } from './WorkshopRoute';
import { WorkshopHome } from './WorkshopHome';

/** `/w/<workshop>`: the participant's home, if this device has joined the workshop. */
export default function ParticipantRoute({ workshopId }: { workshopId: string }) {
  const t = useT();
  const session = loadSession(workshopId);
  if (!session) {
    return (
      <Layout actions={<LanguagePicker />}>
        <Notice title={t('session.none.title')}>
          <p>{t('session.none.body')}</p>
          <p>
            <Link href="/">{t('session.joinAgain')}</Link>
          </p>
        </Notice>
      </Layout>
    );
  }
  return (
    <WorkshopFrame key={session.participantId} session={session}>
      <WorkshopHome />
    </WorkshopFrame>
  );
}
