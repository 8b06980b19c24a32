import { useT } from '../../i18n/useT';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { AgendaList } from '../agenda/AgendaList';
import { NowNext } from '../agenda/NowNext';
import { NotesPanel } from '../notes/NotesPanel';
import { PeopleList } from '../people/PeopleList';
import { WorkshopLayout } from './WorkshopLayout';

/** A participant's (or observer's) home in a workshop: now and next, notes, people, agenda. */
export function WorkshopHome() {
  const t = useT();
  const view = useWorkshopView();
  const client = useWorkshopClient();
  const state = view.state!;
  const me = state.participants[view.me];
  return (
    <WorkshopLayout>
      {me?.role === 'observer' && <p className="banner">{t('home.observerBanner')}</p>}
      <div className="home-grid">
        <div className="home-main">
          <NowNext state={state} />
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
