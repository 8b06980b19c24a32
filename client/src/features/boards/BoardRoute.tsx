import { Link } from 'wouter';
import { useT } from '../../i18n/useT';
import { loadSession } from '../../realtime/sessions';
import { Layout, Notice } from '../../ui/Layout';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { WorkshopFrame } from '../workshop/WorkshopRoute';
import { BoardPage } from './BoardPage';

/** `/w/<workshop>/boards/<board>`: a board, for whoever has joined the workshop on this device. Loaded on demand. */
export default function BoardRoute({ workshopId, boardId }: { workshopId: string; boardId: string }) {
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
      <BoardPage boardId={boardId} />
    </WorkshopFrame>
  );
}
