import { useEffect, useState } from 'react';
import { AppPath, formatJoinCode, type Participant, type WireError } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { describeError } from '../../i18n/describeError';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { QrCode } from '../../ui/QrCode';
import { AgendaList } from '../agenda/AgendaList';
import { NotesPanel } from '../notes/NotesPanel';
import { PeopleList } from '../people/PeopleList';
import { WorkshopLayout } from '../workshop/WorkshopLayout';
import { SettingsPanel } from './SettingsPanel';
import { PollsPanel } from '../polls/PollsPanel';
import { NewWorkshopPanel } from './NewWorkshopPanel';
import { AgendaEditor } from '../run/AgendaEditor';
import { BreakoutsPanel } from '../breakouts/BreakoutsPanel';
import { DiscussionsPanel } from '../discussions/DiscussionsPanel';
import { AttentionControls, RunControls } from '../run/RunControls';
import { QaSettingsPanel, QuestionsPanel } from '../qa/QuestionsPanel';
import { BoardsPanel } from '../boards/BoardsPanel';
import { OutcomesPanel } from '../outcomes/OutcomesPanel';
import { OutcomesDownloads } from '../outcomes/OutcomesDownloads';
import './console.css';

/**
 * The facilitator's console: what runs the room now (run of show, attention,
 * people) in a side column that stays in view; the join code, activities,
 * outcomes, agenda and settings beside it.
 */
export function ConsolePage() {
  const t = useT();
  const client = useWorkshopClient();
  const view = useWorkshopView();
  const state = view.state!;
  const [message, setMessage] = useState<string | null>(null);

  const report = (error: WireError | null) => setMessage(error ? describeError(t, error) : null);
  // The console uses a wide screen's width (the page's main area is narrower elsewhere).
  useEffect(() => {
    const main = document.getElementById('main');
    main?.classList.add('console-wide');
    return () => main?.classList.remove('console-wide');
  }, []);

  const remove = async (p: Participant) => {
    if (!window.confirm(t('console.removeConfirm', { name: p.name }))) return;
    const r = await client.send('participant:remove', { participantId: p.id });
    report(r.ok ? null : r.error);
  };
  const setRole = async (p: Participant, role: 'facilitator' | 'participant') => {
    const r = await client.send('participant:setRole', { participantId: p.id, role });
    report(r.ok ? null : r.error);
  };
  const setCurrent = async (itemId: string | null) => {
    const r = await client.send('agenda:setCurrent', { itemId });
    report(r.ok ? null : r.error);
  };

  return (
    <WorkshopLayout timer={false}>
      <h1 className="visually-hidden">{t('console.title')}</h1>
      {message && (
        <p className="banner error" role="alert">
          {message}
        </p>
      )}
      <div className="console-layout">
        <div className="console-side" data-testid="console-side">
          <RunControls report={report} />
          <AttentionControls report={report} />
          <PeopleList state={state} online={view.online} me={view.me} onRemove={remove} onSetRole={setRole} />
        </div>
        <div className="console-grid">
          <JoinPanel />
          <PollsPanel />
          <BreakoutsPanel report={report} />
          <DiscussionsPanel />
          <QuestionsPanel />
          <BoardsPanel />
          <OutcomesPanel />
          <OutcomesDownloads />
          <AgendaList state={state} onSetCurrent={setCurrent} />
          <AgendaEditor report={report} />
          <NotesPanel state={state} me={view.me} token={client.session.token} />
          <SettingsPanel />
          <QaSettingsPanel />
          <NewWorkshopPanel />
        </div>
      </div>
    </WorkshopLayout>
  );
}

/** What the room needs to join: the code, a QR code and the link. */
function JoinPanel() {
  const t = useT();
  const state = useWorkshopView().state!;
  const link = `${location.origin}${AppPath.join(state.joinCode)}`;
  const [copied, setCopied] = useState(false);
  return (
    <section className="card join-panel" aria-labelledby="join-panel-title">
      <h2 id="join-panel-title">{t('console.join.title')}</h2>
      <p className="join-code" data-testid="join-code" dir="ltr">
        {formatJoinCode(state.joinCode)}
      </p>
      <QrCode value={link} label={t('console.join.qr')} size={180} />
      <p className="join-link" dir="ltr">
        <a href={link}>{link}</a>
      </p>
      <button
        type="button"
        onClick={() => {
          void navigator.clipboard?.writeText(link).then(() => setCopied(true));
        }}
      >
        {copied ? t('console.join.copied') : t('console.join.copy')}
      </button>
      {!state.settings.joinOpen && <p className="banner">{t('console.join.closed')}</p>}
    </section>
  );
}
