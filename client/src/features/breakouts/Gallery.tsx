import { lazy, Suspense, useState } from 'react';
import type { Round } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useWorkshopClient, useWorkshopView } from '../../realtime/WorkshopContext';
import { NotesPanel } from '../notes/NotesPanel';
import { GroupBoardLink } from './GroupBoardLink';

// The discussion (answers editor, chat) loads when a group room or a gallery shows it, not with the home page.
const GroupDiscussion = lazy(() => import('../discussions/GroupDiscussion').then((m) => ({ default: m.GroupDiscussion })));

/** What each group of a closed round found, for the whole plenary. */
export function Gallery({ round }: { round: Round }) {
  const t = useT();
  const view = useWorkshopView();
  const client = useWorkshopClient();
  const state = view.state!;
  const [open, setOpen] = useState<string | null>(null);
  const [discussion, setDiscussion] = useState<string | null>(null);
  return (
    <section className="card gallery" aria-labelledby={`gallery-${round.id}`} data-testid="gallery">
      <h2 id={`gallery-${round.id}`} dir="auto">
        {t('breakout.gallery.title', { title: round.title })}
      </h2>
      <ul className="gallery-list">
        {round.groups.map((g) => {
          const count = Object.values(round.members).filter((x) => x === g.id).length;
          return (
            <li key={g.id} className="gallery-group" data-testid="gallery-group">
              <h3 dir="auto">{g.name}</h3>
              <p className="muted">{t('breakout.gallery.members', { count })}</p>
              {round.findings[g.id] ? (
                <p className="findings-text" dir="auto">
                  {round.findings[g.id]}
                </p>
              ) : (
                <p className="muted">{t('breakout.gallery.noFindings')}</p>
              )}
              <GroupBoardLink groupId={g.id} label={t('breakout.gallery.board', { name: g.name })} />
              <button type="button" className="small" aria-expanded={open === g.id} onClick={() => setOpen(open === g.id ? null : g.id)}>
                {t('breakout.gallery.notes')}
              </button>
              {open === g.id && (
                <NotesPanel
                  state={state}
                  me={view.me}
                  token={client.session.token}
                  doc={{ kind: 'groupNotes', workshopId: state.id, groupId: g.id }}
                  title={t('breakout.gallery.notes')}
                  testId="gallery-notes"
                  level={3}
                />
              )}{' '}
              <button type="button" className="small" aria-expanded={discussion === g.id} onClick={() => setDiscussion(discussion === g.id ? null : g.id)}>
                {t('discussion.gallery.show')}
              </button>
              {discussion === g.id && (
                <Suspense fallback={null}>
                  <GroupDiscussion state={state} me={view.me} token={client.session.token} round={round} group={g} />
                </Suspense>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The gallery of the most recently closed round, if any. */
export function LatestGallery() {
  const state = useWorkshopView().state!;
  const closed = state.breakouts.order
    .map((id) => state.breakouts.byId[id]!)
    .filter((r) => r.status === 'closed' && Object.keys(r.members).length > 0);
  const latest = closed[closed.length - 1];
  return latest ? <Gallery round={latest} /> : null;
}
