import { lazy, Suspense, useSyncExternalStore } from 'react';
import { AppPath, formatJoinCode, nowNext, type ProjectorView, type WorkshopState } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { QrCode } from '../../ui/QrCode';
import { ConnectionBadge } from '../../ui/StatusBadges';
import { useMinuteClock, TimeRange } from '../agenda/NowNext';
import { ProjectorQuestion } from '../qa/QuestionsPanel';
import { TimerDisplay } from '../run/TimerDisplay';
import { ProjectorPoll } from '../polls/ProjectorPoll';

// The board canvas loads only when a board is put on the projector.
const BoardStage = lazy(() => import('../boards/BoardStage'));

/**
 * The screen in the room: large type, high contrast, no controls. It shows
 * how to join, where the agenda is, and whatever the facilitator puts on it.
 */
export function ProjectorPage() {
  const t = useT();
  const view = useWorkshopView();
  const state = view.state!;
  const origin = useSyncExternalStore(
    () => () => undefined,
    () => location.origin,
  );
  const joinUrl = `${origin}${AppPath.join(state.joinCode)}`;
  const present = Object.values(state.participants).filter(
    (p) => !p.removed && p.role !== 'projector' && view.online.has(p.id),
  ).length;
  return (
    <div className="projector" data-testid="projector">
      <header className="projector-head">
        <h1 dir="auto">{state.definition.title}</h1>
        <ConnectionBadge status={view.status} />
      </header>
      <main className="projector-body">
        <section className="projector-stage" aria-live="polite">
          <Stage view={state.run.projector} state={state} />
        </section>
        <aside className="projector-side">
        {state.run.timer && <TimerDisplay timer={state.run.timer} size="large" sound />}
        <div className="projector-join" aria-labelledby="projector-join-title">
          <h2 id="projector-join-title">{t('projector.join')}</h2>
          <p className="projector-code" dir="ltr" data-testid="projector-code">
            {formatJoinCode(state.joinCode)}
          </p>
          <QrCode value={joinUrl} label={t('console.join.qr')} size={260} />
          <p className="projector-url" dir="ltr">
            {origin.replace(/^https?:\/\//, '')}
          </p>
          <p className="projector-present" data-testid="projector-present">
            {t('projector.present', { count: present })}
          </p>
        </div>
        </aside>
      </main>
    </div>
  );
}

/** What is on the projector. Each area renders its own kind; until it does, the agenda shows. */
function Stage({ view, state }: { view: ProjectorView; state: WorkshopState }) {
  switch (view.kind) {
    case 'question':
      return <ProjectorQuestion questionId={view.questionId} />;
    case 'board':
      return <ProjectedBoard boardId={view.boardId} state={state} />;
    case 'poll':
      return <ProjectorPoll pollId={view.pollId} state={state} />;
    case 'agenda':
      return <AgendaStage state={state} />;
  }
}

function ProjectedBoard({ boardId, state }: { boardId: string; state: WorkshopState }) {
  const client = useWorkshopClient();
  const me = useWorkshopView().me;
  return (
    <Suspense fallback={<AgendaStage state={state} />}>
      <BoardStage state={state} boardId={boardId} token={client.session.token} me={me} />
    </Suspense>
  );
}

function AgendaStage({ state }: { state: WorkshopState }) {
  const t = useT();
  const nn = nowNext(state, useMinuteClock());
  return (
    <div className="projector-agenda">
      <p className="eyebrow">{t('agenda.now')}</p>
      {nn.now ? (
        <>
          <p className="projector-now" dir="auto" data-testid="projector-now">
            {nn.now.item.title}
          </p>
          <p className="projector-time">
            <TimeRange s={nn.now} venueZone={state.definition.timeZone} venueOnly />
          </p>
        </>
      ) : (
        <p className="projector-now" data-testid="projector-now">
          {nn.ended ? t('agenda.ended') : t('agenda.notStarted')}
        </p>
      )}
      {nn.next && (
        <>
          <p className="eyebrow">{t('agenda.next')}</p>
          <p className="projector-next" dir="auto">
            {nn.next.item.title}
          </p>
        </>
      )}
    </div>
  );
}
