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
  if (open.length === 0 || role !== 'participant' || location === home) return null;
  return (
    <p className="banner poll-notice" role="status" data-testid="open-poll-notice">
      {t('poll.notice.open', { count: open.length })}{' '}
      <Link
        href={home}
        onClick={() => {
          // After the workshop page renders, bring its polls into view.
          setTimeout(() => document.getElementById('polls')?.scrollIntoView({ block: 'start' }), 100);
        }}
      >
        {t('poll.notice.vote')}
      </Link>
    </p>
  );
}
