import { useEffect, type ReactNode } from 'react';
import { Link } from 'wouter';
import { type StoredSession } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { rememberedLanguage, setLanguage } from '../../i18n/LocaleStore';
import { Layout, Notice } from '../../ui/Layout';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { forgetSession } from '../../realtime/sessions';
import { useWorkshopClient, useWorkshopView, WorkshopSession } from '../../realtime/WorkshopContext';
import { forgetLastWorkshop, rememberWorkshop } from '../join/lastWorkshop';
import { ConnectionBadge, SavedBadge } from '../../ui/StatusBadges';
import { ProfileMenu } from '../profile/ProfileMenu';
import { PauseOverlay } from '../run/PauseOverlay';
import { AttentionFollower } from '../run/AttentionFollower';
import { RoundFollower } from '../breakouts/RoundFollower';
import { usePrefetchSteps } from '../run/usePrefetchSteps';
import { OpenPollNotice } from '../polls/OpenPollNotice';

/** Shows `children` once the workshop is loaded; handles ended sessions. */
export function WorkshopFrame({ session, children }: { session: StoredSession; children: ReactNode }) {
  return (
    <WorkshopSession session={session}>
      <Loaded>{children}</Loaded>
    </WorkshopSession>
  );
}

function Loaded({ children }: { children: ReactNode }) {
  const t = useT();
  const client = useWorkshopClient();
  const view = useWorkshopView();
  const me = view.state?.participants[view.me];
  usePrefetchSteps(view.state);

  // Speak the participant's language unless they chose one in this browser.
  const myLanguage = me?.language;
  useEffect(() => {
    if (myLanguage && !rememberedLanguage()) void setLanguage(myLanguage, false);
  }, [myLanguage]);

  const title = view.state?.definition.title;
  const { session } = client;
  useEffect(() => {
    if (!title) return;
    document.title = `${title} — Plenary`;
    if (session.role !== 'projector') rememberWorkshop({ workshopId: session.workshopId, title });
  }, [title, session]);

  useEffect(() => {
    if (view.status !== 'ended') return;
    forgetSession(session);
    if (session.role !== 'projector') forgetLastWorkshop(session.workshopId);
  }, [view.status, session]);

  if (view.status === 'ended') {
    return (
      <Layout actions={<LanguagePicker />}>
        <Notice title={view.endedBecause === 'removed' ? t('session.removed.title') : t('session.invalid.title')}>
          <p>{view.endedBecause === 'removed' ? t('session.removed.body') : t('session.invalid.body')}</p>
          <p>
            <Link href="/">{t('session.joinAgain')}</Link>
          </p>
        </Notice>
      </Layout>
    );
  }
  if (!view.state) {
    return (
      <Layout actions={<ConnectionBadge status={view.status} />}>
        <p className="card narrow" role="status">
          {t('common.loading')}
        </p>
      </Layout>
    );
  }
  return (
    <>
      <OpenPollNotice />
      {children}
      <PauseOverlay />
      <AttentionFollower />
      <RoundFollower />
    </>
  );
}

/** The header controls inside a workshop: connection, profile, language. */
export function WorkshopActions() {
  const view = useWorkshopView();
  const client = useWorkshopClient();
  const myLanguage = view.state?.participants[view.me]?.language;
  return (
    <>
      <ConnectionBadge status={view.status} />
      {view.pending > 0 && <SavedBadge state={{ kind: 'saving' }} />}
      <ProfileMenu />
      <LanguagePicker
        onChange={(lang) => {
          if (lang !== myLanguage) void client.send('participant:setLanguage', { language: lang });
        }}
      />
    </>
  );
}
