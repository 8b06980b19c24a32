import { lazy, Suspense } from 'react';
import { Link, Route, Switch } from 'wouter';
import { useT } from '../i18n/useT';
import { Layout, Notice } from '../ui/Layout';
import { LanguagePicker } from '../ui/LanguagePicker';
import { LandingPage } from '../features/join/LandingPage';
import { JoinPage } from '../features/join/JoinPage';
import { loadParticipantRoute } from './routeLoaders';

// The realtime screens (Socket.IO, Yjs, IndexedDB) load only when someone is in a workshop,
// so the front door and the join form stay small on a phone.
const ParticipantRoute = lazy(loadParticipantRoute);
const FacilitatorEntry = lazy(() => import('../features/facilitator/FacilitatorEntry'));
const ProjectorRoute = lazy(() => import('../features/projector/ProjectorRoute'));
// A board (React Flow) loads only when someone opens one: the join-and-vote path stays small.
const BoardRoute = lazy(() => import('../features/boards/BoardRoute'));

/** Routes: the front door, joining, a workshop, the facilitator console. */
export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/" component={LandingPage} />
        <Route path="/join/:code">{(p) => <JoinPage code={p.code} />}</Route>
        <Route path="/w/:id/boards/:boardId">{(p) => <BoardRoute workshopId={p.id} boardId={p.boardId} />}</Route>
        <Route path="/w/:id">{(p) => <ParticipantRoute workshopId={p.id} />}</Route>
        <Route path="/f/:id">{(p) => <FacilitatorEntry workshopId={p.id} />}</Route>
        <Route path="/p/:id">{(p) => <ProjectorRoute workshopId={p.id} />}</Route>
        <Route>
          <NotFound />
        </Route>
      </Switch>
    </Suspense>
  );
}

function Loading() {
  const t = useT();
  return (
    <p className="card narrow" role="status">
      {t('common.loading')}
    </p>
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
