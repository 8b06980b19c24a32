import { useState } from 'react';
import { AppPath, formatJoinCode, nowNext, scheduleOf, type Participant, type WireError } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { QrCode } from '../../ui/QrCode';
import { AgendaList } from '../agenda/AgendaList';
import { NowNext, useMinuteClock } from '../agenda/NowNext';
import { NotesPanel } from '../notes/NotesPanel';
import { PeopleList } from '../people/PeopleList';
import { WorkshopLayout } from '../workshop/WorkshopLayout';
import { SettingsPanel } from './SettingsPanel';
import { NewWorkshopPanel } from './NewWorkshopPanel';
import { OpenProjectorButton } from '../projector/OpenProjectorButton';

/** The facilitator's console: the room's join code, the run of show, people, settings, notes. */
export function ConsolePage() {
  const t = useT();
  const client = useWorkshopClient();
  const view = useWorkshopView();
  const state = view.state!;
  const [message, setMessage] = useState<string | null>(null);

  const report = (error: WireError | null) => setMessage(error ? error.message : null);

  const remove = async (p: Participant) => {
    if (!window.confirm(t('console.removeConfirm', { name: p.name }))) return;
    const r = await client.send('participant:remove', { participantId: p.id });
    report(r.ok ? null : r.error);
  };
  const setCurrent = async (itemId: string | null) => {
    const r = await client.send('agenda:setCurrent', { itemId });
    report(r.ok ? null : r.error);
  };

  return (
    <WorkshopLayout>
      <h1 className="visually-hidden">{t('console.title')}</h1>
      {message && (
        <p className="banner error" role="alert">
          {message}
        </p>
      )}
      <div className="console-grid">
        <JoinPanel />
        <RunPanel onSetCurrent={setCurrent} />
        <PeopleList state={state} online={view.online} me={view.me} onRemove={remove} />
        <SettingsPanel />
        <NotesPanel state={state} me={view.me} token={client.session.token} />
        <AgendaList state={state} onSetCurrent={setCurrent} />
        <NewWorkshopPanel />
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

/** Moving the room through its agenda: start the first item, go to the next, stop. */
function RunPanel({ onSetCurrent }: { onSetCurrent: (itemId: string | null) => void }) {
  const t = useT();
  const state = useWorkshopView().state!;
  const now = useMinuteClock();
  const nn = nowNext(state, now);
  const first = scheduleOf(state.definition)[0];
  return (
    <section className="card run-panel" aria-labelledby="run-title">
      <h2 id="run-title">{t('console.run.title')}</h2>
      <NowNext state={state} />
      <div className="row">
        {!nn.led && first && (
          <button type="button" className="primary" onClick={() => onSetCurrent(first.item.id)}>
            {t('console.run.startFirst')}
          </button>
        )}
        {nn.led && nn.next && (
          <button type="button" className="primary" onClick={() => onSetCurrent(nn.next!.item.id)}>
            {t('console.run.next')}
          </button>
        )}
        {nn.led && (
          <button type="button" onClick={() => onSetCurrent(null)}>
            {t('console.run.stop')}
          </button>
        )}
        <OpenProjectorButton />
      </div>
    </section>
  );
}
