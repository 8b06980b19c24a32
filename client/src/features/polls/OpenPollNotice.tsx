import { Link, useLocation } from 'wouter';
import { AppPath } from '@plenary/shared';
import { useT } from '../../i18n/useT';
import { useWorkshopView } from '../../realtime/WorkshopContext';
import { usePolls } from './usePolls';

/**
 * Wherever a participant is (a board, a group room), a poll that opens
 * reaches them: a banner with a way to the ballot on the workshop's page.
 */
export function OpenPollNotice() {
  const t = useT();
  const view = useWorkshopView();
  const [location] = useLocation();
  const open = usePolls().filter((p) => p.status === 'open');
  const role = view.state?.participants[view.me]?.role;
  const home = AppPath.workshop(view.state?.id ?? '');
  if (role !== 'participant') return null;
  // One live region that is always there, so a screen reader hears a poll open (a region
  // inserted together with its text is often not read). On the workshop's page the polls
  // are in view: the words are for screen readers only; elsewhere a banner leads there.
  const atHome = location === home;
  return (
    <div role="status" data-testid="open-poll-live">
      {open.length > 0 && atHome && <span className="visually-hidden">{t('poll.notice.open', { count: open.length })}</span>}
      {open.length > 0 && !atHome && (
        <p className="banner poll-notice" data-testid="open-poll-notice">
          {t('poll.notice.open', { count: open.length })}{' '}
          {/* While a poll is open, the workshop's page shows its ballot first, at the top. */}
          <Link href={home} onClick={() => window.scrollTo({ top: 0 })}>
            {t('poll.notice.vote')}
          </Link>
        </p>
      )}
    </div>
  );
}
