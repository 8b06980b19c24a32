import { lazy, Suspense } from 'react';
import { Link } from 'wouter';
import { AppPath } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { Announcements } from '../run/Announcements';
import { LatestGallery } from '../breakouts/Gallery';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { AgendaList } from '../agenda/AgendaList';
import { NowNext } from '../agenda/NowNext';
import { NotesPanel } from '../notes/NotesPanel';
import { PeopleList } from '../people/PeopleList';
import { WorkshopLayout } from './WorkshopLayout';
import { ParticipantPolls } from '../polls/ParticipantPolls';
import { usePolls } from '../polls/usePolls';
import { BoardList } from '../boards/BoardList';
import { useFollowSummons } from '../boards/useFollowSummons';
import { useReportPlace } from '../../realtime/useReportPlace';

// Questions and the workplan load just after the page (their code is not needed to vote):
// on a slow network, the ballot shows first.
const QuestionsPanel = lazy(() => import('../qa/QuestionsPanel').then((m) => ({ default: m.QuestionsPanel })));
const OutcomesPanel = lazy(() => import('../outcomes/OutcomesPanel').then((m) => ({ default: m.OutcomesPanel })));
// A breakout group's room loads when a round runs (most of a workshop has none).
const GroupRoom = lazy(() => import('../breakouts/GroupRoom').then((m) => ({ default: m.GroupRoom })));

/** A participant's (or observer's) home in a workshop: now and next, notes, people, agenda. */
export function WorkshopHome() {
  const t = useT();
  const view = useWorkshopView();
  const client = useWorkshopClient();
  const state = view.state!;
  useFollowSummons(null);
  useReportPlace({ kind: 'home' });
  const me = state.participants[view.me];
  const roundRunning = Object.values(state.breakouts.byId).some((r) => r.status === 'running' || r.status === 'closing');
  // While a poll is open its ballot comes first (after the group's room during a round): on a phone, no scrolling to find it.
  const pollOpen = usePolls().some((p) => p.status === 'open');
  return (
    <WorkshopLayout>
      {me?.role === 'observer' && <p className="banner">{t('home.observerBanner')}</p>}
      {me?.role === 'facilitator' && (
        <p className="banner">
          {t('run.role.nowFacilitator')} <Link href={AppPath.facilitate(state.id)}>{t('run.role.openConsole')}</Link>
        </p>
      )}
      <Announcements />
      {roundRunning && (
        <Suspense fallback={null}>
          <GroupRoom />
        </Suspense>
      )}
      {pollOpen && <ParticipantPolls />}
      <div className="home-grid">
        <div className="home-main">
          <NowNext state={state} />
          <LatestGallery />
          {!pollOpen && <ParticipantPolls />}
          <BoardList state={state} />
          <Suspense fallback={null}>
            <OutcomesPanel />
            <QuestionsPanel />
          </Suspense>
          <NotesPanel state={state} me={view.me} token={client.session.token} />
        </div>
        <div className="home-side">
          <PeopleList state={state} online={view.online} me={view.me} />
          <AgendaList state={state} />
        </div>
      </div>
    </WorkshopLayout>
  );
}
