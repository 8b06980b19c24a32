import { Link, Route, Switch } from 'wouter';
import { useT } from '../i18n/useT';
import { loadSession } from '../realtime/sessions';
import { Layout, Notice } from '../ui/Layout';
import { LanguagePicker } from '../ui/LanguagePicker';
import { LandingPage } from '../features/join/LandingPage';
import { JoinPage } from '../features/join/JoinPage';
import { WorkshopFrame } from '../features/workshop/WorkshopRoute';
import { WorkshopHome } from '../features/workshop/WorkshopHome';
import { FacilitatorEntry } from '../features/facilitator/FacilitatorEntry';

/** Routes: the front door, joining, a workshop, the facilitator console. */
export function App() {
  return (
    <Switch>
      <Route path="/" component={LandingPage} />
      <Route path="/join/:code">{(p) => <JoinPage code={p.code} />}</Route>
      <Route path="/w/:id">{(p) => <ParticipantRoute workshopId={p.id} />}</Route>
      <Route path="/f/:id">{(p) => <FacilitatorEntry workshopId={p.id} />}</Route>
      <Route>
        <NotFound />
      </Route>
    </Switch>
  );
}

function ParticipantRoute({ workshopId }: { workshopId: string }) {
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

function NotFound() {
  const t = useT();
  return (
    <Layout actions={<LanguagePicker />}>
      <Notice title={t('notFound.title')}>
        <p>
          <Link href="/">{t('notFound.home')}</Link>
        </p>
      </Notice>
    </Layout>
  );
}
